<?php
/**
 * Aligned with Event Bridge for ActivityPub: a group the site follows through it is shown from the
 * events it already received (GatherPress or The Events Calendar posts, as Event Bridge 1.x writes
 * them: test/wordpress/event-bridge-fixture.php), with no request to the instance, linking to the
 * events' pages on this site; other groups still come from the instance; other plugins' data is
 * never touched.
 *
 * @package Embeds_For_Mobilizon
 */

namespace Embeds_For_Mobilizon\Tests;

use DateTimeImmutable;
use DateTimeZone;
use Embeds_For_Mobilizon\Event_Bridge;
use Embeds_For_Mobilizon\Settings;
use WP_Query;

/**
 * Federated source.
 */
final class FederatedTest extends TestCase {

	/** @var int[] Received event posts: `lights`, `workshop`, `past`. */
	private $posts = array();

	/** @var array The remote events as received. */
	private $received = array();

	protected function tearDown(): void {
		embeds_for_mobilizon_test_eb_reset();
		parent::tearDown();
	}

	/** Event Bridge with an integration, following velo_lyon (accepted) and berliner_chor (not yet accepted), three events received. */
	private function bridge( $integration ) {
		embeds_for_mobilizon_test_eb_activate( $integration );
		$base   = $this->demo();
		$source = embeds_for_mobilizon_test_eb_follow(
			array(
				'id'                => $base . '/@velo_lyon',
				'type'              => 'Group',
				'preferredUsername' => 'velo_lyon',
				'name'              => 'Vélo Lyon',
				'inbox'             => $base . '/@velo_lyon/inbox',
				'summary'           => 'Balades à vélo',
			)
		);
		embeds_for_mobilizon_test_eb_follow(
			array(
				'id'                => $base . '/@berliner_chor',
				'type'              => 'Group',
				'preferredUsername' => 'berliner_chor',
				'name'              => 'Berliner Chor',
				'inbox'             => $base . '/@berliner_chor/inbox',
			),
			false
		);
		$day            = function ( $days, $time ) {
			return gmdate( 'Y-m-d', time() + $days * DAY_IN_SECONDS ) . 'T' . $time . 'Z';
		};
		$this->received = array(
			// Received first, starts last.
			'workshop' => array(
				'id'        => $base . '/events/11111111-2222-4333-8444-555555555555',
				'type'      => 'Event',
				'name'      => 'Atelier <b>réparation</b> & café',
				'content'   => '<p>Apportez vos vélos.</p><script>alert(1)</script>',
				'startTime' => $day( 10, '17:00:00' ),
				'endTime'   => $day( 10, '19:00:00' ),
				'timezone'  => 'Europe/Paris',
				'published' => $day( -2, '08:00:00' ),
				'location'  => array(
					'type'    => 'Place',
					'name'    => 'Maison du Vélo',
					'address' => array(
						'type'            => 'PostalAddress',
						'streetAddress'   => '10 quai Rambaud',
						'postalCode'      => '69002',
						'addressLocality' => 'Lyon',
						'addressCountry'  => 'France',
					),
				),
				'tag'       => array(
					array(
						'type' => 'Hashtag',
						'name' => '#réparation',
					),
				),
			),
			'lights'   => array(
				'id'        => $base . '/events/22222222-3333-4444-8555-666666666666',
				'type'      => 'Event',
				'name'      => 'Balade des lumières',
				'content'   => '<p>Départ place Bellecour.</p>',
				'startTime' => $day( 3, '23:30:00' ),
				'endTime'   => $day( 4, '01:00:00' ),
				'timezone'  => 'America/Montreal',
				'published' => $day( -1, '08:00:00' ),
			),
			'past'     => array(
				'id'        => $base . '/events/33333333-4444-4555-8666-777777777777',
				'type'      => 'Event',
				'name'      => 'Sortie déjà passée',
				'startTime' => $day( -5, '09:00:00' ),
				'endTime'   => $day( -5, '12:00:00' ),
				'timezone'  => 'Europe/Paris',
			),
		);
		foreach ( $this->received as $key => $event ) {
			$this->posts[ $key ] = embeds_for_mobilizon_test_eb_receive( $source, $event );
		}
		$this->outbound = array();
	}

	/**
	 * Where and in which zone an event starts once stored: GatherPress keeps the event's zone; TEC reads
	 * Event Bridge's UTC clock time in the site's zone; VS Event List keeps the instant, shown in the site's zone.
	 */
	private function start( $integration, $key ) {
		$event = $this->received[ $key ];
		if ( 'gatherpress' === $integration ) {
			return ( new DateTimeImmutable( $event['startTime'] ) )->setTimezone( new DateTimeZone( $event['timezone'] ) );
		}
		if ( 'vs-event-list' === $integration ) {
			return ( new DateTimeImmutable( $event['startTime'] ) )->setTimezone( wp_timezone() );
		}
		return new DateTimeImmutable( gmdate( 'Y-m-d H:i:s', strtotime( $event['startTime'] ) ), wp_timezone() );
	}

