<?php
/**
 * The REST route the elements use in proxy mode: only the plugin's named operations, only the
 * configured instance, bounded variables, a cache that spares the instance, guarded registrations.
 *
 * @package Embeds_For_Mobilizon
 */

namespace Embeds_For_Mobilizon\Tests;

use Embeds_For_Mobilizon\Client;
use Embeds_For_Mobilizon\Guard;
use Embeds_For_Mobilizon\Proxy;

/**
 * Proxy.
 */
final class ProxyTest extends TestCase {

	const OPEN_EVENT = 'a98a6ddf-7bc7-4da4-ac76-5b16bf5f99d9';

	private function events( $limit = 3, $page = 1 ) {
		return array(
			'operationName' => 'FetchEvents',
			'variables'     => array(
				'page'  => $page,
				'limit' => $limit,
			),
		);
	}

	public function test_runs_a_named_operation_against_the_configured_instance() {
		$response = $this->proxy( $this->events( 3 ) );
		$this->assertSame( 200, $response->get_status() );
		$data = $response->get_data();
		$this->assertCount( 3, $data['data']['events']['elements'] );
		$this->assertArrayNotHasKey( 'errors', $data );
	}

	public function test_a_cache_hit_makes_no_outbound_request() {
		// A variable no other test uses, so the first call is a miss.
		$payload = $this->events( 7, 2 );
		delete_transient( Client::cache_key( $this->demo(), 'FetchEvents', array( 'limit' => 7, 'page' => 2 ) ) );
		$first = $this->proxy( $payload );
		$this->assertSame( 200, $first->get_status() );
		$this->assertSame( 'miss', $first->get_headers()['X-Embeds-For-Mobilizon-Cache'] );
		$this->assertCount( 1, $this->outbound );

		$this->outbound = array();
		// Same variables in another order: the same cache entry.
		$second = $this->proxy( array( 'variables' => array( 'page' => 2, 'limit' => 7 ), 'operationName' => 'FetchEvents' ) );
		$this->assertSame( 'hit', $second->get_headers()['X-Embeds-For-Mobilizon-Cache'] );
		$this->assertSame( array(), $this->outbound, 'A cache hit must not contact the instance.' );
		$this->assertSame( $first->get_data(), $second->get_data() );
	}

	public function test_serves_a_stale_answer_at_once_and_refreshes_it_after_the_response() {
		$variables = array( 'limit' => 2, 'page' => 3 );
		$key       = Client::cache_key( $this->demo(), 'FetchEvents', $variables );
		set_transient(
			$key,
			array(
				'time' => time() - 3 * HOUR_IN_SECONDS,
				'body' => array( 'data' => array( 'events' => array( 'total' => 0, 'elements' => array() ) ) ),
			),
			DAY_IN_SECONDS
		);
		$stale = $this->proxy( $this->events( 2, 3 ) );
		$this->assertSame( 'stale', $stale->get_headers()['X-Embeds-For-Mobilizon-Cache'] );
		$this->assertSame( array(), $stale->get_data()['data']['events']['elements'] );
		$this->assertSame( array(), $this->outbound );

		Client::revalidate_pending(); // What `shutdown` runs once the visitor has the answer.
		$this->assertCount( 1, $this->outbound );
		$fresh = get_transient( $key );
		$this->assertGreaterThan( time() - 60, $fresh['time'] );
		$this->assertNotEmpty( $fresh['body']['data']['events']['elements'] );
	}

	public function test_refuses_query_text() {
		$with_query = $this->proxy( array( 'query' => '{ config { name } }' ) );
		$this->assertSame( 400, $with_query->get_status() );
		$both = $this->proxy( $this->events() + array( 'query' => 'query FetchEvents { events { total } }' ) );
		$this->assertSame( 400, $both->get_status() );
		$in_url = $this->proxy( $this->events(), array( 'query' => '{ config { name } }' ) );
		$this->assertSame( 400, $in_url->get_status() );
		$this->assertSame( array(), $this->outbound );
	}

	/**
	 * @dataProvider bad_requests
	 */
	public function test_refuses_what_is_not_one_of_its_operations_within_bounds( $payload ) {
		$response = $this->proxy( $payload );
		$this->assertSame( 400, $response->get_status() );
		$this->assertSame( 'embeds_for_mobilizon_bad_request', $response->get_data()['code'] );
		$this->assertSame( array(), $this->outbound );
	}

