<?php
/**
 * This site's server talking to a Mobilizon instance: one POST per operation, answers kept in
 * transients (stale-while-revalidate), for the proxy and for the server-rendered HTML alike.
 * Twin of src/sources/mobilizon/client.ts (with transport.ts and cache.ts); which operation to
 * send is the sources' choice (class-source.php, class-events-source.php).
 *
 * @package Embeds_For_Mobilizon
 */

namespace Embeds_For_Mobilizon;

use WP_Error;

defined( 'ABSPATH' ) || exit;

/**
 * Sends named operations; a fresh cached answer makes no request at all.
 */
final class Client {

	const TIMEOUT = 5;

	/** A stale answer is still served (while a fresh one is fetched) for this long. */
	const STALE_FOR = DAY_IN_SECONDS;

	/**
	 * Cache keys to refresh once the response has been sent.
	 *
	 * @var array
	 */
	private static $pending = array();

	/**
	 * A query through the cache.
	 *
	 * @param string $instance  An allowed base URL.
	 * @param string $operation A named operation.
	 * @param array  $variables Checked variables.
	 * @return array|WP_Error `status`, `body` (Mobilizon's `{data, errors}`) and `cache` (hit, stale or miss).
	 */
	public static function query( $instance, $operation, array $variables ) {
		$key    = self::cache_key( $instance, $operation, $variables );
		$cached = get_transient( $key );
		if ( is_array( $cached ) && isset( $cached['time'], $cached['body'] ) ) {
			$age = time() - (int) $cached['time'];
			if ( $age < Settings::cache_lifetime() ) {
				return array(
					'status' => 200,
					'body'   => $cached['body'],
					'cache'  => 'hit',
				);
			}
			if ( $age < Settings::cache_lifetime() + self::STALE_FOR ) {
				self::revalidate_later( $key, $instance, $operation, $variables );
				return array(
					'status' => 200,
					'body'   => $cached['body'],
					'cache'  => 'stale',
				);
			}
		}
		$answer = self::send( $instance, $operation, $variables );
		if ( ! is_wp_error( $answer ) ) {
			self::store( $key, $answer );
			$answer['cache'] = 'miss';
		}
		return $answer;
	}

	/**
	 * The transient name for a request: operation, variables in a stable order, instance.
	 *
	 * @param string $instance  A base URL.
	 * @param string $operation An operation.
	 * @param array  $variables Variables.
	 * @return string
	 */
	public static function cache_key( $instance, $operation, array $variables ) {
		return 'embeds_for_mobilizon_' . md5( $instance . ' ' . $operation . ' ' . wp_json_encode( self::sorted( $variables ) ) );
	}

	/**
	 * Keys sorted at every level, so equal variables give equal keys.
	 *
	 * @param mixed $value A value.
	 * @return mixed
	 */
	private static function sorted( $value ) {
		if ( ! is_array( $value ) ) {
			return $value;
		}
		$out = array();
		foreach ( $value as $k => $v ) {
			$out[ $k ] = self::sorted( $v );
		}
		if ( array_keys( $out ) !== range( 0, count( $out ) - 1 ) ) {
			ksort( $out );
		}
		return $out;
	}

	/**
	 * Keeps an answer that is worth keeping: data and no errors.
	 *
	 * @param string $key    The transient.
	 * @param array  $answer An answer.
	 */
	private static function store( $key, array $answer ) {
		$body = $answer['body'];
		if ( 200 !== $answer['status'] || ! empty( $body['errors'] ) || ! isset( $body['data'] ) || ! is_array( $body['data'] ) ) {
			return;
		}
		set_transient(
			$key,
			array(
				'time' => time(),
				'body' => $body,
			),
			Settings::cache_lifetime() + self::STALE_FOR
		);
	}

	/**
	 * Refreshes a stale entry after the response has gone (no cron needed): on `shutdown`, once the
	 * server has let the visitor go where it can (PHP-FPM, LiteSpeed).
	 *
	 * @param string $key       The transient.
	 * @param string $instance  A base URL.
	 * @param string $operation An operation.
	 * @param array  $variables Variables.
	 */
	private static function revalidate_later( $key, $instance, $operation, array $variables ) {
		if ( empty( self::$pending ) ) {
			add_action( 'shutdown', array( __CLASS__, 'revalidate_pending' ), 1 );
		}
		self::$pending[ $key ] = array( $instance, $operation, $variables );
	}

	/**
	 * Fetches every entry found stale during this request, one process at a time per entry.
	 */
	public static function revalidate_pending() {
		if ( empty( self::$pending ) ) {
			return;
		}
		if ( function_exists( 'fastcgi_finish_request' ) ) {
			fastcgi_finish_request();
		} elseif ( function_exists( 'litespeed_finish_request' ) ) {
			litespeed_finish_request();
		}
		$pending       = self::$pending;
		self::$pending = array();
		foreach ( $pending as $key => $request ) {
			$lock = $key . '_lock';
			if ( get_transient( $lock ) ) {
				continue;
			}
			set_transient( $lock, 1, 30 );
			$answer = self::send( $request[0], $request[1], $request[2] );
			if ( ! is_wp_error( $answer ) ) {
				self::store( $key, $answer );
			}
			delete_transient( $lock );
		}
	}

