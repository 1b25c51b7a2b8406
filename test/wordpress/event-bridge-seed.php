<?php
/**
 * Switches the Event Bridge fixture (event-bridge-fixture.php) on or off in a test site, for the
 * browser tests: `on` follows velo_lyon on a scoped demo instance (so its requests can be counted),
 * receives three events as Event Bridge 1.x stores them for GatherPress, and adds a page with the
 * events block; `off` takes all of it away and restores the settings.
 *
 * Usage: php event-bridge-seed.php <wordpress dir> on <scoped instance URL> <out.json> | off
 *
 * @package Embeds_For_Mobilizon
 */

$embeds_for_mobilizon_args = $argv;
( static function () use ( $embeds_for_mobilizon_args ) {
	$wp_dir                 = $embeds_for_mobilizon_args[1];
	$what                   = $embeds_for_mobilizon_args[2];
	$_SERVER['HTTP_HOST']   = '127.0.0.1';
	$_SERVER['REQUEST_URI'] = '/';
	require $wp_dir . '/wp-load.php';
	$saved = get_option( 'embeds_for_mobilizon_test_saved_settings' );

	if ( 'off' === $what ) {
		embeds_for_mobilizon_test_eb_reset();
		foreach ( get_posts(
			array(
				'post_type'   => 'page',
				'name'        => 'followed-group',
				'post_status' => 'any',
			)
		) as $page ) {
			wp_delete_post( $page->ID, true );
		}
		if ( is_array( $saved ) ) {
			update_option( 'embeds_for_mobilizon_settings', $saved );
			delete_option( 'embeds_for_mobilizon_test_saved_settings' );
		}
		flush_rewrite_rules();
		return;
	}

	$instance = rtrim( $embeds_for_mobilizon_args[3], '/' );
	if ( ! is_array( $saved ) ) {
		update_option( 'embeds_for_mobilizon_test_saved_settings', get_option( 'embeds_for_mobilizon_settings' ) );
	}
	update_option(
		'embeds_for_mobilizon_settings',
		array(
			'instance' => $instance,
			'group'    => 'velo_lyon,montreal_makers',
		) + get_option( 'embeds_for_mobilizon_settings' )
	);
	embeds_for_mobilizon_test_eb_activate( 'gatherpress' );
	$source = embeds_for_mobilizon_test_eb_follow(
		array(
			'id'                => $instance . '/@velo_lyon',
			'type'              => 'Group',
			'preferredUsername' => 'velo_lyon',
			'name'              => 'Vélo Lyon',
			'inbox'             => $instance . '/@velo_lyon/inbox',
		)
	);
	$day    = function ( $days, $time ) {
		return gmdate( 'Y-m-d', time() + $days * DAY_IN_SECONDS ) . 'T' . $time . 'Z';
	};
	$posts  = array();
	foreach ( array(
		array( '11111111-2222-4333-8444-555555555555', 'Atelier réparation & café', 10, '17:00:00', 'Europe/Paris', 'Maison du Vélo' ),
		array( '22222222-3333-4444-8555-666666666666', 'Balade des lumières', 3, '18:30:00', 'Europe/Paris', 'Place Bellecour' ),
		array( '33333333-4444-4555-8666-777777777777', 'Sortie déjà passée', -5, '09:00:00', 'Europe/Paris', null ),
	) as $e ) {
		$posts[ $e[1] ] = get_permalink(
			embeds_for_mobilizon_test_eb_receive(
				$source,
				array(
					'id'        => $instance . '/events/' . $e[0],
					'type'      => 'Event',
					'name'      => $e[1],
					'content'   => '<p>Reçu par ActivityPub.</p>',
					'startTime' => $day( $e[2], $e[3] ),
					'endTime'   => $day( $e[2], '20:00:00' ),
					'timezone'  => $e[4],
					'location'  => $e[5] ? array(
						'type'    => 'Place',
						'name'    => $e[5],
						'address' => 'Lyon',
					) : null,
				)
			)
		);
	}
	$page = wp_insert_post(
		array(
			'post_type'    => 'page',
			'post_status'  => 'publish',
			'post_title'   => 'Followed group',
			'post_name'    => 'followed-group',
			'post_content' => '<!-- wp:embeds-for-mobilizon/events {"group":"velo_lyon"} /-->',
		)
	);
	flush_rewrite_rules();
	file_put_contents(
		$embeds_for_mobilizon_args[4],
		wp_json_encode(
			array(
				'page'   => get_permalink( $page ),
				'events' => $posts,
			),
			JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE
		)
	);
} )();
