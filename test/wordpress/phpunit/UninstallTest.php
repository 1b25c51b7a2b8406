<?php
/**
 * Uninstalling removes what the plugin stored, and nothing else.
 *
 * @package Embeds_For_Mobilizon
 */

namespace Embeds_For_Mobilizon\Tests;

/**
 * Uninstall.
 */
final class UninstallTest extends TestCase {

	public function test_removes_its_option_and_transients_only() {
		global $wpdb;
		set_transient( 'embeds_for_mobilizon_uninstall_probe', 1, 60 );
		update_option( 'widget_embeds_for_mobilizon_events', array( 2 => array( 'title' => 'x' ) ) );
		update_option( 'someone_elses_option', 'kept' );
		$before = (int) $wpdb->get_var( "SELECT COUNT(*) FROM {$wpdb->options}" );
		$ours   = (int) $wpdb->get_var( "SELECT COUNT(*) FROM {$wpdb->options} WHERE option_name LIKE '%embeds\\_for\\_mobilizon%'" );
		$this->assertGreaterThanOrEqual( 4, $ours );

		if ( ! defined( 'WP_UNINSTALL_PLUGIN' ) ) {
			define( 'WP_UNINSTALL_PLUGIN', 'embeds-for-mobilizon/embeds-for-mobilizon.php' );
		}
		include WP_PLUGIN_DIR . '/embeds-for-mobilizon/uninstall.php';
		wp_cache_flush();

		$this->assertSame( 0, (int) $wpdb->get_var( "SELECT COUNT(*) FROM {$wpdb->options} WHERE option_name LIKE '%embeds\\_for\\_mobilizon%'" ) );
		$this->assertSame( $before - $ours, (int) $wpdb->get_var( "SELECT COUNT(*) FROM {$wpdb->options}" ) );
		$this->assertSame( 'kept', get_option( 'someone_elses_option' ) );
		delete_option( 'someone_elses_option' );
	}
}
