<?php
/**
 * The elements in the theme's colours and fonts: their public custom properties (`--mobilizon-*`,
 * src/elements/shared/tokens.ts) set from the theme's global styles in block themes (theme.json:
 * text, background and link colours, body font, as `--wp--preset--*` variables) and from the
 * customizer's background colour in classic ones. A block set to its
 * own colours (`ownColors`, shortcode `own-colors`) keeps the elements' defaults.
 *
 * @package Embeds_For_Mobilizon
 */

namespace Embeds_For_Mobilizon;

defined( 'ABSPATH' ) || exit;

/**
 * One small inline style, printed with the element script.
 */
final class Theme_Style {

	const HANDLE = 'embeds-for-mobilizon-theme';

	/** The wrappers every embed has (the blocks' own class, or the shortcodes' and widget's). */
	const SELECTOR = ':where(.embeds-for-mobilizon,[class*="wp-block-embeds-for-mobilizon-"]):not(.embeds-for-mobilizon-own-colors)';

	/**
	 * Puts the style on the page being rendered (with the element script; computed once, only on
	 * pages that show an element).
	 */
	public static function enqueue() {
		if ( ! wp_style_is( self::HANDLE, 'registered' ) ) {
			wp_register_style( self::HANDLE, false, array(), EMBEDS_FOR_MOBILIZON_VERSION );
			wp_add_inline_style( self::HANDLE, self::css() );
		}
		wp_enqueue_style( self::HANDLE );
	}

	/**
	 * The rule, or '' when the theme says nothing usable.
	 *
	 * @return string
	 */
	public static function css() {
		$block = function_exists( 'wp_theme_has_theme_json' ) ? wp_theme_has_theme_json() : wp_is_block_theme();
		$vars  = $block ? self::from_global_styles() : self::from_customizer();
		$decl  = '';
		foreach ( $vars as $name => $value ) {
			// Values come from the theme and the site's settings; only what a colour or a font list holds passes.
			if ( is_string( $value ) && preg_match( '/^[a-z0-9#(),.%\s\'"_-]+$/i', $value ) ) {
				$decl .= '--mobilizon-' . $name . ':' . $value . ';';
			}
		}
		return '' === $decl ? '' : self::SELECTOR . '{' . $decl . '}';
	}

	/**
	 * A global style value as CSS: `var:preset|color|contrast` → `var(--wp--preset--color--contrast)`.
	 *
	 * @param mixed $value A value from wp_get_global_styles().
	 * @return string|null
	 */
	private static function css_value( $value ) {
		if ( ! is_string( $value ) || '' === $value ) {
			return null;
		}
		if ( 0 === strpos( $value, 'var:' ) ) {
			return 'var(--wp--' . str_replace( '|', '--', substr( $value, 4 ) ) . ')';
		}
		return $value;
	}

	/**
	 * Block themes: the site's text, background, link colours and body font.
	 *
	 * @return array Custom property names (without `--mobilizon-`) => values.
	 */
	private static function from_global_styles() {
		$styles     = wp_get_global_styles();
		$text       = self::css_value( $styles['color']['text'] ?? null );
		$background = self::css_value( $styles['color']['background'] ?? null );
		$link       = self::css_value( $styles['elements']['link']['color']['text'] ?? null );
		$font       = self::css_value( $styles['typography']['fontFamily'] ?? null );
		$vars       = array(
			'text'    => $text,
			'surface' => $background,
			// Links are the theme's accent; buttons in it carry the background colour as text.
			'accent'  => $link ? $link : $text,
			'font'    => $font,
		);
		if ( $vars['accent'] && $background ) {
			$vars['accent-text'] = $background;
		}
		if ( $text ) {
			$vars['muted']       = 'color-mix(in srgb, ' . $text . ' 72%, transparent)';
			$vars['border']      = 'color-mix(in srgb, ' . $text . ' 22%, transparent)';
			$vars['surface-alt'] = 'color-mix(in srgb, ' . $text . ' 6%, ' . ( $background ? $background : 'transparent' ) . ')';
		}
		return array_filter( $vars );
	}

	/**
	 * Classic themes: the customizer's background colour, with the lines and alternate surfaces
	 * derived from it (text keeps the elements' own, readable on light backgrounds; the font is
	 * the page's already).
	 *
	 * @return array
	 */
	private static function from_customizer() {
		$background = sanitize_hex_color_no_hash( (string) get_theme_mod( 'background_color', get_theme_support( 'custom-background', 'default-color' ) ) );
		if ( ! $background ) {
			return array();
		}
		return array(
			'surface'     => '#' . $background,
			'surface-alt' => 'color-mix(in srgb, #' . $background . ' 92%, #000)',
			'border'      => 'color-mix(in srgb, #' . $background . ' 70%, #000)',
		);
	}
}
