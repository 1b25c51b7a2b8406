<?php
/**
 * Settings → Mobilizon: what a site owner types becomes a safe, normalized option.
 *
 * @package Embeds_For_Mobilizon
 */

namespace Embeds_For_Mobilizon\Tests;

use Embeds_For_Mobilizon\Instance;
use Embeds_For_Mobilizon\Settings;

/**
 * Settings.
 */
final class SettingsTest extends TestCase {

	public function test_the_site_runs_the_expected_wordpress_with_the_plugin_active() {
		global $wp_version;
		$this->assertSame( getenv( 'WP_EXPECTED_VERSION' ), implode( '.', array_slice( explode( '.', $wp_version ), 0, 2 ) ) );
		$this->assertTrue( is_plugin_active( 'embeds-for-mobilizon/embeds-for-mobilizon.php' ) );
	}

	/**
	 * @dataProvider addresses
	 */
	public function test_normalizes_the_instance_address( $typed, $expected ) {
		$this->assertSame( $expected, Instance::normalize( $typed ) );
	}

	public function addresses() {
		return array(
			'bare host'            => array( 'mobilizon.fr', 'https://mobilizon.fr' ),
			'trailing slash'       => array( ' https://Mobilizon.FR/ ', 'https://mobilizon.fr' ),
			'http kept'            => array( 'http://127.0.0.1:4000', 'http://127.0.0.1:4000' ),
			'host and port'        => array( 'events.example.org:8443', 'https://events.example.org:8443' ),
			'query dropped'        => array( 'https://mobilizon.fr/?x=1#y', 'https://mobilizon.fr' ),
			'path kept'            => array( 'https://example.org/mobilizon/', 'https://example.org/mobilizon' ),
			'javascript refused'   => array( 'javascript:alert(1)', null ),
			'ftp refused'          => array( 'ftp://mobilizon.fr', null ),
			'mailto refused'       => array( 'mailto:admin@mobilizon.fr', null ),
			'credentials refused'  => array( 'https://user:pass@mobilizon.fr', null ),
			'spaces refused'       => array( 'mobilizon fr', null ),
			'markup refused'       => array( '"><script>alert(1)</script>', null ),
			'empty'                => array( '', null ),
		);
	}

	public function test_saving_goes_through_the_sanitizer() {
		update_option(
			Settings::OPTION,
			array(
				'instance'      => 'mobilizon.fr/',
				'group'         => ' velo_lyon , @remote_collective@other.example ',
				'mode'          => 'everything',
				'cache_minutes' => '0',
				'extra'         => 'dropped',
			)
		);
		$this->assertSame(
			array(
				'instance'      => 'https://mobilizon.fr',
				'group'         => 'velo_lyon,remote_collective@other.example',
				'mode'          => 'proxy',
				'cache_minutes' => 1,
			),
			get_option( Settings::OPTION )
		);
		update_option( Settings::OPTION, array( 'cache_minutes' => 99999, 'mode' => 'direct' ) );
		$this->assertSame( 1440, Settings::get()['cache_minutes'] );
		$this->assertSame( 'direct', Settings::mode() );
	}

	/**
	 * @dataProvider refused
	 */
	public function test_a_refused_value_keeps_the_previous_one_and_says_why( $field, $value ) {
		$GLOBALS['wp_settings_errors'] = array();
		$before                        = Settings::get();
		$clean  = Settings::sanitize( array( $field => $value ) );
		$this->assertSame( $before[ $field ], $clean[ $field ] );
		$this->assertNotEmpty( get_settings_errors( Settings::OPTION ) );
	}

	public function refused() {
		return array(
			'not http'        => array( 'instance', 'javascript:alert(1)' ),
			'private network' => array( 'instance', 'http://192.168.1.10' ),
			'loopback 10/8'   => array( 'instance', '10.0.0.5' ),
			'cloud metadata'  => array( 'instance', 'http://169.254.169.254' ),
			'not a handle'    => array( 'group', 'velo lyon"><script>' ),
		);
	}

	public function test_the_settings_page_needs_manage_options() {
		$this->assertTrue( has_action( 'admin_post_embeds_for_mobilizon_test' ) > 0 );
		wp_set_current_user( 0 );
		ob_start();
		Settings::render_page();
		$this->assertSame( '', ob_get_clean() );
	}

	public function test_test_connection_reports_name_and_version_or_a_clear_error() {
		$ok = Settings::check_instance( $this->demo() );
		$this->assertTrue( $ok['ok'], $ok['message'] );
		$this->assertMatchesRegularExpression( '/Mobilizon 5\.\d+\.\d+/', $ok['message'] );

		$down = Settings::check_instance( $this->demo( 'fault=http500' ) );
		$this->assertFalse( $down['ok'] );
		$this->assertStringContainsString( 'HTTP 500', $down['message'] );

		$private = Settings::check_instance( 'http://10.1.2.3' );
		$this->assertFalse( $private['ok'] );
		$this->assertStringContainsString( 'private', $private['message'] );
	}

	public function test_test_connection_says_when_a_name_does_not_resolve_or_a_site_is_not_mobilizon() {
		$nowhere = Settings::check_instance( 'no-such-host.invalid' );
		$this->assertFalse( $nowhere['ok'] );
		$this->assertStringContainsString( 'does not resolve', $nowhere['message'] );
		$this->assertStringNotContainsString( 'private', $nowhere['message'] );

		// This WordPress site answers /api with its own 404 page: a web site, not a Mobilizon instance.
		$port = (int) wp_parse_url( (string) getenv( 'WP_URL' ), PHP_URL_PORT );
		$this->filter(
			'http_allowed_safe_ports',
			function ( $ports ) use ( $port ) {
				return array_merge( $ports, array( $port ) );
			}
		);
		$blog = Settings::check_instance( (string) getenv( 'WP_URL' ) );
		$this->assertFalse( $blog['ok'] );
		$this->assertStringContainsString( 'is not a Mobilizon instance', $blog['message'] );
		$this->assertStringNotContainsString( 'HTTP', $blog['message'] );
	}
}
