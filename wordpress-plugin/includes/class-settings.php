<?php
/**
 * Settings → Mobilizon: the default instance and group, the mode, the cache lifetime.
 *
 * @package Embeds_For_Mobilizon
 */

namespace Embeds_For_Mobilizon;

defined( 'ABSPATH' ) || exit;

/**
 * One option (an array), sanitized on every write; a page to edit it and test the instance.
 */
final class Settings {

	/**
	 * The address "Test connection" tried (shown in the field until saved), or null.
	 *
	 * @var string|null
	 */
	private static $tested = null;


	const OPTION = 'embeds_for_mobilizon_settings';
	const PAGE   = 'embeds-for-mobilizon';
	const GROUP  = 'embeds_for_mobilizon';

	/**
	 * What an unconfigured site has.
	 *
	 * @return array
	 */
	public static function defaults() {
		return array(
			'instance'      => '',
			'group'         => '',
			'mode'          => 'proxy',
			'cache_minutes' => 10,
		);
	}

	/**
	 * The settings in force (known keys only, defaults filled in).
	 *
	 * @return array
	 */
	public static function get() {
		$saved = get_option( self::OPTION, array() );
		$saved = is_array( $saved ) ? array_intersect_key( $saved, self::defaults() ) : array();
		return array_merge( self::defaults(), $saved );
	}

	/**
	 * The default instance's base URL, or '' when none is set.
	 *
	 * @return string
	 */
	public static function instance() {
		return (string) self::get()['instance'];
	}

	/**
	 * `proxy` (visitors' browsers talk only to this site) or `direct`.
	 *
	 * @return string
	 */
	public static function mode() {
		return 'direct' === self::get()['mode'] ? 'direct' : 'proxy';
	}

	/**
	 * How long an answer from the instance stays fresh, in seconds.
	 *
	 * @return int
	 */
	public static function cache_lifetime() {
		return max( 1, (int) self::get()['cache_minutes'] ) * MINUTE_IN_SECONDS;
	}

	/**
	 * Registers the option with its sanitizer, so every write goes through it.
	 */
	public static function register() {
		register_setting(
			self::GROUP,
			self::OPTION,
			array(
				'type'              => 'object',
				'default'           => self::defaults(),
				'sanitize_callback' => array( __CLASS__, 'sanitize' ),
				'show_in_rest'      => false,
			)
		);
	}

	/**
	 * Cleans what the form sent; a bad value keeps the previous one and says why.
	 *
	 * @param mixed $input The submitted settings.
	 * @return array
	 */
	public static function sanitize( $input ) {
		$previous = self::get();
		$clean    = $previous;
		$input    = is_array( $input ) ? $input : array();

		if ( array_key_exists( 'instance', $input ) ) {
			$raw = trim( sanitize_text_field( wp_unslash( (string) $input['instance'] ) ) );
			if ( '' === $raw ) {
				$clean['instance'] = '';
			} else {
				$base = Instance::normalize( $raw );
				if ( null === $base ) {
					self::error( 'instance', __( 'The instance must be a web address such as mobilizon.fr or https://mobilizon.fr (http or https only).', 'embeds-for-mobilizon' ) );
				} elseif ( ! Instance::is_public( $base, false ) ) {
					self::error( 'instance', __( 'The instance address points to a private or reserved network address; this site will not contact it.', 'embeds-for-mobilizon' ) );
				} else {
					$clean['instance'] = $base;
				}
			}
		}

		if ( array_key_exists( 'group', $input ) ) {
			$groups = Instance::parse_groups( sanitize_text_field( wp_unslash( (string) $input['group'] ) ) );
			if ( null === $groups ) {
				self::error( 'group', __( 'A group is written as its handle: name, or name@domain for a group on another instance; several are separated by commas.', 'embeds-for-mobilizon' ) );
			} else {
				$clean['group'] = implode( ',', $groups );
			}
		}

		if ( array_key_exists( 'mode', $input ) ) {
			$clean['mode'] = 'direct' === $input['mode'] ? 'direct' : 'proxy';
		}

		if ( array_key_exists( 'cache_minutes', $input ) ) {
			$clean['cache_minutes'] = min( 1440, max( 1, absint( $input['cache_minutes'] ) ) );
		}

		return $clean;
	}

