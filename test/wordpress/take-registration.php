<?php
/**
 * Test sites only: one registration attempt counted for an address, in its own PHP process (the
 * browser tests start 16 of these at the same instant). Prints 0 when allowed, else the wait.
 *
 * Usage: php take-registration.php <wordpress dir> <site URL> <address> <start at, unix ms>
 *
 * @package Embeds_For_Mobilizon
 */

$embeds_for_mobilizon_args = $argv;
( static function () use ( $embeds_for_mobilizon_args ) {
	list( , $wp_dir, $url, $ip, $at ) = $embeds_for_mobilizon_args;
	$_SERVER['HTTP_HOST']   = (string) parse_url( $url, PHP_URL_HOST ) . ':' . (string) parse_url( $url, PHP_URL_PORT );
	$_SERVER['REQUEST_URI'] = '/';
	$_SERVER['REMOTE_ADDR'] = $ip;
	require $wp_dir . '/wp-load.php';
	global $wpdb;
	$wpdb->get_var( 'SELECT 1' ); // Connected before the start line, so all race from it.
	$wait = (int) $at - (int) round( microtime( true ) * 1000 );
	if ( $wait > 0 ) {
		usleep( $wait * 1000 );
	}
	echo (int) \Embeds_For_Mobilizon\Guard::take_registration(), "\n";
} )();
