<?php
/**
 * What blocks, shortcodes and the widget print, from models already read: the custom element with
 * its attributes, and inside it (light DOM, shown until the element has loaded) plain HTML of the
 * same data, plus schema.org JSON-LD (class-json-ld.php). Visitors without JavaScript and search
 * engines read that. The HTML twin of src/elements/shared/event-list.ts and the elements' templates.
 *
 * @package Embeds_For_Mobilizon
 */

namespace Embeds_For_Mobilizon;

use WP_Error;

defined( 'ABSPATH' ) || exit;

/**
 * Models in, escaped HTML out: no request, no query.
 */
final class Renderer {

	/**
	 * The element, its fallback HTML and JSON-LD, wrapped.
	 *
	 * @param string $kind     events, event, group or registration.
	 * @param array  $atts     Prepared attributes (element names).
	 * @param array  $fallback `html` and `json_ld`.
	 * @param string $notice   A note for editors, or ''.
	 * @param string $wrapper  Extra attributes for the wrapper (a block's get_block_wrapper_attributes()).
	 * @return string
	 */
	public static function embed( $kind, array $atts, array $fallback, $notice, $wrapper = '' ) {
		$tag = Attributes::kinds()[ $kind ]['tag'];
		return '<div ' . ( $wrapper ? $wrapper : 'class="embeds-for-mobilizon embeds-for-mobilizon-' . esc_attr( $kind ) . '"' ) . '>'
			. $notice
			. '<' . $tag . self::attributes( $atts ) . '>' . $fallback['html'] . '</' . $tag . '>'
			. Json_Ld::script( $fallback['json_ld'] )
			. '</div>';
	}

	/**
	 * What an editor should know: no instance, or one this site's server may not contact.
	 *
	 * @param string|null $instance  The instance the attributes name.
	 * @param string|null $reachable The same when this server may contact it.
	 * @return string
	 */
	public static function notice( $instance, $reachable ) {
		if ( ! current_user_can( 'edit_posts' ) ) {
			return '';
		}
		if ( ! $instance ) {
			return '<p class="embeds-for-mobilizon-notice">' . esc_html__( 'No Mobilizon instance: set one in Settings → Mobilizon, or give this block one.', 'embeds-for-mobilizon' ) . '</p>';
		}
		if ( ! $reachable ) {
			/* translators: %s: an instance's host name. */
			return '<p class="embeds-for-mobilizon-notice">' . esc_html( sprintf( __( 'This site\'s server does not contact %s (only the instance set in Settings → Mobilizon): nothing is shown without JavaScript, and in proxy mode nothing at all.', 'embeds-for-mobilizon' ), Instance::host( $instance ) ) ) . '</p>';
		}
		return '';
	}

	/**
	 * HTML attributes, escaped; booleans bare.
	 *
	 * @param array $atts Attributes.
	 * @return string
	 */
	private static function attributes( array $atts ) {
		$out = '';
		foreach ( $atts as $name => $value ) {
			$out .= true === $value ? ' ' . esc_attr( $name ) : ' ' . esc_attr( $name ) . '="' . esc_attr( (string) $value ) . '"';
		}
		return $out;
	}

	/**
	 * An events list, or what to say when it is empty.
	 *
	 * @param Event[] $events Events.
	 * @param string  $period upcoming, past or all.
	 * @return array `html` and `json_ld`.
	 */
	public static function events( array $events, $period ) {
		if ( ! $events ) {
			return array(
				'html'    => '<p class="embeds-for-mobilizon-empty">' . esc_html( 'past' === $period ? __( 'No past events.', 'embeds-for-mobilizon' ) : __( 'No upcoming events.', 'embeds-for-mobilizon' ) ) . '</p>',
				'json_ld' => array(),
			);
		}
		return array(
			'html'    => self::list_html( $events ),
			'json_ld' => array_map( array( Json_Ld::class, 'event' ), $events ),
		);
	}

	/**
	 * One event: title, date, place, description, link.
	 *
	 * @param Event $event An event.
	 * @return array
	 */
	public static function event( Event $event ) {
		$html = '<article class="embeds-for-mobilizon-event"><h2 class="embeds-for-mobilizon-title">' . self::link( $event->url, $event->name ) . '</h2>'
			. '<p class="embeds-for-mobilizon-date">' . self::when( $event ) . self::status( $event ) . '</p>'
			. self::where( $event, 'p' );
		if ( $event->content ) {
			$html .= '<div class="embeds-for-mobilizon-description">' . self::rich_text( $event->content ) . '</div>';
		}
		if ( $event->url ) {
			/* translators: %s: an instance's host name. */
			$html .= '<p>' . self::link( $event->url, sprintf( __( 'See this event on %s', 'embeds-for-mobilizon' ), Instance::host( $event->url ) ) ) . '</p>';
		}
		return array(
			'html'    => $html . '</article>',
			'json_ld' => array( Json_Ld::event( $event ) ),
		);
	}

