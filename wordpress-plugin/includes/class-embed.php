<?php
/**
 * One element placed by a block, a shortcode or the widget: its attributes (class-attributes.php),
 * the models its fallback shows, read through the sources (class-source.php, class-events-source.php),
 * and the HTML of both (class-renderer.php).
 *
 * @package Embeds_For_Mobilizon
 */

namespace Embeds_For_Mobilizon;

use WP_Error;

defined( 'ABSPATH' ) || exit;

/**
 * Attributes → models → HTML, for every way of placing an element.
 */
final class Embed {

	/**
	 * The element, its fallback HTML and JSON-LD, wrapped.
	 *
	 * @param string $kind    events, event, group or registration.
	 * @param array  $given   Attributes (element names).
	 * @param string $wrapper Extra attributes for the wrapper (a block's get_block_wrapper_attributes()).
	 * @return string
	 */
	public static function render( $kind, array $given, $wrapper = '' ) {
		if ( ! isset( Attributes::kinds()[ $kind ] ) ) {
			return '';
		}
		$atts      = Attributes::prepare( $kind, $given );
		$instance  = Attributes::instance( $atts );
		$reachable = $instance ? Instance::resolve( $instance ) : null;
		$source    = 'events' === $kind ? Federated_Source::mode( $given['source'] ?? null ) : 'instance';
		$federated = $reachable && Federated_Source::covers( $reachable, (array) Instance::parse_groups( $atts['group'] ?? '' ), $source );
		$fallback  = $reachable ? self::fallback( $kind, $atts, $reachable, $federated ) : Renderer::nothing();
		if ( $reachable && ( $federated || ( 'auto' !== $source && isset( $atts['endpoint'] ) && Event_Bridge::active() ) ) ) {
			// Received events are on this site: the element asks this site for them, in either mode.
			$atts['endpoint'] = 'auto' === $source ? Proxy::url( $reachable ) : add_query_arg( 'source', $source, Proxy::url( $reachable ) );
		}
		Assets::enqueue();
		Theme_Style::enqueue();
		$own = $given['ownColors'] ?? ( $given['own-colors'] ?? false );
		if ( '' === $wrapper && $own && 'false' !== $own && 'no' !== $own ) {
			$wrapper = 'class="embeds-for-mobilizon embeds-for-mobilizon-' . esc_attr( $kind ) . ' embeds-for-mobilizon-own-colors"';
		}
		return Renderer::embed( $kind, $atts, $fallback, Renderer::notice( $instance, $reachable ), $wrapper );
	}

	/**
	 * What the element shows, read from an instance this server may contact, as HTML and JSON-LD.
	 *
	 * @param string $kind      A kind.
	 * @param array  $atts      Prepared attributes.
	 * @param string $instance  A reachable base URL.
	 * @param bool   $federated Whether an events list is read from Event Bridge's received copies.
	 * @return array `html` and `json_ld`.
	 */
	private static function fallback( $kind, array $atts, $instance, $federated = false ) {
		if ( 'events' === $kind ) {
			$query = Events_Source::query( $atts );
			if ( ! is_wp_error( $query ) && $federated ) {
				$events = Federated_Source::events( $instance, $query );
				$out    = Renderer::events( $events, $query['period'] );
				// The event plugin may print these events' JSON-LD on this very page already.
				$out['json_ld'] = array_values(
					array_filter(
						$out['json_ld'],
						function ( $index ) use ( $events ) {
							return ! isset( $events[ $index ] ) || ! Federated_Source::json_ld_printed_elsewhere( $events[ $index ] );
						},
						ARRAY_FILTER_USE_KEY
					)
				);
				return $out;
			}
			$events = is_wp_error( $query ) ? $query : Events_Source::events( $instance, $query );
			return is_wp_error( $events ) ? Renderer::failure( $events, $instance ) : Renderer::events( $events, $query['period'] );
		}
		if ( 'group' === $kind ) {
			return self::group( $atts, $instance );
		}
		$event = Source::event( $instance, $atts['uuid'] ?? '' );
		if ( is_wp_error( $event ) ) {
			return Renderer::failure( $event, $instance );
		}
		return 'event' === $kind ? Renderer::event( $event ) : Renderer::registration( $event );
	}

	/**
	 * A group's page, with its upcoming events when the `events` section is shown.
	 *
	 * @param array  $atts     Prepared attributes.
	 * @param string $instance A reachable base URL.
	 * @return array
	 */
	private static function group( array $atts, $instance ) {
		$handle = Instance::parse_groups( $atts['group'] ?? '' );
		if ( ! $handle ) {
			return Renderer::failure( new WP_Error( 'embeds_for_mobilizon_bad_group', (string) ( $atts['group'] ?? '' ) ), $instance );
		}
		$group = Source::group( $instance, $handle[0] );
		if ( is_wp_error( $group ) ) {
			return Renderer::failure( $group, $instance );
		}
		$events   = null;
		$sections = array_map( 'trim', explode( ',', $atts['sections'] ?? 'about,events,past,posts' ) );
		if ( in_array( 'events', $sections, true ) ) {
			$query = array(
				'group' => $handle[0],
				'limit' => $atts['limit'] ?? '10',
			);
			$query  = Events_Source::query( $query );
			// The element's GroupEvents goes to the proxy, which answers a followed group from this site.
			$events = Federated_Source::covers( $instance, $handle, 'auto' ) ? Federated_Source::events( $instance, $query ) : Events_Source::events( $instance, $query );
		}
		return Renderer::group( $group, $events, $instance );
	}
}
