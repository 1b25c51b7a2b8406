<?php
/**
 * What blocks, shortcodes and the widget print: the custom element with the same attributes, and
 * inside it (light DOM, shown until the element has loaded) plain HTML of the same data fetched
 * here, plus schema.org JSON-LD. Visitors without JavaScript and search engines read that.
 *
 * @package Embeds_For_Mobilizon
 */

namespace Embeds_For_Mobilizon;

defined( 'ABSPATH' ) || exit;

/**
 * One renderer for every way of placing an element.
 */
final class Renderer {

	/**
	 * Each kind's tag and attributes (the elements' own names, architecture.md §1) with their kinds:
	 * `text`, `bool`, `int`, `number`, `date`, `href`, or a list of allowed values.
	 *
	 * @return array
	 */
	public static function kinds() {
		$common = array(
			'instance' => 'text',
			'locale'   => 'text',
			'timezone' => 'text',
			'theme'    => array( 'auto', 'light', 'dark' ),
		);
		return array(
			'events'       => array(
				'tag'        => 'mobilizon-events',
				'attributes' => $common + array(
					'group'          => 'text',
					'view'           => array( 'list', 'grid', 'agenda', 'month' ),
					'period'         => array( 'upcoming', 'past', 'all' ),
					'limit'          => 'int',
					'from'           => 'date',
					'to'             => 'date',
					'tags'           => 'text',
					'category'       => 'text',
					'type'           => array( 'online', 'in-person' ),
					'term'           => 'text',
					'near'           => 'text',
					'radius'         => 'number',
					'search'         => array( 'self', 'internal', 'global' ),
					'filters'        => 'bool',
					'hide-cancelled' => 'bool',
					'event-href'     => 'href',
				),
			),
			'event'        => array(
				'tag'        => 'mobilizon-event',
				'attributes' => $common + array(
					'uuid'         => 'text',
					'url'          => 'text',
					'registration' => array( 'auto', 'none' ),
				),
			),
			'group'        => array(
				'tag'        => 'mobilizon-group',
				'attributes' => $common + array(
					'group'    => 'text',
					'sections' => 'text',
					'limit'    => 'int',
				),
			),
			'registration' => array(
				'tag'        => 'mobilizon-registration',
				'attributes' => $common + array(
					'uuid' => 'text',
					'url'  => 'text',
				),
			),
		);
	}

	/**
	 * The attributes a block, shortcode or widget gave, cleaned: unknown names dropped, values
	 * checked against their kind (a value that does not fit is dropped, the element's default applies).
	 *
	 * @param string $kind  events, event, group or registration.
	 * @param array  $given Attributes.
	 * @return array Strings, and true for boolean attributes that are on.
	 */
	public static function clean( $kind, array $given ) {
		$spec = self::kinds()[ $kind ]['attributes'];
		// Shortcodes: `[mobilizon_events filters]` gives the flag as a value.
		foreach ( $given as $key => $value ) {
			if ( is_int( $key ) && is_string( $value ) && isset( $spec[ strtolower( $value ) ] ) && 'bool' === $spec[ strtolower( $value ) ] ) {
				$given[ strtolower( $value ) ] = true;
			}
		}
		$out = array();
		foreach ( $spec as $name => $type ) {
			if ( ! array_key_exists( $name, $given ) || null === $given[ $name ] || is_array( $given[ $name ] ) || is_object( $given[ $name ] ) ) {
				continue;
			}
			$value = $given[ $name ];
			if ( 'bool' === $type ) {
				if ( true === $value || in_array( strtolower( (string) $value ), array( '1', 'true', 'yes', 'on', $name ), true ) ) {
					$out[ $name ] = true;
				}
				continue;
			}
			$value = trim( sanitize_text_field( (string) $value ) );
			if ( '' === $value ) {
				continue;
			}
			if ( is_array( $type ) ) {
				if ( in_array( $value, $type, true ) ) {
					$out[ $name ] = $value;
				}
				continue;
			}
			switch ( $type ) {
				case 'int':
					if ( is_numeric( $value ) ) {
						$out[ $name ] = (string) min( Operations::MAX_LIMIT, max( 1, (int) $value ) );
					}
					break;
				case 'number':
					if ( is_numeric( $value ) && (float) $value > 0 ) {
						$out[ $name ] = (string) (float) $value;
					}
					break;
				case 'date':
					if ( preg_match( '/^\d{4}-\d{2}-\d{2}$/', $value ) ) {
						$out[ $name ] = $value;
					}
					break;
				case 'href':
					// `inline`, or a page address template: relative, or http(s).
					$scheme = wp_parse_url( $value, PHP_URL_SCHEME );
					if ( 'inline' === $value || ( ! $scheme && ! preg_match( '/^[a-z][a-z0-9+.-]*:/i', $value ) ) || in_array( strtolower( (string) $scheme ), array( 'http', 'https' ), true ) ) {
						$out[ $name ] = $value;
					}
					break;
				default:
					$out[ $name ] = $value;
			}
		}
		return $out;
	}