	/**
	 * The registration block: where to register without JavaScript (the event's page).
	 *
	 * @param Event $event An event.
	 * @return array
	 */
	public static function registration( Event $event ) {
		/* translators: 1: an event's title, 2: an instance's host name. */
		$text = sprintf( __( 'Register for “%1$s” on %2$s', 'embeds-for-mobilizon' ), $event->name, Instance::host( (string) $event->url ) );
		return array(
			'html'    => '<p class="embeds-for-mobilizon-registration">' . self::link( $event->url, $text ) . '</p>',
			'json_ld' => array(),
		);
	}

	/**
	 * A group: its name and description, then its upcoming events when that section is shown.
	 *
	 * @param Group                 $group    A group.
	 * @param Event[]|WP_Error|null $events   Its upcoming events, why they are missing, or null (section off).
	 * @param string                $instance The instance (for error messages).
	 * @return array
	 */
	public static function group( Group $group, $events, $instance ) {
		$html = '<h2 class="embeds-for-mobilizon-title">' . self::link( $group->url, $group->name ) . '</h2>';
		if ( $group->summary ) {
			$html .= '<div class="embeds-for-mobilizon-description">' . self::rich_text( $group->summary ) . '</div>';
		}
		if ( null === $events ) {
			return array(
				'html'    => $html,
				'json_ld' => array(),
			);
		}
		$list = is_wp_error( $events ) ? self::failure( $events, $instance ) : self::events( $events, 'upcoming' );
		return array(
			'html'    => $html . '<h3>' . esc_html__( 'Upcoming events', 'embeds-for-mobilizon' ) . '</h3>' . $list['html'],
			'json_ld' => $list['json_ld'],
		);
	}

	/**
	 * A fallback that says what went wrong (in the site's language), or none when the element says it better.
	 *
	 * @param WP_Error $error    From the sources.
	 * @param string   $instance The instance.
	 * @return array
	 */
	public static function failure( WP_Error $error, $instance ) {
		$subject = (array) $error->get_error_data();
		switch ( $error->get_error_code() ) {
			case 'embeds_for_mobilizon_bad_dates':
				return self::nothing();
			case 'embeds_for_mobilizon_bad_group':
				$message = __( 'The group is not a Mobilizon handle (name, or name@domain).', 'embeds-for-mobilizon' );
				break;
			case 'embeds_for_mobilizon_no_event':
				$message = __( 'No event: give the event\'s uuid, or its address on its instance.', 'embeds-for-mobilizon' );
				break;
			case 'embeds_for_mobilizon_not_found':
				if ( isset( $subject['group'] ) ) {
					/* translators: %s: a group handle. */
					$message = sprintf( __( 'The group %s was not found.', 'embeds-for-mobilizon' ), $subject['group'] );
				} elseif ( isset( $subject['event'] ) ) {
					$message = __( 'This event was not found.', 'embeds-for-mobilizon' );
				}
				break;
		}
		if ( ! isset( $message ) ) {
			/* translators: %s: an instance's host name. */
			$message = sprintf( __( 'The events could not be loaded from %s. Please try again later.', 'embeds-for-mobilizon' ), Instance::host( $instance ) );
		}
		return array(
			'html'    => '<p class="embeds-for-mobilizon-error">' . esc_html( $message ) . '</p>',
			'json_ld' => array(),
		);
	}

	/**
	 * No fallback (the element does everything).
	 *
	 * @return array
	 */
	public static function nothing() {
		return array(
			'html'    => '',
			'json_ld' => array(),
		);
	}

