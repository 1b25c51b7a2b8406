<?php
/**
 * `near` as site owners write it, for Mobilizon's search (a geohash `location` and a radius in km)
 * and for lists filtered here. Twin of src/model/geohash.ts.
 *
 * @package Embeds_For_Mobilizon
 */

namespace Embeds_For_Mobilizon;

defined( 'ABSPATH' ) || exit;

/**
 * Geohash cells and points.
 */
final class Geohash {

	const BASE32 = '0123456789bcdefghjkmnpqrstuvwxyz';

	/**
	 * "45.76,4.84" (latitude, longitude) or a geohash, with a radius in km (Mobilizon's default 50).
	 *
	 * @param string|null     $near   The attribute.
	 * @param float|int|null $radius Km.
	 * @return array|null `lat`, `lon`, `radius`, `geohash`.
	 */
	public static function parse_near( $near, $radius = null ) {
		$text = trim( (string) $near );
		if ( '' === $text ) {
			return null;
		}
		if ( preg_match( '/^(-?\d+(?:\.\d+)?)\s*[,;\s]\s*(-?\d+(?:\.\d+)?)$/', $text, $m ) ) {
			$point = array(
				'lat' => (float) $m[1],
				'lon' => (float) $m[2],
			);
		} else {
			$point = self::decode( $text );
		}
		if ( ! $point || abs( $point['lat'] ) > 90 || abs( $point['lon'] ) > 180 ) {
			return null;
		}
		return $point + array(
			'radius'  => is_numeric( $radius ) && (float) $radius > 0 ? (float) $radius : 50.0,
			'geohash' => self::encode( $point['lat'], $point['lon'] ),
		);
	}

	/**
	 * The cell of a point.
	 *
	 * @param float $lat       Latitude.
	 * @param float $lon       Longitude.
	 * @param int   $precision Characters.
	 * @return string
	 */
	public static function encode( $lat, $lon, $precision = 9 ) {
		$range = array(
			array( -90.0, 90.0 ),
			array( -180.0, 180.0 ),
		);
		$hash  = '';
		$value = 0;
		$bits  = 0;
		$even  = true;
		while ( strlen( $hash ) < $precision ) {
			$axis  = $even ? 1 : 0;
			$coord = $even ? $lon : $lat;
			$mid   = ( $range[ $axis ][0] + $range[ $axis ][1] ) / 2;
			$on    = $coord >= $mid;
			$value = $value * 2 + ( $on ? 1 : 0 );
			$even  = ! $even;

			$range[ $axis ][ $on ? 0 : 1 ] = $mid;
			if ( 5 === ++$bits ) {
				$hash .= self::BASE32[ $value ];
				$bits  = 0;
				$value = 0;
			}
		}
		return $hash;
	}

	/**
	 * The centre of a cell, or null when the text is not a geohash.
	 *
	 * @param string $hash A geohash.
	 * @return array|null `lat`, `lon`.
	 */
	public static function decode( $hash ) {
		$range = array(
			array( -90.0, 90.0 ),
			array( -180.0, 180.0 ),
		);
		$even  = true;
		$chars = str_split( strtolower( (string) $hash ) );
		foreach ( $chars as $char ) {
			$value = strpos( self::BASE32, $char );
			if ( false === $value ) {
				return null;
			}
			for ( $bit = 4; $bit >= 0; $bit-- ) {
				$axis = $even ? 1 : 0;
				$side = ( ( $value >> $bit ) & 1 ) ? 0 : 1;
				$mid  = ( $range[ $axis ][0] + $range[ $axis ][1] ) / 2;
				$even = ! $even;

				$range[ $axis ][ $side ] = $mid;
			}
		}
		return '' === (string) $hash ? null : array(
			'lat' => ( $range[0][0] + $range[0][1] ) / 2,
			'lon' => ( $range[1][0] + $range[1][1] ) / 2,
		);
	}

	/**
	 * Great-circle distance in km.
	 *
	 * @param array $a `lat`, `lon`.
	 * @param array $b `lat`, `lon`.
	 * @return float
	 */
	public static function distance_km( array $a, array $b ) {
		$rad = M_PI / 180;
		$h   = sin( ( $b['lat'] - $a['lat'] ) * $rad / 2 ) ** 2
			+ cos( $a['lat'] * $rad ) * cos( $b['lat'] * $rad ) * sin( ( $b['lon'] - $a['lon'] ) * $rad / 2 ) ** 2;
		return 12742 * asin( min( 1, sqrt( $h ) ) );
	}
}
