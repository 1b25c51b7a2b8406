<?php
/**
 * The GraphQL documents this plugin may send: the elements' own named operations, copied from
 * src/sources/mobilizon/operations/ by the build (fragments inlined), and what each accepts.
 * Twin of that folder, and of src/sources/mobilizon/versions.ts for older servers (adapt).
 *
 * @package Embeds_For_Mobilizon
 */

namespace Embeds_For_Mobilizon;

use WP_Error;

defined( 'ABSPATH' ) || exit;

/**
 * Named operations and their variables, checked; nothing else ever reaches an instance.
 */
final class Operations {

	/** At most 50 events a request through the proxy (the elements read month windows in pages of 50). */
	const MAX_LIMIT = 50;

	const MAX_PAGE = 100;

	/**
	 * Each operation's variables and their kinds. An operation absent here is never run.
	 *
	 * @return array
	 */
	private static function rules() {
		$list  = array(
			'page'  => 'page',
			'limit' => 'limit',
		);
		$dates = array(
			'order'          => array( 'BEGINS_ON', 'INSERTED_AT', 'UPDATED_AT' ),
			'orderDirection' => array( 'ASC', 'DESC' ),
		);
		return array(
			'Config'       => array(),
			'FetchEvents'  => $list,
			'FetchEvent'   => array( 'uuid' => 'uuid' ),
			'FetchGroup'   => array( 'name' => 'handle' ),
			'FetchPost'    => array( 'slug' => 'slug' ),
			'GroupPosts'   => array( 'name' => 'handle' ) + $list,
			'GroupEvents'  => array(
				'name'           => 'handle',
				'afterDatetime'  => 'datetime',
				'beforeDatetime' => 'datetime',
			) + $dates + $list,
			'SearchEvents' => array(
				'term'         => 'text',
				'tags'         => 'text',
				'category'     => 'category',
				'type'         => array( 'ONLINE', 'IN_PERSON' ),
				'location'     => 'geohash',
				'radius'       => 'radius',
				'beginsOn'     => 'datetime',
				'endsOn'       => 'datetime',
				'statusOneOf'  => 'statuses',
				'searchTarget' => array( 'SELF', 'INTERNAL', 'GLOBAL' ),
				'sortBy'       => array( 'MATCH_DESC', 'START_TIME_ASC', 'START_TIME_DESC', 'CREATED_AT_ASC', 'CREATED_AT_DESC', 'PARTICIPANT_COUNT_DESC' ),
			) + $list,
			'JoinEvent'    => array(
				'eventId'  => 'id',
				'actorId'  => 'id',
				'email'    => 'email',
				'message'  => 'message',
				'locale'   => 'locale',
				'timezone' => 'zone',
			),
			'LeaveEvent'   => array(
				'eventId' => 'id',
				'actorId' => 'id',
				'token'   => 'token',
			),
		);
	}

	/**
	 * Where the build put the documents.
	 *
	 * @return string
	 */
	public static function dir() {
		return EMBEDS_FOR_MOBILIZON_DIR . '/operations';
	}

	/**
	 * The document of a named operation (fragments inlined), or null when there is none.
	 *
	 * @param mixed $name An operation name.
	 * @return string|null
	 */
	public static function document( $name ) {
		static $documents = array();
		if ( ! is_string( $name ) || ! preg_match( '/^[A-Z][A-Za-z]{1,40}$/', $name ) || ! isset( self::rules()[ $name ] ) ) {
			return null;
		}
		if ( ! array_key_exists( $name, $documents ) ) {
			$file                = self::dir() . '/' . $name . '.graphql';
			$text                = is_readable( $file ) ? file_get_contents( $file ) : false; // phpcs:ignore WordPress.WP.AlternativeFunctions.file_get_contents_file_get_contents -- a local file.
			$documents[ $name ] = ( is_string( $text ) && preg_match( '/\b(query|mutation)\s+' . $name . '\b/', $text ) ) ? $text : null;
		}
		return $documents[ $name ];
	}

	/**
	 * Whether the operation changes something (never cached; nonce and rate limit apply).
	 *
	 * @param string $name An operation name.
	 * @return bool
	 */
	public static function is_mutation( $name ) {
		$document = self::document( $name );
		return null !== $document && (bool) preg_match( '/(^|\n)\s*mutation\s+' . $name . '\b/', $document );
	}

