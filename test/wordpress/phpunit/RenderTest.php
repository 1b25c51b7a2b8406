<?php
/**
 * What blocks, shortcodes and the widget print: the element with escaped attributes, server HTML of
 * the same events inside it, schema.org JSON-LD, and the module script on that page only.
 *
 * @package Embeds_For_Mobilizon
 */

namespace Embeds_For_Mobilizon\Tests;

use Embeds_For_Mobilizon\Assets;
use Embeds_For_Mobilizon\Attributes;
use WP_Block_Type_Registry;

/**
 * Rendering.
 */
final class RenderTest extends TestCase {

	/** The JSON-LD objects in some HTML, parsed (the test fails on invalid JSON). */
	private function json_ld( $html ) {
		preg_match_all( '#<script type="application/ld\+json">(.*?)</script>#s', $html, $m );
		$out = array();
		foreach ( $m[1] as $json ) {
			$data = json_decode( $json, true );
			$this->assertIsArray( $data, 'JSON-LD must be valid JSON: ' . $json );
			foreach ( isset( $data['@type'] ) ? array( $data ) : $data as $item ) {
				$out[] = $item;
			}
		}
		return $out;
	}

	public function test_registers_four_shortcodes_four_blocks_and_the_widget() {
		foreach ( array( 'events', 'event', 'group', 'registration' ) as $kind ) {
			$this->assertTrue( shortcode_exists( 'mobilizon_' . $kind ), $kind );
			$block = WP_Block_Type_Registry::get_instance()->get_registered( 'embeds-for-mobilizon/' . $kind );
			$this->assertNotNull( $block, $kind );
			$this->assertTrue( $block->is_dynamic() );
			$this->assertContains( 'embeds-for-mobilizon-editor', (array) ( $block->editor_script_handles ?? array( $block->editor_script ) ) );
		}
		global $wp_widget_factory;
		$this->assertArrayHasKey( 'Embeds_For_Mobilizon\Widget', $wp_widget_factory->widgets );
		$this->assertTrue( wp_script_is( 'embeds-for-mobilizon-editor', 'registered' ) );
	}

	public function test_the_events_shortcode_prints_the_element_with_server_html_inside() {
		$html = do_shortcode( '[mobilizon_events group="velo_lyon" view="month" limit="4"]' );
		$this->assertMatchesRegularExpression( '#<mobilizon-events [^>]*view="month"[^>]*>#', $html );
		$this->assertStringContainsString( 'group="velo_lyon"', $html );
		$this->assertStringContainsString( 'limit="4"', $html );
		$this->assertStringContainsString( 'instance="' . esc_attr( $this->demo() ) . '"', $html );
		$this->assertMatchesRegularExpression( '#endpoint="[^"]*embeds-for-mobilizon/v1/graphql[^"]*embeds_for_mobilizon_nonce=#', $html );
		$this->assertStringContainsString( 'locale="en-US"', $html );
		// The fallback list sits inside the element (light DOM), before its closing tag.
		$inside = substr( $html, strpos( $html, '<mobilizon-events' ), strpos( $html, '</mobilizon-events>' ) - strpos( $html, '<mobilizon-events' ) );
		$this->assertSame( 4, substr_count( $inside, '<li class="embeds-for-mobilizon-item">' ) );
		$this->assertMatchesRegularExpression( '#<time datetime="\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}">#', $inside );
		$this->assertCount( 4, $this->json_ld( $html ) );
	}

	public function test_attributes_with_quotes_and_tags_are_escaped() {
		$html = do_shortcode( '[mobilizon_events group=\'velo_lyon" onmouseover="alert(1)\' term="\"><img src=x onerror=alert(1)>" event-href="javascript:alert(1)" tags="<b>bold</b>" filters]' );
		$this->assertStringNotContainsString( '<img', $html );
		$this->assertStringNotContainsString( '<b>', $html );
		$this->assertStringNotContainsString( '" onmouseover=', $html );
		$this->assertStringNotContainsString( 'javascript:', $html );
		$this->assertMatchesRegularExpression( '#<mobilizon-events [^>]*\bfilters\b#', $html );
		preg_match( '#<mobilizon-events([^>]*)>#', $html, $tag );
		// Every attribute is name="value" with no stray quote inside a value.
		$this->assertMatchesRegularExpression( '#^( [a-z-]+(="[^"<>]*")?)+$#', $tag[1] );
	}

