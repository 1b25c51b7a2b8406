<?php
/**
 * The elements' script: dist/mobilizon-embed.js, copied into assets/js/ by the build with its lazy
 * chunks, served from this site as a JavaScript module, and only on pages that show an element.
 *
 * @package Embeds_For_Mobilizon
 */

namespace Embeds_For_Mobilizon;

defined( 'ABSPATH' ) || exit;

/**
 * Registered early, enqueued by whatever renders an element.
 */
final class Assets {

	const HANDLE = 'embeds-for-mobilizon';

	/** The same module as a classic handle, for the editor's iframed canvas (which prints no script modules). */
	const CANVAS_HANDLE = 'embeds-for-mobilizon-canvas';

	/**
	 * The module's path inside the plugin.
	 *
	 * @return string
	 */
	public static function path() {
		return 'assets/js/mobilizon-embed.js';
	}

	/**
	 * What the build puts into the plugin and a git checkout lacks: the element module and the
	 * GraphQL operations the proxy sends (`npm run build`, or the release zip, provides them).
	 *
	 * @return string[] The missing paths inside the plugin; empty when the plugin is built.
	 */
	public static function missing() {
		$missing = array();
		foreach ( array( self::path(), 'operations/FetchEvents.graphql' ) as $file ) {
			if ( ! file_exists( EMBEDS_FOR_MOBILIZON_DIR . '/' . $file ) ) {
				$missing[] = $file;
			}
		}
		return $missing;
	}

	/**
	 * Registers the module: WordPress's script modules (6.5+) when there, else a script whose tag
	 * gets type="module" (the lazy chunks then load from beside it).
	 *
	 * No `?ver=` on its URL: the lazy chunks import the entry by its plain URL (`../mobilizon-embed.js`),
	 * and a query would make the browser fetch and run a second copy. The chunks' names carry a hash
	 * of their content, so a new version never meets an old chunk.
	 */
	public static function register() {
		if ( array() !== self::missing() ) {
			add_action( 'admin_notices', array( __CLASS__, 'unbuilt_notice' ) );
			return;
		}
		$src = plugins_url( self::path(), EMBEDS_FOR_MOBILIZON_FILE );
		if ( function_exists( 'wp_register_script_module' ) ) {
			wp_register_script_module( self::HANDLE, $src, array(), null );
		} else {
			wp_register_script( self::HANDLE, $src, array(), null, true ); // phpcs:ignore WordPress.WP.EnqueuedResourceParameters.MissingVersion -- a query would load the module twice (see above).
		}
		wp_register_script( self::CANVAS_HANDLE, $src, array(), null, true ); // phpcs:ignore WordPress.WP.EnqueuedResourceParameters.MissingVersion -- as above.
		add_filter( 'script_loader_tag', array( __CLASS__, 'module_tag' ), 10, 3 );
	}

	/**
	 * Tells administrators that this copy of the plugin was never built (a git checkout), rather
	 * than leaving pages without their script and the proxy without its operations.
	 */
	public static function unbuilt_notice() {
		if ( ! current_user_can( 'activate_plugins' ) ) {
			return;
		}
		printf(
			'<div class="notice notice-error"><p>%1$s</p><p>%2$s <code>%3$s</code></p></div>',
			esc_html__( 'Embeds for Mobilizon is installed without its built files, so its blocks and shortcodes show no live events. Install the plugin from its release zip, or run "npm run build" in the source tree.', 'embeds-for-mobilizon' ),
			esc_html__( 'Missing:', 'embeds-for-mobilizon' ),
			esc_html( implode( ', ', self::missing() ) )
		);
	}

	/**
	 * The editor: previews hold the element, so the module goes into the editor's document, and
	 * into its canvas when that is an iframe (`enqueue_block_assets` in the admin).
	 */
	public static function enqueue_in_editor() {
		if ( 'enqueue_block_assets' === current_action() ) {
			if ( is_admin() && wp_script_is( self::CANVAS_HANDLE, 'registered' ) ) {
				wp_enqueue_script( self::CANVAS_HANDLE );
			}
			return;
		}
		self::enqueue();
	}

	/**
	 * Puts the module on the page being rendered.
	 */
	public static function enqueue() {
		if ( array() !== self::missing() ) {
			return;
		}
		if ( function_exists( 'wp_enqueue_script_module' ) ) {
			wp_enqueue_script_module( self::HANDLE );
		} else {
			wp_enqueue_script( self::HANDLE );
		}
	}

	/**
	 * `<script type="module">` for the element script's classic handles (before 6.5, and the canvas).
	 *
	 * @param string $tag    The tag WordPress built.
	 * @param string $handle Its handle.
	 * @param string $src    Its URL.
	 * @return string
	 */
	public static function module_tag( $tag, $handle, $src ) {
		if ( self::HANDLE !== $handle && self::CANVAS_HANDLE !== $handle ) {
			return $tag;
		}
		return sprintf( '<script type="module" src="%1$s" id="%2$s-js"></script>' . "\n", esc_url( $src ), esc_attr( $handle ) ); // phpcs:ignore WordPress.WP.EnqueuedResources.NonEnqueuedScript -- this is the enqueued script's own tag.
	}
}
