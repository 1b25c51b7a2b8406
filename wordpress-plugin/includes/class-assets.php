<?php
/**
 * The elements' script: dist/mobilizon-embed.js, copied into assets/js/ by the build with its lazy
 * chunks, served from this site as a JavaScript module, and only on pages that show an element.
 *
 * @package Embeds_For_Mobilizon
 */

namespace Embeds_For_Mobilizon;

defined( 'ABSPATH' ) || exit;

/**
 * Registered early, enqueued by whatever renders an element.
 */
final class Assets {

	const HANDLE = 'embeds-for-mobilizon';

	/**
	 * The module's path inside the plugin.
	 *
	 * @return string
	 */
	public static function path() {
		return 'assets/js/mobilizon-embed.js';
	}

	/**
	 * Registers the module: WordPress's script modules (6.5+) when there, else a script whose tag
	 * gets type="module" (the lazy chunks then load from beside it).
	 */
	public static function register() {
		if ( ! file_exists( EMBEDS_FOR_MOBILIZON_DIR . '/' . self::path() ) ) {
			return;
		}
		$src = plugins_url( self::path(), EMBEDS_FOR_MOBILIZON_FILE );
		if ( function_exists( 'wp_register_script_module' ) ) {
			wp_register_script_module( self::HANDLE, $src, array(), EMBEDS_FOR_MOBILIZON_VERSION );
			return;
		}
		wp_register_script( self::HANDLE, $src, array(), EMBEDS_FOR_MOBILIZON_VERSION, true );
		add_filter( 'script_loader_tag', array( __CLASS__, 'module_tag' ), 10, 3 );
	}

	/**
	 * Puts the module on the page being rendered.
	 */
	public static function enqueue() {
		if ( function_exists( 'wp_enqueue_script_module' ) ) {
			wp_enqueue_script_module( self::HANDLE );
		} else {
			wp_enqueue_script( self::HANDLE );
		}
	}

	/**
	 * `<script type="module">` for the element script (WordPress before 6.5).
	 *
	 * @param string $tag    The tag WordPress built.
	 * @param string $handle Its handle.
	 * @param string $src    Its URL.
	 * @return string
	 */
	public static function module_tag( $tag, $handle, $src ) {
		if ( self::HANDLE !== $handle ) {
			return $tag;
		}
		return sprintf( '<script type="module" src="%1$s" id="%2$s-js"></script>' . "\n", esc_url( $src ), esc_attr( $handle ) ); // phpcs:ignore WordPress.WP.EnqueuedResources.NonEnqueuedScript -- this is the enqueued script's own tag.
	}
}
