<?php
/**
 * Test sites only (never shipped): what Event Bridge for ActivityPub 1.x leaves in a site's database
 * when it follows a Mobilizon group and receives its events, for GatherPress or The Events Calendar.
 * Inert unless the option `embeds_for_mobilizon_test_event_bridge` names an integration: the tests
 * that need it switch it on, and take everything away again (embeds_for_mobilizon_test_eb_reset()).
 *
 * Written after Event Bridge for ActivityPub 1.1.1 (codeberg.org/Event-Federation, mirrored on GitHub),
 * and the event plugins' own code it calls:
 * - includes/activitypub/collection/class-event-sources.php: post type `ap_event_source` (not public),
 *   its meta `_activitypub_actor_id`, `_activitypub_actor_json`, `_activitypub_inbox`.
 * - includes/activitypub/model/class-event-source.php save(): post_title = actor name, post_name =
 *   esc_url_raw( actor id ), post_excerpt = summary, post_author 0, post_status `pending`;
 *   includes/activitypub/handler/class-accept.php: `publish` once the group accepts the Follow.
 * - includes/activitypub/transmogrifier/class-base.php save(): after the integration's save_event(),
 *   `_event_bridge_for_activitypub_event_source` = the ap_event_source post ID (absint), and
 *   `activitypub_content_visibility` = ACTIVITYPUB_CONTENT_VISIBILITY_LOCAL ('local').
 * - includes/activitypub/transmogrifier/class-gatherpress.php save_event(): a `gatherpress_event` post
 *   (title sanitize_text_field, content wp_kses_post + '<!-- wp:gatherpress/venue /-->', excerpt = summary,
 *   guid = the remote ActivityPub id, post_date(_gmt) = published), then GatherPress's
 *   Event::save_datetimes() with datetime_start/end = the AP startTime/endTime strings as received and
 *   timezone = the AP timezone (GatherPress includes/core/classes/event/class-event.php: a row in
 *   {prefix}gatherpress_events and the meta gatherpress_datetime_start(_gmt), gatherpress_datetime_end(_gmt),
 *   gatherpress_timezone), the venue as a `gatherpress_venue` post with `gatherpress_venue_information`
 *   JSON and the `_gatherpress_venue` term `_<slug>`, hashtags as `gatherpress_topic` terms.
 * - includes/activitypub/transmogrifier/class-the-events-calendar.php save_event(): TEC's event repository
 *   with start_date = gmdate( 'Y-m-d H:i:s', startTime ), duration, no timezone — so TEC reads that UTC
 *   clock time in the SITE's zone (src/Tribe/Repositories/Event.php): _EventStartDate/_EventEndDate,
 *   _EventStartDateUTC/_EventEndDateUTC, _EventDuration, _EventTimezone (site zone), _EventTimezoneAbbr,
 *   _EventOrigin, _EventShowMap(Link), _EventVenueID (a `tribe_venue` post, its own
 *   `_event_bridge_for_activitypub_event_source`), _EventOrganizerID (a `tribe_organizer` post whose
 *   post_parent is the event source); hashtags as `post_tag` terms. On a site that is not in UTC the
 *   times are therefore shifted by the site's offset, in TEC's own pages as in ours.
 * - includes/activitypub/transmogrifier/class-vs-event-list.php save_event(): an `event` post (title and
 *   content as received, guid), meta `event-start-date` / `event-date` = strtotime() of startTime / endTime
 *   (Unix timestamps), `event-location` = "name – address", `event-link*`; hashtags as `event_cat` terms.
 * - includes/class-setup.php: the options `event_bridge_for_activitypub_event_sources_active` and
 *   `event_bridge_for_activitypub_integration_used_for_event_sources_feature` (an integration class name).
 *
 * @package Embeds_For_Mobilizon
 */

defined( 'ABSPATH' ) || exit;

