<?php
/**
 * Test sites only: lets the site contact one more instance (a never-answering or hostile server a
 * test started on 127.0.0.1) and publishes a page (or a post) with four blocks naming it. Prints its URL.
 *
 * Usage: php test-instance.php <wordpress dir> <site URL> <instance base URL> <slug> [page|post]
 *
 * @package Embeds_For_Mobilizon
 */

$embeds_for_mobilizon_args = $argv;
( static function () use ( $embeds_for_mobilizon_args ) {
	list( , $wp_dir, $url, $instance, $slug ) = $embeds_for_mobilizon_args;
	$type                                   = 'post' === ( $embeds_for_mobilizon_args[5] ?? '' ) ? 'post' : 'page';
	$_SERVER['HTTP_HOST']   = (string) parse_url( $url, PHP_URL_HOST ) . ':' . (string) parse_url( $url, PHP_URL_PORT );
	$_SERVER['REQUEST_URI'] = '/';
	require $wp_dir . '/wp-load.php';
	$list   = (array) get_option( 'embeds_for_mobilizon_test_instances', array() );
	$list[] = $instance;
	update_option( 'embeds_for_mobilizon_test_instances', array_values( array_unique( $list ) ) );
	$uuid    = '93d99b1e-b2f0-458b-8a0b-02a5c5897f46';
	$attrs   = '"instance":"' . $instance . '"';
	$content = "<!-- wp:embeds-for-mobilizon/events {{$attrs},\"limit\":4} /-->\n"
		. "<!-- wp:embeds-for-mobilizon/event {{$attrs},\"uuid\":\"$uuid\"} /-->\n"
		. "<!-- wp:embeds-for-mobilizon/group {{$attrs},\"group\":\"velo_lyon\"} /-->\n"
		. "<!-- wp:embeds-for-mobilizon/registration {{$attrs},\"uuid\":\"a98a6ddf-7bc7-4da4-ac76-5b16bf5f99d9\"} /-->";
	$id      = wp_insert_post(
		array(
			'post_type'    => $type,
			'post_status'  => 'publish',
			'post_title'   => $slug,
			'post_name'    => $slug,
			'post_content' => $content,
		),
		true
	);
	if ( is_wp_error( $id ) ) {
		fwrite( STDERR, $id->get_error_message() . "\n" );
		exit( 1 );
	}
	echo get_permalink( $id ) . "\n"; // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- a URL for the test runner.
} )();
