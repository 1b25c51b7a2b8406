<?php
/**
 * Pictures through this site in proxy mode.
 *
 * @package Embeds_For_Mobilizon
 */

namespace Embeds_For_Mobilizon\Tests;

use Embeds_For_Mobilizon\Media;
use Embeds_For_Mobilizon\Media_Store;
use WP_REST_Request;

/**
 * Media.
 */
final class MediaTest extends TestCase {

	private function media( array $query ) {
		$request = new WP_REST_Request( 'GET', '/embeds-for-mobilizon/v1/media' );
		$request->set_query_params( $query );
		return rest_do_request( $request );
	}

	public function test_the_proxy_points_pictures_at_this_site() {
		$data = $this->proxy(
			array(
				'operationName' => 'FetchEvent',
				'variables'     => array( 'uuid' => ProxyTest::OPEN_EVENT ),
			)
		)->get_data()['data']['event'];
		$this->assertStringStartsWith( rest_url( 'embeds-for-mobilizon/v1/media' ), $data['picture']['url'] );
		$this->assertStringNotContainsString( 'src="' . $this->demo(), $data['description'] );
		$this->assertStringNotContainsString( $this->demo() . '/media', wp_json_encode( $data ) );
	}

	public function test_serves_a_signed_picture_of_the_instance_and_nothing_else() {
		$data  = $this->proxy(
			array(
				'operationName' => 'FetchEvent',
				'variables'     => array( 'uuid' => ProxyTest::OPEN_EVENT ),
			)
		)->get_data()['data']['event'];
		parse_str( (string) wp_parse_url( $data['picture']['url'], PHP_URL_QUERY ), $query );
		$ok = $this->media( $query );
		$this->assertSame( 200, $ok->get_status() );
		$this->assertSame( 'image/png', $ok->get_data()['type'] );
		$this->assertStringStartsWith( "\x89PNG", $ok->get_data()['bytes'] );

		$forged = $this->media( array( 'u' => $this->demo() . '/api', 's' => $query['s'] ) );
		$this->assertSame( 404, $forged->get_status() );
		$this->outbound = array();
		parse_str( (string) wp_parse_url( Media::url( 'http://10.0.0.1/secret.png' ), PHP_URL_QUERY ), $elsewhere );
		$this->assertSame( 403, $this->media( $elsewhere )->get_status() );
		$this->assertSame( array(), $this->outbound );
	}

	/** @var resource|null The picture server's process. */
	private static $server;

	/** @var string Its base URL. */
	private static $base;

	public static function setUpBeforeClass(): void {
		$socket = stream_socket_server( 'tcp://127.0.0.1:0' );
		$port   = (int) substr( strrchr( stream_socket_get_name( $socket, false ), ':' ), 1 );
		fclose( $socket );
		self::$base   = 'http://127.0.0.1:' . $port;
		self::$server = proc_open( array( PHP_BINARY, '-S', '127.0.0.1:' . $port, __DIR__ . '/fixtures/picture-server.php' ), array( array( 'file', '/dev/null', 'r' ), array( 'file', '/dev/null', 'w' ), array( 'file', '/dev/null', 'w' ) ), $pipes );
		for ( $i = 0; $i < 100 && ! @fsockopen( '127.0.0.1', $port ); $i++ ) {
			usleep( 50000 );
		}
	}

	public static function tearDownAfterClass(): void {
		if ( self::$server ) {
			proc_terminate( self::$server );
			proc_close( self::$server );
		}
	}

	protected function setUp(): void {
		parent::setUp();
		$port = (int) wp_parse_url( self::$base, PHP_URL_PORT );
		$this->filter(
			'http_allowed_safe_ports',
			function ( $ports ) use ( $port ) {
				return array_merge( $ports, array( $port ) );
			}
		);
	}

	/** The picture server's count of requests it received. */
	private function served() {
		return (int) wp_remote_retrieve_body( wp_remote_get( self::$base . '/count' ) );
	}

	/** The media route's answer for a picture address (signed as the proxy signs it). */
	private function picture( $url, array $headers = array() ) {
		parse_str( (string) wp_parse_url( Media::url( $url ), PHP_URL_QUERY ), $query );
		$request = new WP_REST_Request( 'GET', '/embeds-for-mobilizon/v1/media' );
		$request->set_query_params( $query );
		foreach ( $headers as $name => $value ) {
			$request->set_header( $name, $value );
		}
		return rest_do_request( $request );
	}