	/**
	 * A description from the instance (untrusted HTML) as text markup only: wp_kses with a short
	 * list (no images, no styles, no forms: nothing that loads or overlays), and without the
	 * contents of elements whose text is not prose.
	 *
	 * @param string $html Untrusted HTML.
	 * @return string
	 */
	public static function rich_text( $html ) {
		$html    = preg_replace( '#<(script|style|iframe|object|embed|template|noscript|svg|math|textarea|select|title)\b[^>]*>.*?</\1\s*>#is', '', (string) $html );
		$allowed = array(
			'a'          => array(
				'href' => true,
				'rel'  => true,
			),
			'br'         => array(),
			'p'          => array(),
			'strong'     => array(),
			'b'          => array(),
			'em'         => array(),
			'i'          => array(),
			'u'          => array(),
			's'          => array(),
			'ul'         => array(),
			'ol'         => array(),
			'li'         => array(),
			'blockquote' => array(),
			'h3'         => array(),
			'h4'         => array(),
			'h5'         => array(),
			'h6'         => array(),
			'code'       => array(),
			'pre'        => array(),
		);
		return wp_kses( (string) $html, $allowed, array( 'http', 'https', 'mailto' ) );
	}

	/**
	 * A list of events.
	 *
	 * @param Event[] $events Events.
	 * @return string
	 */
	private static function list_html( array $events ) {
		$html = '<ul class="embeds-for-mobilizon-list">';
		foreach ( $events as $event ) {
			$html .= '<li class="embeds-for-mobilizon-item">'
				. '<span class="embeds-for-mobilizon-title">' . self::link( $event->url, $event->name ) . '</span> '
				. '<span class="embeds-for-mobilizon-date">' . self::when( $event ) . '</span>'
				. self::where( $event, 'span' )
				. self::status( $event )
				. '</li>';
		}
		return $html . '</ul>';
	}

	/**
	 * A link, or the text alone when there is no URL.
	 *
	 * @param string|null $url  An http(s) URL.
	 * @param string      $text The text.
	 * @return string
	 */
	private static function link( $url, $text ) {
		return $url ? '<a href="' . esc_url( $url ) . '">' . esc_html( $text ) . '</a>' : esc_html( $text );
	}

	/**
	 * The start (and end) in the event's zone, in the site's date and time formats.
	 *
	 * @param Event $event An event.
	 * @return string
	 */
	private static function when( Event $event ) {
		$zone   = $event->zone_object();
		$format = get_option( 'date_format' ) . ( $event->display['showStartTime'] ? ' ' . get_option( 'time_format' ) : '' );
		$start  = $event->start();
		$text   = wp_date( $format, $start->getTimestamp(), $zone );
		$end    = $event->end();
		if ( $end && $event->display['showEndTime'] ) {
			$same = $end->format( 'Y-m-d' ) === $start->format( 'Y-m-d' );
			$text = sprintf(
				/* translators: 1: start date and time, 2: end time or date. */
				__( '%1$s – %2$s', 'embeds-for-mobilizon' ),
				$text,
				wp_date( $same ? get_option( 'time_format' ) : $format, $end->getTimestamp(), $zone )
			);
		}
		$datetime = $event->display['showStartTime'] ? $start->format( 'c' ) : $start->format( 'Y-m-d' );
		return '<time datetime="' . esc_attr( $datetime ) . '">' . esc_html( $text ) . '</time>';
	}

	/**
	 * The place ("Salle des fêtes, Lyon") or "Online".
	 *
	 * @param Event  $event An event.
	 * @param string $tag   span or p.
	 * @return string
	 */
	private static function where( Event $event, $tag ) {
		$place = $event->place();
		if ( $place ) {
			$parts = array_filter( array( $place['name'], $place['address']['addressLocality'] ) );
			$text  = implode( ', ', array_unique( $parts ) );
		} elseif ( $event->isOnline ) {
			$text = __( 'Online', 'embeds-for-mobilizon' );
		} else {
			return '';
		}
		if ( '' === $text ) {
			return '';
		}
		return ( 'span' === $tag ? ' · ' : '' ) . '<' . $tag . ' class="embeds-for-mobilizon-place">' . esc_html( $text ) . '</' . $tag . '>';
	}

	/**
	 * "Cancelled" or "To be confirmed", when so.
	 *
	 * @param Event $event An event.
	 * @return string
	 */
	private static function status( Event $event ) {
		if ( 'CANCELLED' === $event->status ) {
			return ' <strong class="embeds-for-mobilizon-status">' . esc_html__( 'Cancelled', 'embeds-for-mobilizon' ) . '</strong>';
		}
		if ( 'TENTATIVE' === $event->status ) {
			return ' <em class="embeds-for-mobilizon-status">' . esc_html__( 'To be confirmed', 'embeds-for-mobilizon' ) . '</em>';
		}
		return '';
	}
}