/** The integration this fixture plays, or '' (inert). */
function embeds_for_mobilizon_test_eb_integration() {
	$integration = get_option( 'embeds_for_mobilizon_test_event_bridge', '' );
	return in_array( $integration, array( 'gatherpress', 'the-events-calendar', 'vs-event-list' ), true ) ? $integration : '';
}

/**
 * Registers what Event Bridge and the event plugin register (post types, taxonomies), and their constants.
 *
 * @param string $integration gatherpress or the-events-calendar.
 */
function embeds_for_mobilizon_test_eb_register( $integration ) {
	if ( ! defined( 'EVENT_BRIDGE_FOR_ACTIVITYPUB_PLUGIN_VERSION' ) ) {
		define( 'EVENT_BRIDGE_FOR_ACTIVITYPUB_PLUGIN_VERSION', '1.1.1' );
		define( 'ACTIVITYPUB_PLUGIN_VERSION', '6.0.2' );
	}
	register_post_type(
		'ap_event_source',
		array(
			'public'           => false,
			'hierarchical'     => false,
			'rewrite'          => false,
			'query_var'        => false,
			'delete_with_user' => false,
			'can_export'       => true,
			'supports'         => array(),
		)
	);
	if ( 'gatherpress' === $integration ) {
		register_post_type(
			'gatherpress_event',
			array(
				'public'   => true,
				'supports' => array( 'title', 'editor', 'excerpt', 'thumbnail', 'custom-fields' ),
				'rewrite'  => array( 'slug' => 'event' ),
			)
		);
		register_post_type(
			'gatherpress_venue',
			array(
				'public'  => true,
				'rewrite' => array( 'slug' => 'venue' ),
			)
		);
		register_taxonomy( '_gatherpress_venue', 'gatherpress_event', array( 'public' => false ) );
		register_taxonomy( 'gatherpress_topic', 'gatherpress_event', array( 'hierarchical' => true ) );
	} elseif ( 'vs-event-list' === $integration ) {
		register_post_type(
			'event',
			array(
				'public'   => true,
				'supports' => array( 'title', 'editor', 'excerpt', 'thumbnail', 'custom-fields' ),
				'rewrite'  => array( 'slug' => 'event' ),
			)
		);
		register_taxonomy( 'event_cat', 'event', array( 'hierarchical' => true ) );
	} else {
		register_post_type(
			'tribe_events',
			array(
				'public'   => true,
				'supports' => array( 'title', 'editor', 'excerpt', 'thumbnail', 'custom-fields' ),
				'rewrite'  => array( 'slug' => 'event' ),
			)
		);
		register_post_type( 'tribe_venue', array( 'public' => false ) );
		register_post_type( 'tribe_organizer', array( 'public' => false ) );
		register_taxonomy_for_object_type( 'post_tag', 'tribe_events' );
	}
}

add_action(
	'init',
	function () {
		$integration = embeds_for_mobilizon_test_eb_integration();
		if ( $integration ) {
			embeds_for_mobilizon_test_eb_register( $integration );
		}
	},
	5
);

/**
 * Switches the fixture on (as installing and configuring both plugins would), in this process too.
 *
 * @param string $integration gatherpress or the-events-calendar.
 */
