<?php
/**
 * A slow or failing instance never slows the site: failures remembered briefly, a per-instance
 * circuit breaker with one background retry, last good data served, bounded cache and reads.
 *
 * @package Embeds_For_Mobilizon
 */

namespace Embeds_For_Mobilizon\Tests;

use Embeds_For_Mobilizon\Breaker;
use Embeds_For_Mobilizon\Cache_Index;
use Embeds_For_Mobilizon\Client;
use Embeds_For_Mobilizon\Embed;
use Embeds_For_Mobilizon\Limits;

/**
 * Resilience.
 */
final class ResilienceTest extends TestCase {

	private function events( $limit = 3 ) {
		return array(
			'page'  => 1,
			'limit' => $limit,
		);
	}

	public function test_after_a_failure_the_instance_is_left_alone_and_one_background_retry_brings_it_back() {
		// The scope's first two requests answer HTTP 500, the next ones are fine.
		$instance = $this->demo( $this->scope( 'fault=http500,faults=2' ) );
		$this->allow( $instance );

		$first = Client::query( $instance, 'FetchEvents', $this->events() );
		$this->assertWPError( $first );
		$this->assertCount( 1, $this->outbound );
		$this->assertTrue( Breaker::is_open( $instance ) );

		// Other reads of that instance, for a minute: an error at once, no request.
		$other = Client::query( $instance, 'FetchEvents', $this->events( 4 ) );
		$this->assertWPError( $other );
		$this->assertCount( 1, $this->outbound, 'An open breaker sends nothing.' );
		$html = Embed::render( 'events', array( 'instance' => $instance, 'limit' => '5' ) );
		$this->assertStringContainsString( 'could not be loaded from', $html );
		$this->assertCount( 1, $this->outbound );

		// After the response: one retry for the instance (it fails), not one per waiting entry.
		Client::revalidate_pending();
		$this->assertCount( 2, $this->outbound, 'One retry, not one per waiting entry.' );
		$this->assertTrue( Breaker::is_open( $instance ) );
		// Within the minute, no second retry.
		Client::query( $instance, 'FetchEvents', $this->events() );
		Client::revalidate_pending();
		$this->assertCount( 2, $this->outbound );

		// A minute later the retry succeeds: the breaker closes and the waiting entries are filled.
		update_option( 'embeds_for_mobilizon_retry_' . md5( $instance ), time() - Breaker::OPEN_FOR - 1, false );
		Client::query( $instance, 'FetchEvents', $this->events() );
		Client::query( $instance, 'FetchEvents', $this->events( 4 ) );
		Client::revalidate_pending();
		$this->assertFalse( Breaker::is_open( $instance ) );
		$this->assertCount( 4, $this->outbound );
		$again = Client::query( $instance, 'FetchEvents', $this->events( 4 ) );
		$this->assertSame( 'hit', $again['cache'] );
		$this->assertCount( 4, $again['body']['data']['events']['elements'] );
	}

	public function test_last_good_data_is_served_while_the_instance_is_down() {
		$instance = $this->demo( $this->scope( 'fault=http500,faults=9' ) );
		$this->allow( $instance );
		$key = Client::cache_key( $instance, 'FetchEvents', $this->events() );
		set_transient(
			$key,
			array(
				'time' => time() - 2 * DAY_IN_SECONDS,
				'body' => array( 'data' => array( 'events' => array( 'total' => 1, 'elements' => array() ) ) ),
			),
			WEEK_IN_SECONDS
		);
		$stale = Client::query( $instance, 'FetchEvents', $this->events() );
		$this->assertSame( 'stale', $stale['cache'] );
		$this->assertSame( array(), $this->outbound, 'Once something is cached, the visitor never waits for the instance.' );

		Client::revalidate_pending();
		$this->assertCount( 1, $this->outbound );
		$this->assertTrue( Breaker::is_open( $instance ) );
		$kept = get_transient( $key );
		$this->assertSame( 1, $kept['body']['data']['events']['total'], 'A failed refresh keeps the last good answer.' );
	}

