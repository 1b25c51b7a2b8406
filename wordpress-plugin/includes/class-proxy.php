<?php
/**
 * POST /wp-json/embeds-for-mobilizon/v1/graphql: the elements' `endpoint`. They send
 * `{operationName, variables}`; this runs the shipped document of that name against the configured
 * instance and answers Mobilizon's `{data, errors}` unchanged. The other end of
 * src/sources/mobilizon/transport.ts when an element has an `endpoint`.
 *
 * @package Embeds_For_Mobilizon
 */

namespace Embeds_For_Mobilizon;

use WP_Error;
use WP_REST_Request;
use WP_REST_Response;

defined( 'ABSPATH' ) || exit;

/**
 * The REST route, open to visitors: what it runs is fixed by the plugin, not by the caller.
 */
final class Proxy {

	const NAMESPACE_V1 = 'embeds-for-mobilizon/v1';
	const ROUTE        = '/graphql';

	/** Larger bodies are refused before parsing matters (a registration message is the largest part). */
	const MAX_BODY = 16384;

	/**
	 * Registers the route.
	 */
	public static function register() {
		register_rest_route(
			self::NAMESPACE_V1,
			self::ROUTE,
			array(
				'methods'             => 'POST',
				'callback'            => array( __CLASS__, 'handle' ),
				'permission_callback' => '__return_true',
			)
		);
	}

	/**
	 * The endpoint URL printed on elements: the route, the instance when it is not the default one,
	 * and the registration nonce.
	 *
	 * @param string $instance The element's base URL.
	 * @return string
	 */
	public static function url( $instance ) {
		$args = array( Guard::PARAM => Guard::nonce() );
		if ( $instance && Settings::instance() !== $instance ) {
			$args['instance'] = $instance;
		}
		return add_query_arg( array_map( 'rawurlencode', $args ), rest_url( self::NAMESPACE_V1 . self::ROUTE ) );
	}

	/**
	 * Runs one operation.
	 *
	 * @param WP_REST_Request $request The request.
	 * @return WP_REST_Response|WP_Error
	 */
	public static function handle( WP_REST_Request $request ) {
		if ( strlen( (string) $request->get_body() ) > self::MAX_BODY ) {
			return new WP_Error( 'embeds_for_mobilizon_too_large', __( 'The request is too large.', 'embeds-for-mobilizon' ), array( 'status' => 413 ) );
		}
		$payload = $request->get_json_params();
		if ( ! is_array( $payload ) ) {
			return self::bad_request( __( 'The request must be a JSON object with operationName and variables.', 'embeds-for-mobilizon' ) );
		}
		$query = $request->get_query_params();
		if ( array_key_exists( 'query', $payload ) || array_key_exists( 'query', $query ) || array_key_exists( 'extensions', $payload ) ) {
			return self::bad_request( __( 'Only the named operations of this plugin can be run; query text is refused.', 'embeds-for-mobilizon' ) );
		}
		$operation = $payload['operationName'] ?? null;
		if ( array() !== Assets::missing() ) {
			return new WP_Error( 'embeds_for_mobilizon_not_built', __( 'This copy of the plugin was installed without its built files; the site\'s administrator can install it from its release zip.', 'embeds-for-mobilizon' ), array( 'status' => 503 ) );
		}
		if ( null === Operations::document( $operation ) ) {
			return self::bad_request( __( 'Unknown operation.', 'embeds-for-mobilizon' ) );
		}
		$variables = Operations::validate( $operation, $payload['variables'] ?? array() );
		if ( is_wp_error( $variables ) ) {
			return $variables;
		}

		$requested = $query['instance'] ?? '';
		$instance  = Instance::resolve( is_string( $requested ) ? $requested : null );
		if ( null === $instance ) {
			if ( '' === $requested && '' === Settings::instance() ) {
				return new WP_Error( 'embeds_for_mobilizon_not_configured', __( 'No Mobilizon instance is configured on this site.', 'embeds-for-mobilizon' ), array( 'status' => 503 ) );
			}
			return new WP_Error( 'embeds_for_mobilizon_instance_refused', __( 'This site does not contact that instance.', 'embeds-for-mobilizon' ), array( 'status' => 403 ) );
		}

		// A group Event Bridge for ActivityPub follows: its events are already on this site.
		$federated = Federated_Source::answer( $instance, $operation, $variables, Federated_Source::mode( $query['source'] ?? null ) );
		if ( null !== $federated ) {
			$response = new WP_REST_Response( $federated, 200 );
			$response->header( 'X-Embeds-For-Mobilizon-Cache', 'federated' );
			return $response;
		}

		if ( Operations::is_mutation( $operation ) ) {
			if ( ! Guard::verify( $query[ Guard::PARAM ] ?? null ) ) {
				return new WP_Error( 'embeds_for_mobilizon_bad_nonce', __( 'This page is too old to register from; reload it and try again.', 'embeds-for-mobilizon' ), array( 'status' => 403 ) );
			}
			$wait = Guard::take_registration();
			if ( $wait > 0 ) {
				return self::rate_limited( __( 'Too many registrations from your connection; try again in a few minutes.', 'embeds-for-mobilizon' ), $wait );
			}
			$answer = Client::send( $instance, $operation, $variables );
		} else {
			$wait = Guard::take_read();
			if ( $wait > 0 ) {
				return self::rate_limited( __( 'Too many requests from your connection; try again in a few minutes.', 'embeds-for-mobilizon' ), $wait );
			}
			$answer = Client::query( $instance, $operation, $variables );
		}

		if ( is_wp_error( $answer ) ) {
			return $answer;
		}
		// Pictures come through this site too, so visitors' browsers never contact the instance.
		$body     = Operations::is_mutation( $operation ) ? $answer['body'] : Media::rewrite( $answer['body'], $instance );
		$response = new WP_REST_Response( $body, $answer['status'] );
		$response->header( 'X-Embeds-For-Mobilizon-Cache', $answer['cache'] ?? 'none' );
		return $response;
	}

	/**
	 * A 429 answer with Retry-After.
	 *
	 * @param string $message Why.
	 * @param int    $wait    Seconds.
	 * @return WP_REST_Response
	 */
	private static function rate_limited( $message, $wait ) {
		$error = new WP_REST_Response(
			array(
				'code'    => 'embeds_for_mobilizon_rate_limited',
				'message' => $message,
				'data'    => array( 'status' => 429 ),
			),
			429
		);
		$error->header( 'Retry-After', (string) $wait );
		return $error;
	}

	/**
	 * A 400 answer.
	 *
	 * @param string $message Why.
	 * @return WP_Error
	 */
	private static function bad_request( $message ) {
		return new WP_Error( 'embeds_for_mobilizon_bad_request', $message, array( 'status' => 400 ) );
	}
}
