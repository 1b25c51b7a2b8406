<?php
/**
 * Test sites only (never shipped): lets wp_safe_remote_* reach the demo Mobilizon instance on
 * 127.0.0.1 and its port. WordPress refuses loopback hosts and ports other than 80/443/8080.
 *
 * @package Embeds_For_Mobilizon
 */

defined( 'ABSPATH' ) || exit;

add_filter(
	'http_request_host_is_external',
	function ( $external, $host ) {
		return '127.0.0.1' === $host ? true : $external;
	},
	10,
	2
);

add_filter(
	'http_allowed_safe_ports',
	function ( $ports, $host ) {
		if ( '127.0.0.1' === $host && defined( 'EMBEDS_FOR_MOBILIZON_TEST_DEMO_PORT' ) ) {
			$ports[] = (int) EMBEDS_FOR_MOBILIZON_TEST_DEMO_PORT;
		}
		if ( '127.0.0.1' === $host ) {
			foreach ( (array) get_option( 'embeds_for_mobilizon_test_instances', array() ) as $instance ) {
				$ports[] = (int) wp_parse_url( $instance, PHP_URL_PORT );
			}
		}
		return $ports;
	},
	10,
	2
);

// Instances a test adds (a never-answering one, a hostile one): test/wordpress/test-instance.php writes them.
add_filter(
	'embeds_for_mobilizon_allowed_instances',
	function ( $list ) {
		return array_merge( $list, (array) get_option( 'embeds_for_mobilizon_test_instances', array() ) );
	}
);