	public function test_an_answer_with_errors_is_remembered_for_a_minute() {
		$instance = $this->demo( $this->scope() );
		$this->allow( $instance );
		$missing  = array( 'uuid' => '00000000-0000-4000-8000-000000000000' );
		$first    = Client::query( $instance, 'FetchEvent', $missing );
		$this->assertNotEmpty( $first['body']['errors'] );
		$second = Client::query( $instance, 'FetchEvent', $missing );
		$this->assertSame( 'hit', $second['cache'] );
		$this->assertCount( 1, $this->outbound );
		$this->assertFalse( Breaker::is_open( $instance ), 'A refusal of one request is not an outage.' );
	}

	public function test_one_request_waits_for_instances_at_most_the_budget_in_all() {
		$slow = array( $this->demo( $this->scope( 'latency=5000' ) ), $this->demo( $this->scope( 'latency=5000' ) ) );
		$fast = $this->demo( $this->scope() );
		$this->allow( $slow[0], $slow[1], $fast );
		$t0 = microtime( true );
		foreach ( $slow as $instance ) {
			$this->assertSame( 'embeds_for_mobilizon_timeout', Client::query( $instance, 'FetchEvents', $this->events() )->get_error_code() );
		}
		// The budget is spent: nothing more is sent now (a refresh after the response fills the cache).
		$this->assertSame( 'embeds_for_mobilizon_busy', Client::query( $fast, 'FetchEvents', $this->events() )->get_error_code() );
		$spent = microtime( true ) - $t0;
		fwrite( STDERR, sprintf( "\n[budget] two 5 s instances and a third: %.2f s in all\n", $spent ) ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_operations_fwrite
		$this->assertLessThan( Breaker::BUDGET + 1, $spent );
		$this->assertCount( 2, $this->outbound );
	}

	public function test_the_cache_keeps_a_bounded_number_of_answers() {
		$instance = $this->demo( $this->scope() );
		$this->allow( $instance );
		$this->filter(
			'embeds_for_mobilizon_max_cache_entries',
			function () {
				return 3;
			}
		);
		$keys = array();
		for ( $limit = 1; $limit <= 5; $limit++ ) {
			Client::query( $instance, 'FetchEvents', $this->events( $limit ) );
			$keys[] = Client::cache_key( $instance, 'FetchEvents', $this->events( $limit ) );
		}
		$this->assertSame( 3, Cache_Index::count() );
		$this->assertFalse( get_transient( $keys[0] ), 'The oldest answers were evicted.' );
		$this->assertFalse( get_transient( $keys[1] ) );
		$this->assertIsArray( get_transient( $keys[4] ) );
	}

	public function test_proxy_reads_are_rate_limited_per_address() {
		$_SERVER['REMOTE_ADDR'] = '192.0.2.' . wp_rand( 1, 250 );
		$this->filter(
			'embeds_for_mobilizon_read_limit',
			function () {
				return 3;
			}
		);
		$payload = array(
			'operationName' => 'FetchEvents',
			'variables'     => $this->events( 2 ),
		);
		for ( $i = 0; $i < 3; $i++ ) {
			$this->assertSame( 200, $this->proxy( $payload )->get_status() );
		}
		$limited = $this->proxy( $payload );
		$this->assertSame( 429, $limited->get_status() );
		$this->assertGreaterThan( 0, (int) $limited->get_headers()['Retry-After'] );
		$_SERVER['REMOTE_ADDR'] = '127.0.0.1';
	}

	public function test_ipv6_visitors_are_counted_per_64() {
		$this->assertSame( Limits::visitor( '2001:db8:1:2::1' ), Limits::visitor( '2001:db8:1:2:ffff::9' ) );
		$this->assertNotSame( Limits::visitor( '2001:db8:1:2::1' ), Limits::visitor( '2001:db8:1:3::1' ) );
		$this->assertSame( '192.0.2.1', Limits::visitor( '::ffff:192.0.2.1' ) );
	}

	private function assertWPError( $value ) {
		$this->assertInstanceOf( \WP_Error::class, $value );
	}
}
