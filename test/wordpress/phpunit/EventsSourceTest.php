<?php
/**
 * Which Mobilizon operation answers a list and with which variables: the same choice the elements
 * make (src/sources/mobilizon/events.ts, filtered.ts), so the server's fallback shows the element's
 * first page and the element's first request through the proxy is a cache hit.
 *
 * @package Embeds_For_Mobilizon
 */

namespace Embeds_For_Mobilizon\Tests;

use Embeds_For_Mobilizon\Attributes;
use Embeds_For_Mobilizon\Client;
use Embeds_For_Mobilizon\Events_Source;
use Embeds_For_Mobilizon\Operations;
use Embeds_For_Mobilizon\Source;

/**
 * Events_Source.
 */
final class EventsSourceTest extends TestCase {

	const NOW = '2030-01-15T10:00:00Z';

	/** The plan for a list element with these attributes, at NOW. */
	private function plan( array $atts ) {
		$query = Events_Source::query( Attributes::clean( 'events', $atts ) );
		$this->assertIsArray( $query );
		return Events_Source::plan( $query, self::NOW );
	}

	/** The only request of a plan. */
	private function only( array $plan ) {
		$this->assertCount( 1, $plan['requests'] );
		return $plan['requests'][0];
	}

	public function test_the_instance_upcoming_list_is_mobilizon_events_paged() {
		$request = $this->only( $this->plan( array( 'limit' => '7' ) ) );
		$this->assertSame( 'FetchEvents', $request['operation'] );
		$this->assertSame( 'events', $request['field'] );
		$this->assertSame(
			array(
				'page'  => 1,
				'limit' => 7,
			),
			$request['variables']
		);
	}

	public function test_one_group_upcoming_reads_its_events_from_now_in_start_order() {
		$plan    = $this->plan( array( 'group' => '@velo_lyon' ) );
		$request = $this->only( $plan );
		$this->assertSame( 'GroupEvents', $request['operation'] );
		$this->assertSame(
			array(
				'name'           => 'velo_lyon',
				'afterDatetime'  => self::NOW,
				'order'          => 'BEGINS_ON',
				'orderDirection' => 'ASC',
				'page'           => 1,
				'limit'          => 10,
			),
			$request['variables']
		);
		$this->assertFalse( $plan['whole'] );
	}

	public function test_several_groups_read_one_page_each_then_merge() {
		$plan = $this->plan(
			array(
				'group' => 'velo_lyon, montreal_makers@other.example',
				'limit' => '4',
			)
		);
		$this->assertSame( array( 'GroupEvents', 'GroupEvents' ), wp_list_pluck( $plan['requests'], 'operation' ) );
		$this->assertSame( array( 'velo_lyon', 'montreal_makers@other.example' ), wp_list_pluck( wp_list_pluck( $plan['requests'], 'variables' ), 'name' ) );
		foreach ( $plan['requests'] as $request ) {
			$this->assertSame( 4, $request['variables']['limit'] );
			$this->assertSame( self::NOW, $request['variables']['afterDatetime'] );
		}

		// Against the demo instance: one list of at most `limit`, in start order, from both groups.
		$events = Events_Source::events( $this->demo(), Events_Source::query( array( 'group' => 'velo_lyon,montreal_makers', 'limit' => '6' ) ) );
		$this->assertCount( 6, $events );
		$starts = wp_list_pluck( $events, 'startTime' );
		$sorted = $starts;
		sort( $sorted );
		$this->assertSame( $sorted, $starts );
		$groups = array_unique( wp_list_pluck( wp_list_pluck( $events, 'attributedTo' ), 'handle' ) );
		$this->assertGreaterThan( 1, count( $groups ), 'Both groups take part in the merged page.' );
	}

