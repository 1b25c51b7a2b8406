<?php
/**
 * A Mobilizon group in the shared vocabulary (src/model/group.ts: ActivityPub's `Group` actor).
 * Twin of src/model/group.ts; from_mobilizon() twins src/sources/mobilizon/mapper.ts (mapGroup).
 *
 * @package Embeds_For_Mobilizon
 */

namespace Embeds_For_Mobilizon;

defined( 'ABSPATH' ) || exit;

// phpcs:disable WordPress.NamingConventions.ValidVariableName -- the shared vocabulary's names.

/**
 * What the group block's fallback shows.
 */
final class Group {

	/** @var string */
	public $type = 'Group';
	/** @var string */
	public $preferredUsername = '';
	/** @var string `name`, or `name@domain` for a group on another instance. */
	public $handle = '';
	/** @var string */
	public $name = '';
	/** @var string|null HTML, untrusted. */
	public $summary = null;
	/** @var string|null */
	public $url = null;
	/** @var array|null */
	public $icon = null;
	/** @var array|null */
	public $location = null;
	/** @var int|null */
	public $membersCount = null;

	/**
	 * Maps Mobilizon's Group; null without a username.
	 *
	 * @param mixed  $raw      The GraphQL object.
	 * @param string $instance The base URL it came from.
	 * @return Group|null
	 */
	public static function from_mobilizon( $raw, $instance ) {
		$actor = Event::map_actor( is_array( $raw ) ? array( 'type' => 'GROUP' ) + $raw : null );
		if ( ! $actor ) {
			return null;
		}
		$group                    = new self();
		$group->preferredUsername = (string) $raw['preferredUsername'];
		$group->handle            = $actor['handle'];
		$group->name              = $actor['name'];
		$group->url               = $actor['url'] ? $actor['url'] : $instance . '/@' . rawurlencode( $group->preferredUsername );
		$group->summary           = is_string( $raw['summary'] ?? null ) && '' !== trim( $raw['summary'] ) ? $raw['summary'] : null;
		$group->icon              = Event::map_image( $raw['avatar'] ?? null );
		$group->location          = Event::map_place( $raw['physicalAddress'] ?? null );
		$group->membersCount      = is_int( $raw['membersCount'] ?? null ) ? $raw['membersCount'] : null;
		return $group;
	}
}
