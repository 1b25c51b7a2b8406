<?php
/**
 * What stands between the open REST route and Mobilizon's registration mutations: a nonce printed
 * in the page, and a per-IP rate limit (Mobilizon has none on anonymous joins).
 *
 * @package Embeds_For_Mobilizon
 */

namespace Embeds_For_Mobilizon;

defined( 'ABSPATH' ) || exit;

/**
 * Nonces bound to no user, and a sliding count of registrations per visitor address.
 */
final class Guard {

	const ACTION = 'embeds_for_mobilizon_register';

	/** Query argument of the endpoint URL the plugin prints (the elements send no custom headers). */
	const PARAM = 'embeds_for_mobilizon_nonce';

	const LIMIT = 5;

	const WINDOW = 600;

	/** Proxy reads per visitor address and window (a page with a month view makes a handful). */
	const READ_LIMIT = 300;

	const READ_WINDOW = 300;

	/**
	 * A nonce for registrations. WordPress's own (wp_create_nonce) is bound to the logged-in user,
	 * but the elements' requests carry no cookies, so the REST request always runs as a visitor:
	 * this one is made as for a logged-out visitor, whoever views the page. Same lifetime (12–24 h).
	 *
	 * @return string
	 */
	public static function nonce() {
		return self::hash( wp_nonce_tick() );
	}

	/**
	 * Whether a nonce is this tick's or the previous one's.
	 *
	 * @param mixed $nonce What the request carried.
	 * @return bool
	 */
	public static function verify( $nonce ) {
		if ( ! is_string( $nonce ) || '' === $nonce ) {
			return false;
		}
		$tick = wp_nonce_tick();
		return hash_equals( self::hash( $tick ), $nonce ) || hash_equals( self::hash( $tick - 1 ), $nonce );
	}

	/**
	 * The nonce of a tick.
	 *
	 * @param int|float $tick A nonce tick.
	 * @return string
	 */
	private static function hash( $tick ) {
		return substr( wp_hash( $tick . '|' . self::ACTION . '|0|', 'nonce' ), -12, 10 );
	}

	/**
	 * The visitor's address as the web server saw it.
	 *
	 * @return string
	 */
	public static function client_ip() {
		$ip = isset( $_SERVER['REMOTE_ADDR'] ) ? sanitize_text_field( wp_unslash( $_SERVER['REMOTE_ADDR'] ) ) : '';
		/**
		 * Filters the address registrations are counted by (behind a trusted reverse proxy, read it from its header).
		 *
		 * @param string $ip REMOTE_ADDR.
		 */
		$ip = (string) apply_filters( 'embeds_for_mobilizon_client_ip', $ip );
		return filter_var( $ip, FILTER_VALIDATE_IP ) ? $ip : 'unknown';
	}

	/**
	 * Counts one registration attempt for the visitor's address.
	 *
	 * @return int 0 when allowed, else the seconds to wait.
	 */
	public static function take_registration() {
		return Limits::take( 'registration', self::client_ip(), self::LIMIT, self::WINDOW );
	}

	/**
	 * Counts one proxy read for the visitor's address (what anonymous visitors can make the
	 * instance answer, and this site store).
	 *
	 * @return int 0 when allowed, else the seconds to wait.
	 */
	public static function take_read() {
		/**
		 * Filters how many proxy reads one visitor address may make in READ_WINDOW seconds.
		 *
		 * @param int $limit 300.
		 */
		$limit = (int) apply_filters( 'embeds_for_mobilizon_read_limit', self::READ_LIMIT );
		return Limits::take( 'read', self::client_ip(), max( 1, $limit ), self::READ_WINDOW );
	}
}
