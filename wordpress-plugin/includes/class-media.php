<?php
/**
 * Pictures in proxy mode: the proxy's answers point every picture (event pictures, avatars and
 * banners, the default picture, images in descriptions; on the instance or on any other server,
 * as remote events' are) at this site, which fetches each once and keeps it (class-media-store.php).
 * So visitors' browsers never contact another server, not even for images.
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

	const TIMEOUT = 5;

	const MAX_HOPS = 3;

	/** Keys whose `url` is a picture. */
	const PICTURES = array( 'picture', 'avatar', 'banner', 'defaultPicture', 'image', 'logo' );

	/** Raster types served, and how their files start. */
	const TYPES = array(
		'image/png'  => "\x89PNG",
		'image/jpeg' => "\xFF\xD8\xFF",
		'image/gif'  => 'GIF8',
		'image/webp' => 'RIFF',
		'image/avif' => '',
	);

	/** A 4×3 light grey PNG: what a picture that cannot be shown becomes (no broken-image icon). */
	const PLACEHOLDER = 'iVBORw0KGgoAAAANSUhEUgAAAAQAAAADCAIAAAA7ljmRAAAAEUlEQVR42mN4+vw1HDHg5AAAe0MglYrtfOoAAAAASUVORK5CYII=';

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
	 * The answer with every picture pointed at this site.
	 *
	 * @param array  $body     Mobilizon's `{data, errors}`.
	 * @param string $instance The instance's base URL (kept for callers; every origin is rewritten).
	 * @return array
	 */
	public static function rewrite( array $body, $instance = '' ) {
		unset( $instance );
		if ( ! isset( $body['data'] ) || ! is_array( $body['data'] ) ) {
			return $body;
		}
		$body['data'] = self::walk( $body['data'], '' );
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
	 * Whether a string is an http(s) URL with a host.
	 *
	 * @param string $url A URL.
	 * @return bool
	 */
	private static function is_web( $url ) {
		return (bool) preg_match( '#^https?://#i', $url ) && '' !== self::origin( $url );
	}

	/**
	 * Rewrites pictures' `url` fields and `src` attributes in HTML fields.
	 *
	 * @param mixed  $value  Part of the answer.
	 * @param string $parent The key holding this value.
	 * @return mixed
	 */
	private static function walk( $value, $parent ) {
		if ( is_array( $value ) ) {
			foreach ( $value as $key => $item ) {
				if ( 'url' === $key && is_string( $item ) && in_array( $parent, self::PICTURES, true ) && self::is_web( $item ) ) {
					$value[ $key ] = self::url( $item );
				} elseif ( is_string( $item ) && in_array( $key, array( 'description', 'summary', 'body', 'content' ), true ) ) {
					$value[ $key ] = self::rewrite_html( $item );
				} else {
					$value[ $key ] = self::walk( $item, is_string( $key ) ? $key : $parent );
				}
			}
		}
		return $value;
	}

	/**
	 * `src` and `srcset` attributes of an HTML string, pointed at this site.
	 *
	 * @param string $html HTML from an instance.
	 * @return string
	 */
	private static function rewrite_html( $html ) {
		$html = (string) preg_replace_callback(
			'#(\ssrc\s*=\s*)(["\'])(https?://[^"\'\s>]+)\2#i',
			function ( $m ) {
				$url = html_entity_decode( $m[3], ENT_QUOTES, 'UTF-8' );
				return self::is_web( $url ) ? $m[1] . $m[2] . esc_url( self::url( $url ) ) . $m[2] : $m[0];
			},
			$html
		);
		// A srcset would let the browser pick an address of its own: only src is kept.
		return (string) preg_replace( '#\ssrcset\s*=\s*(["\'])[^"\']*\1#i', '', $html );
	}

	/**
	 * Serves a picture this site signed: from the store, else fetched (every redirect checked like
	 * the first address), else a small neutral placeholder.
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
		$stored = Media_Store::get( $url );
		if ( null === $stored ) {
			$fetched = self::fetch( $url );
			$stored  = Media_Store::put( $url, $fetched );
		}
		if ( ! empty( $stored['failed'] ) ) {
			return self::answer( (int) $stored['status'], 'image/png', base64_decode( self::PLACEHOLDER ), '"placeholder"', 600 ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_decode -- a constant picture.
		}
		$etag = '"' . $stored['etag'] . '"';
		if ( trim( (string) $request->get_header( 'if_none_match' ) ) === $etag ) {
			return self::answer( 304, $stored['type'], '', $etag, Media_Store::TTL );
		}
		return self::answer( 200, $stored['type'], $stored['bytes'], $etag, Media_Store::TTL );
	}

	/**
	 * A picture answer for serve().
	 *
	 * @param int    $status  HTTP status (a placeholder goes with the failure's).
	 * @param string $type    Content type.
	 * @param string $bytes   The picture.
	 * @param string $etag    Its ETag.
	 * @param int    $max_age Seconds browsers may keep it.
	 * @return WP_REST_Response
	 */
	private static function answer( $status, $type, $bytes, $etag, $max_age ) {
		return new WP_REST_Response(
			array(
				'embeds_for_mobilizon_media' => true,
				'type'                       => $type,
				'bytes'                      => $bytes,
				'etag'                       => $etag,
				'max_age'                    => $max_age,
			),
			$status
		);
	}

	/**
	 * Fetches a picture, following at most MAX_HOPS redirects by hand so that each address is
	 * checked (public address, allowed port) before it is contacted.
	 *
	 * @param string $url A picture's address.
	 * @return array `type` and `bytes`, or `failed` with the `status` to answer.
	 */
	public static function fetch( $url ) {
		for ( $hop = 0; $hop <= self::MAX_HOPS; $hop++ ) {
			if ( ! self::is_web( $url ) || ! Instance::is_public( self::origin( $url ) ) ) {
				return array(
					'failed' => true,
					'status' => 403,
				);
			}
			$response = wp_safe_remote_get(
				$url,
				array(
					'timeout'             => self::TIMEOUT,
					'redirection'         => 0,
					'limit_response_size' => self::MAX_BYTES,
					'user-agent'          => Client::user_agent(),
				)
			);
			if ( is_wp_error( $response ) ) {
				break;
			}
			$status = (int) wp_remote_retrieve_response_code( $response );
			if ( $status >= 300 && $status < 400 ) {
				$location = (string) wp_remote_retrieve_header( $response, 'location' );
				if ( '' === $location ) {
					break;
				}
				$url = \WP_Http::make_absolute_url( $location, $url );
				continue;
			}
			$type  = strtolower( trim( explode( ';', (string) wp_remote_retrieve_header( $response, 'content-type' ) )[0] ) );
			$bytes = (string) wp_remote_retrieve_body( $response );
			// Raster images only, and really so: an SVG served from this site's origin could run script.
			if ( 200 === $status && isset( self::TYPES[ $type ] ) && strlen( $bytes ) < self::MAX_BYTES && self::looks_like( $bytes, $type ) ) {
				return array(
					'type'  => $type,
					'bytes' => $bytes,
				);
			}
			break;
		}
		return array(
			'failed' => true,
			'status' => 502,
		);
	}

	/**
	 * Whether bytes start as their type's files do.
	 *
	 * @param string $bytes Bytes.
	 * @param string $type  A type of TYPES.
	 * @return bool
	 */
	private static function looks_like( $bytes, $type ) {
		$magic = self::TYPES[ $type ];
		if ( 'image/webp' === $type ) {
			return 'RIFF' === substr( $bytes, 0, 4 ) && 'WEBP' === substr( $bytes, 8, 4 );
		}
		if ( 'image/avif' === $type ) {
			return 'ftyp' === substr( $bytes, 4, 4 );
		}
		return 0 === strncmp( $bytes, $magic, strlen( $magic ) );
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
		header( 'Cache-Control: public, max-age=' . (int) $data['max_age'] );
		header( 'ETag: ' . $data['etag'] );
		header( 'X-Content-Type-Options: nosniff' );
		header( "Content-Security-Policy: default-src 'none'" );
		if ( '' !== $data['bytes'] ) {
			header( 'Content-Length: ' . strlen( $data['bytes'] ) );
			echo $data['bytes']; // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- image bytes, type and magic checked.
		}
		return true;
	}
}