	/**
	 * Reports a refused value on the settings page (the admin API is absent elsewhere).
	 *
	 * @param string $field   The setting.
	 * @param string $message What is wrong.
	 */
	private static function error( $field, $message ) {
		if ( function_exists( 'add_settings_error' ) ) {
			add_settings_error( self::OPTION, 'embeds_for_mobilizon_' . $field, $message );
		}
	}

	/**
	 * Settings → Mobilizon.
	 */
	public static function add_page() {
		add_options_page(
			__( 'Mobilizon', 'embeds-for-mobilizon' ),
			__( 'Mobilizon', 'embeds-for-mobilizon' ),
			'manage_options',
			self::PAGE,
			array( __CLASS__, 'render_page' )
		);
	}

	/**
	 * A "Settings" link beside the plugin on the Plugins screen.
	 *
	 * @param array $links Existing links.
	 * @return array
	 */
	public static function action_links( $links ) {
		$url = admin_url( 'options-general.php?page=' . self::PAGE );
		array_unshift( $links, '<a href="' . esc_url( $url ) . '">' . esc_html__( 'Settings', 'embeds-for-mobilizon' ) . '</a>' );
		return $links;
	}

	/**
	 * The fields of the page.
	 */
	public static function add_fields() {
		add_settings_section( 'embeds_for_mobilizon_main', '', '__return_false', self::PAGE );
		$fields = array(
			'instance'      => __( 'Mobilizon instance', 'embeds-for-mobilizon' ),
			'group'         => __( 'Default group', 'embeds-for-mobilizon' ),
			'mode'          => __( 'Who talks to the instance', 'embeds-for-mobilizon' ),
			'cache_minutes' => __( 'Cache lifetime', 'embeds-for-mobilizon' ),
		);
		foreach ( $fields as $key => $label ) {
			add_settings_field(
				'embeds_for_mobilizon_' . $key,
				$label,
				array( __CLASS__, 'render_field' ),
				self::PAGE,
				'embeds_for_mobilizon_main',
				array(
					'key'       => $key,
					'label_for' => 'embeds-for-mobilizon-' . $key,
				)
			);
		}
	}

	/**
	 * One field.
	 *
	 * @param array $args The field's key.
	 */
	public static function render_field( $args ) {
		$settings = self::get();
		$key      = $args['key'];
		$name     = self::OPTION . '[' . $key . ']';
		$id       = 'embeds-for-mobilizon-' . $key;
		switch ( $key ) {
			case 'instance':
				printf(
					'<input type="text" class="regular-text code" id="%1$s" name="%2$s" value="%3$s" placeholder="mobilizon.fr" /><p class="description">%4$s</p>',
					esc_attr( $id ),
					esc_attr( $name ),
					esc_attr( null !== self::$tested ? self::$tested : $settings['instance'] ),
					esc_html__( 'The address of the Mobilizon server whose events this site shows, e.g. mobilizon.fr. Blocks and shortcodes use it unless they name another.', 'embeds-for-mobilizon' )
				);
				break;
			case 'group':
				printf(
					'<input type="text" class="regular-text code" id="%1$s" name="%2$s" value="%3$s" placeholder="my_association" /><p class="description">%4$s</p>',
					esc_attr( $id ),
					esc_attr( $name ),
					esc_attr( $settings['group'] ),
					esc_html__( 'The handle of the group whose events are shown when a block names none (name, or name@domain). Empty: the whole instance.', 'embeds-for-mobilizon' )
				);
				break;
			case 'mode':
				$modes = array(
					'proxy'  => __( 'This site (recommended): visitors\' browsers talk only to this site, which asks the instance and keeps the answers for a while.', 'embeds-for-mobilizon' ),
					'direct' => __( 'Visitors\' browsers: each visitor\'s browser asks the instance directly (their IP address reaches it).', 'embeds-for-mobilizon' ),
				);
				echo '<fieldset id="' . esc_attr( $id ) . '">';
				foreach ( $modes as $value => $text ) {
					printf(
						'<label><input type="radio" name="%1$s" value="%2$s" %3$s /> %4$s</label><br />',
						esc_attr( $name ),
						esc_attr( $value ),
						checked( $settings['mode'], $value, false ),
						esc_html( $text )
					);
				}
				echo '</fieldset>';
				break;
			case 'cache_minutes':
				printf(
					'<input type="number" min="1" max="1440" step="1" class="small-text" id="%1$s" name="%2$s" value="%3$d" /> %4$s<p class="description">%5$s</p>',
					esc_attr( $id ),
					esc_attr( $name ),
					(int) $settings['cache_minutes'],
					esc_html__( 'minutes', 'embeds-for-mobilizon' ),
					esc_html__( 'How long answers from the instance are kept before being asked again. Older answers are still shown while a fresh one is fetched.', 'embeds-for-mobilizon' )
				);
				break;
		}
	}

