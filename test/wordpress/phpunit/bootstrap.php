<?php
/**
 * Loads the test site's WordPress. Inside a closure: PHPUnit include()s the bootstrap in a method and
 * then copies its new local variables into $GLOBALS, which would overwrite WordPress's own
 * ($shortcode_tags, $wp_filter, …) with their initial empty values.
 *
 * @package Embeds_For_Mobilizon
 */

( static function () {
	$url                    = (string) getenv( 'WP_URL' );
	$_SERVER['HTTP_HOST']   = (string) parse_url( $url, PHP_URL_HOST ) . ':' . (string) parse_url( $url, PHP_URL_PORT );
	$_SERVER['REQUEST_URI'] = '/';
	$_SERVER['REMOTE_ADDR'] = '127.0.0.1';
	require getenv( 'WP_DIR' ) . '/wp-load.php';
	require_once ABSPATH . 'wp-admin/includes/plugin.php';
	require_once ABSPATH . 'wp-admin/includes/template.php';
} )();

require_once __DIR__ . '/TestCase.php';
