<?php
/**
 * Shortcode twins of the blocks: [mobilizon_events], [mobilizon_event], [mobilizon_group],
 * [mobilizon_registration], with the elements' attribute names.
 *
 * @package Embeds_For_Mobilizon
 */

namespace Embeds_For_Mobilizon;

defined( 'ABSPATH' ) || exit;

/**
 * Shortcode registration.
 */
final class Shortcodes {

	/**
	 * Registers the four shortcodes.
	 */
	public static function register() {
		foreach ( array_keys( Attributes::kinds() ) as $kind ) {
			add_shortcode(
				'mobilizon_' . $kind,
				function ( $atts ) use ( $kind ) {
					return Embed::render( $kind, is_array( $atts ) ? $atts : array() );
				}
			);
		}
	}
}
