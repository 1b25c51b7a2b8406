<?php
/**
 * Installs a test site: WordPress, the plugin installed from its zip by WordPress's own upload
 * installer (what Plugins → Add New → Upload runs), active and pointed at the demo instance, pretty
 * permalinks, and the pages and post the browser tests open. Writes their addresses to a JSON file.
 *
 * Usage: php install.php <wordpress dir> <demo instance URL> <site.json> <plugin zip>
 *
 * @package Embeds_For_Mobilizon
 */

$embeds_for_mobilizon_args = $argv;
( static function () use ( $embeds_for_mobilizon_args ) {
	list( , $wp_dir, $instance, $out, $zip ) = $embeds_for_mobilizon_args; // Not $wp: WordPress owns that global.
	define( 'WP_INSTALLING', true );
	$_SERVER['HTTP_HOST']   = '127.0.0.1';
	$_SERVER['REQUEST_URI'] = '/';
	require $wp_dir . '/wp-load.php';
	require_once ABSPATH . 'wp-admin/includes/upgrade.php';
	require_once ABSPATH . 'wp-admin/includes/plugin.php';

	if ( ! is_blog_installed() ) {
		wp_install( 'Embeds for Mobilizon', 'admin', 'admin@example.com', true, '', 'admin-pass-123' );
	}
	// The upload installer, as wp-admin/update.php?action=upload-plugin runs it, as the administrator.
	wp_set_current_user( 1 );
	require_once ABSPATH . 'wp-admin/includes/class-wp-upgrader.php';
	$upgrader  = new Plugin_Upgrader( new Automatic_Upgrader_Skin() );
	$installed = $upgrader->install( $zip );
	if ( true !== $installed ) {
		$why = is_wp_error( $installed ) ? $installed->get_error_message() : implode( "\n", $upgrader->skin->get_upgrade_messages() );
		fwrite( STDERR, 'The plugin zip did not install: ' . $why . "\n" );
		exit( 1 );
	}
	wp_clean_plugins_cache();
	global $wp_rewrite;
	$wp_rewrite->set_permalink_structure( '/%postname%/' );
	update_option( 'timezone_string', 'Europe/Paris' );
	$result = activate_plugin( 'embeds-for-mobilizon/embeds-for-mobilizon.php' );
	if ( is_wp_error( $result ) ) {
		fwrite( STDERR, $result->get_error_message() . "\n" );
		exit( 1 );
	}
	update_option(
		'embeds_for_mobilizon_settings',
		array(
			'instance'      => rtrim( $instance, '/' ),
			'group'         => 'velo_lyon',
			'mode'          => 'proxy',
			'cache_minutes' => 10,
		)
	);

	$open  = 'a98a6ddf-7bc7-4da4-ac76-5b16bf5f99d9'; // "Atelier ouvert à tous": FREE, anonymous participation.
	$pages = array(
		'shortcodes'   => array(
			'page',
			'Shortcodes',
			"<!-- wp:shortcode -->\n[mobilizon_events group=\"velo_lyon\" limit=\"5\"]\n<!-- /wp:shortcode -->\n"
			. "<!-- wp:shortcode -->\n[mobilizon_event uuid=\"$open\"]\n<!-- /wp:shortcode -->\n"
			. "<!-- wp:shortcode -->\n[mobilizon_group group=\"montreal_makers\" limit=\"3\"]\n<!-- /wp:shortcode -->\n"
			. "<!-- wp:shortcode -->\n[mobilizon_registration uuid=\"$open\"]\n<!-- /wp:shortcode -->",
		),
		'blocks'       => array(
			'post',
			'Blocks',
			'<!-- wp:embeds-for-mobilizon/events {"group":"montreal_makers","view":"agenda","limit":4} /-->'
			. "\n<!-- wp:embeds-for-mobilizon/event {\"uuid\":\"93d99b1e-b2f0-458b-8a0b-02a5c5897f46\",\"registration\":\"none\"} /-->"
			. "\n<!-- wp:embeds-for-mobilizon/group {\"group\":\"berliner_chor\",\"limit\":3} /-->"
			. "\n<!-- wp:embeds-for-mobilizon/registration {\"uuid\":\"$open\"} /-->",
		),
		'month'        => array( 'page', 'Agenda', '<!-- wp:embeds-for-mobilizon/events {"view":"month","align":"wide"} /-->' ),
		'group'        => array( 'page', 'Our group', '<!-- wp:embeds-for-mobilizon/group {"group":"velo_lyon","limit":4} /-->' ),
		'registration' => array( 'page', 'Register', "<!-- wp:embeds-for-mobilizon/registration {\"uuid\":\"$open\"} /-->" ),
		// A site owner pasted the library's own tag beside a block: two copies of the module on one page.
		'pasted'       => array(
			'page',
			'Pasted tag',
			'<!-- wp:embeds-for-mobilizon/events {"group":"velo_lyon","limit":2} /-->'
			. "\n<!-- wp:html -->\n<script type=\"module\" src=\"" . plugins_url( 'assets/js/mobilizon-embed.js', WP_PLUGIN_DIR . '/embeds-for-mobilizon/embeds-for-mobilizon.php' ) . "?pasted\"></script>\n"
			. '<mobilizon-events instance="' . esc_attr( rtrim( $instance, '/' ) ) . "\" group=\"berliner_chor\" limit=\"2\"></mobilizon-events>\n<!-- /wp:html -->",
		),
	);
	// The pasted <script> must survive as an administrator's would.
	wp_set_current_user( 1 );
	kses_remove_filters();
	$site  = array(
		'url'   => home_url( '/' ),
		'admin' => array(
			'user'     => 'admin',
			'password' => 'admin-pass-123',
		),
		'event' => $open,
		'pages' => array(),
	);
	foreach ( $pages as $key => $page ) {
		$id = wp_insert_post(
			array(
				'post_type'    => $page[0],
				'post_status'  => 'publish',
				'post_title'   => $page[1],
				'post_name'    => sanitize_title( $page[1] ),
				'post_content' => $page[2],
			),
			true
		);
		if ( is_wp_error( $id ) ) {
			fwrite( STDERR, $id->get_error_message() . "\n" );
			exit( 1 );
		}
		$site['pages'][ $key ] = get_permalink( $id );
	}
	flush_rewrite_rules();
	file_put_contents( $out, wp_json_encode( $site, JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES ) );
	echo 'Installed: ' . esc_url_raw( home_url( '/' ) ) . ' (WordPress ' . get_bloginfo( 'version' ) . ")\n";
} )();
