<?php
/**
 * The elements' attributes as blocks, shortcodes and the widget give them: which names each element
 * takes (architecture.md §1; the elements' own properties in src/elements/<name>/), their values
 * checked, and what the site fills in (its instance, group, language, proxy). The list attributes
 * twin src/model/query.ts (ListAttributes, buildQuery's checks).
 *
 * @package Embeds_For_Mobilizon
 */

namespace Embeds_For_Mobilizon;

defined( 'ABSPATH' ) || exit;

/**
 * Attribute names, kinds and defaults; no request, no HTML.
 */
final class Attributes {

	/**
	 * Each kind's tag and attributes (the elements' own names, architecture.md §1) with their kinds:
	 * `text`, `bool`, `int`, `number`, `date`, `href`, `level` (a heading rank, 1 to 6), or a list of
	 * allowed values. Checked against the elements' custom-elements.json by test/node/contract.test.mjs.
	 *
	 * @return array
	 */
	public static function kinds() {
		$common = array(
			'instance'      => 'text',
			'locale'        => 'text',
			'timezone'      => 'text',
			'theme'         => array( 'auto', 'light', 'dark' ),
			'heading-level' => 'level',
		);
		return array(
			'events'       => array(
				'tag'        => 'mobilizon-events',
				'attributes' => $common + array(
					'group'          => 'text',
					'view'           => array( 'list', 'grid', 'agenda', 'month' ),
					'period'         => array( 'upcoming', 'past', 'all' ),
					'limit'          => 'int',
					'from'           => 'date',
					'to'             => 'date',
					'tags'           => 'text',
					'category'       => 'text',
					'type'           => array( 'online', 'in-person' ),
					'term'           => 'text',
					'near'           => 'text',
					'radius'         => 'number',
					'search'         => array( 'self', 'internal', 'global' ),
					'filters'        => 'bool',
					'hide-cancelled' => 'bool',
					'event-href'     => 'href',
				),
			),
			'event'        => array(
				'tag'        => 'mobilizon-event',
				'attributes' => $common + array(
					'uuid'         => 'text',
					'url'          => 'text',
					'registration' => array( 'auto', 'none' ),
				),
			),
			'group'        => array(
				'tag'        => 'mobilizon-group',
				'attributes' => $common + array(
					'group'    => 'text',
					'sections' => 'text',
					'limit'    => 'int',
				),
			),
			'registration' => array(
				'tag'        => 'mobilizon-registration',
				'attributes' => $common + array(
					'uuid' => 'text',
					'url'  => 'text',
				),
			),
		);
	}

	/**
	 * The attributes a block, shortcode or widget gave, cleaned: unknown names dropped, values
	 * checked against their kind (a value that does not fit is dropped, the element's default applies).
	 *
	 * @param string $kind  events, event, group or registration.
	 * @param array  $given Attributes.
	 * @return array Strings, and true for boolean attributes that are on.
	 */
	public static function clean( $kind, array $given ) {
		$spec = self::kinds()[ $kind ]['attributes'];
		// Shortcodes: `[mobilizon_events filters]` gives the flag as a value.
		foreach ( $given as $key => $value ) {
			if ( is_int( $key ) && is_string( $value ) && isset( $spec[ strtolower( $value ) ] ) && 'bool' === $spec[ strtolower( $value ) ] ) {
				$given[ strtolower( $value ) ] = true;
			}
		}
		$out = array();
		foreach ( $spec as $name => $type ) {
			if ( ! array_key_exists( $name, $given ) || null === $given[ $name ] || is_array( $given[ $name ] ) || is_object( $given[ $name ] ) ) {
				continue;
			}
			$value = $given[ $name ];
			if ( 'bool' === $type ) {
				if ( true === $value || in_array( strtolower( (string) $value ), array( '1', 'true', 'yes', 'on', $name ), true ) ) {
					$out[ $name ] = true;
				}
				continue;
			}
			$value = trim( sanitize_text_field( (string) $value ) );
			if ( '' === $value ) {
				continue;
			}
			if ( is_array( $type ) ) {
				if ( in_array( $value, $type, true ) ) {
					$out[ $name ] = $value;
				}
				continue;
			}
			switch ( $type ) {
				case 'int':
					if ( is_numeric( $value ) ) {
						$out[ $name ] = (string) min( Operations::MAX_LIMIT, max( 1, (int) $value ) );
					}
					break;
				case 'level':
					if ( is_numeric( $value ) ) {
						$out[ $name ] = (string) min( 6, max( 1, (int) $value ) );
					}
					break;
				case 'number':
					if ( is_numeric( $value ) && (float) $value > 0 ) {
						$out[ $name ] = (string) (float) $value;
					}
					break;
				case 'date':
					if ( preg_match( '/^\d{4}-\d{2}-\d{2}$/', $value ) ) {
						$out[ $name ] = $value;
					}
					break;
				case 'href':
					// `inline`, or a page address template: relative, or http(s).
					$scheme = wp_parse_url( $value, PHP_URL_SCHEME );
					if ( 'inline' === $value || ( ! $scheme && ! preg_match( '/^[a-z][a-z0-9+.-]*:/i', $value ) ) || in_array( strtolower( (string) $scheme ), array( 'http', 'https' ), true ) ) {
						$out[ $name ] = $value;
					}
					break;
				default:
					$out[ $name ] = $value;
			}
		}
		return $out;
	}