	public function bad_requests() {
		$group = function ( $variables ) {
			return array(
				'operationName' => 'GroupEvents',
				'variables'     => $variables,
			);
		};
		return array(
			'unknown operation'     => array( array( 'operationName' => 'IntrospectionQuery' ) ),
			'no operation'          => array( array( 'variables' => array() ) ),
			'path in the name'      => array( array( 'operationName' => '../../wp-config' ) ),
			'limit over the bound'  => array( $this->events( 51 ) ),
			'limit far over'        => array( $this->events( 5000 ) ),
			'limit zero'            => array( $this->events( 0 ) ),
			'limit as text'         => array( $this->events( '10' ) ),
			'page over the bound'   => array( $this->events( 10, 101 ) ),
			'unexpected variable'   => array( array( 'operationName' => 'FetchEvents', 'variables' => array( 'orderBy' => 'X' ) ) ),
			'variables not a map'   => array( array( 'operationName' => 'FetchEvents', 'variables' => array( 1, 2 ) ) ),
			'bad group handle'      => array( $group( array( 'name' => 'velo lyon"}' ) ) ),
			'handle with a path'    => array( $group( array( 'name' => '../admin' ) ) ),
			'bad order'             => array( $group( array( 'name' => 'velo_lyon', 'order' => 'RANDOM' ) ) ),
			'bad date'              => array( $group( array( 'name' => 'velo_lyon', 'afterDatetime' => 'yesterday' ) ) ),
			'bad uuid'              => array( array( 'operationName' => 'FetchEvent', 'variables' => array( 'uuid' => 'not-a-uuid' ) ) ),
			'bad search target'     => array( array( 'operationName' => 'SearchEvents', 'variables' => array( 'searchTarget' => 'EVERYWHERE' ) ) ),
			'long search term'      => array( array( 'operationName' => 'SearchEvents', 'variables' => array( 'term' => str_repeat( 'a', 201 ) ) ) ),
		);
	}

	public function test_refuses_another_instance() {
		$response = $this->proxy( $this->events(), array( 'instance' => 'https://mobilizon.example' ) );
		$this->assertSame( 403, $response->get_status() );
		$this->assertSame( 'embeds_for_mobilizon_instance_refused', $response->get_data()['code'] );
		$this->assertSame( array(), $this->outbound );
	}

	/**
	 * @dataProvider private_addresses
	 */
	public function test_refuses_a_private_or_reserved_address_even_when_allowed( $address ) {
		$this->allow( $address );
		$response = $this->proxy( $this->events(), array( 'instance' => $address ) );
		$this->assertSame( 403, $response->get_status() );
		$this->assertSame( array(), $this->outbound );
	}

	public function private_addresses() {
		return array(
			'private network'  => array( 'http://192.168.1.20' ),
			'10/8'             => array( 'http://10.0.0.1' ),
			'cloud metadata'   => array( 'http://169.254.169.254' ),
			'loopback, closed' => array( 'http://127.0.0.1:9' ),
		);
	}

	public function test_an_allowed_instance_can_be_named() {
		$scoped = $this->demo( $this->scope() );
		$this->allow( $scoped );
		$response = $this->proxy( $this->events( 1 ), array( 'instance' => $scoped ) );
		$this->assertSame( 200, $response->get_status() );
		$this->assertStringStartsWith( $scoped . '/api', $this->outbound[0] );
	}

	public function test_an_instance_failure_is_a_502_with_json() {
		foreach ( array( 'fault=http500', 'fault=refused', 'fault=malformed' ) as $fault ) {
			$failing = $this->demo( $this->scope( $fault ) );
			$this->allow( $failing );
			$response = $this->proxy( $this->events(), array( 'instance' => $failing ) );
			$this->assertSame( 502, $response->get_status(), $fault );
			$this->assertMatchesRegularExpression( '/^embeds_for_mobilizon_(upstream|unreachable)$/', $response->get_data()['code'], $fault );
		}
	}

