<?php
/**
 * One event in the vocabulary every part of mobilizon-embed shares (src/model/event.ts), shaped
 * like ActivityPub / FEP-8a8e `Event` — the vocabulary Event Bridge for ActivityPub speaks too.
 * Property names are the model's own (camelCase), so PHP and TypeScript read the same.
 * Twin of src/model/event.ts; from_mobilizon() twins src/sources/mobilizon/mapper.ts (mapEvent).
 *
 * @package Embeds_For_Mobilizon
 */

namespace Embeds_For_Mobilizon;

use DateTimeImmutable;
use DateTimeZone;
use Exception;

defined( 'ABSPATH' ) || exit;

// phpcs:disable WordPress.NamingConventions.ValidVariableName -- the shared vocabulary's names.

/**
 * An event, mapped once from Mobilizon's GraphQL object; every remote string stays untrusted
 * (escape at output), every URL is http(s) or null.
 */
final class Event {

	/** @var string */
	public $type = 'Event';
	/** @var string Mobilizon's uuid. */
	public $uuid = '';
	/** @var string|null The event's page (on its origin instance for remote events). */
	public $url = null;
	/** @var string */
	public $name = '';
	/** @var string|null HTML, untrusted. */
	public $content = null;
	/** @var string */
	public $mediaType = 'text/html';
	/** @var string UTC instant, ISO 8601 with Z. */
	public $startTime = '';
	/** @var string|null */
	public $endTime = null;
	/** @var string|null The event's own IANA zone. */
	public $timezone = null;
	/** @var array Place and VirtualLocation arrays (`type` says which). */
	public $location = array();
	/** @var bool */
	public $isOnline = false;
	/** @var string TENTATIVE, CONFIRMED or CANCELLED. */
	public $status = 'CONFIRMED';
	/** @var string|null free, restricted, invite, external. */
	public $joinMode = null;
	/** @var string|null */
	public $externalParticipationUrl = null;
	/** @var string|null */
	public $category = null;
	/** @var array Tags: `name`, `slug`. */
	public $tag = array();
	/** @var array|null `url`, `name`, `width`, `height`. */
	public $image = null;
	/** @var string|null */
	public $inLanguage = null;
	/** @var array|null Actor: `type`, `handle`, `name`, `url`, `icon`. */
	public $attributedTo = null;
	/** @var array Actors. */
	public $organizers = array();
	/** @var int|null */
	public $maximumAttendeeCapacity = null;
	/** @var int|null */
	public $remainingAttendeeCapacity = null;
	/** @var int|null */
	public $participantCount = null;
	/** @var bool */
	public $anonymousParticipationEnabled = false;
	/** @var array Prices shown by the organiser (`price`, `currency`, `url`); empty when the event shows none. */
	public $offers = array();
	/** @var array `showStartTime`, `showEndTime`, `hideNumberOfParticipants`. */
	public $display = array(
		'showStartTime'            => true,
		'showEndTime'              => true,
		'hideNumberOfParticipants' => false,
	);
	/** @var array What only Mobilizon has: `kind`, `instance`, `id`, `local`. */
	public $source = array();