	/** The workshop's title as stored: Event Bridge passes it through sanitize_text_field() for GatherPress, as received for TEC. */
	private function title( $integration ) {
		$name = $this->received['workshop']['name'];
		return 'gatherpress' === $integration ? sanitize_text_field( $name ) : $name;
	}

	/** What the other plugins hold: posts and meta of their types, their options, GatherPress's table. */
	private function others() {
		global $wpdb;
		// phpcs:disable WordPress.DB.DirectDatabaseQuery
		$counts = array(
			'posts'    => $wpdb->get_results( "SELECT post_type, post_status, COUNT(*) n FROM {$wpdb->posts} WHERE post_type IN ('ap_event_source','gatherpress_event','gatherpress_venue','tribe_events','tribe_venue','tribe_organizer','event','attachment') GROUP BY post_type, post_status", ARRAY_A ),
			'meta'     => $wpdb->get_var( "SELECT COUNT(*) FROM {$wpdb->postmeta} m JOIN {$wpdb->posts} p ON p.ID = m.post_id WHERE p.post_type IN ('ap_event_source','gatherpress_event','gatherpress_venue','tribe_events','tribe_venue','tribe_organizer','event')" ),
			'modified' => $wpdb->get_var( "SELECT MAX(post_modified_gmt) FROM {$wpdb->posts} WHERE post_type IN ('ap_event_source','gatherpress_event','tribe_events','event')" ),
			'options'  => $wpdb->get_results( "SELECT option_name, option_value FROM {$wpdb->options} WHERE option_name LIKE 'event\\_bridge%' OR option_name LIKE 'activitypub%' OR option_name LIKE '\\_transient%event\\_bridge%' OR option_name LIKE 'gatherpress%' OR option_name LIKE 'tribe%' ORDER BY option_name", ARRAY_A ),
			'cron'     => wp_json_encode( _get_cron_array() ),
		);
		if ( $wpdb->get_var( $wpdb->prepare( 'SHOW TABLES LIKE %s', $wpdb->prefix . 'gatherpress_events' ) ) ) {
			$counts['gatherpress_events'] = $wpdb->get_results( "SELECT * FROM {$wpdb->prefix}gatherpress_events ORDER BY post_id", ARRAY_A );
		}
		// phpcs:enable
		return $counts;
	}

	/** The part of some HTML inside the first <mobilizon-events> element. */
	private function inside( $html ) {
		$start = strpos( $html, '<mobilizon-events' );
		return substr( $html, $start, strpos( $html, '</mobilizon-events>' ) - $start );
	}

	/** The JSON-LD Event objects of some HTML. */
	private function json_ld( $html ) {
		preg_match_all( '#<script type="application/ld\+json">(.*?)</script>#s', $html, $m );
		$out = array();
		foreach ( $m[1] as $json ) {
			$data = json_decode( $json, true );
			foreach ( isset( $data['@type'] ) ? array( $data ) : (array) $data as $item ) {
				$out[] = $item;
			}
		}
		return $out;
	}

	public function integrations() {
		return array(
			'GatherPress'         => array( 'gatherpress' ),
			'The Events Calendar' => array( 'the-events-calendar' ),
			'VS Event List'       => array( 'vs-event-list' ),
		);
	}