	public function test_ten_requests_for_one_picture_make_one_fetch_and_can_be_revalidated() {
		$url    = self::$base . '/picture.png?' . wp_generate_password( 6, false );
		$before = $this->served();
		$first  = $this->picture( $url );
		$this->assertSame( 200, $first->get_status() );
		$this->assertStringStartsWith( "\x89PNG", $first->get_data()['bytes'] );
		for ( $i = 1; $i < 10; $i++ ) {
			$this->assertSame( $first->get_data()['bytes'], $this->picture( $url )->get_data()['bytes'] );
		}
		$this->assertSame( 1, $this->served() - $before, '10 requests for one picture: 1 fetch' );
		$this->assertGreaterThanOrEqual( DAY_IN_SECONDS, $first->get_data()['max_age'] );
		$etag = $first->get_data()['etag'];
		$this->assertMatchesRegularExpression( '/^"[0-9a-f]{32}"$/', $etag );
		$this->assertSame( 304, $this->picture( $url, array( 'If-None-Match' => $etag ) )->get_status() );
	}

	public function test_a_redirect_to_a_private_address_is_refused() {
		foreach ( array( '/to-metadata.png', '/to-private.png' ) as $path ) {
			$this->outbound = array();
			$answer         = $this->picture( self::$base . $path . '?' . wp_generate_password( 6, false ) );
			$this->assertSame( 403, $answer->get_status(), $path );
			// What the visitor sees is the neutral placeholder, not a broken image.
			$this->assertStringStartsWith( "\x89PNG", $answer->get_data()['bytes'] );
			$this->assertCount( 1, $this->outbound, 'The private address was never contacted.' );
		}
		// A redirect to a public address is followed (and checked).
		$moved = $this->picture( self::$base . '/moved.png?' . wp_generate_password( 6, false ) );
		$this->assertSame( 200, $moved->get_status() );
		$this->assertSame( 'image/png', $moved->get_data()['type'] );
	}

	public function test_svg_and_oversized_pictures_become_the_placeholder() {
		foreach ( array( '/drawing.svg', '/big.png', '/missing.png' ) as $path ) {
			$answer = $this->picture( self::$base . $path . '?' . wp_generate_password( 6, false ) );
			$this->assertSame( 502, $answer->get_status(), $path );
			$this->assertSame( 'image/png', $answer->get_data()['type'] );
			$this->assertStringNotContainsString( 'svg', $answer->get_data()['bytes'] );
			$this->assertLessThan( 200, strlen( $answer->get_data()['bytes'] ) );
		}
	}

	public function test_stored_pictures_stay_under_the_size_cap() {
		$this->filter(
			'embeds_for_mobilizon_media_max_bytes',
			function () {
				return 200;
			}
		);
		for ( $i = 0; $i < 4; $i++ ) {
			$this->assertSame( 200, $this->picture( self::$base . '/picture.png?cap' . $i . wp_generate_password( 6, false ) )->get_status() );
		}
		$this->assertLessThanOrEqual( 200, Media_Store::total() );
		$this->assertGreaterThan( 0, Media_Store::total() );
	}

	public function test_pictures_on_other_servers_are_pointed_at_this_site_too() {
		$hostile = $this->demo( 'hostile=1' );
		$body    = Media::rewrite(
			array(
				'data' => array(
					'event' => array(
						'picture'      => array( 'url' => 'https://other.example/media/remote.jpg' ),
						'organizerActor' => array( 'avatar' => array( 'url' => 'https://avatars.example/a.png' ) ),
						'attributedTo' => array( 'banner' => array( 'url' => 'http://cdn.example/b.webp' ) ),
						'description'  => '<p><img src="https://elsewhere.example/x.gif" srcset="https://elsewhere.example/y.gif 2x"></p>',
						'url'          => 'https://other.example/events/1',
					),
				),
			),
			$hostile
		);
		$event = $body['data']['event'];
		foreach ( array( $event['picture']['url'], $event['organizerActor']['avatar']['url'], $event['attributedTo']['banner']['url'] ) as $url ) {
			$this->assertStringStartsWith( rest_url( 'embeds-for-mobilizon/v1/media' ), $url );
		}
		$this->assertStringNotContainsString( 'elsewhere.example', rawurldecode( preg_replace( '#u=[^&"]*#', '', $event['description'] ) ) );
		$this->assertStringNotContainsString( 'srcset', $event['description'] );
		// Links are not pictures: they stay.
		$this->assertSame( 'https://other.example/events/1', $event['url'] );
	}
}