	/**
	 * The element, its fallback HTML and JSON-LD, wrapped.
	 *
	 * @param string $kind    events, event, group or registration.
	 * @param array  $given   Attributes (element names).
	 * @param string $wrapper Extra attributes for the wrapper (a block's get_block_wrapper_attributes()).
	 * @return string
	 */
	public static function render( $kind, array $given, $wrapper = '' ) {
		$kinds = self::kinds();
		if ( ! isset( $kinds[ $kind ] ) ) {
			return '';
		}
		$atts = self::clean( $kind, $given );

		// Where the data lives: the attribute, the event's address, or the site's instance.
		if ( ( 'event' === $kind || 'registration' === $kind ) && ! empty( $atts['url'] ) && empty( $atts['uuid'] ) ) {
			$parsed = Instance::parse_event_url( $atts['url'] );
			if ( $parsed ) {
				$atts['instance'] = $parsed['instance'];
				$atts['uuid']     = $parsed['uuid'];
				unset( $atts['url'] );
			}
		}
		$instance = isset( $atts['instance'] ) ? Instance::normalize( $atts['instance'] ) : null;
		if ( null === $instance && empty( $atts['instance'] ) && '' !== Settings::instance() ) {
			$instance = Settings::instance();
		}
		if ( $instance ) {
			$atts['instance'] = $instance;
		}
		if ( ( 'events' === $kind || 'group' === $kind ) && empty( $atts['group'] ) && '' !== Settings::get()['group'] ) {
			$atts['group'] = 'group' === $kind ? explode( ',', Settings::get()['group'] )[0] : Settings::get()['group'];
		}
		if ( empty( $atts['locale'] ) ) {
			$atts['locale'] = self::bcp47( get_locale() );
		}
		if ( 'proxy' === Settings::mode() && $instance ) {
			$atts['endpoint'] = Proxy::url( $instance );
		}

		$reachable = $instance ? Instance::resolve( $instance ) : null;
		$method    = 'fallback_' . $kind;
		$fallback  = self::$method( $atts, $reachable );
		Assets::enqueue();

		$notice = '';
		if ( ! $instance && current_user_can( 'edit_posts' ) ) {
			$notice = '<p class="embeds-for-mobilizon-notice">' . esc_html__( 'No Mobilizon instance: set one in Settings → Mobilizon, or give this block one.', 'embeds-for-mobilizon' ) . '</p>';
		} elseif ( $instance && ! $reachable && current_user_can( 'edit_posts' ) ) {
			/* translators: %s: an instance's host name. */
			$notice = '<p class="embeds-for-mobilizon-notice">' . esc_html( sprintf( __( 'This site\'s server does not contact %s (only the instance set in Settings → Mobilizon): nothing is shown without JavaScript, and in proxy mode nothing at all.', 'embeds-for-mobilizon' ), Instance::host( $instance ) ) ) . '</p>';
		}

		$tag = $kinds[ $kind ]['tag'];
		return '<div ' . ( $wrapper ? $wrapper : 'class="embeds-for-mobilizon embeds-for-mobilizon-' . esc_attr( $kind ) . '"' ) . '>'
			. $notice
			. '<' . $tag . self::attributes( $atts ) . '>' . $fallback['html'] . '</' . $tag . '>'
			. Json_Ld::script( $fallback['json_ld'] )
			. '</div>';
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
	 * WordPress's locale (fr_FR) as a BCP 47 tag (fr-FR).
	 *
	 * @param string $locale A WordPress locale.
	 * @return string
	 */
	public static function bcp47( $locale ) {
		$parts = explode( '_', (string) $locale );
		$tag   = strtolower( $parts[0] );
		if ( isset( $parts[1] ) && preg_match( '/^([A-Za-z]{2}|[0-9]{3})$/', $parts[1] ) ) {
			$tag .= '-' . strtoupper( $parts[1] );
		}
		return preg_match( '/^[a-z]{2,3}(-[A-Z0-9]{2,3})?$/', $tag ) ? $tag : 'en';
	}

	/**
	 * "Now" to the minute, as the elements send it: equal requests within a minute share a cache entry.
	 *
	 * @return string
	 */
	private static function now() {
		return gmdate( 'Y-m-d\TH:i:00\Z' );
	}

	/**
	 * The events list: the same first page the element asks for (same operation and variables, so
	 * the element's first request through the proxy is a cache hit).
	 *
	 * @param array       $atts     Cleaned attributes.
	 * @param string|null $instance The instance when this server may contact it.
	 * @return array `html` and `json_ld`.
	 */
	private static function fallback_events( array $atts, $instance ) {
		$limit  = isset( $atts['limit'] ) ? (int) $atts['limit'] : 10;
		$period = $atts['period'] ?? 'upcoming';
		$groups = Instance::parse_groups( $atts['group'] ?? '' );
		if ( null === $instance ) {
			return self::nothing();
		}
		if ( null === $groups ) {
			return self::failure( __( 'The group is not a Mobilizon handle (name, or name@domain).', 'embeds-for-mobilizon' ) );
		}

		$events = array();
		if ( ! $groups ) {
			if ( 'upcoming' === $period ) {
				$answer = Client::query(
					$instance,
					'FetchEvents',
					array(
						'page'  => 1,
						'limit' => $limit,
					)
				);
				$page   = self::data( $answer, 'events' );
			} else {
				$variables = array(
					'beginsOn'     => '1970-01-01T00:00:00Z',
					'searchTarget' => 'INTERNAL',
					'sortBy'       => 'past' === $period ? 'START_TIME_DESC' : 'START_TIME_ASC',
					'page'         => 1,
					'limit'        => $limit,
				);
				if ( 'past' === $period ) {
					$variables['endsOn'] = self::now();
				}
				$answer = Client::query( $instance, 'SearchEvents', $variables );
				$page   = self::data( $answer, 'searchEvents' );
			}
			if ( is_wp_error( $page ) ) {
				return self::failure( self::could_not_load( $instance ) );
			}
			$events = Event::list_from_mobilizon( $page, $instance );
		} else {
			foreach ( $groups as $group ) {
				$variables = array(
					'name'           => $group,
					'order'          => 'BEGINS_ON',
					'orderDirection' => 'past' === $period ? 'DESC' : 'ASC',
					'page'           => 1,
					'limit'          => $limit,
				);
				if ( 'upcoming' === $period ) {
					$variables['afterDatetime'] = self::now();
				} elseif ( 'past' === $period ) {
					$variables['beforeDatetime'] = self::now();
				}
				$answer = Client::query( $instance, 'GroupEvents', $variables );
				$data   = self::data( $answer, 'group' );
				if ( is_wp_error( $data ) ) {
					return self::failure( 'embeds_for_mobilizon_not_found' === $data->get_error_code()
						/* translators: %s: a group handle. */
						? sprintf( __( 'The group %s was not found.', 'embeds-for-mobilizon' ), $group )
						: self::could_not_load( $instance ) );
				}
				$events = array_merge( $events, Event::list_from_mobilizon( $data['organizedEvents'] ?? null, $instance ) );
			}
			if ( count( $groups ) > 1 ) {
				usort(
					$events,
					function ( $a, $b ) use ( $period ) {
						return 'past' === $period ? strcmp( $b->startTime, $a->startTime ) : strcmp( $a->startTime, $b->startTime );
					}
				);
				$events = array_slice( $events, 0, $limit );
			}
		}
		if ( ! empty( $atts['hide-cancelled'] ) ) {
			$events = array_values(
				array_filter(
					$events,
					function ( $event ) {
						return 'CANCELLED' !== $event->status;
					}
				)
			);
		}
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
	 * @param array       $atts     Cleaned attributes.
	 * @param string|null $instance The instance when this server may contact it.
	 * @return array
	 */
	private static function fallback_event( array $atts, $instance ) {
		$event = self::fetch_event( $atts, $instance );
		if ( ! $event instanceof Event ) {
			return $event;
		}
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
	 * @param array       $atts     Cleaned attributes.
	 * @param string|null $instance The instance when this server may contact it.
	 * @return array
	 */
	private static function fallback_registration( array $atts, $instance ) {
		$event = self::fetch_event( $atts, $instance );
		if ( ! $event instanceof Event ) {
			return $event;
		}
		/* translators: 1: an event's title, 2: an instance's host name. */
		$text = sprintf( __( 'Register for “%1$s” on %2$s', 'embeds-for-mobilizon' ), $event->name, Instance::host( (string) $event->url ) );
		return array(
			'html'    => '<p class="embeds-for-mobilizon-registration">' . self::link( $event->url, $text ) . '</p>',
			'json_ld' => array(),
		);
	}

	/**
	 * A group: its name and description, then its upcoming events.
	 *
	 * @param array       $atts     Cleaned attributes.
	 * @param string|null $instance The instance when this server may contact it.
	 * @return array
	 */
	private static function fallback_group( array $atts, $instance ) {
		if ( null === $instance ) {
			return self::nothing();
		}
		$handle = Instance::parse_groups( $atts['group'] ?? '' );
		if ( ! $handle ) {
			return self::failure( __( 'The group is not a Mobilizon handle (name, or name@domain).', 'embeds-for-mobilizon' ) );
		}
		$data = self::data( Client::query( $instance, 'FetchGroup', array( 'name' => $handle[0] ) ), 'group' );
		if ( is_wp_error( $data ) ) {
			return self::failure( 'embeds_for_mobilizon_not_found' === $data->get_error_code()
				/* translators: %s: a group handle. */
				? sprintf( __( 'The group %s was not found.', 'embeds-for-mobilizon' ), $handle[0] )
				: self::could_not_load( $instance ) );
		}
		$group = Group::from_mobilizon( $data, $instance );
		if ( ! $group ) {
			return self::failure( self::could_not_load( $instance ) );
		}
		$html = '<h2 class="embeds-for-mobilizon-title">' . self::link( $group->url, $group->name ) . '</h2>';
		if ( $group->summary ) {
			$html .= '<div class="embeds-for-mobilizon-description">' . self::rich_text( $group->summary ) . '</div>';
		}
		$sections = array_map( 'trim', explode( ',', $atts['sections'] ?? 'about,events,past,posts' ) );
		$json_ld  = array();
		if ( in_array( 'events', $sections, true ) ) {
			$events = self::fallback_events(
				array(
					'group' => $handle[0],
					'limit' => $atts['limit'] ?? '10',
				),
				$instance
			);
			$html  .= '<h3>' . esc_html__( 'Upcoming events', 'embeds-for-mobilizon' ) . '</h3>' . $events['html'];
			$json_ld = $events['json_ld'];
		}
		return array(
			'html'    => $html,
			'json_ld' => $json_ld,
		);
	}

	/**
	 * The event an event or registration block names, or the fallback to show instead.
	 *
	 * @param array       $atts     Cleaned attributes.
	 * @param string|null $instance The instance when this server may contact it.
	 * @return Event|array
	 */
	private static function fetch_event( array $atts, $instance ) {
		if ( null === $instance ) {
			return self::nothing();
		}
		$uuid = $atts['uuid'] ?? '';
		if ( ! preg_match( Instance::UUID, $uuid ) ) {
			return self::failure( __( 'No event: give the event\'s uuid, or its address on its instance.', 'embeds-for-mobilizon' ) );
		}
		$data = self::data( Client::query( $instance, 'FetchEvent', array( 'uuid' => strtolower( $uuid ) ) ), 'event' );
		if ( is_wp_error( $data ) ) {
			return self::failure( 'embeds_for_mobilizon_not_found' === $data->get_error_code() ? __( 'This event was not found.', 'embeds-for-mobilizon' ) : self::could_not_load( $instance ) );
		}
		$event = Event::from_mobilizon( $data, $instance );
		return $event ? $event : self::failure( self::could_not_load( $instance ) );
	}

	/**
	 * `data[$field]` of an answer, or an error (not found, failed).
	 *
	 * @param array|\WP_Error $answer A client answer.
	 * @param string          $field  The root field.
	 * @return array|\WP_Error
	 */
	private static function data( $answer, $field ) {
		if ( is_wp_error( $answer ) ) {
			return $answer;
		}
		$body = $answer['body'];
		if ( ! empty( $body['errors'] ) ) {
			$code = is_array( $body['errors'][0] ?? null ) ? (string) ( $body['errors'][0]['code'] ?? '' ) : '';
			return new \WP_Error( preg_match( '/_not_found$/', $code ) ? 'embeds_for_mobilizon_not_found' : 'embeds_for_mobilizon_graphql', $code );
		}
		$value = $body['data'][ $field ] ?? null;
		return is_array( $value ) ? $value : new \WP_Error( 'embeds_for_mobilizon_not_found', $field );
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

	/**
	 * No fallback (the element does everything).
	 *
	 * @return array
	 */
	private static function nothing() {
		return array(
			'html'    => '',
			'json_ld' => array(),
		);
	}

	/**
	 * A fallback that says what went wrong.
	 *
	 * @param string $message The words.
	 * @return array
	 */
	private static function failure( $message ) {
		return array(
			'html'    => '<p class="embeds-for-mobilizon-error">' . esc_html( $message ) . '</p>',
			'json_ld' => array(),
		);
	}

	/**
	 * "The events could not be loaded from mobilizon.fr."
	 *
	 * @param string $instance A base URL.
	 * @return string
	 */
	private static function could_not_load( $instance ) {
		/* translators: %s: an instance's host name. */
		return sprintf( __( 'The events could not be loaded from %s. Please try again later.', 'embeds-for-mobilizon' ), Instance::host( $instance ) );
	}
}