	/**
	 * @dataProvider integrations
	 */
	public function test_a_followed_group_is_rendered_from_the_received_events_without_asking_the_instance( $integration ) {
		$this->bridge( $integration );
		$this->assertTrue( Event_Bridge::active() );
		$before = $this->others();
		$html   = $this->assertNoPhpNotice(
			function () {
				return do_shortcode( '[mobilizon_events group="velo_lyon"]' );
			}
		);
		$this->assertSame( array(), $this->outbound, 'A followed group must not cost a request to the instance.' );
		$inside = $this->inside( $html );
		// Upcoming only, in start order (received in the other order), each linking to its page here.
		$this->assertSame( 2, substr_count( $inside, '<li class="embeds-for-mobilizon-item">' ) );
		$lights   = strpos( $inside, 'Balade des lumières' );
		$workshop = strpos( $inside, esc_html( $this->title( $integration ) ) );
		$this->assertNotFalse( $lights );
		$this->assertNotFalse( $workshop, 'The remote title is shown as text, never as markup.' );
		$this->assertLessThan( $workshop, $lights );
		$this->assertStringNotContainsString( 'Sortie déjà passée', $inside );
		$this->assertStringContainsString( '<a href="' . esc_url( get_permalink( $this->posts['lights'] ) ) . '">Balade des lumières</a>', $inside );
		$this->assertStringContainsString( 'href="' . esc_url( get_permalink( $this->posts['workshop'] ) ) . '"', $inside );
		$this->assertStringNotContainsString( $this->received['workshop']['id'], $inside, 'A received event links to its page on this site.' );
		// Dates in the event's zone (as the event plugin stored it).
		$this->assertStringContainsString( '<time datetime="' . $this->start( $integration, 'lights' )->format( 'c' ) . '">', $inside );
		$this->assertStringContainsString( '<time datetime="' . $this->start( $integration, 'workshop' )->format( 'c' ) . '">', $inside );
		$this->assertStringContainsString( 'Maison du Vélo', $inside );
		// JSON-LD from the same events, pointing here.
		$items = $this->json_ld( $html );
		$this->assertCount( 2, $items );
		$this->assertSame( 'Balade des lumières', $items[0]['name'] );
		$this->assertSame( get_permalink( $this->posts['lights'] ), $items[0]['url'] );
		$this->assertSame( $this->start( $integration, 'lights' )->format( 'c' ), $items[0]['startDate'] );
		// The element asks this site (the proxy) for them.
		$this->assertMatchesRegularExpression( '#endpoint="[^"]*embeds-for-mobilizon/v1/graphql#', $html );
		$this->assertEquals( $before, $this->others(), 'Rendering changes nothing of Event Bridge\'s or the event plugin\'s.' );
	}

	/**
	 * @dataProvider integrations
	 */
	public function test_the_element_gets_the_same_events_through_the_proxy_without_asking_the_instance( $integration ) {
		$this->bridge( $integration );
		$before   = $this->others();
		$response = $this->proxy(
			array(
				'operationName' => 'GroupEvents',
				'variables'     => array(
					'name'           => 'velo_lyon',
					'afterDatetime'  => gmdate( 'Y-m-d\TH:i:00\Z' ),
					'order'          => 'BEGINS_ON',
					'orderDirection' => 'ASC',
					'page'           => 1,
					'limit'          => 10,
				),
			)
		);
		$this->assertSame( array(), $this->outbound );
		$this->assertSame( 200, $response->get_status() );
		$this->assertSame( 'federated', $response->get_headers()['X-Embeds-For-Mobilizon-Cache'] );
		$page = $response->get_data()['data']['group']['organizedEvents'];
		$this->assertSame( 2, $page['total'] );
		$this->assertSame( array( 'Balade des lumières', $this->title( $integration ) ), wp_list_pluck( $page['elements'], 'title' ) );
		$this->assertSame( get_permalink( $this->posts['lights'] ), $page['elements'][0]['url'] );
		$this->assertSame( '22222222-3333-4444-8555-666666666666', $page['elements'][0]['uuid'] );
		$this->assertSame( gmdate( 'Y-m-d\TH:i:s\Z', $this->start( $integration, 'lights' )->getTimestamp() ), $page['elements'][0]['beginsOn'] );
		$this->assertSame( $this->start( $integration, 'lights' )->getTimezone()->getName(), $page['elements'][0]['options']['timezone'] );
		$this->assertSame( 'velo_lyon', $page['elements'][0]['attributedTo']['preferredUsername'] );
		$this->assertSame( 'Vélo Lyon', $page['elements'][0]['attributedTo']['name'] );
		// The past page, newest first.
		$past = $this->proxy(
			array(
				'operationName' => 'GroupEvents',
				'variables'     => array(
					'name'           => 'velo_lyon',
					'beforeDatetime' => gmdate( 'Y-m-d\TH:i:00\Z' ),
					'orderDirection' => 'DESC',
				),
			)
		)->get_data()['data']['group']['organizedEvents'];
		$this->assertSame( array( 'Sortie déjà passée' ), wp_list_pluck( $past['elements'], 'title' ) );
		$this->assertSame( array(), $this->outbound );
		$this->assertEquals( $before, $this->others() );
	}

	public function test_a_followed_group_s_page_lists_the_received_events_as_its_element_will() {
		$this->bridge( 'gatherpress' );
		$html = do_shortcode( '[mobilizon_group group="velo_lyon" limit="5"]' );
		// The group's page itself still comes from the instance; its upcoming events from this site.
		$this->assertStringContainsString( 'href="' . esc_url( get_permalink( $this->posts['lights'] ) ) . '"', $html );
		$this->assertStringNotContainsString( 'Sortie déjà passée', $html );
		$this->assertLessThan( strpos( $html, 'Atelier' ), strpos( $html, 'Balade des lumières' ) );
	}

