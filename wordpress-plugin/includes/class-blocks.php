<?php
/**
 * Four dynamic blocks (block.json each), rendered on the server like the shortcodes, previewed in
 * the editor with ServerSideRender by one plain script (no build step).
 *
 * @package Embeds_For_Mobilizon
 */

namespace Embeds_For_Mobilizon;

defined( 'ABSPATH' ) || exit;

/**
 * Block registration.
 */
final class Blocks {

	const EDITOR_HANDLE = 'embeds-for-mobilizon-editor';

	/**
	 * Registers the editor script (its dependencies from editor.asset.php) and the blocks.
	 */
	public static function register() {
		$asset = include EMBEDS_FOR_MOBILIZON_DIR . '/assets/editor.asset.php';
		wp_register_script(
			self::EDITOR_HANDLE,
			plugins_url( 'assets/editor.js', EMBEDS_FOR_MOBILIZON_FILE ),
			$asset['dependencies'],
			$asset['version'],
			true
		);
		wp_set_script_translations( self::EDITOR_HANDLE, 'embeds-for-mobilizon', EMBEDS_FOR_MOBILIZON_DIR . '/languages' );

		foreach ( array_keys( Attributes::kinds() ) as $kind ) {
			register_block_type(
				EMBEDS_FOR_MOBILIZON_DIR . '/blocks/' . $kind,
				array(
					'render_callback' => function ( $attributes ) use ( $kind ) {
						$own = is_array( $attributes ) && ! empty( $attributes['ownColors'] );
						return Embed::render( $kind, is_array( $attributes ) ? $attributes : array(), get_block_wrapper_attributes( $own ? array( 'class' => 'embeds-for-mobilizon-own-colors' ) : array() ) );
					},
				)
			);
		}
	}
}
