<?php
/**
 * A bound on what anonymous visitors can make this site store: the proxy's cache keeps at most
 * MAX_ENTRIES answers; storing one more evicts the least recently stored.
 *
 * @package Embeds_For_Mobilizon
 */

namespace Embeds_For_Mobilizon;

defined( 'ABSPATH' ) || exit;

/**
 * The cache's keys with the time each was stored, in one option (not autoloaded).
 */
final class Cache_Index {

	const OPTION = 'embeds_for_mobilizon_cache_index';

	const MAX_ENTRIES = 500;

	/**
	 * The most entries kept.
	 *
	 * @return int
	 */
	public static function max_entries() {
		/**
		 * Filters how many answers the cache keeps at most.
		 *
		 * @param int $max 500.
		 */
		return max( 1, (int) apply_filters( 'embeds_for_mobilizon_max_cache_entries', self::MAX_ENTRIES ) );
	}

	/**
	 * Records that an entry was stored, and evicts the oldest ones beyond the cap.
	 *
	 * @param string $key A transient of the cache.
	 */
	public static function touch( $key ) {
		$index = get_option( self::OPTION, array() );
		$index = is_array( $index ) ? $index : array();
		unset( $index[ $key ] );
		$index[ $key ] = time();
		$max           = self::max_entries();
		if ( count( $index ) > $max ) {
			asort( $index );
			foreach ( array_slice( array_keys( $index ), 0, count( $index ) - $max ) as $old ) {
				delete_transient( $old );
				unset( $index[ $old ] );
			}
		}
		update_option( self::OPTION, $index, false );
	}

	/**
	 * How many entries the index holds.
	 *
	 * @return int
	 */
	public static function count() {
		$index = get_option( self::OPTION, array() );
		return is_array( $index ) ? count( $index ) : 0;
	}
}