	public function test_an_unfollowed_group_and_source_instance_still_ask_the_instance() {
		$this->bridge( 'gatherpress' );
		// The plugin's own cache emptied, so an answer can only come from the instance.
		global $wpdb;
		$wpdb->query( "DELETE FROM {$wpdb->options} WHERE option_name LIKE '\\_transient%embeds\\_for\\_mobilizon%'" ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery
		wp_cache_flush();

		$html = do_shortcode( '[mobilizon_events group="montreal_makers" limit="3"]' );
		$this->assertNotEmpty( $this->outbound, 'A group Event Bridge does not follow comes from the instance.' );
		$this->assertSame( 3, substr_count( $this->inside( $html ), '<li class="embeds-for-mobilizon-item">' ) );

		// A Follow not accepted yet brings no events: the instance answers.
		$this->outbound = array();
		do_shortcode( '[mobilizon_events group="berliner_chor" limit="2"]' );
		$this->assertNotEmpty( $this->outbound );

		// The site owner asks for the instance even for a followed group.
		$this->outbound = array();
		$html           = do_shortcode( '[mobilizon_events group="velo_lyon" source="instance" limit="3"]' );
		$this->assertNotEmpty( $this->outbound );
		$this->assertStringNotContainsString( 'Balade des lumières', $html );
		$this->assertMatchesRegularExpression( '#endpoint="[^"]*source=instance#', $html, 'The element asks the proxy for the instance\'s events too.' );
		$this->outbound = array();
		$proxied        = $this->proxy(
			array(
				'operationName' => 'GroupEvents',
				'variables'     => array(
					'name'  => 'velo_lyon',
					'limit' => 3,
				),
			),
			array( 'source' => 'instance' )
		);
		$this->assertNotSame( 'federated', $proxied->get_headers()['X-Embeds-For-Mobilizon-Cache'] );

		// `federated` never asks the instance: a group not followed is empty.
		$this->outbound = array();
		$html           = do_shortcode( '[mobilizon_events group="montreal_makers" source="federated"]' );
		$this->assertSame( array(), $this->outbound );
		$this->assertStringContainsString( 'No upcoming events.', $html );
	}

	public function test_the_events_plugin_json_ld_is_not_repeated_on_the_event_s_own_page() {
		$this->bridge( 'the-events-calendar' );
		global $wp_query, $wp_the_query;
		$saved = array( $wp_query, $wp_the_query );
		try {
			// The received post's own page, where its event plugin prints its JSON-LD.
			$wp_query     = new WP_Query( // phpcs:ignore WordPress.WP.GlobalVariablesOverride.Prohibited
				array(
					'p'         => $this->posts['lights'],
					'post_type' => 'tribe_events',
				)
			);
			$wp_the_query = $wp_query; // phpcs:ignore WordPress.WP.GlobalVariablesOverride.Prohibited
			$this->assertTrue( is_singular() );
			$items = $this->json_ld( do_shortcode( '[mobilizon_events group="velo_lyon"]' ) );
		} finally {
			list( $wp_query, $wp_the_query ) = $saved; // phpcs:ignore WordPress.WP.GlobalVariablesOverride.Prohibited
		}
		$this->assertSame( array( 'Atelier <b>réparation</b> & café' ), wp_list_pluck( $items, 'name' ) );
	}

	public function test_the_settings_page_shows_followed_groups_and_where_to_follow_the_others() {
		$this->bridge( 'gatherpress' );
		update_option( Settings::OPTION, array( 'group' => 'velo_lyon,montreal_makers' ) + get_option( Settings::OPTION ) );
		wp_set_current_user( 1 );
		$before = $this->others();
		ob_start();
		Settings::render_page();
		$html = ob_get_clean();
		$this->assertMatchesRegularExpression( '#<tr data-group="velo_lyon">.*Followed: 3 events received.*?</tr>#s', $html );
		$this->assertMatchesRegularExpression(
			'#<tr data-group="montreal_makers">.*Not followed.*href="[^"]*options-general\.php\?page=activitypub&(amp;|\#038;)tab=event-bridge-for-activitypub&(amp;|\#038;)subpage=event-sources"#s',
			$html
		);
		$this->assertEquals( $before, $this->others() );
		$this->assertSame( array(), $this->outbound );
	}

	public function test_without_event_bridge_nothing_changes() {
		$this->bridge( 'gatherpress' );
		embeds_for_mobilizon_test_eb_reset();
		$this->assertFalse( Event_Bridge::active() );
		$this->assertNull( Event_Bridge::integration() );
		$html = do_shortcode( '[mobilizon_events group="velo_lyon" source="federated" limit="2"]' );
		$this->assertStringNotContainsString( 'source=', $html );
		$this->assertStringNotContainsString( 'Balade des lumières', $html );
		$this->assertSame( 2, substr_count( $this->inside( $html ), '<li class="embeds-for-mobilizon-item">' ) );
		ob_start();
		wp_set_current_user( 1 );
		Settings::render_page();
		$this->assertStringNotContainsString( 'Event Bridge', ob_get_clean() );
	}
}
