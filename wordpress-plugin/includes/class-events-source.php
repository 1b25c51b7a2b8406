<?php
/**
 * Event lists: which Mobilizon query answers which list, with which variables, and the events it
 * gives. Twin of the planner src/sources/events.ts (with pages.ts for plain pages and windows.ts for
 * filters, dates and search), of src/sources/mobilizon/events.ts and search.ts for the operations,
 * and of src/model/filter.ts for what is filtered here. The same operations
 * and variables as the elements, so the element's first request through the proxy is a cache hit.
 *
 * @package Embeds_For_Mobilizon
 */

namespace Embeds_For_Mobilizon;

use DateTimeImmutable;
use DateTimeZone;
use Exception;
use WP_Error;

defined( 'ABSPATH' ) || exit;

/**
 * Plans a list (operations and variables) and reads it into Event models; never HTML.
 */
final class Events_Source {

	/** Group lists with filters are read whole, in pages of this many (the proxy's largest). */
	const PAGE = Operations::MAX_LIMIT;

	/** At most this many pages a group. */
	const MAX_PAGES = 10;

	/** Mobilizon compares each event's END with `endsOn`/`beforeDatetime`: ask for events ending up to this much later. */
	const LONG_EVENT_MARGIN = 62 * DAY_IN_SECONDS;

	/** Days counted in each event's zone are asked for this much wider (UTC+14 to UTC-12), as windows.ts ZONE_MARGIN. */
	const ZONE_MARGIN = 14 * HOUR_IN_SECONDS;

	const EPOCH = '1970-01-01T00:00:00Z';

	/**
	 * The list an events element asks for, from its cleaned attributes (as src/model/query.ts buildQuery
	 * builds it; `from`/`to` are days in the element's `timezone`, else the site's).
	 *
	 * @param array $atts Cleaned attributes.
	 * @return array|WP_Error The query (EventListQuery's fields), or `embeds_for_mobilizon_bad_group`,
	 *                        `embeds_for_mobilizon_bad_dates`.
	 */
	public static function query( array $atts ) {
		$groups = Instance::parse_groups( $atts['group'] ?? '' );
		if ( null === $groups ) {
			return new WP_Error( 'embeds_for_mobilizon_bad_group', (string) $atts['group'] );
		}
		$types = array(
			'online'    => 'ONLINE',
			'in-person' => 'IN_PERSON',
		);
		$query = array(
			'groups'        => $groups,
			'period'        => $atts['period'] ?? 'upcoming',
			'page'          => 1,
			'limit'         => isset( $atts['limit'] ) ? (int) $atts['limit'] : 10,
			'search'        => $atts['search'] ?? null,
			'term'          => $atts['term'] ?? null,
			'tags'          => array_values( array_filter( array_map( 'trim', explode( ',', $atts['tags'] ?? '' ) ), 'strlen' ) ),
			'category'      => $atts['category'] ?? null,
			'type'          => isset( $atts['type'] ) ? $types[ $atts['type'] ] : null,
			'near'          => $atts['near'] ?? null,
			'radius'        => isset( $atts['radius'] ) ? (float) $atts['radius'] : null,
			'hideCancelled' => ! empty( $atts['hide-cancelled'] ),
			'after'         => null,
			'before'        => null,
			'days'          => null,
		);
		$named = isset( $atts['timezone'] ) && in_array( $atts['timezone'], timezone_identifiers_list(), true );
		// Each event in its own zone (`timezone` "event", the default): its days are counted there, so
		// the dates are asked for with a margin and each event is kept by its own days (matches).
		$each = ! $named && ( $atts['timezone'] ?? 'event' ) !== 'local';
		if ( $each && ( isset( $atts['from'] ) || isset( $atts['to'] ) ) ) {
			$query['days'] = array(
				'from' => $atts['from'] ?? null,
				'to'   => $atts['to'] ?? null,
			);
		}
		try {
			$zone   = new DateTimeZone( $named ? $atts['timezone'] : ( $each ? 'UTC' : wp_timezone_string() ) );
			$margin = $each ? self::ZONE_MARGIN : 0;
			// `to` is included: the bound is the next day's start. Written as the elements write it.
			$day = function ( $date, $modify, $shift ) use ( $zone ) {
				$start = ( new DateTimeImmutable( $date . ' 00:00:00', $zone ) )->modify( $modify );
				return $start->setTimestamp( $start->getTimestamp() + $shift )->setTimezone( new DateTimeZone( 'UTC' ) )->format( 'Y-m-d\TH:i:s.000\Z' );
			};
			$query['after']  = isset( $atts['from'] ) ? $day( $atts['from'], '+0 days', -$margin ) : null;
			$query['before'] = isset( $atts['to'] ) ? $day( $atts['to'], '+1 day', $margin ) : null;
		} catch ( Exception $e ) {
			return new WP_Error( 'embeds_for_mobilizon_bad_dates', $e->getMessage() );
		}
		if ( isset( $atts['from'], $atts['to'] ) && $atts['from'] > $atts['to'] ) {
			return new WP_Error( 'embeds_for_mobilizon_bad_dates', 'from > to' );
		}
		return $query;
	}

