<?php
/**
 * The event vocabulary shared with src/model/event.ts, mapped from Mobilizon's objects.
 *
 * @package Embeds_For_Mobilizon
 */

namespace Embeds_For_Mobilizon\Tests;

use Embeds_For_Mobilizon\Event;
use Embeds_For_Mobilizon\Json_Ld;

/**
 * Model.
 */
final class ModelTest extends TestCase {

	private function raw( array $changes = array() ) {
		return array_replace_recursive(
			array(
				'__typename'      => 'Event',
				'id'              => '42',
				'uuid'            => '146c81bf-acef-4ba6-955f-f96c1be7f4f2',
				'url'             => 'https://mobilizon.example/events/146c81bf-acef-4ba6-955f-f96c1be7f4f2',
				'title'           => 'Sortie vélo',
				'beginsOn'        => '2026-07-05T08:00:00Z',
				'endsOn'          => '2026-07-05T10:00:00Z',
				'status'          => 'CONFIRMED',
				'joinOptions'     => 'FREE',
				'local'           => true,
				'physicalAddress' => array(
					'description' => 'Place Bellecour',
					'locality'    => 'Lyon',
					'country'     => 'France',
					'geom'        => '4.832;45.757',
					'timezone'    => 'Europe/Paris',
				),
				'options'         => array(
					'timezone'               => null,
					'anonymousParticipation' => true,
					'maximumAttendeeCapacity' => 20,
				),
				'participantStats' => array( 'participant' => 19 ),
				'attributedTo'    => array(
					'type'              => 'GROUP',
					'preferredUsername' => 'velo_lyon',
					'name'              => 'Vélo Lyon',
					'domain'            => null,
					'url'               => 'https://mobilizon.example/@velo_lyon',
				),
			),
			$changes
		);
	}

	public function test_maps_mobilizon_into_the_shared_vocabulary() {
		$event = Event::from_mobilizon( $this->raw(), 'https://mobilizon.example' );
		$this->assertSame( 'Sortie vélo', $event->name );
		$this->assertSame( '2026-07-05T08:00:00Z', $event->startTime );
		$this->assertSame( 'Europe/Paris', $event->timezone, 'The address zone when the event has none.' );
		$this->assertSame( 'Place', $event->location[0]['type'] );
		$this->assertSame( 45.757, $event->location[0]['latitude'] );
		$this->assertSame( 'free', $event->joinMode );
		$this->assertSame( 1, $event->remainingAttendeeCapacity );
		$this->assertSame( 'Group', $event->attributedTo['type'] );
		$this->assertSame( '42', $event->source['id'] );
		$this->assertSame( '10:00', $event->start()->format( 'H:i' ) );
	}

	public function test_untrusted_urls_and_zones_are_dropped() {
		$event = Event::from_mobilizon(
			$this->raw(
				array(
					'url'           => 'javascript:alert(1)',
					'onlineAddress' => 'data:text/html,x',
					'picture'       => array( 'url' => 'javascript:alert(1)' ),
					'options'       => array( 'timezone' => 'Not/AZone', 'isOnline' => true ),
					'physicalAddress' => array( 'timezone' => 'Mars/Olympus' ),
				)
			),
			'https://mobilizon.example'
		);
		$this->assertSame( 'https://mobilizon.example/events/146c81bf-acef-4ba6-955f-f96c1be7f4f2', $event->url );
		$this->assertNull( $event->image );
		$this->assertNull( $event->timezone );
		$this->assertSame( array( 'type' => 'VirtualLocation', 'url' => null ), $event->location[1] );
		$this->assertNull( Event::from_mobilizon( array( 'uuid' => 'x' ), 'https://mobilizon.example' ) );
	}

	public function test_json_ld_dates_carry_the_event_offset_and_a_title_cannot_close_the_script() {
		$event = Event::from_mobilizon( $this->raw( array( 'title' => 'A </script><script>alert(1)</script> & "b"' ) ), 'https://mobilizon.example' );
		$data  = Json_Ld::event( $event );
		$this->assertSame( '2026-07-05T10:00:00+02:00', $data['startDate'] );
		$this->assertSame( '2026-07-05T12:00:00+02:00', $data['endDate'] );
		$this->assertSame( 1, $data['remainingAttendeeCapacity'] );
		$script = Json_Ld::script( array( $data ) );
		$this->assertSame( 1, substr_count( $script, '</script>' ) );
		$this->assertStringEndsWith( '</script>', $script );
		$this->assertStringNotContainsString( '<script>', substr( $script, 1 ) );
		$inner = substr( $script, strlen( '<script type="application/ld+json">' ), -strlen( '</script>' ) );
		$this->assertSame( 'A </script><script>alert(1)</script> & "b"', json_decode( $inner, true )['name'] );
	}

	public function test_hidden_times_give_dates_alone() {
		$event = Event::from_mobilizon( $this->raw( array( 'options' => array( 'showStartTime' => false, 'showEndTime' => false ) ) ), 'https://mobilizon.example' );
		$data  = Json_Ld::event( $event );
		$this->assertSame( '2026-07-05', $data['startDate'] );
		$this->assertSame( '2026-07-05', $data['endDate'] );
	}
}
