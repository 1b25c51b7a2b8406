<?php
/**
 * The federated source: the events Event Bridge for ActivityPub has already received from a followed
 * Mobilizon group, read from the posts of the event plugin it stores them in (GatherPress, The Events
 * Calendar or VS Event List), mapped into the shared vocabulary (class-event.php), and answered to the elements
 * as the instance would answer their `GroupEvents` operation — with no request to the instance.
 *
 * Why the meta is read here rather than through Event Bridge's outgoing transformers: those turn a
 * post *of this site* into an ActivityPub Event for federation — id and attributedTo become this
 * site's blog actor, content goes through ActivityPub's templates, and Event Bridge disables them for
 * these very cached posts (Event_Sources::is_post_disabled_for_activitypub). What a visitor needs is
 * the group's own event: start, end and zone, place, picture, tags, the remote id (guid) and the
 * followed actor — a few meta keys per plugin, read without loading ActivityPub's machinery.
 *
 * @package Embeds_For_Mobilizon
 */

namespace Embeds_For_Mobilizon;

use DateTimeImmutable;
use DateTimeZone;
use Exception;
use WP_Post;

defined( 'ABSPATH' ) || exit;

// phpcs:disable WordPress.NamingConventions.ValidVariableName -- the shared vocabulary's names.

/**
 * Followed groups' events from local posts; read-only.
 */
final class Federated_Source {

	const MODES = array( 'auto', 'instance', 'federated' );

	/**
	 * A `source` attribute's value, `auto` when absent or unknown.
	 *
	 * @param mixed $value The attribute.
	 * @return string
	 */
	public static function mode( $value ) {
		return is_string( $value ) && in_array( strtolower( trim( $value ) ), self::MODES, true ) ? strtolower( trim( $value ) ) : 'auto';
	}