	public function test_past_lists_come_newest_first() {
		$instance = $this->only( $this->plan( array( 'period' => 'past' ) ) );
		$this->assertSame( 'SearchEvents', $instance['operation'] );
		$this->assertSame( '1970-01-01T00:00:00Z', $instance['variables']['beginsOn'] );
		$this->assertSame( self::NOW, $instance['variables']['endsOn'] );
		$this->assertSame( 'START_TIME_DESC', $instance['variables']['sortBy'] );
		$this->assertSame( 'INTERNAL', $instance['variables']['searchTarget'] );

		$group = $this->only( $this->plan( array( 'group' => 'velo_lyon', 'period' => 'past' ) ) );
		$this->assertSame( 'GroupEvents', $group['operation'] );
		$this->assertSame( self::NOW, $group['variables']['beforeDatetime'] );
		$this->assertArrayNotHasKey( 'afterDatetime', $group['variables'] );
		$this->assertSame( 'DESC', $group['variables']['orderDirection'] );

		$all = $this->only( $this->plan( array( 'period' => 'all' ) ) );
		$this->assertSame( 'START_TIME_ASC', $all['variables']['sortBy'] );
		$this->assertArrayNotHasKey( 'endsOn', $all['variables'] );

		// Against the demo instance, several groups' past events: newest first.
		$events = Events_Source::events( $this->demo(), Events_Source::query( array( 'group' => 'velo_lyon,montreal_makers', 'period' => 'past', 'limit' => '5' ) ) );
		$this->assertNotEmpty( $events );
		$starts = wp_list_pluck( $events, 'startTime' );
		$sorted = $starts;
		rsort( $sorted );
		$this->assertSame( $sorted, $starts );
		$this->assertLessThan( gmdate( 'Y-m-d\TH:i:s\Z' ), $starts[0] );
	}

	public function test_filters_and_dates_on_the_instance_go_to_search() {
		$request = $this->only(
			$this->plan(
				array(
					'term'           => ' vélo ',
					'tags'           => 'vélo, plein air',
					'type'           => 'in-person',
					'category'       => 'SPORTS',
					'near'           => '45.76,4.84',
					'radius'         => '12',
					'hide-cancelled' => true,
				)
			)
		);
		$this->assertSame( 'SearchEvents', $request['operation'] );
		$this->assertSame( 'searchEvents', $request['field'] );
		$this->assertSame(
			array(
				'term'         => 'vélo',
				'tags'         => 'vélo,plein air',
				'category'     => 'SPORTS',
				'type'         => 'IN_PERSON',
				'location'     => 'u05kq4k7k',
				'radius'       => 12.0,
				'beginsOn'     => self::NOW,
				'statusOneOf'  => array( 'CONFIRMED', 'TENTATIVE' ),
				'searchTarget' => 'INTERNAL',
				'sortBy'       => 'START_TIME_ASC',
				'page'         => 1,
				'limit'        => 10,
			),
			$request['variables']
		);

		// from/to are days in the element's zone, `to` included; search asks for events ending up to 62 days later.
		$dated = $this->only(
			$this->plan(
				array(
					'from'     => '2030-03-01',
					'to'       => '2030-03-31',
					'timezone' => 'Europe/Paris',
				)
			)
		);
		$this->assertSame( 'SearchEvents', $dated['operation'] );
		$this->assertSame( '2030-02-28T23:00:00.000Z', $dated['variables']['beginsOn'] );
		$this->assertSame( '2030-06-01T22:00:00Z', $dated['variables']['endsOn'] );

		// Global search ignores tags and type, as the element does.
		$global = $this->only( $this->plan( array( 'search' => 'global', 'tags' => 'x', 'type' => 'online' ) ) );
		$this->assertSame( 'GLOBAL', $global['variables']['searchTarget'] );
		$this->assertArrayNotHasKey( 'tags', $global['variables'] );
		$this->assertArrayNotHasKey( 'type', $global['variables'] );
	}

	public function test_days_are_counted_in_each_events_own_zone_unless_a_zone_is_named() {
		// As the element asks (windows.ts): the days in UTC, 14 hours wider each side.
		$dated = $this->only( $this->plan( array( 'from' => '2030-03-01', 'to' => '2030-03-31' ) ) );
		$this->assertSame( '2030-02-28T10:00:00.000Z', $dated['variables']['beginsOn'] );
		$this->assertTrue( $this->plan( array( 'group' => 'tokyo_hikers', 'from' => '2030-03-01' ) )['whole'], 'a group is read whole within its dates' );

		// Sunrise Hike in Hakone: 04:30-10:00 in Tokyo, the evening before in New York.
		$titles = function ( array $atts ) {
			$events = Events_Source::events( $this->demo(), Events_Source::query( $atts + array( 'group' => 'tokyo_hikers', 'limit' => '50' ) ) );
			$this->assertIsArray( $events );
			return wp_list_pluck( $events, 'name' );
		};
		$hike = null;
		foreach ( Events_Source::events( $this->demo(), Events_Source::query( array( 'group' => 'tokyo_hikers', 'limit' => '50' ) ) ) as $event ) {
			$hike = 'Sunrise Hike in Hakone' === $event->name ? $event : $hike;
		}
		$this->assertNotNull( $hike );
		$day = $hike->start()->format( 'Y-m-d' );
		$eve = $hike->start()->modify( '-1 day' )->format( 'Y-m-d' );
		$this->assertContains( $hike->name, $titles( array( 'from' => $day, 'to' => $day ) ), 'on its Tokyo date' );
		$this->assertNotContains( $hike->name, $titles( array( 'from' => $eve, 'to' => $eve ) ), 'not on the day before' );
		$this->assertContains( $hike->name, $titles( array( 'from' => $eve, 'to' => $eve, 'timezone' => 'America/New_York' ) ), 'on its New York date' );
	}

