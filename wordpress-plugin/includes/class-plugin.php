<?php
/**
 * Wires the plugin's parts to WordPress.
 *
 * @package Embeds_For_Mobilizon
 */

namespace Embeds_For_Mobilizon;

defined( 'ABSPATH' ) || exit;

/**
 * Hooks only: each part registers its own things when WordPress is ready for them.
 */
final class Plugin {

	/**
	 * Adds every hook.
	 */
	public static function init() {
		// Priority 0: the widget and block titles are translated while `init` runs.
		add_action( 'init', array( __CLASS__, 'load_textdomain' ), 0 );
		add_action( 'init', array( Settings::class, 'register' ) );
		add_action( 'init', array( Assets::class, 'register' ) );
		add_action( 'init', array( Blocks::class, 'register' ) );
		add_action( 'init', array( Shortcodes::class, 'register' ) );
		add_action( 'widgets_init', array( __CLASS__, 'register_widget' ) );
		// The editor's previews are the server's HTML with the element in it: let it come alive there too.
		add_action( 'enqueue_block_editor_assets', array( Assets::class, 'enqueue_in_editor' ) );
		add_action( 'enqueue_block_assets', array( Assets::class, 'enqueue_in_editor' ) );
		add_action( 'rest_api_init', array( Proxy::class, 'register' ) );
		add_action( Client::REFRESH_HOOK, array( Client::class, 'refresh' ) );
		Batch::register();
		add_action( 'rest_api_init', array( Media::class, 'register' ) );
		add_action( 'admin_menu', array( Settings::class, 'add_page' ) );
		add_action( 'admin_init', array( Settings::class, 'add_fields' ) );
		add_action( 'admin_post_embeds_for_mobilizon_test', array( Settings::class, 'test_connection' ) );
		// A received copy of a Mobilizon event links back to its original (Event Bridge for ActivityPub).
		add_filter( 'the_content', array( Federated_Source::class, 'origin_link' ) );
		add_filter( 'plugin_action_links_' . plugin_basename( EMBEDS_FOR_MOBILIZON_FILE ), array( Settings::class, 'action_links' ) );
	}

	/**
	 * Loads the translations shipped in languages/ (WordPress.org's, when present, win).
	 */
	public static function load_textdomain() {
		load_plugin_textdomain( 'embeds-for-mobilizon', false, dirname( plugin_basename( EMBEDS_FOR_MOBILIZON_FILE ) ) . '/languages' );
	}

	/**
	 * The classic widget (themes with widget areas).
	 */
	public static function register_widget() {
		require_once EMBEDS_FOR_MOBILIZON_DIR . '/includes/class-widget.php';
		register_widget( Widget::class );
	}
}