	/**
	 * "Now" to the minute, as the elements send it: equal requests within a minute share a cache entry.
	 *
	 * @return string
	 */
	public static function now() {
		return gmdate( 'Y-m-d\TH:i:00\Z' );
	}

	/**
	 * The date bounds a period and the site owner's from/to give, and the order of the list.
	 *
	 * @param array  $query A query.
	 * @param string $now   Now (UTC ISO).
	 * @return array `after`, `before` (null when open), `descending`.
	 */
	public static function bounds( array $query, $now ) {
		$after  = $query['after'];
		$before = $query['before'];
		if ( 'upcoming' === $query['period'] ) {
			return array(
				'after'      => $after && $after > $now ? $after : $now,
				'before'     => $before,
				'descending' => false,
			);
		}
		return array(
			'after'      => $after,
			'before'     => 'past' === $query['period'] ? ( $before && $before < $now ? $before : $now ) : $before,
			'descending' => 'past' === $query['period'],
		);
	}

	/**
	 * Whether a list needs more than Mobilizon's plain lists give (search, filters, work done here).
	 *
	 * @param array $q A query.
	 * @return bool
	 */
	public static function needs_search( array $q ) {
		return $q['search'] || trim( (string) $q['term'] ) || $q['tags'] || $q['category'] || $q['type'] || trim( (string) $q['near'] )
			|| ( $q['groups'] && $q['hideCancelled'] )
			|| ( ! $q['groups'] && ( 'upcoming' !== $q['period'] || $q['after'] || $q['before'] ) );
	}

	/**
	 * Which operations answer a list, with which variables, and what is done with their answers.
	 *
	 * @param array       $q   A query.
	 * @param string|null $now Now (UTC ISO); the current minute when null.
	 * @return array `requests` (each `operation`, `variables`, `field`, `subject`), `descending`,
	 *               `whole` (read every page, filter and page here), `filters`, `page`, `limit`.
	 */
	public static function plan( array $q, $now = null ) {
		$bounds = self::bounds( $q, null === $now ? self::now() : $now );
		$plan   = array(
			'requests'   => array(),
			'descending' => $bounds['descending'],
			'whole'      => false,
			'filters'    => array(),
			'page'       => $q['page'],
			'limit'      => $q['limit'],
		);
		if ( ! $q['groups'] && ! self::needs_search( $q ) ) {
			$plan['requests'][] = self::request( 'FetchEvents', 'events', array(), $q['page'], $q['limit'] );
		} elseif ( ! $q['groups'] ) {
			$plan['requests'][] = self::request( 'SearchEvents', 'searchEvents', self::search_variables( $q, $bounds ), $q['page'], $q['limit'] );
			// Events ending after `before` were asked for (the margin); those starting after it go, and
			// those not on the list's days in their own zone.
			$plan['filters'] = array(
				'before' => $bounds['before'],
				'days'   => $q['days'] ?? null,
			);
		} elseif ( ! self::needs_search( $q ) && empty( $q['days'] ) ) {
			foreach ( $q['groups'] as $group ) {
				$plan['requests'][] = self::group_request( $group, $bounds, $q['page'], $q['limit'] );
			}
		} else {
			// Mobilizon's organizedEvents has no filters (nor days in each event's zone): each group is
			// read whole within its dates.
			$wide = array( 'before' => $bounds['before'] ? self::later( $bounds['before'], self::LONG_EVENT_MARGIN ) : null ) + $bounds;
			foreach ( $q['groups'] as $group ) {
				$plan['requests'][] = self::group_request( $group, $wide, 1, self::PAGE );
			}
			$plan['whole']   = true;
			$plan['filters'] = array(
				'after'  => $bounds['after'],
				'before' => $bounds['before'],
				'near'   => Geohash::parse_near( $q['near'], $q['radius'] ),
			) + $q;
		}
		return $plan;
	}

