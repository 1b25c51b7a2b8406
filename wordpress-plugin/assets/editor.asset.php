<?php
/**
 * What the editor script needs (WordPress's script globals), as @wordpress/scripts would write it.
 *
 * @package Embeds_For_Mobilizon
 */

defined( 'ABSPATH' ) || exit;

return array(
	'dependencies' => array( 'wp-blocks', 'wp-block-editor', 'wp-components', 'wp-element', 'wp-i18n', 'wp-server-side-render' ),
	// The plugin's one version (package.json's, written by scripts/version.mjs).
	'version'      => EMBEDS_FOR_MOBILIZON_VERSION,
);
