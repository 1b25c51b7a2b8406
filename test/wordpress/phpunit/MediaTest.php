<?php
/**
 * Pictures through this site in proxy mode.
 *
 * @package Embeds_For_Mobilizon
 */

namespace Embeds_For_Mobilizon\Tests;

use Embeds_For_Mobilizon\Media;
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
}
