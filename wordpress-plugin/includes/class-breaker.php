<?php
/**
 * What keeps a slow or dead instance from slowing this site: a per-instance circuit breaker (after a
 * failure, no visitor's request contacts that instance for a while; one background retry closes it
 * again) and a time budget for everything one visitor's page asks of instances.
 *
 * @package Embeds_For_Mobilizon
 */

namespace Embeds_For_Mobilizon;

use WP_Error;

defined( 'ABSPATH' ) || exit;

/**
 * Breaker state in transients (shared by every PHP process), the budget per PHP request.
 */
final class Breaker {

	/** After a failure, the instance is left alone this long. */
	const OPEN_FOR = 60;

	/** Seconds one visitor's request may spend waiting for instances, all requests together (the page itself takes some too). */
	const BUDGET = 2.5;

	/** Below this much budget left, nothing more is sent inline. */
	const MIN_LEFT = 0.25;

	/**
	 * When this PHP request first waited for an instance (microtime), or null.
	 *
	 * @var float|null
	 */
	private static $started = null;

	/**
	 * Whether this code runs after the visitor got the response (cron, after fastcgi_finish_request).
	 *
	 * @var bool
	 */
	private static $background = false;

	/**
	 * The transient of an instance's breaker.
	 *
	 * @param string $instance A base URL.
	 * @return string
	 */
	private static function key( $instance ) {
		return 'embeds_for_mobilizon_down_' . md5( $instance );
	}

	/**
	 * Whether an instance failed a short while ago.
	 *
	 * @param string $instance A base URL.
	 * @return bool
	 */
	public static function is_open( $instance ) {
		return is_array( get_transient( self::key( $instance ) ) );
	}

	/**
	 * The error that opened the breaker, for the page's fallback text.
	 *
	 * @param string $instance A base URL.
	 * @return WP_Error
	 */
	public static function error( $instance ) {
		$state = get_transient( self::key( $instance ) );
		if ( is_array( $state ) && isset( $state['code'], $state['message'] ) ) {
			return new WP_Error( (string) $state['code'], (string) $state['message'], array( 'status' => 503 ) );
		}
		/* translators: %s: the instance's host name. */
		return new WP_Error( 'embeds_for_mobilizon_unreachable', sprintf( __( '%s could not be reached.', 'embeds-for-mobilizon' ), Instance::host( $instance ) ), array( 'status' => 503 ) );
	}

	/**
	 * Whether an error says the instance is down or slow (not a refusal of one request).
	 *
	 * @param WP_Error $error From the client.
	 * @return bool
	 */
	public static function is_outage( WP_Error $error ) {
		return in_array( $error->get_error_code(), array( 'embeds_for_mobilizon_timeout', 'embeds_for_mobilizon_unreachable', 'embeds_for_mobilizon_upstream' ), true );
	}

	/**
	 * Opens (or keeps open) an instance's breaker after an outage.
	 *
	 * @param string   $instance A base URL.
	 * @param WP_Error $error    What happened.
	 */
	public static function trip( $instance, WP_Error $error ) {
		if ( ! self::is_outage( $error ) ) {
			return;
		}
		set_transient(
			self::key( $instance ),
			array(
				'code'    => $error->get_error_code(),
				'message' => $error->get_error_message(),
			),
			self::OPEN_FOR
		);
	}

	/**
	 * Closes an instance's breaker (it answered).
	 *
	 * @param string $instance A base URL.
	 */
	public static function close( $instance ) {
		if ( false !== get_transient( self::key( $instance ) ) ) {
			delete_transient( self::key( $instance ) );
		}
	}

	/**
	 * Whether this process may make the one retry of an open breaker (once per OPEN_FOR).
	 *
	 * @param string $instance A base URL.
	 * @return bool
	 */
	public static function claim_retry( $instance ) {
		// add_option is an INSERT: of several processes, one wins.
		$name = 'embeds_for_mobilizon_retry_' . md5( $instance );
		$now  = time();
		if ( add_option( $name, $now, '', 'no' ) ) {
			return true;
		}
		$last = (int) get_option( $name );
		if ( $now - $last < self::OPEN_FOR ) {
			return false;
		}
		update_option( $name, $now, false );
		return true;
	}

	/**
	 * Seconds this request may still wait for instances.
	 *
	 * @return float
	 */
	public static function remaining() {
		if ( self::$background ) {
			return (float) Client::TIMEOUT;
		}
		return null === self::$started ? self::BUDGET : self::BUDGET - ( microtime( true ) - self::$started );
	}

	/**
	 * Whether there is budget left for one more request.
	 *
	 * @return bool
	 */
	public static function has_budget() {
		return self::remaining() >= self::MIN_LEFT;
	}

	/**
	 * Starts the budget's clock (at the first request sent).
	 */
	public static function start() {
		if ( null === self::$started && ! self::$background ) {
			self::$started = microtime( true );
		}
	}

	/**
	 * Runs work that nobody waits for (no budget).
	 *
	 * @param callable $work The work.
	 */
	public static function in_background( callable $work ) {
		$was              = self::$background;
		self::$background = true;
		try {
			$work();
		} finally {
			self::$background = $was;
		}
	}

	/**
	 * Forgets this request's budget (tests, and a long-running process between requests).
	 */
	public static function reset_budget() {
		self::$started = null;
	}
}