	/**
	 * Maps Mobilizon's `Event` (or search result); null when it has no uuid or start.
	 *
	 * @param mixed  $raw      The GraphQL object.
	 * @param string $instance The base URL it came from.
	 * @return Event|null
	 */
	public static function from_mobilizon( $raw, $instance ) {
		if ( ! is_array( $raw ) ) {
			return null;
		}
		$uuid  = self::text( $raw['uuid'] ?? null );
		$start = self::instant( $raw['beginsOn'] ?? null );
		if ( null === $uuid || null === $start ) {
			return null;
		}
		$options = is_array( $raw['options'] ?? null ) ? $raw['options'] : array();
		$event   = new self();

		$event->uuid      = $uuid;
		$event->url       = self::url( $raw['url'] ?? null );
		$event->url       = $event->url ? $event->url : $instance . '/events/' . rawurlencode( $uuid );
		$event->name      = (string) self::text( $raw['title'] ?? null );
		$event->content   = self::text( $raw['description'] ?? null );
		$event->startTime = $start;
		$event->endTime   = self::instant( $raw['endsOn'] ?? null );

		$place  = self::map_place( $raw['physicalAddress'] ?? null );
		$online = self::url( $raw['onlineAddress'] ?? null );
		if ( $place ) {
			$event->location[] = $place;
		}
		if ( $online || ! empty( $options['isOnline'] ) ) {
			$event->location[] = array(
				'type' => 'VirtualLocation',
				'url'  => $online,
			);
		}
		$event->timezone = self::zone( $options['timezone'] ?? null );
		if ( null === $event->timezone && $place ) {
			$event->timezone = $place['timezone'];
		}
		$event->isOnline = ! empty( $options['isOnline'] ) || ( $online && ! $place );

		$status                          = $raw['status'] ?? '';
		$event->status                   = in_array( $status, array( 'TENTATIVE', 'CONFIRMED', 'CANCELLED' ), true ) ? $status : 'CONFIRMED';
		$join                            = self::text( $raw['joinOptions'] ?? null );
		$event->joinMode                 = $join ? strtolower( $join ) : null;
		$event->externalParticipationUrl = self::url( $raw['externalParticipationUrl'] ?? null );
		$event->category                 = self::text( $raw['category'] ?? null );
		$event->inLanguage               = self::text( $raw['language'] ?? null );
		foreach ( (array) ( $raw['tags'] ?? array() ) as $tag ) {
			$title = is_array( $tag ) ? self::text( $tag['title'] ?? null ) : null;
			if ( $title ) {
				$slug         = self::text( $tag['slug'] ?? null );
				$event->tag[] = array(
					'name' => $title,
					'slug' => $slug ? $slug : $title,
				);
			}
		}
		$event->image = self::map_image( $raw['picture'] ?? null );

		$attributed          = self::map_actor( $raw['attributedTo'] ?? null );
		$organizer           = self::map_actor( $raw['organizerActor'] ?? null );
		$event->attributedTo = $attributed ? $attributed : $organizer;
		$event->organizers   = $organizer ? array( $organizer ) : array();

		$capacity                       = self::count( $options['maximumAttendeeCapacity'] ?? null );
		$participants                   = self::count( $raw['participantStats']['participant'] ?? null );
		$event->maximumAttendeeCapacity = $capacity ? $capacity : null;
		$event->participantCount        = $participants;
		if ( $event->maximumAttendeeCapacity && null !== $participants ) {
			$event->remainingAttendeeCapacity = max( 0, $event->maximumAttendeeCapacity - $participants );
		}
		$event->anonymousParticipationEnabled = ! empty( $options['anonymousParticipation'] );
		if ( ! empty( $options['showParticipationPrice'] ) ) {
			foreach ( (array) ( $options['offers'] ?? array() ) as $offer ) {
				if ( is_array( $offer ) ) {
					$event->offers[] = array(
						'price'    => is_numeric( $offer['price'] ?? null ) ? 0 + $offer['price'] : null,
						'currency' => self::text( $offer['priceCurrency'] ?? null ),
						'url'      => self::url( $offer['url'] ?? null ),
					);
				}
			}
		}
		$event->display                       = array(
			'showStartTime'            => false !== ( $options['showStartTime'] ?? true ),
			'showEndTime'              => false !== ( $options['showEndTime'] ?? true ),
			'hideNumberOfParticipants' => ! empty( $options['hideNumberOfParticipants'] ),
		);
		$typename      = $raw['__typename'] ?? '';
		$event->source = array(
			'kind'     => 'mobilizon',
			'instance' => $instance,
			'id'       => (string) self::text( $raw['id'] ?? null ),
			'local'    => false !== ( $raw['local'] ?? true ) && 'EventResult' !== $typename,
			'global'   => 'EventResult' === $typename,
		);
		return $event;
	}

	/**
	 * A page of events from Mobilizon's `{total, elements}`; unusable entries are left out.
	 *
	 * @param mixed  $raw      The page.
	 * @param string $instance The base URL.
	 * @return Event[]
	 */
	public static function list_from_mobilizon( $raw, $instance ) {
		$out = array();
		foreach ( (array) ( is_array( $raw ) ? ( $raw['elements'] ?? array() ) : array() ) as $item ) {
			$event = self::from_mobilizon( $item, $instance );
			if ( $event ) {
				$out[] = $event;
			}
		}
		return $out;
	}

	/**
	 * The zone the event is shown in: its own, else the site's.
	 *
	 * @return DateTimeZone
	 */
	public function zone_object() {
		if ( $this->timezone ) {
			try {
				return new DateTimeZone( $this->timezone );
			} catch ( Exception $e ) {
				unset( $e ); // Checked when mapped; the site's zone is the fallback anyway.
			}
		}
		return wp_timezone();
	}

	/**
	 * The start in the event's zone.
	 *
	 * @return DateTimeImmutable
	 */
	public function start() {
		return ( new DateTimeImmutable( $this->startTime ) )->setTimezone( $this->zone_object() );
	}

	/**
	 * The end in the event's zone, when there is one.
	 *
	 * @return DateTimeImmutable|null
	 */
	public function end() {
		return $this->endTime ? ( new DateTimeImmutable( $this->endTime ) )->setTimezone( $this->zone_object() ) : null;
	}

	/**
	 * The first physical place, if any.
	 *
	 * @return array|null
	 */
	public function place() {
		foreach ( $this->location as $location ) {
			if ( 'Place' === $location['type'] ) {
				return $location;
			}
		}
		return null;
	}

	/**
	 * A non-empty string, or null.
	 *
	 * @param mixed $value A value.
	 * @return string|null
	 */
	private static function text( $value ) {
		return ( is_string( $value ) && '' !== trim( $value ) ) || is_int( $value ) ? (string) $value : null;
	}