	/**
	 * The events of a list (the query's first page), or why there are none.
	 *
	 * @param string $instance A base URL this site may contact.
	 * @param array  $q        A query.
	 * @return Event[]|WP_Error
	 */
	public static function events( $instance, array $q ) {
		$plan   = self::plan( $q );
		$events = array();
		foreach ( $plan['requests'] as $request ) {
			$pages = 1;
			for ( $page = 1; $page <= $pages; $page++ ) {
				$request['variables']['page'] = $page > 1 ? $page : $request['variables']['page'];
				$data = Source::read( $instance, $request['operation'], $request['variables'], $request['field'], $request['subject'] );
				if ( is_wp_error( $data ) ) {
					return $data;
				}
				$list   = 'group' === $request['field'] ? ( $data['organizedEvents'] ?? null ) : $data;
				$events = array_merge( $events, Event::list_from_mobilizon( $list, $instance ) );
				if ( $plan['whole'] && 1 === $page ) {
					$pages = min( self::MAX_PAGES, (int) ceil( (int) ( $list['total'] ?? 0 ) / self::PAGE ) );
				}
			}
		}
		$seen   = array();
		$events = array_values(
			array_filter(
				$events,
				function ( $event ) use ( &$seen, $plan ) {
					$new                   = ! isset( $seen[ $event->uuid ] );
					$seen[ $event->uuid ] = true;
					return $new && self::matches( $event, $plan['filters'] );
				}
			)
		);
		if ( count( $plan['requests'] ) > 1 || $plan['whole'] ) {
			$descending = $plan['descending'];
			usort(
				$events,
				function ( $a, $b ) use ( $descending ) {
					$order = strcmp( $a->startTime, $b->startTime );
					return ( $descending ? -1 : 1 ) * ( $order ? $order : strcmp( $a->name, $b->name ) );
				}
			);
		}
		$first = count( $plan['requests'] ) > 1 || $plan['whole'] ? ( $plan['page'] - 1 ) * $plan['limit'] : 0;
		return array_slice( $events, $first, $plan['limit'] );
	}

	/**
	 * Whether an event passes a list's filters (src/model/filter.ts matchesFilters).
	 *
	 * @param Event $event   An event.
	 * @param array $filters Query fields, with `near` parsed and `after`/`before` the bounds.
	 * @return bool
	 */
	public static function matches( Event $event, array $filters ) {
		$fold = function ( $text ) {
			return mb_strtolower( remove_accents( (string) $text ) );
		};
		$start = $event->startTime;
		$end   = $event->endTime ? $event->endTime : $start;
		$place = $event->place();
		if ( ( ! empty( $filters['hideCancelled'] ) && 'CANCELLED' === $event->status )
			|| ( ! empty( $filters['type'] ) && ( 'ONLINE' === $filters['type'] ) !== $event->isOnline )
			|| ( ! empty( $filters['category'] ) && $event->category !== $filters['category'] )
			|| ( ! empty( $filters['after'] ) && $end <= $filters['after'] && $start < $filters['after'] )
			|| ( ! empty( $filters['before'] ) && $start >= $filters['before'] ) ) {
			return false;
		}
		if ( ! empty( $filters['days'] ) && ! self::on_own_days( $event, $filters['days'] ) ) {
			return false;
		}
		if ( ! empty( $filters['tags'] ) ) {
			$wanted = array_map( $fold, $filters['tags'] );
			$found  = array_filter(
				$event->tag,
				function ( $tag ) use ( $wanted, $fold ) {
					return in_array( $fold( $tag['name'] ), $wanted, true ) || in_array( $fold( $tag['slug'] ), $wanted, true );
				}
			);
			if ( ! $found ) {
				return false;
			}
		}
		if ( ! empty( $filters['term'] ) && trim( $filters['term'] ) ) {
			$where    = $place ? implode( ' ', array_merge( array( $place['name'] ), array_values( $place['address'] ) ) ) : '';
			$haystack = $fold( implode( ' ', array_merge( array( $event->name, $event->content, $where ), wp_list_pluck( $event->tag, 'name' ) ) ) );
			foreach ( preg_split( '/\s+/', $fold( $filters['term'] ), -1, PREG_SPLIT_NO_EMPTY ) as $word ) {
				if ( false === strpos( $haystack, $word ) ) {
					return false;
				}
			}
		}
		if ( ! empty( $filters['near'] ) ) {
			$point = $place && null !== $place['latitude'] ? array(
				'lat' => $place['latitude'],
				'lon' => $place['longitude'],
			) : null;
			return $point && Geohash::distance_km( $filters['near'], $point ) <= $filters['near']['radius'];
		}
		return true;
	}

