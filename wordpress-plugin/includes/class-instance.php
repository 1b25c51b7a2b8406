<?php
/**
 * Where an instance address becomes a base URL, and which instances this site may contact.
 * Twin of src/sources/mobilizon/instance.ts (normalize), event.ts (parse_event_url) and group.ts (handles).
 *
 * @package Embeds_For_Mobilizon
 */

namespace Embeds_For_Mobilizon;

defined( 'ABSPATH' ) || exit;

/**
 * Instance addresses, group handles and event references, checked.
 */
final class Instance {

	/** A Mobilizon username (`velo_lyon`), optionally on another instance (`name@domain[:port]`). */
	const HANDLE = '/^[a-z0-9_]{1,100}(@[a-z0-9]([a-z0-9.-]{0,251}[a-z0-9])?(:[0-9]{1,5})?)?$/i';

	const UUID = '/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i';

	/**
	 * The base URL of an instance from what a site owner typed (`mobilizon.fr`, `https://mobilizon.fr/`,
	 * `http://127.0.0.1:4000`), as the elements read it: http(s) only, no credentials, query or
	 * trailing slash; https when no scheme is given. Null when unusable.
	 *
	 * @param mixed $input The address.
	 * @return string|null
	 */
	public static function normalize( $input ) {
		$text = trim( is_string( $input ) ? $input : '' );
		if ( '' === $text || preg_match( '/\s/', $text ) ) {
			return null;
		}
		if ( ! preg_match( '#^[a-z][a-z0-9+.-]*://#i', $text ) ) {
			// `name:` followed by something else than a port is a scheme (javascript:, mailto:, …).
			if ( preg_match( '#^[a-z][a-z0-9+.-]*:(?![0-9])#i', $text ) ) {
				return null;
			}
			$text = 'https://' . $text;
		}
		$parts = wp_parse_url( $text );
		if ( ! is_array( $parts ) || empty( $parts['scheme'] ) || empty( $parts['host'] ) ) {
			return null;
		}
		$scheme = strtolower( $parts['scheme'] );
		if ( ( 'https' !== $scheme && 'http' !== $scheme ) || isset( $parts['user'] ) || isset( $parts['pass'] ) ) {
			return null;
		}
		$host = strtolower( $parts['host'] );
		if ( ! preg_match( '/^(\[[0-9a-f:.]+\]|[a-z0-9]([a-z0-9.-]*[a-z0-9])?)$/', $host ) ) {
			return null;
		}
		$port = isset( $parts['port'] ) ? ':' . (int) $parts['port'] : '';
		$path = isset( $parts['path'] ) ? rtrim( $parts['path'], '/' ) : '';
		if ( '' !== $path && ! preg_match( '#^(/[A-Za-z0-9._~%!$&\'()*+,;=:@-]+)+$#', $path ) ) {
			return null;
		}
		return $scheme . '://' . $host . $port . $path;
	}

	/**
	 * The host shown to people ("mobilizon.fr").
	 *
	 * @param string $base A base URL.
	 * @return string
	 */
	public static function host( $base ) {
		$host = wp_parse_url( $base, PHP_URL_HOST );
		$port = wp_parse_url( $base, PHP_URL_PORT );
		return $host ? $host . ( $port ? ':' . $port : '' ) : (string) $base;
	}

	/**
	 * Whether a base URL is one this site may send requests to: WordPress's own check
	 * (wp_http_validate_url: scheme, ports, loopback and private IPv4) plus the reserved ranges it
	 * does not cover (link-local, e.g. cloud metadata at 169.254.169.254; IPv6 literals). A name is
	 * resolved only when it is not an address already.
	 *
	 * @param string $base    A normalized base URL.
	 * @param bool   $resolve Whether to look a name up (settings check addresses only: a name is
	 *                        resolved when a request is sent, where WordPress checks it again).
	 * @return bool
	 */
	public static function is_public( $base, $resolve = true ) {
		$url  = $base . '/api';
		$host = (string) wp_parse_url( $url, PHP_URL_HOST );
		$ip   = trim( $host, '[]' );
		$name = ! filter_var( $ip, FILTER_VALIDATE_IP );
		if ( $name && ! $resolve ) {
			return '' !== $host;
		}
		if ( ! wp_http_validate_url( $url ) ) {
			return false;
		}
		if ( $name ) {
			$ip = gethostbyname( $host );
		}
		if ( ! filter_var( $ip, FILTER_VALIDATE_IP ) ) {
			return false;
		}
		if ( filter_var( $ip, FILTER_VALIDATE_IP, FILTER_FLAG_NO_PRIV_RANGE | FILTER_FLAG_NO_RES_RANGE ) ) {
			return true;
		}
		/** This filter is documented in wp-includes/http.php */
		return (bool) apply_filters( 'http_request_host_is_external', false, $host, $url );
	}

	/**
	 * The instances this site talks to: the configured one, and any a developer adds.
	 *
	 * @return string[] Base URLs.
	 */
	public static function allowed() {
		$list = array( Settings::instance() );
		/**
		 * Filters the instances this site's server may contact (proxy and server-rendered HTML).
		 *
		 * @param string[] $list Base URLs; the first is the configured instance.
		 */
		$list = (array) apply_filters( 'embeds_for_mobilizon_allowed_instances', $list );
		$out  = array();
		foreach ( $list as $item ) {
			$base = self::normalize( $item );
			if ( null !== $base ) {
				$out[] = $base;
			}
		}
		return array_values( array_unique( $out ) );
	}

	/**
	 * The instance a request may use: the default one when none is named, a named one only when it
	 * is allowed and public. Null otherwise.
	 *
	 * @param mixed $requested An address, or empty for the default instance.
	 * @return string|null
	 */
	public static function resolve( $requested ) {
		static $checked = array();
		$base = ( null === $requested || '' === $requested ) ? Settings::instance() : self::normalize( $requested );
		if ( ! $base || ! in_array( $base, self::allowed(), true ) ) {
			return null;
		}
		if ( ! isset( $checked[ $base ] ) ) {
			$checked[ $base ] = self::is_public( $base );
		}
		return $checked[ $base ] ? $base : null;
	}

	/**
	 * Group handles from a comma-separated list; null when one is not a handle.
	 *
	 * @param string $text Handles.
	 * @return string[]|null
	 */
	public static function parse_groups( $text ) {
		$out = array();
		foreach ( explode( ',', (string) $text ) as $part ) {
			$part = ltrim( trim( $part ), '@' );
			if ( '' === $part ) {
				continue;
			}
			if ( ! preg_match( self::HANDLE, $part ) ) {
				return null;
			}
			$out[] = $part;
		}
		return $out;
	}

	/**
	 * The instance and uuid of an event's address on any instance (`https://mobilizon.fr/events/<uuid>`).
	 *
	 * @param string $url An event URL.
	 * @return array|null `instance` and `uuid`.
	 */
	public static function parse_event_url( $url ) {
		if ( ! preg_match( '#^(.*)/events/([0-9a-f-]{36})(?:[/?\#]|$)#i', trim( (string) $url ), $m ) ) {
			return null;
		}
		$instance = self::normalize( $m[1] );
		if ( null === $instance || ! preg_match( self::UUID, $m[2] ) ) {
			return null;
		}
		return array(
			'instance' => $instance,
			'uuid'     => strtolower( $m[2] ),
		);
	}
}
