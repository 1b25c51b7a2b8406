<?php
/**
 * Translations: the French .mo the build compiles, and the editor script's JSON.
 *
 * @package Embeds_For_Mobilizon
 */

namespace Embeds_For_Mobilizon\Tests;

/**
 * i18n.
 */
final class I18nTest extends TestCase {

	public function test_the_french_translation_loads() {
		$dir = WP_PLUGIN_DIR . '/embeds-for-mobilizon/languages';
		unload_textdomain( 'embeds-for-mobilizon' );
		$this->assertTrue( load_textdomain( 'embeds-for-mobilizon', $dir . '/embeds-for-mobilizon-fr_FR.mo' ) );
		$this->assertSame( 'Aucun événement à venir.', __( 'No upcoming events.', 'embeds-for-mobilizon' ) );
		$this->assertSame( 'Événements Mobilizon', _x( 'Mobilizon events', 'block title', 'embeds-for-mobilizon' ) );
		unload_textdomain( 'embeds-for-mobilizon' );
		$this->assertSame( 'No upcoming events.', __( 'No upcoming events.', 'embeds-for-mobilizon' ) );
	}

	public function test_the_editor_script_has_its_french_strings() {
		$file = WP_PLUGIN_DIR . '/embeds-for-mobilizon/languages/embeds-for-mobilizon-fr_FR-embeds-for-mobilizon-editor.json';
		$json = json_decode( (string) file_get_contents( $file ), true );
		$this->assertSame( 'fr_FR', $json['locale_data']['messages']['']['lang'] );
		$this->assertSame( array( 'Mois' ), $json['locale_data']['messages']['Month'] );
		$this->filter(
			'pre_determine_locale',
			function () {
				return 'fr_FR';
			}
		);
		$loaded = load_script_textdomain( 'embeds-for-mobilizon-editor', 'embeds-for-mobilizon', WP_PLUGIN_DIR . '/embeds-for-mobilizon/languages' );
		$this->assertIsString( $loaded );
		$this->assertStringContainsString( 'Mois', $loaded );
	}
}
