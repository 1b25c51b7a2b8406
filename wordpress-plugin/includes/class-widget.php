<?php
/**
 * The classic widget: upcoming events in a widget area.
 *
 * @package Embeds_For_Mobilizon
 */

namespace Embeds_For_Mobilizon;

use WP_Widget;

defined( 'ABSPATH' ) || exit;

/**
 * A title and a <mobilizon-events> list.
 */
final class Widget extends WP_Widget {

	/**
	 * Names the widget.
	 */
	public function __construct() {
		parent::__construct(
			'embeds_for_mobilizon_events',
			__( 'Mobilizon events', 'embeds-for-mobilizon' ),
			array(
				'description'                 => __( 'Upcoming events of a Mobilizon group or instance.', 'embeds-for-mobilizon' ),
				'customize_selective_refresh' => true,
			)
		);
	}

	/**
	 * The widget's fields with their defaults.
	 *
	 * @param array $instance Saved fields.
	 * @return array
	 */
	private function fields( $instance ) {
		return array_merge(
			array(
				'title' => __( 'Upcoming events', 'embeds-for-mobilizon' ),
				'group' => '',
				'view'  => 'list',
				'limit' => 5,
			),
			is_array( $instance ) ? $instance : array()
		);
	}

	/**
	 * Front end.
	 *
	 * @param array $args     Widget area markup.
	 * @param array $instance Saved fields.
	 */
	public function widget( $args, $instance ) {
		$fields = $this->fields( $instance );
		$title  = apply_filters( 'widget_title', $fields['title'], $instance, $this->id_base );
		echo $args['before_widget']; // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- the theme's markup.
		if ( $title ) {
			echo $args['before_title'] . esc_html( $title ) . $args['after_title']; // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- the theme's markup.
		}
		echo Embed::render( // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- escaped by the renderer.
			'events',
			array(
				'group' => $fields['group'],
				'view'  => $fields['view'],
				'limit' => (string) $fields['limit'],
			)
		);
		echo $args['after_widget']; // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- the theme's markup.
	}

	/**
	 * Admin form.
	 *
	 * @param array $instance Saved fields.
	 * @return string
	 */
	public function form( $instance ) {
		$fields = $this->fields( $instance );
		$views  = array(
			'list'   => __( 'List', 'embeds-for-mobilizon' ),
			'agenda' => __( 'Agenda', 'embeds-for-mobilizon' ),
			'grid'   => __( 'Cards', 'embeds-for-mobilizon' ),
		);
		printf(
			'<p><label for="%1$s">%2$s</label><input class="widefat" id="%1$s" name="%3$s" type="text" value="%4$s" /></p>',
			esc_attr( $this->get_field_id( 'title' ) ),
			esc_html__( 'Title:', 'embeds-for-mobilizon' ),
			esc_attr( $this->get_field_name( 'title' ) ),
			esc_attr( $fields['title'] )
		);
		printf(
			'<p><label for="%1$s">%2$s</label><input class="widefat" id="%1$s" name="%3$s" type="text" value="%4$s" placeholder="%5$s" /></p>',
			esc_attr( $this->get_field_id( 'group' ) ),
			esc_html__( 'Group (empty: the default group or the whole instance):', 'embeds-for-mobilizon' ),
			esc_attr( $this->get_field_name( 'group' ) ),
			esc_attr( $fields['group'] ),
			esc_attr( Settings::get()['group'] )
		);
		printf( '<p><label for="%1$s">%2$s</label> <select id="%1$s" name="%3$s">', esc_attr( $this->get_field_id( 'view' ) ), esc_html__( 'View:', 'embeds-for-mobilizon' ), esc_attr( $this->get_field_name( 'view' ) ) );
		foreach ( $views as $value => $label ) {
			printf( '<option value="%1$s" %2$s>%3$s</option>', esc_attr( $value ), selected( $fields['view'], $value, false ), esc_html( $label ) );
		}
		echo '</select></p>';
		printf(
			'<p><label for="%1$s">%2$s</label> <input id="%1$s" name="%3$s" type="number" min="1" max="50" class="tiny-text" value="%4$d" /></p>',
			esc_attr( $this->get_field_id( 'limit' ) ),
			esc_html__( 'Number of events:', 'embeds-for-mobilizon' ),
			esc_attr( $this->get_field_name( 'limit' ) ),
			(int) $fields['limit']
		);
		return '';
	}

	/**
	 * Saves the form.
	 *
	 * @param array $new_instance Submitted fields.
	 * @param array $old_instance Previous fields.
	 * @return array
	 */
	public function update( $new_instance, $old_instance ) {
		$groups = Instance::parse_groups( sanitize_text_field( $new_instance['group'] ?? '' ) );
		return array(
			'title' => sanitize_text_field( $new_instance['title'] ?? '' ),
			'group' => null === $groups ? ( $old_instance['group'] ?? '' ) : implode( ',', $groups ),
			'view'  => in_array( $new_instance['view'] ?? '', array( 'list', 'agenda', 'grid' ), true ) ? $new_instance['view'] : 'list',
			'limit' => min( 50, max( 1, absint( $new_instance['limit'] ?? 5 ) ) ),
		);
	}
}
