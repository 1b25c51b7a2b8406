<?php
/**
 * Pictures in proxy mode: the proxy's answers point pictures (event pictures, group avatars and
 * banners, images in descriptions) at this site, which fetches them from the instance. So visitors'
 * browsers never contact the instance, not even for images.
 *
 * @package Embeds_For_Mobilizon
 */

namespace Embeds_For_Mobilizon;

use WP_Error;
use WP_REST_Request;
use WP_REST_Response;

defined( 'ABSPATH' ) || exit;

/**
 * Signed picture addresses, and the route that serves them.
 */
final class Media {

	const ROUTE = '/media';

	const MAX_BYTES = 5242880;

	/**
	 * Registers the route and the raw output of its answers.
	 */
	public static function register() {
		register_rest_route(
			Proxy::NAMESPACE_V1,
			self::ROUTE,
			array(
				'methods'             => 'GET',
				'callback'            => array( __CLASS__, 'handle' ),
				'permission_callback' => '__return_true',
			)
		);
		add_filter( 'rest_pre_serve_request', array( __CLASS__, 'serve' ), 10, 4 );
	}

	/**
	 * A signature binding a picture address to this site (nobody else can make this route fetch).
	 *
	 * @param string $url A picture's address on the instance.
	 * @return string
	 */
	private static function sign( $url ) {
		return substr( hash_hmac( 'sha256', $url, wp_salt( 'auth' ) . '|embeds_for_mobilizon_media' ), 0, 32 );
	}

	/**
	 * This site's address for a picture of the instance.
	 *
	 * @param string $url A picture's address on the instance.
	 * @return string
	 */
	public static function url( $url ) {
		return add_query_arg(
			array(
				'u' => rawurlencode( $url ),
				's' => self::sign( $url ),
			),
			rest_url( Proxy::NAMESPACE_V1 . self::ROUTE )
		);
	}

	/**
	 * The answer with the instance's pictures pointed at this site.
	 *
	 * @param array  $body     Mobilizon's `{data, errors}`.
	 * @param string $instance The instance's base URL.
	 * @return array
	 */
	public static function rewrite( array $body, $instance ) {
		$origin = self::origin( $instance );
		if ( ! isset( $body['data'] ) || ! is_array( $body['data'] ) || '' === $origin ) {
			return $body;
		}
		$body['data'] = self::walk( $body['data'], $origin, '' );
		return $body;
	}

	/**
	 * `scheme://host[:port]` of a URL.
	 *
	 * @param string $url A URL.
	 * @return string
	 */
	private static function origin( $url ) {
		$parts = wp_parse_url( (string) $url );
		if ( ! is_array( $parts ) || empty( $parts['scheme'] ) || empty( $parts['host'] ) ) {
			return '';
		}
		return strtolower( $parts['scheme'] . '://' . $parts['host'] ) . ( isset( $parts['port'] ) ? ':' . $parts['port'] : '' );
	}

	/**
	 * Rewrites pictures' `url` fields and `src` attributes in HTML fields.
	 *
	 * @param mixed  $value  Part of the answer.
	 * @param string $origin The instance's origin.
	 * @param string $parent The key holding this value.
	 * @return mixed
	 */
	private static function walk( $value, $origin, $parent ) {
		if ( is_array( $value ) ) {
			foreach ( $value as $key => $item ) {
				if ( 'url' === $key && is_string( $item ) && in_array( $parent, array( 'picture', 'avatar', 'banner' ), true ) && self::origin( $item ) === $origin ) {
					$value[ $key ] = self::url( $item );
				} elseif ( is_string( $item ) && in_array( $key, array( 'description', 'summary', 'body' ), true ) ) {
					$value[ $key ] = self::rewrite_html( $item, $origin );
				} else {
					$value[ $key ] = self::walk( $item, $origin, is_string( $key ) ? $key : $parent );
				}
			}
		}
		return $value;
	}

