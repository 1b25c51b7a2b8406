<?php
/**
 * The settings page's part about Event Bridge for ActivityPub: which of the configured groups it
 * follows (and how many of their events this site holds), and where to follow the others — Event
 * Bridge's own "Event Sources" screen. Shown only when Event Bridge is active; it only reads.
 *
 * @package Embeds_For_Mobilizon
 */

namespace Embeds_For_Mobilizon;

defined( 'ABSPATH' ) || exit;

/**
 * One section of the settings page.
 */
final class Federated_Settings {

	/**
	 * Prints the section (nothing without Event Bridge, or without an instance).
	 */
	public static function render() {
		$instance = Settings::instance();
		if ( ! Event_Bridge::active() || '' === $instance ) {
			return;
		}
		$groups = (array) Instance::parse_groups( Settings::get()['group'] );
		echo '<h2 id="embeds-for-mobilizon-event-bridge">' . esc_html__( 'Event Bridge for ActivityPub', 'embeds-for-mobilizon' ) . '</h2>';
		echo '<p>' . esc_html__( 'Groups this site follows through Event Bridge for ActivityPub are shown from the events it has received: no request to the instance, and links to the events\' pages on this site. Nothing of Event Bridge\'s is changed here.', 'embeds-for-mobilizon' ) . '</p>';
		if ( ! $groups ) {
			echo '<p>' . esc_html__( 'No default group is set above.', 'embeds-for-mobilizon' ) . '</p>';
			return;
		}
		echo '<table class="widefat striped embeds-for-mobilizon-followed"><thead><tr><th scope="col">' . esc_html__( 'Group', 'embeds-for-mobilizon' ) . '</th><th scope="col">'
			. esc_html__( 'Through Event Bridge', 'embeds-for-mobilizon' ) . '</th></tr></thead><tbody>';
		foreach ( $groups as $group ) {
			$source = Event_Bridge::source_for_group( $instance, $group );
			echo '<tr data-group="' . esc_attr( $group ) . '"><td><code>' . esc_html( $group ) . '</code></td><td>';
			if ( $source ) {
				$count = count( Event_Bridge::posts( $source ) );
				/* translators: %d: a number of events. */
				echo esc_html( sprintf( _n( 'Followed: %d event received', 'Followed: %d events received', $count, 'embeds-for-mobilizon' ), $count ) );
			} else {
				echo esc_html__( 'Not followed: its events come from the instance.', 'embeds-for-mobilizon' ) . ' <a href="' . esc_url( Event_Bridge::sources_screen() ) . '">'
					. esc_html__( 'Follow it in Event Sources', 'embeds-for-mobilizon' ) . '</a>';
			}
			echo '</td></tr>';
		}
		echo '</tbody></table>';
	}
}