	/**
	 * Cleaned attributes completed as the element will read them: instance and uuid from an event's
	 * address, the site's instance and group when none is given, the site's language, the proxy.
	 *
	 * @param string $kind  events, event, group or registration.
	 * @param array  $given Attributes (element names).
	 * @return array The attributes; `instance` is a base URL when one is known.
	 */
	public static function prepare( $kind, array $given ) {
		$atts = self::clean( $kind, $given );
		if ( ( 'event' === $kind || 'registration' === $kind ) && ! empty( $atts['url'] ) && empty( $atts['uuid'] ) ) {
			$parsed = Instance::parse_event_url( $atts['url'] );
			if ( $parsed ) {
				$atts['instance'] = $parsed['instance'];
				$atts['uuid']     = $parsed['uuid'];
				unset( $atts['url'] );
			}
		}
		$instance = isset( $atts['instance'] ) ? Instance::normalize( $atts['instance'] ) : null;
		if ( null === $instance && empty( $atts['instance'] ) && '' !== Settings::instance() ) {
			$instance = Settings::instance();
		}
		if ( $instance ) {
			$atts['instance'] = $instance;
		}
		if ( ( 'events' === $kind || 'group' === $kind ) && empty( $atts['group'] ) && '' !== Settings::get()['group'] ) {
			$atts['group'] = 'group' === $kind ? explode( ',', Settings::get()['group'] )[0] : Settings::get()['group'];
		}
		if ( empty( $atts['locale'] ) ) {
			$atts['locale'] = self::bcp47( get_locale() );
		}
		if ( 'proxy' === Settings::mode() && $instance ) {
			$atts['endpoint'] = Proxy::url( $instance );
		}
		return $atts;
	}

	/**
	 * The instance the attributes name, as a base URL, or null when none is usable.
	 *
	 * @param array $atts Prepared attributes.
	 * @return string|null
	 */
	public static function instance( array $atts ) {
		return isset( $atts['instance'] ) ? Instance::normalize( $atts['instance'] ) : null;
	}

	/**
	 * WordPress's locale (fr_FR) as a BCP 47 tag (fr-FR).
	 *
	 * @param string $locale A WordPress locale.
	 * @return string
	 */
	public static function bcp47( $locale ) {
		$parts = explode( '_', (string) $locale );
		$tag   = strtolower( $parts[0] );
		if ( isset( $parts[1] ) && preg_match( '/^([A-Za-z]{2}|[0-9]{3})$/', $parts[1] ) ) {
			$tag .= '-' . strtoupper( $parts[1] );
		}
		return preg_match( '/^[a-z]{2,3}(-[A-Z0-9]{2,3})?$/', $tag ) ? $tag : 'en';
	}
}