	/**
	 * A UTC instant as `Y-m-d\TH:i:s\Z`, or null.
	 *
	 * @param mixed $value An ISO date-time.
	 * @return string|null
	 */
	private static function instant( $value ) {
		if ( ! is_string( $value ) || ! preg_match( '/^\d{4}-\d{2}-\d{2}T/', $value ) ) {
			return null;
		}
		try {
			return ( new DateTimeImmutable( $value ) )->setTimezone( new DateTimeZone( 'UTC' ) )->format( 'Y-m-d\TH:i:s\Z' );
		} catch ( Exception $e ) {
			return null;
		}
	}

	/**
	 * A known IANA zone, or null (a hostile or broken instance sends anything).
	 *
	 * @param mixed $value A zone name.
	 * @return string|null
	 */
	private static function zone( $value ) {
		return is_string( $value ) && in_array( $value, timezone_identifiers_list(), true ) ? $value : null;
	}

	/**
	 * An absolute http(s) URL, or null (never javascript:, data:, relative junk).
	 *
	 * @param mixed $value A URL.
	 * @return string|null
	 */
	public static function url( $value ) {
		if ( ! is_string( $value ) || '' === trim( $value ) ) {
			return null;
		}
		$value  = trim( $value );
		$scheme = strtolower( (string) wp_parse_url( $value, PHP_URL_SCHEME ) );
		if ( ( 'http' !== $scheme && 'https' !== $scheme ) || ! wp_parse_url( $value, PHP_URL_HOST ) ) {
			return null;
		}
		$clean = esc_url_raw( $value, array( 'http', 'https' ) );
		return '' === $clean ? null : $clean;
	}

	/**
	 * A count, or null.
	 *
	 * @param mixed $value A number.
	 * @return int|null
	 */
	private static function count( $value ) {
		return ( is_int( $value ) || is_float( $value ) ) && $value >= 0 && is_finite( $value ) ? (int) floor( $value ) : null;
	}

	/**
	 * An image, or null.
	 *
	 * @param mixed $media Mobilizon's Media.
	 * @return array|null
	 */
	public static function map_image( $media ) {
		$url = is_array( $media ) ? self::url( $media['url'] ?? null ) : null;
		if ( ! $url ) {
			return null;
		}
		$alt = self::text( $media['alt'] ?? null );
		return array(
			'url'    => $url,
			'name'   => $alt ? $alt : self::text( $media['name'] ?? null ),
			'width'  => self::count( $media['metadata']['width'] ?? null ),
			'height' => self::count( $media['metadata']['height'] ?? null ),
		);
	}

	/**
	 * An actor (group or person), or null.
	 *
	 * @param mixed $actor Mobilizon's Actor.
	 * @return array|null
	 */
	public static function map_actor( $actor ) {
		$username = is_array( $actor ) ? self::text( $actor['preferredUsername'] ?? null ) : null;
		if ( ! $username ) {
			return null;
		}
		$domain = self::text( $actor['domain'] ?? null );
		$type   = $actor['type'] ?? '';
		$name   = self::text( $actor['name'] ?? null );
		return array(
			'type'   => 'GROUP' === $type ? 'Group' : ( 'PERSON' === $type ? 'Person' : 'Application' ),
			'handle' => $domain ? $username . '@' . $domain : $username,
			'name'   => $name ? $name : $username,
			'url'    => self::url( $actor['url'] ?? null ),
			'icon'   => self::url( $actor['avatar']['url'] ?? null ),
		);
	}

	/**
	 * A Place from Mobilizon's Address, or null when it says nothing.
	 *
	 * @param mixed $address Mobilizon's Address.
	 * @return array|null
	 */
	public static function map_place( $address ) {
		if ( ! is_array( $address ) ) {
			return null;
		}
		$place = array(
			'type'      => 'Place',
			'name'      => self::text( $address['description'] ?? null ),
			'address'   => array(
				'streetAddress'   => self::text( $address['street'] ?? null ),
				'postalCode'      => self::text( $address['postalCode'] ?? null ),
				'addressLocality' => self::text( $address['locality'] ?? null ),
				'addressRegion'   => self::text( $address['region'] ?? null ),
				'addressCountry'  => self::text( $address['country'] ?? null ),
			),
			'latitude'  => null,
			'longitude' => null,
			'timezone'  => self::zone( $address['timezone'] ?? null ),
		);
		// Mobilizon's geom is "longitude;latitude".
		$geom = explode( ';', (string) ( $address['geom'] ?? '' ) );
		if ( 2 === count( $geom ) && is_numeric( $geom[0] ) && is_numeric( $geom[1] ) && abs( (float) $geom[1] ) <= 90 && abs( (float) $geom[0] ) <= 180 ) {
			$place['latitude']  = (float) $geom[1];
			$place['longitude'] = (float) $geom[0];
		}
		if ( null === $place['name'] && ! array_filter( $place['address'] ) && null === $place['latitude'] ) {
			return null;
		}
		return $place;
	}
}
