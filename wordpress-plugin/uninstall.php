<?php
/**
 * Removes what this plugin stored, on every site of a network: its options (settings, widget,
 * counters, cache index) and its transients (cache, breaker, versions), in the table and in a
 * persistent object cache. Nothing else.
 *
 * @package Embeds_For_Mobilizon
 */

defined( 'ABSPATH' ) || exit;
defined( 'WP_UNINSTALL_PLUGIN' ) || exit;

$embeds_for_mobilizon_clean = static function () {
	global $wpdb;
	// With a persistent object cache, transients live there, not in the table: the index names the cache's.
	$index = get_option( 'embeds_for_mobilizon_cache_index', array() );
	foreach ( array_keys( is_array( $index ) ? $index : array() ) as $key ) {
		delete_transient( (string) $key );
		delete_transient( $key . '_lock' );
	}
	$settings = get_option( 'embeds_for_mobilizon_settings', array() );
	$instance = is_array( $settings ) && isset( $settings['instance'] ) ? (string) $settings['instance'] : '';
	if ( '' !== $instance ) {
		delete_transient( 'embeds_for_mobilizon_version_' . md5( $instance ) );
		delete_transient( 'embeds_for_mobilizon_down_' . md5( $instance ) );
	}
	$names = $wpdb->get_col( // phpcs:ignore WordPress.DB.DirectDatabaseQuery -- options by prefix have no API.
		$wpdb->prepare(
			"SELECT option_name FROM {$wpdb->options} WHERE option_name LIKE %s OR option_name LIKE %s OR option_name = %s",
			$wpdb->esc_like( 'embeds_for_mobilizon_' ) . '%',
			$wpdb->esc_like( '_transient_' ) . '%' . $wpdb->esc_like( 'embeds_for_mobilizon_' ) . '%',
			'widget_embeds_for_mobilizon_events'
		)
	);
	foreach ( $names as $name ) {
		if ( 0 === strpos( $name, '_transient_timeout_' ) ) {
			delete_option( $name );
		} elseif ( 0 === strpos( $name, '_transient_' ) ) {
			delete_transient( substr( $name, strlen( '_transient_' ) ) );
		} else {
			delete_option( $name );
		}
	}
	wp_unschedule_hook( 'embeds_for_mobilizon_refresh' );
	// The pictures the media route kept (class-media-store.php).
	$uploads = wp_upload_dir( null, false );
	$folder  = empty( $uploads['basedir'] ) ? '' : trailingslashit( $uploads['basedir'] ) . 'embeds-for-mobilizon-media';
	if ( '' !== $folder && is_dir( $folder ) ) {
		foreach ( array_merge( (array) glob( $folder . '/*' ), array( $folder . '/.htaccess' ) ) as $file ) {
			wp_delete_file( $file );
		}
		rmdir( $folder ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_operations_rmdir
	}
};

if ( is_multisite() ) {
	foreach ( get_sites(
		array(
			'fields' => 'ids',
			'number' => 0,
		)
	) as $embeds_for_mobilizon_site ) {
		switch_to_blog( (int) $embeds_for_mobilizon_site );
		$embeds_for_mobilizon_clean();
		restore_current_blog();
	}
} else {
	$embeds_for_mobilizon_clean();
}
if ( function_exists( 'wp_cache_flush_group' ) && wp_cache_supports( 'flush_group' ) ) {
	wp_cache_flush_group( 'embeds_for_mobilizon' );
}
