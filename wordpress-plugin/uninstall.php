<?php
/**
 * Removes what this plugin stored: its option and its transients (cache, rate counts). Nothing else.
 *
 * @package Embeds_For_Mobilizon
 */

defined( 'ABSPATH' ) || exit;
defined( 'WP_UNINSTALL_PLUGIN' ) || exit;

delete_option( 'embeds_for_mobilizon_settings' );
delete_option( 'widget_embeds_for_mobilizon_events' );

global $wpdb;
$embeds_for_mobilizon_like = $wpdb->esc_like( '_transient_embeds_for_mobilizon_' ) . '%';
$embeds_for_mobilizon_tout = $wpdb->esc_like( '_transient_timeout_embeds_for_mobilizon_' ) . '%';
$wpdb->query( $wpdb->prepare( "DELETE FROM {$wpdb->options} WHERE option_name LIKE %s OR option_name LIKE %s", $embeds_for_mobilizon_like, $embeds_for_mobilizon_tout ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery -- transients by prefix have no API.
