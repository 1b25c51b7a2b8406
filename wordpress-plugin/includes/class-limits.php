<?php
/**
 * Counters per visitor that hold under concurrency: registrations and proxy reads per address
 * (IPv6 counted per /64, what one connection usually has), in fixed windows. With a persistent
 * object cache, wp_cache_incr (atomic in Redis and Memcached); else one row per address and window
 * in the options table, raised by a conditional UPDATE (atomic in MySQL/MariaDB).
 *
 * @package Embeds_For_Mobilizon
 */

namespace Embeds_For_Mobilizon;

defined( 'ABSPATH' ) || exit;

/**
 * Fixed-window counters.
 */
final class Limits {

	const PREFIX = 'embeds_for_mobilizon_count_';

	const GROUP = 'embeds_for_mobilizon';

	/**
	 * The visitor as counted: an IPv4 address, or the /64 of an IPv6 one.
	 *
	 * @param string $ip An address.
	 * @return string
	 */
	public static function visitor( $ip ) {
		if ( filter_var( $ip, FILTER_VALIDATE_IP, FILTER_FLAG_IPV6 ) ) {
			$packed = inet_pton( $ip );
			// An IPv4-mapped address is that IPv4 address.
			if ( substr( $packed, 0, 12 ) === str_repeat( "\0", 10 ) . "\xff\xff" ) {
				return (string) inet_ntop( substr( $packed, 12 ) );
			}
			return (string) inet_ntop( substr( $packed, 0, 8 ) . str_repeat( "\0", 8 ) ) . '/64';
		}
		return (string) $ip;
	}

	/**
	 * Counts one use of `$what` by a visitor.
	 *
	 * @param string $what   A name (registration, read).
	 * @param string $ip     The visitor's address.
	 * @param int    $limit  Uses allowed per window.
	 * @param int    $window Seconds.
	 * @return int 0 when allowed, else the seconds until the window ends.
	 */
	public static function take( $what, $ip, $limit, $window ) {
		$now    = time();
		$bucket = (int) floor( $now / $window );
		$left   = max( 1, ( $bucket + 1 ) * $window - $now );
		// Hashed: the address itself is never stored.
		$scope = self::PREFIX . (int) $window . '_';
		$name  = $scope . substr( md5( $what . '|' . wp_hash( self::visitor( $ip ), 'nonce' ) ), 0, 20 ) . '_' . $bucket;
		if ( wp_using_ext_object_cache() ) {
			wp_cache_add( $name, 0, self::GROUP, $window );
			$count = wp_cache_incr( $name, 1, self::GROUP );
			return false !== $count && $count <= $limit ? 0 : $left;
		}
		global $wpdb;
		// phpcs:disable WordPress.DB.DirectDatabaseQuery -- an atomic counter has no WordPress API.
		$created = $wpdb->query( $wpdb->prepare( "INSERT IGNORE INTO {$wpdb->options} (option_name, option_value, autoload) VALUES (%s, '0', 'no')", $name ) );
		if ( $created ) {
			self::forget_old( $scope, $bucket );
		}
		$taken = $wpdb->query( $wpdb->prepare( "UPDATE {$wpdb->options} SET option_value = option_value + 1 WHERE option_name = %s AND CAST(option_value AS UNSIGNED) < %d", $name, $limit ) );
		// phpcs:enable
		return $taken ? 0 : $left;
	}

	/**
	 * Deletes counters of windows that are over (a few rows per visitor at most).
	 *
	 * @param string $scope  The counters' name prefix (one window length).
	 * @param int    $bucket The current window.
	 */
	private static function forget_old( $scope, $bucket ) {
		global $wpdb;
		$rows = $wpdb->get_col( $wpdb->prepare( "SELECT option_name FROM {$wpdb->options} WHERE option_name LIKE %s LIMIT 200", $wpdb->esc_like( $scope ) . '%' ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery
		foreach ( $rows as $row ) {
			$of = (int) substr( (string) strrchr( $row, '_' ), 1 );
			if ( $of < $bucket - 1 ) {
				$wpdb->delete( $wpdb->options, array( 'option_name' => $row ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery
			}
		}
	}
}