	/**
	 * `src` attributes of an HTML string that point at the instance.
	 *
	 * @param string $html   HTML from the instance.
	 * @param string $origin The instance's origin.
	 * @return string
	 */
	private static function rewrite_html( $html, $origin ) {
		return (string) preg_replace_callback(
			'#(\ssrc\s*=\s*)(["\'])(https?://[^"\'\s>]+)\2#i',
			function ( $m ) use ( $origin ) {
				$url = html_entity_decode( $m[3], ENT_QUOTES, 'UTF-8' );
				return self::origin( $url ) === $origin ? $m[1] . $m[2] . esc_url( self::url( $url ) ) . $m[2] : $m[0];
			},
			$html
		);
	}

	/**
	 * Fetches a picture this site signed, from an instance it may contact.
	 *
	 * @param WP_REST_Request $request The request.
	 * @return WP_REST_Response|WP_Error
	 */
	public static function handle( WP_REST_Request $request ) {
		$url  = (string) $request->get_param( 'u' );
		$sign = (string) $request->get_param( 's' );
		if ( '' === $url || ! hash_equals( self::sign( $url ), $sign ) ) {
			return new WP_Error( 'embeds_for_mobilizon_bad_media', __( 'Unknown picture.', 'embeds-for-mobilizon' ), array( 'status' => 404 ) );
		}
		$allowed = false;
		foreach ( Instance::allowed() as $instance ) {
			if ( self::origin( $instance ) === self::origin( $url ) && null !== Instance::resolve( $instance ) ) {
				$allowed = true;
			}
		}
		if ( ! $allowed ) {
			return new WP_Error( 'embeds_for_mobilizon_instance_refused', __( 'This site does not contact that instance.', 'embeds-for-mobilizon' ), array( 'status' => 403 ) );
		}
		$response = wp_safe_remote_get(
			$url,
			array(
				'timeout'             => Client::TIMEOUT,
				'redirection'         => 3,
				'limit_response_size' => self::MAX_BYTES,
				'user-agent'          => 'Embeds for Mobilizon/' . EMBEDS_FOR_MOBILIZON_VERSION . ' (WordPress; ' . home_url( '/' ) . ')',
			)
		);
		$type = is_wp_error( $response ) ? '' : strtolower( trim( explode( ';', (string) wp_remote_retrieve_header( $response, 'content-type' ) )[0] ) );
		// Raster images only: an SVG served from this site's origin could run script.
		if ( 200 !== (int) wp_remote_retrieve_response_code( $response ) || ! in_array( $type, array( 'image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/avif' ), true ) ) {
			return new WP_Error( 'embeds_for_mobilizon_media_failed', __( 'The picture could not be fetched.', 'embeds-for-mobilizon' ), array( 'status' => 502 ) );
		}
		$answer = new WP_REST_Response(
			array(
				'embeds_for_mobilizon_media' => true,
				'type'                       => $type,
				'bytes'                      => wp_remote_retrieve_body( $response ),
			),
			200
		);
		return $answer;
	}

	/**
	 * Sends a picture as itself rather than as JSON.
	 *
	 * @param bool             $served  Whether the answer was sent already.
	 * @param WP_REST_Response $result  The answer.
	 * @param WP_REST_Request  $request The request.
	 * @return bool
	 */
	public static function serve( $served, $result, $request ) {
		if ( $served || ! $request instanceof WP_REST_Request || Proxy::NAMESPACE_V1 !== trim( dirname( $request->get_route() ), '/' ) || self::ROUTE !== '/' . basename( $request->get_route() ) ) {
			return $served;
		}
		$data = $result instanceof WP_REST_Response ? $result->get_data() : null;
		if ( ! is_array( $data ) || empty( $data['embeds_for_mobilizon_media'] ) ) {
			return $served;
		}
		header( 'Content-Type: ' . $data['type'] );
		header( 'Content-Length: ' . strlen( $data['bytes'] ) );
		header( 'Cache-Control: public, max-age=86400' );
		header( 'X-Content-Type-Options: nosniff' );
		header( "Content-Security-Policy: default-src 'none'" );
		echo $data['bytes']; // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- image bytes, type checked above.
		return true;
	}
}