	/**
	 * Sends one operation (never cached). Documents are written for Mobilizon 5.1; an older server
	 * (its version learnt from a schema error, then remembered) gets them trimmed.
	 *
	 * @param string $instance  A base URL this site may contact.
	 * @param string $operation A named operation.
	 * @param array  $variables Checked variables.
	 * @return array|WP_Error `status` and `body`.
	 */
	public static function send( $instance, $operation, array $variables ) {
		$document = Operations::document( $operation );
		if ( null === $document ) {
			return new WP_Error( 'embeds_for_mobilizon_no_operation', __( 'This operation is not available (the plugin\'s files are incomplete).', 'embeds-for-mobilizon' ), array( 'status' => 500 ) );
		}
		$version_key = 'embeds_for_mobilizon_version_' . md5( $instance );
		$version     = get_transient( $version_key );
		$answer      = self::post( $instance, $operation, Operations::adapt( $document, is_string( $version ) ? $version : null ), $variables );
		if ( is_wp_error( $answer ) || false !== $version || 'Config' === $operation || ! self::schema_mismatch( $answer['body'] ) ) {
			return $answer;
		}
		$config  = self::query( $instance, 'Config', array() );
		$version = is_wp_error( $config ) ? null : ( $config['body']['data']['config']['version'] ?? null );
		if ( ! is_string( $version ) || '' === $version ) {
			return $answer;
		}
		set_transient( $version_key, $version, DAY_IN_SECONDS );
		return self::post( $instance, $operation, Operations::adapt( $document, $version ), $variables );
	}

	/**
	 * Whether an answer says the server does not know part of the document.
	 *
	 * @param array $body An answer.
	 * @return bool
	 */
	private static function schema_mismatch( array $body ) {
		foreach ( (array) ( $body['errors'] ?? array() ) as $error ) {
			if ( is_array( $error ) && Operations::is_schema_mismatch( $error['message'] ?? '' ) ) {
				return true;
			}
		}
		return false;
	}

	/**
	 * One POST to the instance's /api, through WordPress's safe HTTP API (no redirects, 5 s).
	 *
	 * @param string $instance  A base URL.
	 * @param string $operation The operation's name.
	 * @param string $document  Its document.
	 * @param array  $variables Its variables.
	 * @return array|WP_Error
	 */
	private static function post( $instance, $operation, $document, array $variables ) {
		$body     = array(
			'operationName' => $operation,
			'query'         => $document,
			'variables'     => (object) $variables,
		);
		$response = wp_safe_remote_post(
			$instance . '/api',
			array(
				'timeout'     => self::TIMEOUT,
				'redirection' => 0,
				'user-agent'  => 'Embeds for Mobilizon/' . EMBEDS_FOR_MOBILIZON_VERSION . ' (WordPress; ' . home_url( '/' ) . ')',
				'headers'     => array(
					'Content-Type'    => 'application/json',
					'Accept'          => 'application/json',
					// Mobilizon words its error messages in this language.
					'Accept-Language' => str_replace( '_', '-', get_locale() ),
				),
				'body'        => wp_json_encode( $body ),
			)
		);
		$host = Instance::host( $instance );
		if ( is_wp_error( $response ) ) {
			$timeout = false !== stripos( $response->get_error_message(), 'timed out' );
			return new WP_Error(
				$timeout ? 'embeds_for_mobilizon_timeout' : 'embeds_for_mobilizon_unreachable',
				/* translators: %s: the instance's host name. */
				sprintf( $timeout ? __( '%s did not answer in time.', 'embeds-for-mobilizon' ) : __( '%s could not be reached.', 'embeds-for-mobilizon' ), $host ),
				array( 'status' => $timeout ? 504 : 502 )
			);
		}
		$status  = (int) wp_remote_retrieve_response_code( $response );
		$decoded = json_decode( wp_remote_retrieve_body( $response ), true );
		if ( $status >= 500 || ( $status >= 300 && $status < 400 ) || ! is_array( $decoded ) || ( ! array_key_exists( 'data', $decoded ) && ! array_key_exists( 'errors', $decoded ) ) ) {
			return new WP_Error(
				'embeds_for_mobilizon_upstream',
				/* translators: 1: the instance's host name, 2: an HTTP status code. */
				sprintf( __( '%1$s answered with an error (HTTP %2$d).', 'embeds-for-mobilizon' ), $host, $status ),
				array(
					'status'   => 502,
					'upstream' => $status,
				)
			);
		}
		return array(
			'status' => $status,
			'body'   => $decoded,
		);
	}
}
