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

	/** Seconds a registration (a mutation) may take. */
	const TIMEOUT = 5;

	/** Seconds a read may take, at most (less when the page's budget is nearly spent). */
	const READ_TIMEOUT = 3;

	/** A stale answer is still served (while a fresh one is fetched) for this long. */
	const STALE_FOR = WEEK_IN_SECONDS;

	/** A failed answer (errors, nothing usable) is remembered this long, so it is not asked again at once. */
	const FAILURE_TTL = 60;

	/** Larger answers from an instance are refused (a list of 50 events is ~200 KB). */
	const MAX_ANSWER = 2097152;

	/** The WP-Cron event that refreshes entries when the server cannot finish the response early. */
	const REFRESH_HOOK = 'embeds_for_mobilizon_refresh';

	/**
	 * Cache keys to refresh once the response has been sent.
	 *
	 * @var array
	 */
	private static $pending = array();

	/**
	 * While a page's requests are collected (class-batch.php): the misses, by cache key; else null.
	 *
	 * @var array|null
	 */
	private static $collecting = null;

	/**
	 * A query through the cache. Once something is cached, a visitor's request never waits for the
	 * instance: a stale answer is served and refreshed after the response. With nothing cached, an
	 * instance whose breaker is open or a spent budget gives an error at once (and a refresh later).
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
			$age    = time() - (int) $cached['time'];
			$failed = ! empty( $cached['failed'] );
			if ( $age < ( $failed ? self::FAILURE_TTL : Settings::cache_lifetime() ) ) {
				return array(
					'status' => 200,
					'body'   => $cached['body'],
					'cache'  => 'hit',
				);
			}
			if ( ! $failed ) {
				self::revalidate_later( $key, $instance, $operation, $variables );
				return array(
					'status' => 200,
					'body'   => $cached['body'],
					'cache'  => 'stale',
				);
			}
		}
		if ( null !== self::$collecting ) {
			self::$collecting[ $key ] = array( $instance, $operation, $variables );
			return new WP_Error( 'embeds_for_mobilizon_deferred', 'collecting', array( 'status' => 503 ) );
		}
		if ( Breaker::is_open( $instance ) ) {
			self::revalidate_later( $key, $instance, $operation, $variables );
			return Breaker::error( $instance );
		}
		if ( ! Breaker::has_budget() ) {
			self::revalidate_later( $key, $instance, $operation, $variables );
			/* translators: %s: the instance's host name. */
			return new WP_Error( 'embeds_for_mobilizon_busy', sprintf( __( '%s did not answer in time.', 'embeds-for-mobilizon' ), Instance::host( $instance ) ), array( 'status' => 504 ) );
		}
		$answer = self::send( $instance, $operation, $variables );
		if ( is_wp_error( $answer ) ) {
			Breaker::trip( $instance, $answer );
			return $answer;
		}
		Breaker::close( $instance );
		self::store( $key, $answer );
		$answer['cache'] = 'miss';
		return $answer;
	}

	/**
	 * Runs `$render` without sending anything, and returns the requests it would have sent (misses).
	 *
	 * @param callable $render Work that reads through query().
	 * @return array Cache key => [instance, operation, variables].
	 */
	public static function collect( callable $render ) {
		self::$collecting = array();
		try {
			$render();
			return self::$collecting;
		} finally {
			self::$collecting = null;
		}
	}

	/**
	 * Sends many reads at once (one page's misses) within the budget, and caches what comes back:
	 * WpOrg\Requests\Requests (WordPress 6.2+) or Requests (6.1) in parallel, one by one otherwise.
	 *
	 * @param array $wanted Cache key => [instance, operation, variables], as collect() gives.
	 * @return int How many answers were stored.
	 */
	public static function send_many( array $wanted ) {
		$class    = class_exists( '\WpOrg\Requests\Requests' ) ? '\WpOrg\Requests\Requests' : ( class_exists( '\Requests' ) ? '\Requests' : null );
		$requests = array();
		$targets  = array();
		foreach ( $wanted as $key => $request ) {
			list( $instance, $operation, $variables ) = $request;
			$document                                 = Operations::document( $operation );
			if ( null === $document || Operations::is_mutation( $operation ) || Breaker::is_open( $instance ) || ! wp_http_validate_url( $instance . '/api' ) ) {
				continue;
			}
			$version          = get_transient( 'embeds_for_mobilizon_version_' . md5( $instance ) );
			$requests[ $key ] = array(
				'url'     => $instance . '/api',
				'type'    => 'POST',
				'headers' => self::headers(),
				'data'    => self::payload( $operation, Operations::adapt( $document, is_string( $version ) ? $version : null ), $variables ),
			);
			$targets[ $key ]  = $instance;
		}
		if ( ! $requests || ! Breaker::has_budget() ) {
			return 0;
		}
		if ( null === $class || count( $requests ) < 2 ) {
			$stored = 0;
			foreach ( array_keys( $requests ) as $key ) {
				$answer  = self::query( $wanted[ $key ][0], $wanted[ $key ][1], $wanted[ $key ][2] );
				$stored += is_wp_error( $answer ) ? 0 : 1;
			}
			return $stored;
		}
		Breaker::start();
		$budget    = self::seconds( Breaker::remaining() );
		$certs     = ABSPATH . WPINC . '/certificates/ca-bundle.crt';
		$responses = $class::request_multiple(
			$requests,
			array(
				'timeout'          => $budget,
				'connect_timeout'  => min( 2.0, $budget ),
				'follow_redirects' => false,
				'max_bytes'        => self::MAX_ANSWER,
				'useragent'        => self::user_agent(),
				'verify'           => file_exists( $certs ) ? $certs : true,
			)
		);
		$stored = 0;
		foreach ( $responses as $key => $response ) {
			$instance = $targets[ $key ];
			if ( ! is_object( $response ) || ! isset( $response->status_code ) ) {
				$message = is_object( $response ) && method_exists( $response, 'getMessage' ) ? $response->getMessage() : '';
				Breaker::trip( $instance, self::transport_error( $instance, $message ) );
				continue;
			}
			$answer = self::decode( $instance, (int) $response->status_code, (string) $response->body );
			if ( is_wp_error( $answer ) ) {
				Breaker::trip( $instance, $answer );
				continue;
			}
			Breaker::close( $instance );
			self::store( $key, $answer );
			++$stored;
		}
		return $stored;
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
	 * Keeps an answer: data without errors for the cache lifetime (then stale), an answer with errors
	 * (not found, refused) briefly, and never over good data.
	 *
	 * @param string $key    The transient.
	 * @param array  $answer An answer.
	 */
	private static function store( $key, array $answer ) {
		$body = $answer['body'];
		$good = 200 === $answer['status'] && empty( $body['errors'] ) && isset( $body['data'] ) && is_array( $body['data'] );
		if ( ! $good ) {
			$current = get_transient( $key );
			if ( is_array( $current ) && empty( $current['failed'] ) ) {
				return;
			}
		}
		set_transient(
			$key,
			array(
				'time'   => time(),
				'body'   => $body,
				'failed' => ! $good,
			),
			$good ? Settings::cache_lifetime() + self::STALE_FOR : self::FAILURE_TTL
		);
		Cache_Index::touch( $key );
	}

	/**
	 * Refreshes an entry after the response has gone: once the server has let the visitor go
	 * (fastcgi_finish_request: PHP-FPM; LiteSpeed), else in a WP-Cron event.
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
	 * What `shutdown` runs: the entries found stale (or missing) during this request, refreshed
	 * where nobody waits for them.
	 */
	public static function revalidate_pending() {
		if ( empty( self::$pending ) ) {
			return;
		}
		$pending       = self::$pending;
		self::$pending = array();
		if ( function_exists( 'fastcgi_finish_request' ) ) {
			fastcgi_finish_request();
		} elseif ( function_exists( 'litespeed_finish_request' ) ) {
			litespeed_finish_request();
		} elseif ( 'cli' !== PHP_SAPI && ! wp_doing_cron() ) {
			// The visitor would wait for this (php -S, mod_php): WP-Cron does it in another request.
			wp_schedule_single_event( time(), self::REFRESH_HOOK, array( $pending ) );
			return;
		}
		self::refresh( $pending );
	}

	/**
	 * Fetches entries, one process at a time per entry; an instance whose breaker is open gets one
	 * retry (the first entry), the others wait for it to close.
	 *
	 * @param array $pending Cache key => [instance, operation, variables].
	 */
	public static function refresh( $pending ) {
		Breaker::in_background(
			function () use ( $pending ) {
				$retried = array();
				foreach ( (array) $pending as $key => $request ) {
					if ( ! is_array( $request ) || 3 !== count( $request ) || ! is_string( $key ) || 0 !== strpos( $key, 'embeds_for_mobilizon_' ) ) {
						continue;
					}
					list( $instance, $operation, $variables ) = $request;
					if ( null === Instance::resolve( $instance ) ) {
						continue;
					}
					if ( Breaker::is_open( $instance ) && ( isset( $retried[ $instance ] ) || ! Breaker::claim_retry( $instance ) ) ) {
						continue;
					}
					$retried[ $instance ] = true;
					$lock                 = $key . '_lock';
					if ( get_transient( $lock ) ) {
						continue;
					}
					set_transient( $lock, 1, 30 );
					$answer = self::send( $instance, $operation, (array) $variables );
					if ( is_wp_error( $answer ) ) {
						Breaker::trip( $instance, $answer );
					} else {
						Breaker::close( $instance );
						self::store( $key, $answer );
					}
					delete_transient( $lock );
				}
			}
		);
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
	 * One POST to the instance's /api, through WordPress's safe HTTP API (no redirects; a read
	 * within what is left of the page's budget).
	 *
	 * @param string $instance  A base URL.
	 * @param string $operation The operation's name.
	 * @param string $document  Its document.
	 * @param array  $variables Its variables.
	 * @return array|WP_Error
	 */
	private static function post( $instance, $operation, $document, array $variables ) {
		$timeout = self::TIMEOUT;
		if ( ! Operations::is_mutation( $operation ) ) {
			Breaker::start();
			$timeout = self::seconds( Breaker::remaining() );
		}
		$response = wp_safe_remote_post(
			$instance . '/api',
			array(
				'timeout'             => $timeout,
				'redirection'         => 0,
				'limit_response_size' => self::MAX_ANSWER,
				'user-agent'          => self::user_agent(),
				'headers'             => self::headers(),
				'body'                => self::payload( $operation, $document, $variables ),
			)
		);
		if ( is_wp_error( $response ) ) {
			return self::transport_error( $instance, $response->get_error_message() );
		}
		return self::decode( $instance, (int) wp_remote_retrieve_response_code( $response ), wp_remote_retrieve_body( $response ) );
	}

	/**
	 * A read's timeout within what is left: whole seconds from 1 s (Requests 1.x, in WordPress 6.1,
	 * rounds a timeout up to the next second), never more than READ_TIMEOUT.
	 *
	 * @param float $left Seconds left of the budget.
	 * @return float
	 */
	private static function seconds( $left ) {
		$left = min( (float) self::READ_TIMEOUT, $left );
		return $left >= 1 ? floor( $left ) : max( 0.1, $left );
	}

	/**
	 * The request's JSON body.
	 *
	 * @param string $operation The operation's name.
	 * @param string $document  Its document.
	 * @param array  $variables Its variables.
	 * @return string
	 */
	private static function payload( $operation, $document, array $variables ) {
		return (string) wp_json_encode(
			array(
				'operationName' => $operation,
				'query'         => $document,
				'variables'     => (object) $variables,
			)
		);
	}

	/**
	 * Request headers (no cookies, nothing about the visitor).
	 *
	 * @return array
	 */
	private static function headers() {
		return array(
			'Content-Type'    => 'application/json',
			'Accept'          => 'application/json',
			// Mobilizon words its error messages in this language.
			'Accept-Language' => str_replace( '_', '-', get_locale() ),
		);
	}

	/**
	 * The User-Agent this site sends.
	 *
	 * @return string
	 */
	public static function user_agent() {
		return 'Embeds for Mobilizon/' . EMBEDS_FOR_MOBILIZON_VERSION . ' (WordPress; ' . home_url( '/' ) . ')';
	}

	/**
	 * No answer at all: timed out, or not reachable.
	 *
	 * @param string $instance A base URL.
	 * @param string $message  The transport's message.
	 * @return WP_Error
	 */
	private static function transport_error( $instance, $message ) {
		$host    = Instance::host( $instance );
		$timeout = false !== stripos( $message, 'timed out' ) || false !== stripos( $message, 'timeout' );
		return new WP_Error(
			$timeout ? 'embeds_for_mobilizon_timeout' : 'embeds_for_mobilizon_unreachable',
			/* translators: %s: the instance's host name. */
			sprintf( $timeout ? __( '%s did not answer in time.', 'embeds-for-mobilizon' ) : __( '%s could not be reached.', 'embeds-for-mobilizon' ), $host ),
			array( 'status' => $timeout ? 504 : 502 )
		);
	}

	/**
	 * An HTTP answer as Mobilizon's `{data, errors}`, or why it is none.
	 *
	 * @param string $instance A base URL.
	 * @param int    $status   The HTTP status.
	 * @param string $text     The body.
	 * @return array|WP_Error
	 */
	private static function decode( $instance, $status, $text ) {
		$host = Instance::host( $instance );
		if ( strlen( $text ) >= self::MAX_ANSWER ) {
			return new WP_Error(
				'embeds_for_mobilizon_upstream',
				/* translators: %s: the instance's host name. */
				sprintf( __( '%s sent an answer too large to use.', 'embeds-for-mobilizon' ), $host ),
				array(
					'status'   => 502,
					'upstream' => $status,
				)
			);
		}
		$decoded = json_decode( $text, true );
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