	/**
	 * Whether a list of groups is read from federated copies: `federated` always (a group not followed
	 * is then empty), `auto` when Event Bridge follows every one of them, `instance` never.
	 *
	 * @param string $instance A base URL.
	 * @param array  $groups   Handles (none: the whole instance, which is never federated).
	 * @param string $mode     auto, instance or federated.
	 * @return bool
	 */
	public static function covers( $instance, array $groups, $mode ) {
		if ( 'instance' === $mode || ! $groups || ! Event_Bridge::active() ) {
			return false;
		}
		if ( 'federated' === $mode ) {
			return true;
		}
		foreach ( $groups as $group ) {
			if ( ! Event_Bridge::source_for_group( $instance, $group ) ) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Every federated event of a group, in start order.
	 *
	 * @param string $instance A base URL.
	 * @param string $group    A handle.
	 * @return Event[]
	 */
	public static function group_events( $instance, $group ) {
		$source = Event_Bridge::source_for_group( $instance, $group );
		$events = array();
		foreach ( Event_Bridge::posts( $source ) as $post ) {
			$event = self::from_post( $post, $instance, $group, $source );
			if ( $event ) {
				$events[] = $event;
			}
		}
		usort(
			$events,
			function ( $a, $b ) {
				$order = strcmp( $a->startTime, $b->startTime );
				return $order ? $order : strcmp( $a->name, $b->name );
			}
		);
		return $events;
	}

	/**
	 * A list's events (the query's first page), as Events_Source::events() gives them from the instance.
	 *
	 * @param string $instance A base URL.
	 * @param array  $q        A query (Events_Source::query()).
	 * @return Event[]
	 */
	public static function events( $instance, array $q ) {
		$bounds  = Events_Source::bounds( $q, Events_Source::now() );
		$filters = array(
			'after'  => $bounds['after'],
			'before' => $bounds['before'],
			'near'   => Geohash::parse_near( $q['near'], $q['radius'] ),
		) + $q;
		$events  = array();
		foreach ( $q['groups'] as $group ) {
			foreach ( self::group_events( $instance, $group ) as $event ) {
				if ( Events_Source::matches( $event, $filters ) ) {
					$events[] = $event;
				}
			}
		}
		if ( $bounds['descending'] ) {
			$events = array_reverse( $events );
		}
		return array_slice( $events, ( $q['page'] - 1 ) * $q['limit'], $q['limit'] );
	}

	/**
	 * The answer the instance would give to a proxied operation, or null when the instance must answer.
	 * Only `GroupEvents` of a followed group (or any group in `federated` mode) is answered here.
	 *
	 * @param string $instance  A base URL.
	 * @param string $operation A named operation.
	 * @param array  $variables Its checked variables.
	 * @param string $mode      auto, instance or federated.
	 * @return array|null Mobilizon's `{data}`.
	 */
	public static function answer( $instance, $operation, array $variables, $mode ) {
		$group = is_string( $variables['name'] ?? null ) ? $variables['name'] : '';
		if ( 'GroupEvents' !== $operation || '' === $group || ! self::covers( $instance, array( $group ), $mode ) ) {
			return null;
		}
		$instant = function ( $value ) {
			$time = is_string( $value ) ? strtotime( $value ) : false;
			return false === $time ? null : gmdate( 'Y-m-d\TH:i:s\Z', $time );
		};
		$filters = array(
			'after'  => $instant( $variables['afterDatetime'] ?? null ),
			'before' => $instant( $variables['beforeDatetime'] ?? null ),
		);
		$events  = array_values(
			array_filter(
				self::group_events( $instance, $group ),
				function ( $event ) use ( $filters ) {
					return Events_Source::matches( $event, $filters );
				}
			)
		);
		if ( 'DESC' === ( $variables['orderDirection'] ?? 'ASC' ) ) {
			$events = array_reverse( $events );
		}
		$limit = max( 1, (int) ( $variables['limit'] ?? 10 ) );
		$page  = max( 1, (int) ( $variables['page'] ?? 1 ) );
		$parts = explode( '@', $group, 2 );
		$actor = self::actor( $instance, $group );
		return array(
			'data' => array(
				'group' => array(
					'id'                => 'federated',
					'preferredUsername' => $parts[0],
					'name'              => $actor['name'],
					'domain'            => $parts[1] ?? null,
					'url'               => $actor['url'],
					'organizedEvents'   => array(
						'total'    => count( $events ),
						'elements' => array_map( array( __CLASS__, 'card' ), array_slice( $events, ( $page - 1 ) * $limit, $limit ) ),
					),
				),
			),
		);
	}

	/**
	 * A group's actor as Event Bridge stored it (name), with its URL.
	 *
	 * @param string $instance A base URL.
	 * @param string $group    A handle.
	 * @return array `type`, `handle`, `name`, `url`, `icon`.
	 */
	private static function actor( $instance, $group ) {
		$source = Event_Bridge::source_for_group( $instance, $group );
		$name   = $source ? get_post_field( 'post_title', $source, 'raw' ) : '';
		return array(
			'type'   => 'Group',
			'handle' => $group,
			'name'   => '' !== trim( (string) $name ) ? (string) $name : explode( '@', $group )[0],
			'url'    => $source ? Event::url( get_post_meta( $source, '_activitypub_actor_id', true ) ) : null,
			'icon'   => null,
		);
	}

	/**
	 * One received event post in the shared vocabulary; null when it has no usable start.
	 *
	 * @param WP_Post $post     A post of the integration's type.
	 * @param string  $instance A base URL.
	 * @param string  $group    The handle it was asked for.
	 * @param int     $source   Its ap_event_source post ID.
	 * @return Event|null
	 */
	public static function from_post( WP_Post $post, $instance, $group, $source ) {
		$kind  = array_search( $post->post_type, Event_Bridge::INTEGRATIONS, true );
		$times = 'The_Events_Calendar' === $kind ? self::tec_times( $post->ID ) : ( 'VS_Event_List' === $kind ? self::vs_times( $post->ID ) : self::gatherpress_times( $post->ID ) );
		if ( ! $times ) {
			return null;
		}
		$origin = Event::url( $post->guid );
		$event  = new Event();

		$event->uuid      = self::uuid( $origin ? $origin : 'post-' . $post->ID );
		$event->url       = Event::url( get_permalink( $post ) );
		$event->name      = html_entity_decode( (string) $post->post_title, ENT_QUOTES, 'UTF-8' );
		$content          = trim( str_replace( '<!-- wp:gatherpress/venue /-->', '', (string) $post->post_content ) );
		$event->content   = '' !== $content ? $content : null;
		$event->startTime = $times['start'];
		$event->endTime   = $times['end'];
		$event->timezone  = $times['zone'];
		$place            = 'The_Events_Calendar' === $kind ? self::tec_place( $post->ID ) : ( 'VS_Event_List' === $kind ? self::place( get_post_meta( $post->ID, 'event-location', true ), array() ) : self::gatherpress_place( $post->ID ) );
		if ( $place ) {
			$place['timezone'] = $times['zone'];
			$event->location[] = $place;
		}
		$online = 'gatherpress_event' === $post->post_type ? Event::url( get_post_meta( $post->ID, 'gatherpress_online_event_link', true ) ) : null;
		if ( $online ) {
			$event->location[] = array(
				'type' => 'VirtualLocation',
				'url'  => $online,
			);
			$event->isOnline   = ! $place;
		}
		$taxonomies = array(
			'GatherPress'         => 'gatherpress_topic',
			'The_Events_Calendar' => 'post_tag',
			'VS_Event_List'       => 'event_cat',
		);
		$taxonomy   = $taxonomies[ $kind ] ?? 'post_tag';
		$terms    = taxonomy_exists( $taxonomy ) ? wp_get_object_terms( $post->ID, $taxonomy ) : array();
		foreach ( is_array( $terms ) ? $terms : array() as $term ) {
			$event->tag[] = array(
				'name' => html_entity_decode( $term->name, ENT_QUOTES, 'UTF-8' ),
				'slug' => $term->slug,
			);
		}
		$thumbnail = (int) get_post_thumbnail_id( $post );
		if ( $thumbnail ) {
			$picture      = wp_get_attachment_image_src( $thumbnail, 'large' );
			$event->image = $picture ? array(
				'url'    => Event::url( $picture[0] ),
				'name'   => (string) get_post_meta( $thumbnail, '_wp_attachment_image_alt', true ),
				'width'  => (int) $picture[1],
				'height' => (int) $picture[2],
			) : null;
		}
		$event->attributedTo = self::actor( $instance, $group );
		$event->joinMode     = 'external';
		// A copy: how many take part is not federated; registration happens on the group's instance.
		$event->display['hideNumberOfParticipants'] = true;
		$event->externalParticipationUrl            = $origin;
		$event->source                              = array(
			'kind'     => 'federated',
			'instance' => $instance,
			'id'       => '',
			'local'    => false,
			'global'   => false,
			'post'     => $post->ID,
			'origin'   => $origin,
			'actor'    => $source,
		);
		return $event;
	}

	/**
	 * GatherPress's stored times: its table row (every version), else its meta (newer versions).
	 *
	 * @param int $id A gatherpress_event post ID.
	 * @return array|null `start`, `end` (UTC ISO), `zone`.
	 */
	private static function gatherpress_times( $id ) {
		global $wpdb;
		$table = $wpdb->prefix . 'gatherpress_events';
		$row   = null;
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- GatherPress's own table, read once a page.
		if ( $wpdb->get_var( $wpdb->prepare( 'SHOW TABLES LIKE %s', $table ) ) === $table ) {
			// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared
			$row = $wpdb->get_row( $wpdb->prepare( "SELECT datetime_start_gmt, datetime_end_gmt, timezone FROM {$table} WHERE post_id = %d", $id ), ARRAY_A );
		}
		if ( ! $row ) {
			$row = array(
				'datetime_start_gmt' => get_post_meta( $id, 'gatherpress_datetime_start_gmt', true ),
				'datetime_end_gmt'   => get_post_meta( $id, 'gatherpress_datetime_end_gmt', true ),
				'timezone'           => get_post_meta( $id, 'gatherpress_timezone', true ),
			);
		}
		return self::times( $row['datetime_start_gmt'], $row['datetime_end_gmt'], $row['timezone'] );
	}

	/**
	 * The Events Calendar's stored times (its UTC meta and the event's zone).
	 *
	 * @param int $id A tribe_events post ID.
	 * @return array|null
	 */
	private static function tec_times( $id ) {
		return self::times( get_post_meta( $id, '_EventStartDateUTC', true ), get_post_meta( $id, '_EventEndDateUTC', true ), get_post_meta( $id, '_EventTimezone', true ) );
	}

	/**
	 * VS Event List's stored times: Unix timestamps (`event-start-date`, `event-date` the end), no zone:
	 * VS Event List shows them in the site's.
	 *
	 * @param int $id An event post ID.
	 * @return array|null
	 */
	private static function vs_times( $id ) {
		$stamp = function ( $key ) use ( $id ) {
			$value = get_post_meta( $id, $key, true );
			return is_numeric( $value ) && (int) $value > 0 ? gmdate( 'Y-m-d H:i:s', (int) $value ) : null;
		};
		return self::times( $stamp( 'event-start-date' ), $stamp( 'event-date' ), wp_timezone_string() );
	}

	/**
	 * UTC `Y-m-d H:i:s` pairs and a zone as the model's instants; null without a start.
	 *
	 * @param mixed $start UTC start.
	 * @param mixed $end   UTC end.
	 * @param mixed $zone  An IANA zone (or a UTC offset, which GatherPress allows: dropped).
	 * @return array|null
	 */
	private static function times( $start, $end, $zone ) {
		$instant = function ( $value ) {
			if ( ! is_string( $value ) || ! preg_match( '/^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2})?$/', trim( $value ) ) || 0 === strpos( $value, '0000' ) ) {
				return null;
			}
			try {
				return ( new DateTimeImmutable( trim( $value ), new DateTimeZone( 'UTC' ) ) )->format( 'Y-m-d\TH:i:s\Z' );
			} catch ( Exception $e ) {
				return null;
			}
		};
		$start   = $instant( $start );
		if ( null === $start ) {
			return null;
		}
		$end = $instant( $end );
		return array(
			'start' => $start,
			'end'   => $end && $end > $start ? $end : null,
			// Older names (America/Montreal) are links PHP still knows, as do browsers.
			'zone'  => is_string( $zone ) && in_array( $zone, timezone_identifiers_list( DateTimeZone::ALL_WITH_BC ), true ) ? $zone : null,
		);
	}

	/**
	 * A GatherPress venue: the `_gatherpress_venue` term `_<slug>` names a gatherpress_venue post.
	 *
	 * @param int $id A gatherpress_event post ID.
	 * @return array|null A Place.
	 */
	private static function gatherpress_place( $id ) {
		$terms = taxonomy_exists( '_gatherpress_venue' ) ? wp_get_object_terms( $id, '_gatherpress_venue' ) : array();
		if ( ! is_array( $terms ) || ! $terms || 'online-event' === $terms[0]->slug ) {
			return null;
		}
		$venue = get_page_by_path( ltrim( $terms[0]->slug, '_' ), OBJECT, 'gatherpress_venue' );
		$info  = $venue ? json_decode( (string) get_post_meta( $venue->ID, 'gatherpress_venue_information', true ), true ) : null;
		return self::place( $venue ? $venue->post_title : $terms[0]->name, array( 'streetAddress' => is_array( $info ) ? ( $info['fullAddress'] ?? null ) : null ) );
	}

	/**
	 * A The Events Calendar venue (`_EventVenueID` → tribe_venue and its `_Venue*` meta).
	 *
	 * @param int $id A tribe_events post ID.
	 * @return array|null A Place.
	 */
	private static function tec_place( $id ) {
		$venue = get_post( (int) get_post_meta( $id, '_EventVenueID', true ) );
		if ( ! $venue || 'tribe_venue' !== $venue->post_type ) {
			return null;
		}
		$meta = function ( $key ) use ( $venue ) {
			return get_post_meta( $venue->ID, $key, true );
		};
		return self::place(
			$venue->post_title,
			array(
				'streetAddress'   => $meta( '_VenueAddress' ),
				'postalCode'      => $meta( '_VenueZip' ),
				'addressLocality' => $meta( '_VenueCity' ),
				'addressRegion'   => $meta( '_VenueState' ) ? $meta( '_VenueState' ) : $meta( '_VenueProvince' ),
				'addressCountry'  => $meta( '_VenueCountry' ),
			)
		);
	}

	/**
	 * A Place, or null when it says nothing.
	 *
	 * @param mixed $name    Its name.
	 * @param array $address PostalAddress fields.
	 * @return array|null
	 */
	private static function place( $name, array $address ) {
		$text  = function ( $value ) {
			return is_string( $value ) && '' !== trim( $value ) ? html_entity_decode( trim( $value ), ENT_QUOTES, 'UTF-8' ) : null;
		};
		$place = array(
			'type'      => 'Place',
			'name'      => $text( $name ),
			'address'   => array(
				'streetAddress'   => $text( $address['streetAddress'] ?? null ),
				'postalCode'      => $text( $address['postalCode'] ?? null ),
				'addressLocality' => $text( $address['addressLocality'] ?? null ),
				'addressRegion'   => $text( $address['addressRegion'] ?? null ),
				'addressCountry'  => $text( $address['addressCountry'] ?? null ),
			),
			'latitude'  => null,
			'longitude' => null,
			'timezone'  => null,
		);
		return null === $place['name'] && ! array_filter( $place['address'] ) ? null : $place;
	}

	/**
	 * The Mobilizon uuid in a remote event id (`…/events/<uuid>`), else one derived from it (stable).
	 *
	 * @param string $id The remote id.
	 * @return string
	 */
	private static function uuid( $id ) {
		if ( preg_match( '~/events/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/?$~i', $id, $m ) ) {
			return strtolower( $m[1] );
		}
		$hash = md5( $id );
		return substr( $hash, 0, 8 ) . '-' . substr( $hash, 8, 4 ) . '-' . substr( $hash, 12, 4 ) . '-' . substr( $hash, 16, 4 ) . '-' . substr( $hash, 20, 12 );
	}

	/**
	 * An event as Mobilizon's `EventCard` fragment gives it, so the element maps it like any other.
	 *
	 * @param Event $event A federated event.
	 * @return array
	 */
	public static function card( Event $event ) {
		$place = $event->place();
		$group = $event->attributedTo;
		$parts = explode( '@', (string) $group['handle'], 2 );
		return array(
			'__typename'       => 'Event',
			'id'               => '',
			'uuid'             => $event->uuid,
			'url'              => $event->url,
			'title'            => $event->name,
			'beginsOn'         => $event->startTime,
			'endsOn'           => $event->endTime,
			'status'           => $event->status,
			'category'         => null,
			'picture'          => $event->image ? array(
				'url'      => $event->image['url'],
				'alt'      => $event->image['name'],
				'metadata' => array(
					'width'  => $event->image['width'],
					'height' => $event->image['height'],
				),
			) : null,
			'physicalAddress'  => $place ? array(
				'description' => $place['name'],
				'street'      => $place['address']['streetAddress'],
				'locality'    => $place['address']['addressLocality'],
				'postalCode'  => $place['address']['postalCode'],
				'region'      => $place['address']['addressRegion'],
				'country'     => $place['address']['addressCountry'],
				'geom'        => null,
				'timezone'    => $event->timezone,
			) : null,
			'attributedTo'     => array(
				'type'              => 'GROUP',
				'preferredUsername' => $parts[0],
				'name'              => $group['name'],
				'domain'            => $parts[1] ?? null,
				'url'               => $group['url'],
			),
			'organizerActor'   => null,
			'tags'             => array_map(
				function ( $tag ) {
					return array(
						'slug'  => $tag['slug'],
						'title' => $tag['name'],
					);
				},
				$event->tag
			),
			'participantStats' => null,
			'options'          => array(
				'maximumAttendeeCapacity'  => 0,
				'anonymousParticipation'   => false,
				'hideNumberOfParticipants' => true,
				'showStartTime'            => true,
				'showEndTime'              => true,
				'timezone'                 => $event->timezone,
				'isOnline'                 => $event->isOnline,
			),
			'local'            => false,
			'joinOptions'      => 'EXTERNAL',
			'language'         => null,
			'onlineAddress'    => null,
		);
	}

	/**
	 * Event Bridge's received post this page is the single view of, when it came from this site's
	 * instance: the post's remote address, for "See this event on <instance>".
	 *
	 * @param string $content The post's content.
	 * @return string
	 */
	public static function origin_link( $content ) {
		$post = get_post();
		if ( ! $post || ! is_singular() || get_queried_object_id() !== $post->ID || ! Event_Bridge::active()
			|| $post->post_type !== Event_Bridge::post_type() || ! get_post_meta( $post->ID, Event_Bridge::SOURCE_META, true ) ) {
			return $content;
		}
		$origin   = Event::url( $post->guid );
		$instance = Settings::instance();
		if ( ! $origin || '' === $instance || Instance::host( $origin ) !== Instance::host( $instance ) ) {
			return $content;
		}
		/* translators: %s: an instance's host name. */
		$text = sprintf( __( 'See this event on %s', 'embeds-for-mobilizon' ), Instance::host( $origin ) );
		return $content . '<p class="embeds-for-mobilizon-origin"><a href="' . esc_url( $origin ) . '">' . esc_html( $text ) . '</a></p>';
	}

	/**
	 * Whether the event plugin already prints JSON-LD for a received post on this page: The Events
	 * Calendar does on its event views and single event pages, and any plugin's single view is that
	 * post's own page.
	 *
	 * @param Event $event An event.
	 * @return bool
	 */
	public static function json_ld_printed_elsewhere( Event $event ) {
		$post = (int) ( $event->source['post'] ?? 0 );
		if ( ! $post ) {
			return false;
		}
		$printed = ( is_singular() && get_queried_object_id() === $post )
			|| ( 'tribe_events' === get_post_type( $post ) && function_exists( 'tribe_is_event_query' ) && tribe_is_event_query() );
		/**
		 * Filters whether the event plugin prints JSON-LD for a received event on this page (then this
		 * plugin does not print it again).
		 *
		 * @param bool $printed Whether it does.
		 * @param int  $post    The event's post ID.
		 */
		return (bool) apply_filters( 'embeds_for_mobilizon_federated_json_ld_elsewhere', $printed, $post );
	}
}
