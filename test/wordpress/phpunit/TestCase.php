<?php
/**
 * What every test shares: the site's settings restored after each test, outbound requests counted,
 * the proxy called as the REST API would.
 *
 * @package Embeds_For_Mobilizon
 */

namespace Embeds_For_Mobilizon\Tests;

use Embeds_For_Mobilizon\Settings;
use WP_REST_Request;
use WP_REST_Response;

/**
 * Base class.
 */
abstract class TestCase extends \PHPUnit\Framework\TestCase {

	/** @var array The settings install.php wrote. */
	private $saved_settings;

	/** @var string[] URLs of the requests the site's server sent during the test. */
	protected $outbound = array();

	/** @var callable[] Filters to remove after the test. */
	private $filters = array();

	protected function setUp(): void {
		parent::setUp();
		$this->saved_settings = get_option( Settings::OPTION );
		$this->outbound       = array();
		$this->filter(
			'pre_http_request',
			function ( $pre, $args, $url ) {
				$this->outbound[] = $url;
				return $pre;
			},
			10,
			3
		);
		wp_set_current_user( 0 );
		// Each test is a visitor's request of its own: a fresh time budget for the instances.
		\Embeds_For_Mobilizon\Breaker::reset_budget();
		\Embeds_For_Mobilizon\Json_Ld::reset();
	}

	protected function tearDown(): void {
		foreach ( $this->filters as $filter ) {
			remove_filter( $filter[0], $filter[1], $filter[2] );
		}
		$this->filters = array();
		update_option( Settings::OPTION, $this->saved_settings );
		parent::tearDown();
	}

	/**
	 * Adds a filter for the length of the test.
	 */
	protected function filter( $hook, $callback, $priority = 10, $args = 1 ) {
		add_filter( $hook, $callback, $priority, $args );
		$this->filters[] = array( $hook, $callback, $priority );
	}

	/** The demo instance's base URL. */
	protected function demo( $knobs = '' ) {
		$base = rtrim( (string) getenv( 'DEMO_INSTANCE_URL' ), '/' );
		return '' === $knobs ? $base : $base . '/_k/' . $knobs;
	}

	/** Lets this site's server contact more instances (as a developer would with the filter). */
	protected function allow( ...$instances ) {
		$this->filter(
			'embeds_for_mobilizon_allowed_instances',
			function ( $list ) use ( $instances ) {
				return array_merge( $list, $instances );
			}
		);
	}

	/** A unique knob scope, so cache entries and participations of one test are its own. */
	protected function scope( $knobs = '' ) {
		return 'id=phpunit-' . wp_generate_password( 8, false ) . ( $knobs ? ',' . $knobs : '' );
	}

	/**
	 * POSTs to the proxy route.
	 *
	 * @param array $payload The JSON body.
	 * @param array $query   Query arguments of the endpoint URL.
	 * @return WP_REST_Response
	 */
	protected function proxy( array $payload, array $query = array() ) {
		$request = new WP_REST_Request( 'POST', '/embeds-for-mobilizon/v1/graphql' );
		$request->set_header( 'Content-Type', 'application/json' );
		$request->set_body( wp_json_encode( $payload ) );
		$request->set_query_params( $query );
		return rest_do_request( $request );
	}

	/** Collects PHP notices and warnings raised while $run runs (and fails on them). */
	protected function assertNoPhpNotice( callable $run ) {
		$raised = array();
		set_error_handler( // phpcs:ignore WordPress.PHP.DevelopmentFunctions.error_log_set_error_handler
			function ( $errno, $message, $file, $line ) use ( &$raised ) {
				if ( false !== strpos( $file, 'embeds-for-mobilizon' ) || false !== strpos( $file, 'wordpress-plugin' ) ) {
					$raised[] = "$message at $file:$line";
				}
				return false;
			}
		);
		try {
			$result = $run();
		} finally {
			restore_error_handler();
		}
		$this->assertSame( array(), $raised, 'The plugin raised PHP notices or warnings.' );
		return $result;
	}
}