function embeds_for_mobilizon_test_eb_activate( $integration ) {
	global $wpdb;
	update_option( 'embeds_for_mobilizon_test_event_bridge', $integration );
	embeds_for_mobilizon_test_eb_register( $integration );
	update_option( 'event_bridge_for_activitypub_event_sources_active', true );
	$classes = array(
		'gatherpress'         => 'GatherPress',
		'the-events-calendar' => 'The_Events_Calendar',
		'vs-event-list'       => 'VS_Event_List',
	);
	update_option( 'event_bridge_for_activitypub_integration_used_for_event_sources_feature', 'Event_Bridge_For_ActivityPub\\Integrations\\' . $classes[ $integration ] );
	if ( 'gatherpress' === $integration ) {
		// GatherPress includes/core/classes/class-setup.php create_tables().
		require_once ABSPATH . 'wp-admin/includes/upgrade.php';
		dbDelta(
			"CREATE TABLE {$wpdb->prefix}gatherpress_events (
				post_id bigint(20) unsigned NOT NULL default '0',
				datetime_start datetime NOT NULL default '0000-00-00 00:00:00',
				datetime_start_gmt datetime NOT NULL default '0000-00-00 00:00:00',
				datetime_end datetime NOT NULL default '0000-00-00 00:00:00',
				datetime_end_gmt datetime NOT NULL default '0000-00-00 00:00:00',
				timezone varchar(255) default NULL,
				PRIMARY KEY  (post_id),
				KEY datetime_start_gmt (datetime_start_gmt),
				KEY datetime_end_gmt (datetime_end_gmt)
			) {$wpdb->get_charset_collate()};"
		);
	}
}

/**
 * A followed actor, as Event_Source::save() stores it and the Accept handler publishes it.
 *
 * @param array $actor    The ActivityPub actor (`id`, `name`, `preferredUsername`, `inbox`, `summary`).
 * @param bool  $accepted Whether the group accepted the Follow.
 * @return int The ap_event_source post ID.
 */
function embeds_for_mobilizon_test_eb_follow( array $actor, $accepted = true ) {
	$id = wp_insert_post(
		array(
			'post_title'   => wp_strip_all_tags( sanitize_text_field( $actor['name'] ) ),
			'post_author'  => 0,
			'post_type'    => 'ap_event_source',
			'post_name'    => esc_url_raw( $actor['id'] ),
			'post_excerpt' => sanitize_text_field( $actor['summary'] ?? '' ),
			'post_status'  => 'pending',
			'meta_input'   => array(
				'_activitypub_inbox'      => esc_url_raw( $actor['inbox'] ),
				'_activitypub_actor_json' => wp_json_encode( $actor ),
				'_activitypub_actor_id'   => $actor['id'],
			),
		)
	);
	if ( $accepted ) {
		wp_update_post(
			array(
				'ID'          => $id,
				'post_status' => 'publish',
			)
		);
	}
	return $id;
}

/**
 * An incoming ActivityPub Event saved as the integration's transmogrifier saves it.
 *
 * @param int   $source The ap_event_source post ID.
 * @param array $event  The ActivityPub Event (id, name, content, startTime, endTime, timezone, location, tag, published).
 * @return int The event post ID.
 */
function embeds_for_mobilizon_test_eb_receive( $source, array $event ) {
	$integration = embeds_for_mobilizon_test_eb_integration();
	if ( 'gatherpress' === $integration ) {
		$id = embeds_for_mobilizon_test_eb_gatherpress( $event );
	} elseif ( 'vs-event-list' === $integration ) {
		$id = embeds_for_mobilizon_test_eb_vs( $event );
	} else {
		$id = embeds_for_mobilizon_test_eb_tec( $event, $source );
	}
	update_post_meta( $id, '_event_bridge_for_activitypub_event_source', absint( $source ) );
	update_post_meta( $id, 'activitypub_content_visibility', 'local' );
	return $id;
}

/**
 * GatherPress: transmogrifier/class-gatherpress.php save_event() and GatherPress's save_datetimes().
 *
 * @param array $event The ActivityPub Event.
 * @return int
 */