	/**
	 * The page: the settings form, with a "Test connection" button that posts the typed instance.
	 */
	public static function render_page() {
		if ( ! current_user_can( 'manage_options' ) ) {
			return;
		}
		$result = get_transient( 'embeds_for_mobilizon_test_' . get_current_user_id() );
		if ( is_array( $result ) ) {
			delete_transient( 'embeds_for_mobilizon_test_' . get_current_user_id() );
			// The field shows what was tested, saved or not.
			self::$tested = isset( $result['address'] ) ? (string) $result['address'] : null;
		}
		echo '<div class="wrap"><h1>' . esc_html__( 'Embeds for Mobilizon', 'embeds-for-mobilizon' ) . '</h1>';
		if ( is_array( $result ) && isset( $result['ok'], $result['message'] ) ) {
			$unsaved = null !== self::$tested && Instance::normalize( self::$tested ) !== self::instance();
			printf(
				'<div class="notice %1$s embeds-for-mobilizon-test-result"><p>%2$s%3$s</p></div>',
				$result['ok'] ? 'notice-success' : 'notice-error',
				esc_html( $result['message'] ),
				$result['ok'] && $unsaved
					? ' ' . esc_html__( 'This address is not saved yet.', 'embeds-for-mobilizon' ) . ' <button type="submit" form="embeds-for-mobilizon-settings" class="button button-primary">' . esc_html__( 'Save this address', 'embeds-for-mobilizon' ) . '</button>'
					: ''
			);
		}
		echo '<form method="post" id="embeds-for-mobilizon-settings" action="' . esc_url( admin_url( 'options.php' ) ) . '">';
		settings_fields( self::GROUP );
		do_settings_sections( self::PAGE );
		wp_nonce_field( 'embeds_for_mobilizon_test', 'embeds_for_mobilizon_test_nonce' );
		echo '<p class="submit">';
		submit_button( null, 'primary', 'submit', false );
		echo ' ';
		// Posts the typed instance to admin-post.php; its `action` comes after settings_fields()'s, so it wins.
		printf(
			'<button type="submit" class="button" name="action" value="embeds_for_mobilizon_test" formaction="%1$s">%2$s</button>',
			esc_url( admin_url( 'admin-post.php' ) ),
			esc_html__( 'Test connection', 'embeds-for-mobilizon' )
		);
		echo '</p></form>';
		Federated_Settings::render();
		echo '<h2>' . esc_html__( 'Using it', 'embeds-for-mobilizon' ) . '</h2><p>';
		echo esc_html__( 'Add the "Mobilizon events", "Mobilizon event", "Mobilizon group" or "Mobilizon registration" block, or a shortcode:', 'embeds-for-mobilizon' );
		echo '</p><p><code>[mobilizon_events group="my_group" view="month" limit="10"]</code> <code>[mobilizon_event uuid="…"]</code> <code>[mobilizon_group group="my_group"]</code> <code>[mobilizon_registration uuid="…"]</code></p></div>';
	}

