<?php
/**
 * The schema.org JSON-LD search engines read: complete events (dates in one form, offers,
 * organiser with its page, picture), and one Event per event however many blocks show it.
 *
 * @package Embeds_For_Mobilizon
 */

namespace Embeds_For_Mobilizon\Tests;

use Embeds_For_Mobilizon\Events_Source;

/**
 * JSON-LD.
 */
final class JsonLdTest extends TestCase {

	/** The schema.org objects of some HTML. */
	private function json_ld( $html ) {
		preg_match_all( '#<script type="application/ld\+json">(.*?)</script>#s', $html, $m );
		$out = array();
		foreach ( $m[1] as $json ) {
			$data = json_decode( $json, true );
			$this->assertIsArray( $data );
			$out = array_merge( $out, isset( $data['@type'] ) ? array( $data ) : $data );
		}
		return $out;
	}

	/** The uuid of one of velo_lyon's upcoming events, by title. */
	private function uuid_of( $title ) {
		$events = Events_Source::events(
			$this->demo(),
			Events_Source::query(
				array(
					'group' => 'velo_lyon',
					'limit' => '50',
				)
			)
		);
		foreach ( $events as $event ) {
			if ( $event->name === $title ) {
				return $event->uuid;
			}
		}
		$this->fail( "No event “{$title}”." );
	}

	public function test_end_date_has_the_start_dates_form_even_when_the_end_time_is_hidden() {
		$event = $this->json_ld( do_shortcode( '[mobilizon_event uuid="' . $this->uuid_of( 'Bourse aux vélos' ) . '"]' ) )[0];
		$zoned = '/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/';
		$this->assertMatchesRegularExpression( $zoned, $event['startDate'] );
		$this->assertMatchesRegularExpression( $zoned, $event['endDate'] );
		$this->assertGreaterThan( strtotime( $event['startDate'] ), strtotime( $event['endDate'] ) );
	}

	public function test_a_priced_event_has_offers_and_the_organiser_a_page() {
		$event = $this->json_ld( do_shortcode( '[mobilizon_event uuid="' . $this->uuid_of( 'Concert au Transbordeur' ) . '"]' ) )[0];
		$this->assertSame(
			array(
				array(
					'@type'         => 'Offer',
					'price'         => 15,
					'priceCurrency' => 'EUR',
					'url'           => 'https://tickets.example/transbordeur/concert-velo-lyon',
				),
			),
			$event['offers']
		);
		$this->assertSame( 'Organization', $event['organizer']['@type'] );
		$this->assertMatchesRegularExpression( '#^https?://.+/@velo_lyon$#', $event['organizer']['url'] );
		$this->assertMatchesRegularExpression( '#^https?://#', $event['image'] );
	}

	public function test_one_event_per_event_on_the_page() {
		$uuid = $this->uuid_of( 'Bourse aux vélos' );
		$html = do_shortcode( '[mobilizon_events group="velo_lyon" limit="50"][mobilizon_event uuid="' . $uuid . '"][mobilizon_registration uuid="' . $uuid . '"][mobilizon_events group="velo_lyon" limit="5"]' );
		$urls = array_column( $this->json_ld( $html ), 'url' );
		$this->assertNotEmpty( $urls );
		$this->assertSame( array_values( array_unique( $urls ) ), $urls, 'No event twice.' );
		$this->assertCount( 1, preg_grep( '#/events/' . $uuid . '$#', $urls ) );
	}
}