function embeds_for_mobilizon_test_eb_gatherpress( array $event ) {
	global $wpdb;
	$args = array(
		'post_title'   => sanitize_text_field( $event['name'] ),
		'post_type'    => 'gatherpress_event',
		'post_content' => wp_kses_post( $event['content'] ?? '' ) . '<!-- wp:gatherpress/venue /-->',
		'post_excerpt' => wp_kses_post( $event['summary'] ?? '' ),
		'post_status'  => 'publish',
		'guid'         => sanitize_url( $event['id'] ),
	);
	if ( ! empty( $event['published'] ) ) {
		$args['post_date']     = gmdate( 'Y-m-d H:i:s', strtotime( $event['published'] ) );
		$args['post_date_gmt'] = $args['post_date'];
	}
	$id     = wp_insert_post( $args );
	$end    = $event['endTime'] ?? ( new DateTime( $event['startTime'] ) )->modify( '+1 hour' )->format( 'Y-m-d H:i:s' );
	$fields = array(
		'post_id'        => $id,
		'datetime_start' => $event['startTime'],
		'datetime_end'   => $end,
		'timezone'       => ! empty( $event['timezone'] ) ? $event['timezone'] : wp_timezone_string(),
	);
	$zone   = new DateTimeZone( $fields['timezone'] );
	$gmt    = function ( $date ) use ( $zone ) {
		return date_create( $date, $zone )->setTimezone( new DateTimeZone( 'UTC' ) )->format( 'Y-m-d H:i:s' );
	};

	$fields['datetime_start_gmt'] = $gmt( $fields['datetime_start'] );
	$fields['datetime_end_gmt']   = $gmt( $fields['datetime_end'] );
	$wpdb->insert( $wpdb->prefix . 'gatherpress_events', $fields ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery
	foreach ( $fields as $key => $value ) {
		if ( 'post_id' !== $key ) {
			update_post_meta( $id, 'gatherpress_' . $key, sanitize_text_field( $value ) );
		}
	}
	$location = $event['location'] ?? null;
	if ( is_array( $location ) && isset( $location['name'] ) ) {
		$slug  = sanitize_title( $location['name'] );
		$venue = get_page_by_path( $slug, OBJECT, 'gatherpress_venue' );
		$venue = $venue ? $venue->ID : wp_insert_post(
			array(
				'post_title'  => sanitize_text_field( $location['name'] ),
				'post_name'   => $slug,
				'post_type'   => 'gatherpress_venue',
				'post_status' => 'publish',
			)
		);
		$address = $location['address'] ?? '';
		if ( is_array( $address ) ) {
			$address = implode( ' ,', array_filter( array( $address['streetAddress'] ?? '', $address['postalCode'] ?? '', $address['addressLocality'] ?? '', $address['addressCountry'] ?? '' ) ) );
		}
		update_post_meta(
			$venue,
			'gatherpress_venue_information',
			wp_json_encode(
				array(
					'fullAddress'  => $address,
					'phone_number' => '',
					'website'      => '',
					'permalink'    => '',
				)
			)
		);
		// GatherPress names a venue's shadow term after it: `_` + the venue's slug (Venue::get_venue_term_slug()).
		if ( ! term_exists( '_' . $slug, '_gatherpress_venue' ) ) {
			wp_insert_term( $location['name'], '_gatherpress_venue', array( 'slug' => '_' . $slug ) );
		}
		wp_set_object_terms( $id, '_' . $slug, '_gatherpress_venue', false );
	}
	$tags = embeds_for_mobilizon_test_eb_hashtags( $event );
	if ( $tags ) {
		wp_set_object_terms( $id, $tags, 'gatherpress_topic', true );
	}
	return $id;
}

/**
 * The Events Calendar: transmogrifier/class-the-events-calendar.php save_event() through TEC's repository.
 *
 * @param array $event  The ActivityPub Event.
 * @param int   $source The ap_event_source post ID.
 * @return int
 */
function embeds_for_mobilizon_test_eb_tec( array $event, $source ) {
	$site     = wp_timezone();
	$utc      = new DateTimeZone( 'UTC' );
	$duration = isset( $event['endTime'] ) ? abs( strtotime( $event['endTime'] ) - strtotime( $event['startTime'] ) ) : 2 * HOUR_IN_SECONDS;
	// Event Bridge passes the UTC clock time without a zone; TEC reads it in the site's zone.
	$start = new DateTime( gmdate( 'Y-m-d H:i:s', strtotime( $event['startTime'] ) ), $site );
	$end   = ( clone $start )->modify( '+' . $duration . ' seconds' );
	$meta  = array(
		'_EventStartDate'    => $start->format( 'Y-m-d H:i:s' ),
		'_EventEndDate'      => $end->format( 'Y-m-d H:i:s' ),
		'_EventStartDateUTC' => ( clone $start )->setTimezone( $utc )->format( 'Y-m-d H:i:s' ),
		'_EventEndDateUTC'   => ( clone $end )->setTimezone( $utc )->format( 'Y-m-d H:i:s' ),
		'_EventDuration'     => $duration,
		'_EventTimezone'     => $site->getName(),
		'_EventTimezoneAbbr' => $start->format( 'T' ),
		'_EventOrigin'       => 'events-calendar',
		'_EventShowMap'      => true,
		'_EventShowMapLink'  => true,
	);
	$location = $event['location'] ?? null;
	if ( is_array( $location ) && isset( $location['name'] ) && 'online' !== $location['name'] ) {
		$address = is_array( $location['address'] ?? null ) ? $location['address'] : array( 'streetAddress' => (string) ( $location['address'] ?? '' ) );
		$venue   = wp_insert_post(
			array(
				'post_title'  => $location['name'],
				'post_type'   => 'tribe_venue',
				'post_status' => 'publish',
				'meta_input'  => array(
					'_VenueAddress' => $address['streetAddress'] ?? '',
					'_VenueZip'     => $address['postalCode'] ?? '',
					'_VenueCity'    => $address['addressLocality'] ?? '',
					'_VenueState'   => $address['addressRegion'] ?? '',
					'_VenueCountry' => $address['addressCountry'] ?? '',
					'_VenueOrigin'  => 'events-calendar',
				),
			)
		);
		update_post_meta( $venue, '_event_bridge_for_activitypub_event_source', $source );
		$meta['_EventVenueID'] = $venue;
	}
	$source_post = get_post( $source );
	$organizers  = get_children(
		array(
			'post_parent' => $source,
			'post_type'   => 'tribe_organizer',
		)
	);
	$organizer   = $organizers ? array_pop( $organizers )->ID : wp_insert_post(
		array(
			'post_title'   => $source_post->post_title,
			'post_excerpt' => $source_post->post_excerpt,
			'post_type'    => 'tribe_organizer',
			'post_status'  => 'publish',
			'post_parent'  => $source,
			'meta_input'   => array(
				'_OrganizerWebsite'                          => get_post_meta( $source, '_activitypub_actor_id', true ),
				'_event_bridge_for_activitypub_event_source' => true,
			),
		)
	);

	$meta['_EventOrganizerID'] = $organizer;

	$args = array(
		'post_title'   => $event['name'],
		'post_content' => $event['content'] ?? '',
		'post_type'    => 'tribe_events',
		'post_status'  => 'publish',
		'guid'         => $event['id'],
		'meta_input'   => $meta,
	);
	return embeds_for_mobilizon_test_eb_insert( $args, $event, 'post_tag' );
}

/**
 * VS Event List: transmogrifier/class-vs-event-list.php save_event().
 *
 * @param array $event The ActivityPub Event.
 * @return int
 */
function embeds_for_mobilizon_test_eb_vs( array $event ) {
	$meta = array(
		'event-start-date'  => strtotime( $event['startTime'] ),
		'event-link'        => $event['url'] ?? $event['id'],
		'event-link-label'  => 'Original Website',
		'event-link-target' => 'yes',
		'event-link-title'  => 'no',
		'event-link-image'  => 'no',
	);
	if ( ! empty( $event['endTime'] ) ) {
		$meta['event-date'] = strtotime( $event['endTime'] );
	}
	$location = $event['location'] ?? null;
	if ( is_array( $location ) && 'Place' === ( $location['type'] ?? '' ) ) {
		$address = $location['address'] ?? '';
		if ( is_array( $address ) ) {
			$address = implode( ' ,', array_filter( array( $address['streetAddress'] ?? '', $address['postalCode'] ?? '', $address['addressLocality'] ?? '', $address['addressCountry'] ?? '' ) ) );
		}
		$meta['event-location'] = ( $location['name'] ?? '' ) . ( isset( $location['name'] ) && '' !== $address ? ' – ' : '' ) . $address;
	}
	$args = array(
		'post_title'   => $event['name'],
		'post_type'    => 'event',
		'post_content' => $event['content'] ?? '',
		'post_excerpt' => $event['summary'] ?? '',
		'post_status'  => 'publish',
		'guid'         => $event['id'],
		'meta_input'   => $meta,
	);
	return embeds_for_mobilizon_test_eb_insert( $args, $event, 'event_cat' );
}

/**
 * The post both transmogrifiers insert: dated as published, tagged with the event's hashtags.
 *
 * @param array  $args     wp_insert_post() arguments.
 * @param array  $event    The ActivityPub Event.
 * @param string $taxonomy Where the hashtags go.
 * @return int
 */
function embeds_for_mobilizon_test_eb_insert( array $args, array $event, $taxonomy ) {
	if ( ! empty( $event['published'] ) ) {
		$args['post_date']     = gmdate( 'Y-m-d H:i:s', strtotime( $event['published'] ) );
		$args['post_date_gmt'] = $args['post_date'];
	}
	$id   = wp_insert_post( $args );
	$tags = embeds_for_mobilizon_test_eb_hashtags( $event );
	if ( $tags ) {
		wp_set_object_terms( $id, $tags, $taxonomy, true );
	}
	return $id;
}

/**
 * Hashtag names without `#`, as both transmogrifiers take them.
 *
 * @param array $event The ActivityPub Event.
 * @return string[]
 */
function embeds_for_mobilizon_test_eb_hashtags( array $event ) {
	$names = array();
	foreach ( (array) ( $event['tag'] ?? array() ) as $tag ) {
		if ( isset( $tag['name'], $tag['type'] ) && 'Hashtag' === $tag['type'] ) {
			$names[] = ltrim( $tag['name'], '#' );
		}
	}
	return $names;
}

/**
 * Takes everything the fixture wrote away again, and switches it off.
 */
function embeds_for_mobilizon_test_eb_reset() {
	global $wpdb;
	$types = array( 'ap_event_source', 'gatherpress_event', 'gatherpress_venue', 'tribe_events', 'tribe_venue', 'tribe_organizer', 'event' );
	foreach ( $types as $type ) {
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery
		foreach ( $wpdb->get_col( $wpdb->prepare( "SELECT ID FROM {$wpdb->posts} WHERE post_type = %s", $type ) ) as $id ) {
			wp_delete_post( (int) $id, true );
		}
	}
	foreach ( array( '_gatherpress_venue', 'gatherpress_topic', 'event_cat' ) as $taxonomy ) {
		if ( taxonomy_exists( $taxonomy ) ) {
			foreach ( get_terms(
				array(
					'taxonomy'   => $taxonomy,
					'hide_empty' => false,
					'fields'     => 'ids',
				)
			) as $term ) {
				wp_delete_term( $term, $taxonomy );
			}
		}
	}
	$wpdb->query( "DROP TABLE IF EXISTS {$wpdb->prefix}gatherpress_events" ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery
	delete_option( 'event_bridge_for_activitypub_event_sources_active' );
	delete_option( 'event_bridge_for_activitypub_integration_used_for_event_sources_feature' );
	delete_option( 'embeds_for_mobilizon_test_event_bridge' );
	foreach ( $types as $type ) {
		unregister_post_type( $type );
	}
	foreach ( array( '_gatherpress_venue', 'gatherpress_topic', 'event_cat' ) as $taxonomy ) {
		if ( taxonomy_exists( $taxonomy ) ) {
			unregister_taxonomy( $taxonomy );
		}
	}
}