	public function test_a_filtered_group_list_is_read_whole_and_filtered_here() {
		$plan    = $this->plan( array( 'group' => 'velo_lyon', 'hide-cancelled' => true, 'limit' => '3' ) );
		$request = $this->only( $plan );
		$this->assertSame( 'GroupEvents', $request['operation'] );
		$this->assertSame( Operations::MAX_LIMIT, $request['variables']['limit'] );
		$this->assertTrue( $plan['whole'] );
		$this->assertSame( 3, $plan['limit'] );

		$all    = Events_Source::events( $this->demo(), Events_Source::query( array( 'group' => 'velo_lyon', 'limit' => '50' ) ) );
		$shown  = Events_Source::events( $this->demo(), Events_Source::query( array( 'group' => 'velo_lyon', 'limit' => '50', 'hide-cancelled' => true ) ) );
		$status = function ( $events ) {
			return array_unique( wp_list_pluck( $events, 'status' ) );
		};
		$this->assertContains( 'CANCELLED', $status( $all ), 'The demo group has cancelled events.' );
		$this->assertNotContains( 'CANCELLED', $status( $shown ) );
		$this->assertGreaterThanOrEqual( count( $all ) - count( array_keys( wp_list_pluck( $all, 'status' ), 'CANCELLED', true ) ), count( $shown ) );
	}

	public function test_every_planned_request_is_one_the_proxy_accepts() {
		$lists = array(
			array(),
			array( 'period' => 'past' ),
			array( 'group' => 'velo_lyon,montreal_makers' ),
			array( 'group' => 'velo_lyon', 'term' => 'vélo', 'from' => '2030-03-01', 'to' => '2030-03-02' ),
			array( 'search' => 'self', 'near' => 'u05kq', 'tags' => 'a,b', 'hide-cancelled' => true, 'to' => '2030-12-31' ),
		);
		foreach ( $lists as $atts ) {
			foreach ( $this->plan( $atts + array( 'limit' => '50' ) )['requests'] as $request ) {
				$checked = Operations::validate( $request['operation'], $request['variables'] );
				$this->assertIsArray( $checked, wp_json_encode( $atts ) . ': ' . ( is_wp_error( $checked ) ? $checked->get_error_message() : '' ) );
			}
		}
	}

	public function test_the_elements_first_request_through_the_proxy_is_a_cache_hit() {
		$group  = 'velo_lyon';
		$minute = Events_Source::now();
		do_shortcode( '[mobilizon_events group="' . $group . '" limit="3"]' );
		if ( Events_Source::now() !== $minute ) {
			$this->markTestSkipped( 'The minute changed during the render.' );
		}
		$this->outbound = array();
		// What <mobilizon-events group="velo_lyon" limit="3"> sends (events.ts groupEvents), written out here.
		$response = $this->proxy(
			array(
				'operationName' => 'GroupEvents',
				'variables'     => array(
					'name'           => $group,
					'afterDatetime'  => $minute,
					'order'          => 'BEGINS_ON',
					'orderDirection' => 'ASC',
					'page'           => 1,
					'limit'          => 3,
				),
			)
		);
		$this->assertSame( 'hit', $response->get_headers()['X-Embeds-For-Mobilizon-Cache'] );
		$this->assertSame( array(), $this->outbound );
	}

	public function test_bad_handles_and_reversed_dates_are_refused_before_any_request() {
		$this->assertSame( 'embeds_for_mobilizon_bad_group', Events_Source::query( array( 'group' => 'not a handle!' ) )->get_error_code() );
		$this->assertSame( 'embeds_for_mobilizon_bad_dates', Events_Source::query( array( 'from' => '2030-03-02', 'to' => '2030-03-01' ) )->get_error_code() );
		$this->assertSame( 'embeds_for_mobilizon_no_event', Source::event( $this->demo(), 'nope' )->get_error_code() );
		$this->assertSame( array(), $this->outbound );
		$this->assertSame( array( 'group' => 'nobody_here' ), Source::group( $this->demo(), 'nobody_here' )->get_error_data() );
	}
}
