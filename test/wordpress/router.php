<?php
/**
 * Router for `php -S` (test sites): existing files and PHP scripts as they are, every other path
 * to WordPress's index.php (pretty permalinks, /wp-json/).
 *
 * @package Embeds_For_Mobilizon
 */

$embeds_for_mobilizon_path = (string) parse_url( $_SERVER['REQUEST_URI'], PHP_URL_PATH );
$embeds_for_mobilizon_file = $_SERVER['DOCUMENT_ROOT'] . $embeds_for_mobilizon_path;
if ( '/' !== $embeds_for_mobilizon_path && ( is_file( $embeds_for_mobilizon_file ) || is_file( rtrim( $embeds_for_mobilizon_file, '/' ) . '/index.php' ) ) ) {
	return false;
}
$_SERVER['SCRIPT_NAME']     = '/index.php';
$_SERVER['SCRIPT_FILENAME'] = $_SERVER['DOCUMENT_ROOT'] . '/index.php';
$_SERVER['PHP_SELF']        = '/index.php';
require $_SERVER['DOCUMENT_ROOT'] . '/index.php';
