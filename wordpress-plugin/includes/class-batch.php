<?php
/**
 * One page's server-side reads sent together: before the page renders, its blocks and shortcodes
 * are rendered once without sending anything (Client::collect), and what they would have asked
 * for goes out in parallel within the page's budget (Client::send_many). The real rendering then
 * reads the cache. A second round catches what depends on a first answer (a group's events).
 *
 * @package Embeds_For_Mobilizon
 */

namespace Embeds_For_Mobilizon;

use WP_Block_Type_Registry;

defined( 'ABSPATH' ) || exit;

/**
 * Finds the page's embeds and prefetches their reads.
 */
final class Batch {

	const ROUNDS = 3;

	/**
	 * Hooks the prefetch once the main query has run.
	 */
	public static function register() {
		add_action( 'wp', array( __CLASS__, 'prefetch' ) );
	}

	/**
	 * Prefetches the reads of every embed in the main query's posts.
	 */
	public static function prefetch() {
		if ( is_admin() || wp_doing_ajax() || wp_doing_cron() || ( defined( 'REST_REQUEST' ) && REST_REQUEST ) || is_feed() || self::renders_no_posts() ) {
			return;
		}
		global $wp_query;
		$embeds = array();
		foreach ( array_slice( (array) ( $wp_query->posts ?? array() ), 0, 20 ) as $post ) {
			if ( is_object( $post ) && isset( $post->post_content ) ) {
				$embeds = array_merge( $embeds, self::embeds( (string) $post->post_content ) );
			}
		}
		if ( ! $embeds ) {
			return;
		}
		for ( $round = 0; $round < self::ROUNDS; $round++ ) {
			$wanted = Client::collect(
				function () use ( $embeds ) {
					foreach ( $embeds as $embed ) {
						Embed::render( $embed[0], $embed[1] );
					}
				}
			);
			if ( ! $wanted || 0 === Client::send_many( $wanted ) ) {
				break;
			}
		}
		// The trial renderings printed nothing: the page's JSON-LD starts afresh.
		Json_Ld::reset();
	}

	/**
	 * Requests whose main query holds posts that are not shown: the browser's /favicon.ico and
	 * robots.txt (WordPress answers them through the home query, the latest posts), a 404, a
	 * trackback. Prefetching there would ask the instance for embeds nobody sees.
	 *
	 * @return bool
	 */
	private static function renders_no_posts() {
		return ( function_exists( 'is_favicon' ) && is_favicon() ) || is_robots() || is_404() || is_trackback();
	}

	/**
	 * The plugin's blocks and shortcodes in a post's content, as [kind, attributes].
	 *
	 * @param string $content Post content.
	 * @return array
	 */
	public static function embeds( $content ) {
		$out   = array();
		$kinds = array_keys( Attributes::kinds() );
		if ( false !== strpos( $content, '<!-- wp:embeds-for-mobilizon/' ) ) {
			self::blocks( parse_blocks( $content ), $kinds, $out );
		}
		if ( false !== strpos( $content, '[mobilizon_' ) ) {
			$tags = array_map(
				function ( $kind ) {
					return 'mobilizon_' . $kind;
				},
				$kinds
			);
			preg_match_all( '/' . get_shortcode_regex( $tags ) . '/', $content, $matches, PREG_SET_ORDER );
			foreach ( $matches as $m ) {
				if ( '[' === $m[1] && ']' === $m[6] ) {
					continue; // [[escaped]].
				}
				$atts  = shortcode_parse_atts( $m[3] );
				$out[] = array( substr( $m[2], strlen( 'mobilizon_' ) ), is_array( $atts ) ? $atts : array() );
			}
		}
		return $out;
	}

	/**
	 * The plugin's blocks in a block tree (inner blocks too), with block.json's defaults.
	 *
	 * @param array $blocks Parsed blocks.
	 * @param array $kinds  The kinds.
	 * @param array $out    Found embeds.
	 */
	private static function blocks( array $blocks, array $kinds, array &$out ) {
		foreach ( $blocks as $block ) {
			$name = (string) ( $block['blockName'] ?? '' );
			if ( 0 === strpos( $name, 'embeds-for-mobilizon/' ) && in_array( substr( $name, 21 ), $kinds, true ) ) {
				$type  = WP_Block_Type_Registry::get_instance()->get_registered( $name );
				$attrs = is_array( $block['attrs'] ?? null ) ? $block['attrs'] : array();
				$out[] = array( substr( $name, 21 ), $type ? $type->prepare_attributes_for_render( $attrs ) : $attrs );
			}
			if ( ! empty( $block['innerBlocks'] ) ) {
				self::blocks( $block['innerBlocks'], $kinds, $out );
			}
		}
	}
}
