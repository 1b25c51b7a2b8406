<?php
/**
 * Typed reads over the client: one event, one group, and the root field of any answer, mapped into
 * the shared vocabulary. Twin of src/sources/mobilizon/event.ts and group.ts (lists: class-events-source.php).
 *
 * @package Embeds_For_Mobilizon
 */

namespace Embeds_For_Mobilizon;

use WP_Error;

defined( 'ABSPATH' ) || exit;

/**
 * Which operation answers an event or a group, and its variables; models or errors out, never HTML.
 */
final class Source {

	/**
	 * One event, whole (`FetchEvent`).
	 *
	 * @param string $instance A base URL this site may contact.
	 * @param string $uuid     The event's uuid.
	 * @return Event|WP_Error `embeds_for_mobilizon_no_event` for a uuid that is none.
	 */
	public static function event( $instance, $uuid ) {
		if ( ! preg_match( Instance::UUID, (string) $uuid ) ) {
			return new WP_Error( 'embeds_for_mobilizon_no_event', 'uuid' );
		}
		$data = self::read( $instance, 'FetchEvent', array( 'uuid' => strtolower( $uuid ) ), 'event', array( 'event' => $uuid ) );
		if ( is_wp_error( $data ) ) {
			return $data;
		}
		$event = Event::from_mobilizon( $data, $instance );
		return $event ? $event : new WP_Error( 'embeds_for_mobilizon_invalid', 'event' );
	}

	/**
	 * A group's page (`FetchGroup`).
	 *
	 * @param string $instance A base URL this site may contact.
	 * @param string $handle   `name` or `name@domain`.
	 * @return Group|WP_Error
	 */
	public static function group( $instance, $handle ) {
		$data = self::read( $instance, 'FetchGroup', array( 'name' => $handle ), 'group', array( 'group' => $handle ) );
		if ( is_wp_error( $data ) ) {
			return $data;
		}
		$group = Group::from_mobilizon( $data, $instance );
		return $group ? $group : new WP_Error( 'embeds_for_mobilizon_invalid', 'group' );
	}

	/**
	 * `data[$field]` of an operation's answer, or an error: `embeds_for_mobilizon_not_found` (Mobilizon's
	 * `*_not_found`, or a null root) carrying `$subject`, `embeds_for_mobilizon_graphql`, or the client's.
	 *
	 * @param string $instance  A base URL.
	 * @param string $operation A named operation.
	 * @param array  $variables Its variables.
	 * @param string $field     The root field.
	 * @param array  $subject   What was looked for (`group` => handle, `event` => uuid), for the messages.
	 * @return array|WP_Error
	 */
	public static function read( $instance, $operation, array $variables, $field, array $subject = array() ) {
		$answer = Client::query( $instance, $operation, $variables );
		if ( is_wp_error( $answer ) ) {
			return $answer;
		}
		$body = $answer['body'];
		if ( ! empty( $body['errors'] ) ) {
			$code = is_array( $body['errors'][0] ?? null ) ? (string) ( $body['errors'][0]['code'] ?? '' ) : '';
			return preg_match( '/_not_found$/', $code )
				? new WP_Error( 'embeds_for_mobilizon_not_found', $code, $subject )
				: new WP_Error( 'embeds_for_mobilizon_graphql', $code );
		}
		$value = $body['data'][ $field ] ?? null;
		return is_array( $value ) ? $value : new WP_Error( 'embeds_for_mobilizon_not_found', $field, $subject );
	}
}
