<?php
/**
 * What Event Bridge for ActivityPub (with the ActivityPub plugin) holds on this site, read only:
 * whether it is there, which event plugin it stores received events in, which actors it follows
 * (`ap_event_source` posts) and which posts came from each. Names and shapes are Event Bridge 1.x's
 * (includes/class-setup.php, includes/activitypub/collection/class-event-sources.php,
 * includes/activitypub/transmogrifier/class-base.php). Nothing here writes, schedules or sends.
 *
 * @package Embeds_For_Mobilizon
 */

namespace Embeds_For_Mobilizon;

defined( 'ABSPATH' ) || exit;

/**
 * Read-only lookups in Event Bridge's data; everything answers "nothing" when it is absent.
 */
final class Event_Bridge {

	/** Event Bridge's post type for followed actors. */
	const SOURCE_TYPE = 'ap_event_source';

	/** The meta Event Bridge puts on each received event: the ap_event_source post ID. */
	const SOURCE_META = '_event_bridge_for_activitypub_event_source';

	/** Event Bridge's integrations that receive events (Feature_Event_Sources), by class name → post type. */
	const INTEGRATIONS = array(
		'GatherPress'         => 'gatherpress_event',
		'The_Events_Calendar' => 'tribe_events',
		'VS_Event_List'       => 'event',
	);

	/**
	 * Whether Event Bridge is active and receives events: its "event sources" feature on, and the
	 * ActivityPub plugin it needs active (without it, received copies are no longer kept up to date).
	 *
	 * @return bool
	 */
	public static function active() {
		return ( defined( 'EVENT_BRIDGE_FOR_ACTIVITYPUB_PLUGIN_VERSION' ) || class_exists( '\Event_Bridge_For_ActivityPub\Setup' ) )
			&& self::activitypub_active()
			&& post_type_exists( self::SOURCE_TYPE )
			&& (bool) get_option( 'event_bridge_for_activitypub_event_sources_active' );
	}

	/**
	 * Whether the ActivityPub plugin is active.
	 *
	 * @return bool
	 */
	public static function activitypub_active() {
		return defined( 'ACTIVITYPUB_PLUGIN_VERSION' );
	}

	/**
	 * The integration Event Bridge stores received events with (`GatherPress`, `The_Events_Calendar`,
	 * `VS_Event_List`): its option, else the first whose post type exists (Event Bridge's own default).
	 *
	 * @return string|null
	 */
	public static function integration() {
		if ( ! self::active() ) {
			return null;
		}
		$class = (string) get_option( 'event_bridge_for_activitypub_integration_used_for_event_sources_feature', '' );
		$short = substr( $class, (int) strrpos( $class, '\\' ) + ( false === strrpos( $class, '\\' ) ? 0 : 1 ) );
		if ( isset( self::INTEGRATIONS[ $short ] ) ) {
			return post_type_exists( self::INTEGRATIONS[ $short ] ) ? $short : null;
		}
		foreach ( self::INTEGRATIONS as $name => $type ) {
			if ( post_type_exists( $type ) ) {
				return $name;
			}
		}
		return null;
	}

	/**
	 * The post type received events are stored as, or null.
	 *
	 * @return string|null
	 */
	public static function post_type() {
		$integration = self::integration();
		return $integration ? self::INTEGRATIONS[ $integration ] : null;
	}

	/**
	 * The actors followed and accepted: ap_event_source post ID → actor URL. A Follow the group has
	 * not accepted yet stays `pending` and brings no events.
	 *
	 * @return array
	 */
	public static function sources() {
		if ( ! self::active() ) {
			return array();
		}
		// Asked once per event rendered: kept for this request until any post changes.
		$key     = 'event_bridge_sources:' . wp_cache_get_last_changed( 'posts' );
		$sources = wp_cache_get( $key, 'embeds_for_mobilizon' );
		if ( is_array( $sources ) ) {
			return $sources;
		}
		$sources = array();
		$ids     = get_posts(
			array(
				'post_type'        => self::SOURCE_TYPE,
				'post_status'      => 'publish',
				'posts_per_page'   => 500,
				'fields'           => 'ids',
				'orderby'          => 'ID',
				'order'            => 'ASC',
				'suppress_filters' => true,
			)
		);
		foreach ( $ids as $id ) {
			$actor = Event::url( get_post_meta( $id, '_activitypub_actor_id', true ) );
			if ( $actor ) {
				$sources[ (int) $id ] = $actor;
			}
		}
		wp_cache_set( $key, $sources, 'embeds_for_mobilizon' );
		return $sources;
	}

	/**
	 * The ap_event_source post that follows a Mobilizon group, or 0. A group's actor is
	 * `<instance>/@<name>` (`https://<domain>/@<name>` for `name@domain`).
	 *
	 * @param string $instance A base URL.
	 * @param string $handle   `name` or `name@domain`.
	 * @return int
	 */
	public static function source_for_group( $instance, $handle ) {
		$parts  = explode( '@', strtolower( (string) $handle ), 2 );
		$actors = isset( $parts[1] )
			? array( 'https://' . $parts[1] . '/@' . $parts[0], 'http://' . $parts[1] . '/@' . $parts[0] )
			: array( strtolower( rtrim( (string) $instance, '/' ) ) . '/@' . $parts[0] );
		foreach ( self::sources() as $id => $actor ) {
			if ( in_array( strtolower( rtrim( $actor, '/' ) ), $actors, true ) ) {
				return $id;
			}
		}
		return 0;
	}

	/**
	 * The published posts received from a followed actor (start order is the reader's business).
	 *
	 * @param int $source An ap_event_source post ID.
	 * @return \WP_Post[]
	 */
	public static function posts( $source ) {
		$type = self::post_type();
		if ( ! $type || ! $source ) {
			return array();
		}
		return get_posts(
			array(
				'post_type'        => $type,
				'post_status'      => 'publish',
				'posts_per_page'   => 1000,
				// phpcs:ignore WordPress.DB.SlowDBQuery.slow_db_query_meta_query -- one indexed key, read once a page.
				'meta_query'       => array(
					array(
						'key'   => self::SOURCE_META,
						'value' => (string) (int) $source,
					),
				),
				'suppress_filters' => true,
			)
		);
	}

	/**
	 * Event Bridge's own "Event Sources" screen (in the ActivityPub plugin's settings), where a site
	 * owner follows a group.
	 *
	 * @return string
	 */
	public static function sources_screen() {
		return add_query_arg(
			array(
				'page'    => 'activitypub',
				'tab'     => 'event-bridge-for-activitypub',
				'subpage' => 'event-sources',
			),
			admin_url( 'options-general.php' )
		);
	}
}
