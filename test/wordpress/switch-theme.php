<?php
/**
 * Test sites only: switches the site's theme. A theme missing from the site (WordPress 6.8 comes
 * without Twenty Twenty-One) is copied from Debian's package in /usr/share/wordpress first.
 *
 * Usage: php switch-theme.php <wordpress dir> <site URL> <theme>
 *
 * @package Embeds_For_Mobilizon
 */

$embeds_for_mobilizon_args = $argv;
( static function () use ( $embeds_for_mobilizon_args ) {
	list( , $wp_dir, $url, $stylesheet ) = $embeds_for_mobilizon_args; // Not $theme: wp-settings.php loops with that name.
	$_SERVER['HTTP_HOST']   = (string) parse_url( $url, PHP_URL_HOST ) . ':' . (string) parse_url( $url, PHP_URL_PORT );
	$_SERVER['REQUEST_URI'] = '/';
	require $wp_dir . '/wp-load.php';
	$target = get_theme_root() . '/' . $stylesheet;
	$source = '/usr/share/wordpress/wp-content/themes/' . $stylesheet;
	if ( ! is_dir( $target ) && is_dir( $source ) ) {
		$files = new RecursiveIteratorIterator( new RecursiveDirectoryIterator( $source, FilesystemIterator::SKIP_DOTS ), RecursiveIteratorIterator::SELF_FIRST );
		mkdir( $target );
		foreach ( $files as $file ) {
			$to = $target . substr( $file->getPathname(), strlen( $source ) );
			if ( $file->isDir() ) {
				mkdir( $to );
			} else {
				copy( $file->getRealPath(), $to );
			}
		}
		wp_clean_themes_cache();
	}
	if ( ! wp_get_theme( $stylesheet )->exists() ) {
		fwrite( STDERR, "No theme $stylesheet\n" );
		exit( 1 );
	}
	switch_theme( $stylesheet );
	echo get_stylesheet() . "\n"; // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- for the test runner.
} )();