	public function test_passes_mobilizon_errors_through() {
		$response = $this->proxy(
			array(
				'operationName' => 'FetchEvent',
				'variables'     => array( 'uuid' => '00000000-0000-4000-8000-000000000000' ),
			)
		);
		$this->assertSame( 200, $response->get_status() );
		$this->assertSame( 'event_not_found', $response->get_data()['errors'][0]['code'] );
	}

	public function test_adapts_documents_to_an_older_mobilizon() {
		$old = $this->demo( $this->scope( 'version=4.0.2' ) );
		$this->allow( $old );
		$response = $this->proxy( $this->events( 2 ), array( 'instance' => $old ) );
		$this->assertSame( 200, $response->get_status() );
		$this->assertCount( 2, $response->get_data()['data']['events']['elements'] );
	}

	private function join_payload( $email ) {
		$event = $this->proxy( array( 'operationName' => 'FetchEvent', 'variables' => array( 'uuid' => self::OPEN_EVENT ) ) )->get_data();
		$conf  = $this->proxy( array( 'operationName' => 'Config' ) )->get_data();
		return array(
			'operationName' => 'JoinEvent',
			'variables'     => array(
				'eventId'  => $event['data']['event']['id'],
				'actorId'  => $conf['data']['config']['anonymous']['actorId'],
				'email'    => $email,
				'locale'   => 'fr',
				'timezone' => 'Europe/Paris',
			),
		);
	}

	public function test_a_registration_needs_the_nonce_the_page_carries() {
		$_SERVER['REMOTE_ADDR'] = '198.51.100.' . wp_rand( 1, 250 );
		$payload                = $this->join_payload( 'phpunit-' . wp_generate_password( 8, false ) . '@example.org' );
		$this->outbound         = array();

		$this->assertSame( 403, $this->proxy( $payload )->get_status() );
		$this->assertSame( 403, $this->proxy( $payload, array( Guard::PARAM => 'abc123' ) )->get_status() );
		$this->assertSame( array(), $this->outbound );

		// The endpoint the plugin prints carries a nonce; it works for a logged-in author's page too.
		wp_set_current_user( 1 );
		parse_str( (string) wp_parse_url( Proxy::url( $this->demo() ), PHP_URL_QUERY ), $query );
		wp_set_current_user( 0 );
		$ok = $this->proxy( $payload, $query );
		$this->assertSame( 200, $ok->get_status() );
		$this->assertSame( 'NOT_CONFIRMED', $ok->get_data()['data']['joinEvent']['role'] );
		$this->assertCount( 1, $this->outbound );

		// Mutations are never cached.
		$again = $this->proxy( $payload, $query );
		$this->assertSame( 'You are already a participant of this event', $again->get_data()['errors'][0]['message'] );
		$this->assertCount( 2, $this->outbound );
		$_SERVER['REMOTE_ADDR'] = '127.0.0.1';
	}

	public function test_registrations_are_rate_limited_per_address() {
		$_SERVER['REMOTE_ADDR'] = '203.0.113.' . wp_rand( 1, 250 );
		$query                  = array( Guard::PARAM => Guard::nonce() );
		$payload                = array(
			'operationName' => 'JoinEvent',
			'variables'     => array(
				'eventId' => '999999',
				'actorId' => '1',
				'email'   => 'someone@example.org',
			),
		);
		for ( $i = 0; $i < Guard::LIMIT; $i++ ) {
			$this->assertSame( 200, $this->proxy( $payload, $query )->get_status() );
		}
		$this->outbound = array();
		$limited        = $this->proxy( $payload, $query );
		$this->assertSame( 429, $limited->get_status() );
		$this->assertGreaterThan( 0, (int) $limited->get_headers()['Retry-After'] );
		$this->assertSame( array(), $this->outbound );

		// Another visitor is not affected.
		$_SERVER['REMOTE_ADDR'] = '203.0.113.251';
		$this->assertSame( 200, $this->proxy( $payload, $query )->get_status() );
		$_SERVER['REMOTE_ADDR'] = '127.0.0.1';
	}

	public function test_without_a_configured_instance_it_says_so() {
		update_option( 'embeds_for_mobilizon_settings', array( 'instance' => '' ) );
		$response = $this->proxy( $this->events() );
		$this->assertSame( 503, $response->get_status() );
	}
}