	/**
	 * Whether an event is on a list's days in its own zone (windows.ts onOwnDays): its first local day
	 * is not after `to`, its last (an end at midnight belongs to the day before) not before `from`.
	 *
	 * @param Event $event An event.
	 * @param array $days  `from` and `to` (YYYY-MM-DD or null).
	 * @return bool
	 */
	private static function on_own_days( Event $event, array $days ) {
		$first = $event->start()->format( 'Y-m-d' );
		$end   = $event->end();
		$last  = $end && $event->endTime > $event->startTime ? $end->modify( '-1 second' )->format( 'Y-m-d' ) : $first;
		return ( empty( $days['from'] ) || $last >= $days['from'] ) && ( empty( $days['to'] ) || $first <= $days['to'] );
	}

	/**
	 * `searchEvents`' variables for a list (src/sources/mobilizon/search.ts searchVariables).
	 *
	 * @param array $q      A query.
	 * @param array $bounds Its bounds.
	 * @return array
	 */
	private static function search_variables( array $q, array $bounds ) {
		$global = 'global' === $q['search'];
		$near   = Geohash::parse_near( $q['near'], $q['radius'] );
		$before = $bounds['before'];
		$target = array(
			'global' => 'GLOBAL',
			'self'   => 'SELF',
		);
		return array(
			'term'         => trim( (string) $q['term'] ) ? trim( $q['term'] ) : null,
			// Global search ignores tags and type: the element does not offer them there.
			'tags'         => ! $global && $q['tags'] ? implode( ',', $q['tags'] ) : null,
			'category'     => $q['category'] ? $q['category'] : null,
			'type'         => $global ? null : $q['type'],
			'location'     => $near ? $near['geohash'] : null,
			'radius'       => $near ? $near['radius'] : null,
			'beginsOn'     => $bounds['after'] ? $bounds['after'] : self::EPOCH,
			// Past lists come newest first, so only lists in start order ask for the margin.
			'endsOn'       => $before ? ( $bounds['descending'] ? $before : self::later( $before, self::LONG_EVENT_MARGIN ) ) : null,
			'statusOneOf'  => $q['hideCancelled'] ? array( 'CONFIRMED', 'TENTATIVE' ) : null,
			'searchTarget' => $target[ (string) $q['search'] ] ?? 'INTERNAL',
			'sortBy'       => $bounds['descending'] ? 'START_TIME_DESC' : 'START_TIME_ASC',
		);
	}

	/**
	 * A page of a group's events between bounds (src/sources/mobilizon/events.ts groupEvents).
	 *
	 * @param string $group  A handle.
	 * @param array  $bounds `after`, `before`, `descending`.
	 * @param int    $page   1-based.
	 * @param int    $limit  Page size.
	 * @return array A request.
	 */
	private static function group_request( $group, array $bounds, $page, $limit ) {
		$variables = array(
			'name'           => $group,
			'afterDatetime'  => $bounds['after'],
			'beforeDatetime' => $bounds['before'],
			'order'          => 'BEGINS_ON',
			'orderDirection' => $bounds['descending'] ? 'DESC' : 'ASC',
		);
		return self::request( 'GroupEvents', 'group', $variables, $page, $limit, array( 'group' => $group ) );
	}

	/**
	 * One request of a plan; variables left unset (null) are not sent, as JSON drops `undefined`.
	 *
	 * @param string $operation A named operation.
	 * @param string $field     The root field of its answer.
	 * @param array  $variables Variables.
	 * @param int    $page      1-based.
	 * @param int    $limit     Page size.
	 * @param array  $subject   What a not-found error names.
	 * @return array
	 */
	private static function request( $operation, $field, array $variables, $page, $limit, array $subject = array() ) {
		$variables = array_filter(
			$variables,
			function ( $value ) {
				return null !== $value;
			}
		) + array(
			'page'  => $page,
			'limit' => $limit,
		);
		return compact( 'operation', 'variables', 'field', 'subject' );
	}

	/**
	 * An instant moved later, written as the elements write it.
	 *
	 * @param string $iso     UTC ISO instant.
	 * @param int    $seconds Seconds.
	 * @return string
	 */
	private static function later( $iso, $seconds ) {
		return gmdate( 'Y-m-d\TH:i:s\Z', (int) strtotime( $iso ) + $seconds );
	}
}