	/**
	 * "Test connection": asks the typed instance for its name and version, then returns to the page.
	 */
	public static function test_connection() {
		if ( ! current_user_can( 'manage_options' ) ) {
			wp_die( esc_html__( 'Sorry, you are not allowed to manage options for this site.', 'embeds-for-mobilizon' ), 403 );
		}
		check_admin_referer( 'embeds_for_mobilizon_test', 'embeds_for_mobilizon_test_nonce' );
		$posted   = isset( $_POST[ self::OPTION ]['instance'] ) ? sanitize_text_field( wp_unslash( $_POST[ self::OPTION ]['instance'] ) ) : self::instance();
		$result   = self::check_instance( $posted ) + array( 'address' => $posted );
		set_transient( 'embeds_for_mobilizon_test_' . get_current_user_id(), $result, MINUTE_IN_SECONDS );
		wp_safe_redirect( admin_url( 'options-general.php?page=' . self::PAGE ) );
		exit;
	}

	/**
	 * What "Test connection" reports for an address: the instance's name and version, or why not.
	 *
	 * @param string $address What the site owner typed.
	 * @return array `ok` and `message`.
	 */
	public static function check_instance( $address ) {
		$base = Instance::normalize( $address );
		if ( null === $base ) {
			return array(
				'ok'      => false,
				'message' => __( 'The instance must be a web address such as mobilizon.fr or https://mobilizon.fr (http or https only).', 'embeds-for-mobilizon' ),
			);
		}
		$host = (string) wp_parse_url( $base, PHP_URL_HOST );
		if ( ! filter_var( trim( $host, '[]' ), FILTER_VALIDATE_IP ) && gethostbyname( $host ) === $host ) {
			return array(
				'ok'      => false,
				/* translators: %s: a host name. */
				'message' => sprintf( __( 'The name %s does not resolve: check its spelling (no server has this name).', 'embeds-for-mobilizon' ), $host ),
			);
		}
		if ( ! Instance::is_public( $base ) ) {
			return array(
				'ok'      => false,
				'message' => __( 'The instance address points to a private or reserved network address; this site will not contact it.', 'embeds-for-mobilizon' ),
			);
		}
		$answer = null;
		// The site owner waits for this one: the full timeout, not a visitor's budget.
		Breaker::in_background(
			function () use ( $base, &$answer ) {
				$answer = Client::send( $base, 'Config', array() );
			}
		);
		$data = is_wp_error( $answer ) ? (array) $answer->get_error_data() : array();
		if ( is_wp_error( $answer ) && 'embeds_for_mobilizon_upstream' === $answer->get_error_code() && isset( $data['upstream'] ) && $data['upstream'] < 500 ) {
			// It answered, but not with a GraphQL API: a web site, not a Mobilizon instance.
			return array(
				'ok'      => false,
				/* translators: %s: the instance's address. */
				'message' => sprintf( __( '%s is not a Mobilizon instance: it answered, but has no Mobilizon API.', 'embeds-for-mobilizon' ), $base ),
			);
		}
		if ( is_wp_error( $answer ) ) {
			/* translators: 1: the instance's address, 2: what went wrong. */
			$message = sprintf( __( 'Could not reach %1$s: %2$s', 'embeds-for-mobilizon' ), $base, $answer->get_error_message() );
			return array(
				'ok'      => false,
				'message' => $message,
			);
		}
		$config = isset( $answer['body']['data']['config'] ) && is_array( $answer['body']['data']['config'] ) ? $answer['body']['data']['config'] : null;
		if ( null === $config || empty( $config['version'] ) ) {
			return array(
				'ok'      => false,
				/* translators: %s: the instance's address. */
				'message' => sprintf( __( '%s is not a Mobilizon instance: it answered, but has no Mobilizon API.', 'embeds-for-mobilizon' ), $base ),
			);
		}
		return array(
			'ok'      => true,
			/* translators: 1: the instance's name, 2: its Mobilizon version, 3: its address. */
			'message' => sprintf( __( 'Connected to “%1$s” (Mobilizon %2$s) at %3$s.', 'embeds-for-mobilizon' ), wp_strip_all_tags( (string) ( $config['name'] ?? '' ) ), wp_strip_all_tags( (string) $config['version'] ), $base ),
		);
	}
}