	public function test_unknown_attributes_and_values_are_dropped() {
		$html = do_shortcode( '[mobilizon_events view="carousel" limit="5000" period="soon" onclick="x" style="display:none"]' );
		preg_match( '#<mobilizon-events([^>]*)>#', $html, $tag );
		$this->assertStringNotContainsString( 'view=', $tag[1] );
		$this->assertStringNotContainsString( 'period=', $tag[1] );
		$this->assertStringNotContainsString( 'onclick', $tag[1] );
		$this->assertStringNotContainsString( 'style', $tag[1] );
		$this->assertStringContainsString( 'limit="50"', $tag[1] );
	}

	public function test_heading_level_reaches_every_element_within_1_to_6() {
		preg_match( '#<mobilizon-group([^>]*)>#', do_shortcode( '[mobilizon_group group="velo_lyon" heading-level="3"]' ), $group );
		$this->assertStringContainsString( 'heading-level="3"', $group[1] );
		preg_match( '#<mobilizon-events([^>]*)>#', do_shortcode( '[mobilizon_events heading-level="9" structured-data ics="https://example.org/feed.ics"]' ), $events );
		$this->assertStringContainsString( 'heading-level="6"', $events[1] );
		// The plugin writes JSON-LD server-side and keeps iCal feeds out (test/node/contract.test.mjs says why).
		$this->assertStringNotContainsString( 'structured-data', $events[1] );
		$this->assertStringNotContainsString( 'ics=', $events[1] );
		preg_match( '#<mobilizon-registration([^>]*)>#', do_shortcode( '[mobilizon_registration uuid="' . ProxyTest::OPEN_EVENT . '" heading-level="two"]' ), $registration );
		$this->assertStringNotContainsString( 'heading-level', $registration[1] );
	}

	public function test_the_element_module_is_enqueued_only_by_a_render() {
		$modules  = function_exists( 'wp_enqueue_script_module' );
		$enqueued = function () use ( $modules ) {
			if ( ! $modules ) {
				return wp_script_is( Assets::HANDLE, 'enqueued' );
			}
			$marked = new \ReflectionMethod( \WP_Script_Modules::class, 'get_marked_for_enqueue' );
			$marked->setAccessible( true );
			return array_key_exists( Assets::HANDLE, (array) $marked->invoke( wp_script_modules() ) );
		};
		if ( $modules ) {
			wp_dequeue_script_module( Assets::HANDLE );
		} else {
			wp_dequeue_script( Assets::HANDLE );
			$this->assertTrue( wp_script_is( Assets::HANDLE, 'registered' ) );
		}
		$this->assertFalse( $enqueued() );
		do_shortcode( '[mobilizon_event uuid="' . ProxyTest::OPEN_EVENT . '"]' );
		$this->assertTrue( $enqueued() );
	}

	public function test_direct_mode_prints_no_endpoint() {
		update_option( 'embeds_for_mobilizon_settings', array( 'mode' => 'direct' ) + get_option( 'embeds_for_mobilizon_settings' ) );
		$html = do_shortcode( '[mobilizon_events]' );
		$this->assertStringNotContainsString( 'endpoint=', $html );
		$this->assertStringContainsString( 'instance="' . esc_attr( $this->demo() ) . '"', $html );
	}

	public function test_the_event_fallback_and_its_json_ld() {
		$html = do_shortcode( '[mobilizon_event uuid="' . ProxyTest::OPEN_EVENT . '"]' );
		$this->assertStringContainsString( 'Atelier ouvert à tous', $html );
		$items = $this->json_ld( $html );
		$this->assertCount( 1, $items );
		$event = $items[0];
		$this->assertSame( 'https://schema.org', $event['@context'] );
		$this->assertSame( 'Event', $event['@type'] );
		$this->assertSame( 'Atelier ouvert à tous', $event['name'] );
		$this->assertMatchesRegularExpression( '/^\d{4}-\d{2}-\d{2}T14:00:00\+0[12]:00$/', $event['startDate'] );
		$this->assertMatchesRegularExpression( '/^\d{4}-\d{2}-\d{2}T17:00:00\+0[12]:00$/', $event['endDate'] );
		$this->assertSame( 'https://schema.org/EventScheduled', $event['eventStatus'] );
		$this->assertSame( 'https://schema.org/OfflineEventAttendanceMode', $event['eventAttendanceMode'] );
		$this->assertSame( 'Place', $event['location']['@type'] );
		$this->assertSame( 'PostalAddress', $event['location']['address']['@type'] );
		$this->assertStringEndsWith( '/events/' . ProxyTest::OPEN_EVENT, $event['url'] );
		$this->assertSame( 'Organization', $event['organizer']['@type'] );
	}

