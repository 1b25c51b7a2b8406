<?php
/**
 * Plugin Name:       Embeds for Mobilizon
 * Description:       Shows a Mobilizon instance's events, event pages, group pages and registration forms on this site: blocks, shortcodes and a widget, with plain HTML for visitors without JavaScript and an optional caching proxy that keeps visitors' browsers away from the instance.
 * Version:           0.1.0
 * Requires at least: 6.1
 * Requires PHP:      7.4
 * Author:            mobilizon-embed contributors
 * License:           AGPL-3.0-or-later
 * License URI:       https://www.gnu.org/licenses/agpl-3.0.html
 * Text Domain:       embeds-for-mobilizon
 * Domain Path:       /languages
 *
 * @package Embeds_For_Mobilizon
 */

defined( 'ABSPATH' ) || exit;

define( 'EMBEDS_FOR_MOBILIZON_VERSION', '0.1.0' );
define( 'EMBEDS_FOR_MOBILIZON_FILE', __FILE__ );
define( 'EMBEDS_FOR_MOBILIZON_DIR', __DIR__ );

require_once __DIR__ . '/includes/class-settings.php';
require_once __DIR__ . '/includes/class-instance.php';
require_once __DIR__ . '/includes/class-operations.php';
require_once __DIR__ . '/includes/class-breaker.php';
require_once __DIR__ . '/includes/class-cache-index.php';
require_once __DIR__ . '/includes/class-client.php';
require_once __DIR__ . '/includes/class-batch.php';
require_once __DIR__ . '/includes/class-limits.php';
require_once __DIR__ . '/includes/class-guard.php';
require_once __DIR__ . '/includes/class-proxy.php';
require_once __DIR__ . '/includes/class-media-store.php';
require_once __DIR__ . '/includes/class-media.php';
require_once __DIR__ . '/includes/class-event.php';
require_once __DIR__ . '/includes/class-group.php';
require_once __DIR__ . '/includes/class-json-ld.php';
require_once __DIR__ . '/includes/class-geohash.php';
require_once __DIR__ . '/includes/class-source.php';
require_once __DIR__ . '/includes/class-events-source.php';
require_once __DIR__ . '/includes/class-event-bridge.php';
require_once __DIR__ . '/includes/class-federated-source.php';
require_once __DIR__ . '/includes/class-federated-settings.php';
require_once __DIR__ . '/includes/class-attributes.php';
require_once __DIR__ . '/includes/class-assets.php';
require_once __DIR__ . '/includes/class-renderer.php';
require_once __DIR__ . '/includes/class-theme-style.php';
require_once __DIR__ . '/includes/class-embed.php';
require_once __DIR__ . '/includes/class-blocks.php';
require_once __DIR__ . '/includes/class-shortcodes.php';
require_once __DIR__ . '/includes/class-plugin.php';

\Embeds_For_Mobilizon\Plugin::init();
