<?php
/**
 * schema.org `Event` JSON-LD for search engines, from the shared event vocabulary. Its twin,
 * src/format/json-ld.ts, writes the same shape in the browser for the elements' `structured-data`.
 *
 * @package Embeds_For_Mobilizon
 */

namespace Embeds_For_Mobilizon;

defined( 'ABSPATH' ) || exit;

/**
 * Events as schema.org objects, and the script tag that carries them.
 */
final class Json_Ld {

	/**
	 * Events already printed in this request (url|startDate).
	 *
	 * @var array
	 */
	private static $printed = array();

	/**
	 * Forgets what was printed (a new page; tests).
	 */
	public static function reset() {
		self::$printed = array();
	}

	/**
	 * One event as schema.org `Event`. Dates carry the event's own offset; a hidden start time
	 * (Mobilizon's showStartTime off) gives a date alone.
	 *
	 * @param Event $event An event.
	 * @return array
	 */
	public static function event( Event $event ) {
		$statuses = array(
			'CANCELLED' => 'https://schema.org/EventCancelled',
			'TENTATIVE' => 'https://schema.org/EventScheduled',
			'CONFIRMED' => 'https://schema.org/EventScheduled',
		);
		// Both dates in one form: date-time with the zone's offset, or the day alone when the start time is hidden.
		$form = $event->display['showStartTime'] ? 'c' : 'Y-m-d';
		$data = array(
			'@context'    => 'https://schema.org',
			'@type'       => 'Event',
			'name'        => $event->name,
			'startDate'   => $event->start()->format( $form ),
			'eventStatus' => $statuses[ $event->status ],
			'url'         => $event->url,
		);
		$end      = $event->end();
		if ( $end ) {
			$data['endDate'] = $end->format( $form );
		}

		$places  = array();
		$virtual = false;
		foreach ( $event->location as $location ) {
			if ( 'Place' === $location['type'] ) {
				$places[] = self::place( $location );
			} else {
				$virtual  = true;
				$places[] = array_filter(
					array(
						'@type' => 'VirtualLocation',
						'url'   => $location['url'] ? $location['url'] : $event->url,
					)
				);
			}
		}
		$physical                      = count( $places ) > ( $virtual ? 1 : 0 );
		$data['eventAttendanceMode']   = $virtual
			? ( $physical ? 'https://schema.org/MixedEventAttendanceMode' : 'https://schema.org/OnlineEventAttendanceMode' )
			: 'https://schema.org/OfflineEventAttendanceMode';
		if ( $places ) {
			$data['location'] = 1 === count( $places ) ? $places[0] : $places;
		}

		if ( $event->content ) {
			// Block ends become spaces, so words of two paragraphs do not run together.
			$text = preg_replace( '#</?(p|div|li|h[1-6]|br|ul|ol|blockquote|tr|td)\b[^>]*>#i', ' ', Renderer::rich_text( $event->content ) );
			$text = trim( preg_replace( '/\s+/u', ' ', html_entity_decode( wp_strip_all_tags( $text ), ENT_QUOTES, 'UTF-8' ) ) );
			if ( '' !== $text ) {
				$data['description'] = wp_html_excerpt( $text, 500, '…' );
			}
		}
		if ( $event->image ) {
			$data['image'] = $event->image['url'];
		}
		$organizer = $event->attributedTo;
		if ( $organizer ) {
			$data['organizer'] = array_filter(
				array(
					'@type' => 'Person' === $organizer['type'] ? 'Person' : 'Organization',
					'name'  => $organizer['name'],
					'url'   => $organizer['url'] ? $organizer['url'] : self::actor_url( $organizer, $event ),
				)
			);
		}
		if ( $event->offers ) {
			$data['offers'] = array_map(
				function ( $offer ) use ( $event ) {
					return array_filter(
						array(
							'@type'         => 'Offer',
							'price'         => null === $offer['price'] ? 0 : $offer['price'],
							'priceCurrency' => $offer['currency'] ? $offer['currency'] : ( $offer['price'] ? 'EUR' : null ),
							'url'           => $offer['url'] ? $offer['url'] : $event->url,
						),
						function ( $value ) {
							return null !== $value && '' !== $value;
						}
					);
				},
				$event->offers
			);
		}
		if ( null !== $event->remainingAttendeeCapacity && ! $event->display['hideNumberOfParticipants'] ) {
			$data['remainingAttendeeCapacity'] = $event->remainingAttendeeCapacity;
		}
		if ( $event->inLanguage ) {
			$data['inLanguage'] = $event->inLanguage;
		}
		return $data;
	}

	/**
	 * An actor's page when the answer gave none: `/@name` on its instance (Mobilizon's actor URLs).
	 *
	 * @param array $actor An actor of the vocabulary.
	 * @param Event $event The event (its instance).
	 * @return string|null
	 */
	private static function actor_url( array $actor, Event $event ) {
		$handle = (string) ( $actor['handle'] ?? '' );
		if ( ! preg_match( Instance::HANDLE, $handle ) ) {
			return null;
		}
		$parts = explode( '@', $handle, 2 );
		$base  = isset( $parts[1] ) ? 'https://' . $parts[1] : (string) ( $event->source['instance'] ?? '' );
		return '' === $base ? null : $base . '/@' . rawurlencode( $parts[0] );
	}

	/**
	 * A Place with its PostalAddress and coordinates.
	 *
	 * @param array $place A Place of the vocabulary.
	 * @return array
	 */
	private static function place( array $place ) {
		$address = array_filter( $place['address'] );
		$out     = array( '@type' => 'Place' );
		if ( $place['name'] ) {
			$out['name'] = $place['name'];
		}
		if ( $address ) {
			$out['address'] = array( '@type' => 'PostalAddress' ) + $address;
		}
		if ( null !== $place['latitude'] ) {
			$out['geo'] = array(
				'@type'     => 'GeoCoordinates',
				'latitude'  => $place['latitude'],
				'longitude' => $place['longitude'],
			);
		}
		if ( ! isset( $out['name'] ) ) {
			// Google wants a name; the locality (or the street) is what people call the place.
			$out['name'] = $address['addressLocality'] ?? ( $address['streetAddress'] ?? '' );
		}
		return $out;
	}

	/**
	 * The script tag. JSON_HEX_* turn <, >, &, ' and " into \u escapes, so a title holding
	 * `</script>` cannot end the tag.
	 *
	 * @param array $items schema.org objects.
	 * @return string
	 */
	public static function script( array $items ) {
		// One Event per event on the page, however many blocks show it.
		$items = array_values(
			array_filter(
				$items,
				function ( $item ) {
					$id = (string) ( $item['url'] ?? '' ) . '|' . (string) ( $item['startDate'] ?? '' );
					if ( isset( self::$printed[ $id ] ) ) {
						return false;
					}
					self::$printed[ $id ] = true;
					return true;
				}
			)
		);
		if ( ! $items ) {
			return '';
		}
		$json = wp_json_encode(
			1 === count( $items ) ? $items[0] : array_values( $items ),
			JSON_HEX_TAG | JSON_HEX_AMP | JSON_HEX_APOS | JSON_HEX_QUOT | JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE
		);
		return false === $json ? '' : '<script type="application/ld+json">' . $json . '</script>';
	}
}