	public function test_a_cancelled_event_and_an_online_one() {
		$cancelled = $this->json_ld( do_shortcode( '[mobilizon_event uuid="6ad7844c-79cf-4dae-a637-e3f95139cca3"]' ) )[0];
		$this->assertSame( 'https://schema.org/EventCancelled', $cancelled['eventStatus'] );
		$online = $this->json_ld( do_shortcode( '[mobilizon_event uuid="0106c5ed-2b88-43bf-8b3f-0e789e3a92e0"]' ) )[0];
		$this->assertSame( 'https://schema.org/OnlineEventAttendanceMode', $online['eventAttendanceMode'] );
		$this->assertSame( 'VirtualLocation', $online['location']['@type'] );
		$this->assertSame( 'Person', $online['organizer']['@type'] );
		$hybrid = $this->json_ld( do_shortcode( '[mobilizon_event uuid="32dbbb7b-0712-4acb-9e84-f38037d0920f"]' ) )[0];
		$this->assertSame( 'https://schema.org/MixedEventAttendanceMode', $hybrid['eventAttendanceMode'] );
	}

	public function test_hostile_instance_data_cannot_break_out() {
		$hostile = $this->demo( 'hostile=1' );
		$this->allow( $hostile );
		$html = $this->assertNoPhpNotice(
			function () use ( $hostile ) {
				return do_shortcode( '[mobilizon_events instance="' . $hostile . '" group="velo_lyon" limit="6"]' )
					. do_shortcode( '[mobilizon_group instance="' . $hostile . '" group="velo_lyon"]' )
					. do_shortcode( '[mobilizon_event instance="' . $hostile . '" uuid="' . ProxyTest::OPEN_EVENT . '"]' );
			}
		);
		// The only scripts are the JSON-LD ones, and each is valid JSON.
		preg_match_all( '#<script\b[^>]*>#i', $html, $scripts );
		foreach ( $scripts[0] as $script ) {
			$this->assertSame( '<script type="application/ld+json">', $script );
		}
		$this->assertNotEmpty( $this->json_ld( $html ) );
		$this->assertDoesNotMatchRegularExpression( '#<(img|iframe|svg|form|base|meta|style)\b#i', $html );
		// Hostile text shows as text (&lt;b onmouseover…): no real tag carries an event handler.
		$this->assertDoesNotMatchRegularExpression( '#<[a-z][^>]*\son[a-z]+\s*=#i', $html );
		// No javascript: link; in JSON-LD it may only be text (an address), never a URL field.
		$this->assertStringNotContainsString( 'javascript:', preg_replace( '#<script type="application/ld\+json">.*?</script>#s', '', $html ) );
		foreach ( $this->json_ld( $html ) as $item ) {
			foreach ( array( $item['url'], $item['image'] ?? 'https://x', $item['organizer']['url'] ?? 'https://x' ) as $url ) {
				$this->assertMatchesRegularExpression( '#^https?://#', $url );
			}
		}
	}

	public function test_a_failing_instance_renders_an_error_without_php_notices() {
		foreach ( array( 'fault=http500', 'fault=refused', 'fault=graphql', 'fault=malformed' ) as $fault ) {
			$failing = $this->demo( $this->scope( $fault ) );
			$this->allow( $failing );
			$html = $this->assertNoPhpNotice(
				function () use ( $failing ) {
					return do_shortcode( '[mobilizon_events instance="' . $failing . '"]' )
						. do_shortcode( '[mobilizon_event instance="' . $failing . '" uuid="' . ProxyTest::OPEN_EVENT . '"]' )
						. do_shortcode( '[mobilizon_group instance="' . $failing . '" group="velo_lyon"]' );
				}
			);
			$this->assertSame( 3, substr_count( $html, 'class="embeds-for-mobilizon-error"' ), $fault );
			$this->assertStringContainsString( 'could not be loaded', $html );
			$this->assertStringContainsString( '<mobilizon-events', $html );
		}
	}