	/**
	 * The variables, checked and in a stable order, or why they are refused (HTTP 400).
	 *
	 * @param string $name      An operation with rules.
	 * @param mixed  $variables What the caller sent.
	 * @return array|WP_Error
	 */
	public static function validate( $name, $variables ) {
		$rules = self::rules();
		if ( ! isset( $rules[ $name ] ) ) {
			return self::refuse( __( 'Unknown operation.', 'embeds-for-mobilizon' ) );
		}
		if ( null === $variables ) {
			$variables = array();
		}
		if ( ! is_array( $variables ) || ( array() !== $variables && array_keys( $variables ) === range( 0, count( $variables ) - 1 ) ) ) {
			return self::refuse( __( 'The variables must be an object.', 'embeds-for-mobilizon' ) );
		}
		$out = array();
		foreach ( $variables as $key => $value ) {
			if ( ! isset( $rules[ $name ][ $key ] ) ) {
				/* translators: %s: a variable name. */
				return self::refuse( sprintf( __( 'Unexpected variable "%s".', 'embeds-for-mobilizon' ), (string) $key ) );
			}
			if ( null === $value ) {
				continue;
			}
			$clean = self::check( $rules[ $name ][ $key ], $value );
			if ( null === $clean ) {
				/* translators: %s: a variable name. */
				return self::refuse( sprintf( __( 'The variable "%s" is out of bounds or malformed.', 'embeds-for-mobilizon' ), (string) $key ) );
			}
			$out[ $key ] = $clean;
		}
		ksort( $out );
		return $out;
	}

	/**
	 * One value against its kind; null when refused.
	 *
	 * @param string|array $kind  A kind, or the list of allowed enum values.
	 * @param mixed        $value The value.
	 * @return mixed
	 */
	private static function check( $kind, $value ) {
		if ( is_array( $kind ) ) {
			return is_string( $value ) && in_array( $value, $kind, true ) ? $value : null;
		}
		switch ( $kind ) {
			case 'page':
			case 'limit':
				$max = 'page' === $kind ? self::MAX_PAGE : self::MAX_LIMIT;
				return is_int( $value ) && $value >= 1 && $value <= $max ? $value : null;
			case 'radius':
				return ( is_int( $value ) || is_float( $value ) ) && $value > 0 && $value <= 20000 ? $value : null;
			case 'uuid':
				return is_string( $value ) && preg_match( Instance::UUID, $value ) ? strtolower( $value ) : null;
			case 'handle':
				return is_string( $value ) && preg_match( Instance::HANDLE, $value ) ? $value : null;
			case 'slug':
				return is_string( $value ) && preg_match( '/^[A-Za-z0-9_-]{1,250}$/', $value ) ? $value : null;
			case 'id':
				return is_string( $value ) && preg_match( '/^[0-9]{1,20}$/', $value ) ? $value : null;
			case 'token':
				return is_string( $value ) && preg_match( '/^[A-Za-z0-9_-]{1,200}$/', $value ) ? $value : null;
			case 'datetime':
				return is_string( $value ) && preg_match( '/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/', $value ) ? $value : null;
			case 'text':
				return is_string( $value ) && strlen( $value ) <= 200 ? $value : null;
			case 'category':
				return is_string( $value ) && preg_match( '/^[A-Za-z0-9_]{1,60}$/', $value ) ? $value : null;
			case 'geohash':
				return is_string( $value ) && preg_match( '/^[0-9b-hjkmnp-z]{1,12}$/', $value ) ? $value : null;
			case 'statuses':
				if ( ! is_array( $value ) || count( $value ) > 3 ) {
					return null;
				}
				foreach ( $value as $status ) {
					if ( ! in_array( $status, array( 'TENTATIVE', 'CONFIRMED', 'CANCELLED' ), true ) ) {
						return null;
					}
				}
				return array_values( $value );
			case 'email':
				return is_string( $value ) && strlen( $value ) <= 254 && is_email( $value ) ? $value : null;
			case 'message':
				return is_string( $value ) && strlen( $value ) <= 5000 ? $value : null;
			case 'locale':
				return is_string( $value ) && preg_match( '/^[A-Za-z]{2,3}([_-][A-Za-z0-9]{2,8}){0,3}$/', $value ) ? $value : null;
			case 'zone':
				return is_string( $value ) && in_array( $value, timezone_identifiers_list(), true ) ? $value : null;
		}
		return null;
	}

	/**
	 * A refusal as the REST API answers it.
	 *
	 * @param string $message Why.
	 * @return WP_Error
	 */
	private static function refuse( $message ) {
		return new WP_Error( 'embeds_for_mobilizon_bad_request', $message, array( 'status' => 400 ) );
	}

	/**
	 * The document as a server of `version` accepts it. The documents are written for the newest
	 * Mobilizon (5.1); older servers lack a few leaf fields, removed by name (as src/sources/mobilizon/versions.ts).
	 *
	 * @param string      $document A document.
	 * @param string|null $version  The instance's version, when known.
	 * @return string
	 */
	public static function adapt( $document, $version ) {
		if ( ! is_string( $version ) || '' === $version ) {
			return $document;
		}
		$added = array(
			'hideNumberOfParticipants' => '5.0.0',
			'longEvent'                => '5.1.0',
		);
		foreach ( $added as $field => $since ) {
			if ( version_compare( $version, $since, '<' ) ) {
				$document = preg_replace( '/\b' . $field . '\b(?!\s*[:(])/', '', $document );
			}
		}
		return $document;
	}

	/**
	 * What GraphQL servers say when a document uses a field, argument or value they do not know.
	 *
	 * @param string $message An error message.
	 * @return bool
	 */
	public static function is_schema_mismatch( $message ) {
		return (bool) preg_match( '/Cannot query field|Unknown argument|Unknown type|got invalid value|Expected type|has invalid value/i', (string) $message );
	}
}