	public function test_a_group_that_does_not_exist() {
		$html = do_shortcode( '[mobilizon_group group="nobody_here"]' );
		$this->assertStringContainsString( 'The group nobody_here was not found.', $html );
	}

	public function test_an_event_address_gives_instance_and_uuid() {
		$html = do_shortcode( '[mobilizon_registration url="' . $this->demo() . '/events/' . ProxyTest::OPEN_EVENT . '"]' );
		$this->assertStringContainsString( 'uuid="' . ProxyTest::OPEN_EVENT . '"', $html );
		$this->assertStringContainsString( 'Register for “Atelier ouvert à tous”', $html );
	}

	public function test_blocks_render_like_their_shortcodes() {
		$html = do_blocks( '<!-- wp:embeds-for-mobilizon/events {"group":"velo_lyon","limit":2,"hide-cancelled":true,"className":"my-agenda"} /-->' );
		$this->assertStringContainsString( 'wp-block-embeds-for-mobilizon-events', $html );
		$this->assertStringContainsString( 'my-agenda', $html );
		$this->assertMatchesRegularExpression( '#<mobilizon-events [^>]*\bhide-cancelled\b#', $html );
		$this->assertSame( 2, substr_count( $html, '<li class="embeds-for-mobilizon-item">' ) );
	}

	public function test_the_widget() {
		ob_start();
		the_widget( 'Embeds_For_Mobilizon\Widget', array( 'title' => 'Agenda <b>x</b>', 'group' => 'velo_lyon', 'limit' => 2 ), array( 'before_title' => '<h2>', 'after_title' => '</h2>' ) );
		$html = ob_get_clean();
		$this->assertStringContainsString( '<h2>Agenda &lt;b&gt;x&lt;/b&gt;</h2>', $html );
		$this->assertStringContainsString( '<mobilizon-events', $html );
		$widget = new \Embeds_For_Mobilizon\Widget();
		$saved  = $widget->update( array( 'title' => '<i>T</i>', 'group' => 'bad group!', 'view' => 'month', 'limit' => 500 ), array( 'group' => 'velo_lyon' ) );
		$this->assertSame( array( 'title' => 'T', 'group' => 'velo_lyon', 'view' => 'list', 'limit' => 50 ), $saved );
	}

	public function test_the_locale_follows_the_site() {
		$this->assertSame( 'fr-FR', Attributes::bcp47( 'fr_FR' ) );
		$this->assertSame( 'de-DE', Attributes::bcp47( 'de_DE_formal' ) );
		$this->assertSame( 'ar', Attributes::bcp47( 'ar' ) );
		$this->filter(
			'locale',
			function () {
				return 'fr_FR';
			}
		);
		$this->assertStringContainsString( 'locale="fr-FR"', do_shortcode( '[mobilizon_events]' ) );
		$this->assertStringContainsString( 'locale="de"', do_shortcode( '[mobilizon_events locale="de"]' ) );
	}

	public function test_a_block_can_keep_its_own_colours_instead_of_the_themes() {
		$themed = do_shortcode( '[mobilizon_events group="velo_lyon" limit="1"]' );
		$own    = do_shortcode( '[mobilizon_events group="velo_lyon" limit="1" own-colors="yes"]' );
		$this->assertStringNotContainsString( 'embeds-for-mobilizon-own-colors', $themed );
		$this->assertStringContainsString( 'class="embeds-for-mobilizon embeds-for-mobilizon-events embeds-for-mobilizon-own-colors"', $own );
		$block = do_blocks( '<!-- wp:embeds-for-mobilizon/events {"group":"velo_lyon","limit":1,"ownColors":true} /-->' );
		$this->assertMatchesRegularExpression( '/<div class="(?=[^"]*\bwp-block-embeds-for-mobilizon-events\b)(?=[^"]*\bembeds-for-mobilizon-own-colors\b)/', $block );
		// The theme's rule leaves such wrappers out.
		$this->assertStringContainsString( ':not(.embeds-for-mobilizon-own-colors)', \Embeds_For_Mobilizon\Theme_Style::css() );
	}
}
