<?php
/**
 * The pictures the media route fetched, kept as files in the uploads folder
 * (uploads/embeds-for-mobilizon-media/): each for TTL, all together under a size cap (the oldest
 * go first). A picture that could not be fetched is remembered briefly too, so a broken one is not
 * asked for again by every visitor.
 *
 * @package Embeds_For_Mobilizon
 */

namespace Embeds_For_Mobilizon;

defined( 'ABSPATH' ) || exit;

/**
 * Files named by a hash of the picture's address, with a small JSON file beside each.
 */
final class Media_Store {

	const FOLDER = 'embeds-for-mobilizon-media';

	/** A stored picture is served this long (browsers may keep it as long). */
	const TTL = WEEK_IN_SECONDS;

	/** A failure is remembered this long. */
	const FAILURE_TTL = 600;

	/** All stored pictures together stay under this many bytes. */
	const MAX_TOTAL = 52428800;

	/**
	 * The folder, created with files that keep web servers from listing or serving it directly.
	 *
	 * @return string|null
	 */
	public static function folder() {
		$uploads = wp_upload_dir( null, false );
		if ( ! empty( $uploads['error'] ) || empty( $uploads['basedir'] ) ) {
			return null;
		}
		$dir = trailingslashit( $uploads['basedir'] ) . self::FOLDER;
		if ( ! is_dir( $dir ) ) {
			if ( ! wp_mkdir_p( $dir ) ) {
				return null;
			}
			file_put_contents( $dir . '/index.php', "<?php\n// Silence is golden.\n" ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_operations_file_put_contents
			file_put_contents( $dir . '/.htaccess', "Require all denied\nDeny from all\n" ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_operations_file_put_contents
		}
		return $dir;
	}

	/**
	 * Where a picture's files are (without extension).
	 *
	 * @param string $url A picture's address.
	 * @return string|null
	 */
	private static function path( $url ) {
		$dir = self::folder();
		return null === $dir ? null : $dir . '/' . hash( 'sha256', $url );
	}

	/**
	 * A stored picture (`type`, `bytes`, `etag`) or failure (`failed`, `status`), or null.
	 *
	 * @param string $url A picture's address.
	 * @return array|null
	 */
	public static function get( $url ) {
		$path = self::path( $url );
		if ( null === $path || ! is_readable( $path . '.json' ) ) {
			return null;
		}
		$meta = json_decode( (string) file_get_contents( $path . '.json' ), true ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_get_contents_file_get_contents
		if ( ! is_array( $meta ) || ! isset( $meta['time'] ) ) {
			return null;
		}
		$age = time() - (int) $meta['time'];
		if ( ! empty( $meta['failed'] ) ) {
			return $age < self::FAILURE_TTL ? $meta : null;
		}
		if ( $age >= self::TTL || ! is_readable( $path . '.bin' ) ) {
			return null;
		}
		$meta['bytes'] = (string) file_get_contents( $path . '.bin' ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_get_contents_file_get_contents
		return $meta;
	}

	/**
	 * Stores what a fetch gave, then keeps the folder under its cap. Returns it as get() would.
	 *
	 * @param string $url     A picture's address.
	 * @param array  $fetched Media::fetch()'s answer.
	 * @return array
	 */
	public static function put( $url, array $fetched ) {
		$meta = empty( $fetched['failed'] )
			? array(
				'type' => (string) $fetched['type'],
				'etag' => substr( hash( 'sha256', (string) $fetched['bytes'] ), 0, 32 ),
				'time' => time(),
			)
			: array(
				'failed' => true,
				'status' => (int) $fetched['status'],
				'time'   => time(),
			);
		$path = self::path( $url );
		if ( null !== $path ) {
			// phpcs:disable WordPress.WP.AlternativeFunctions.file_system_operations_file_put_contents
			if ( empty( $meta['failed'] ) ) {
				file_put_contents( $path . '.bin', (string) $fetched['bytes'], LOCK_EX );
			}
			file_put_contents( $path . '.json', (string) wp_json_encode( $meta ), LOCK_EX );
			// phpcs:enable
			self::trim();
		}
		return empty( $meta['failed'] ) ? $meta + array( 'bytes' => (string) $fetched['bytes'] ) : $meta;
	}

	/**
	 * The cap in bytes.
	 *
	 * @return int
	 */
	public static function max_total() {
		/**
		 * Filters how many bytes of pictures the media route keeps at most.
		 *
		 * @param int $bytes 50 MB.
		 */
		return max( 0, (int) apply_filters( 'embeds_for_mobilizon_media_max_bytes', self::MAX_TOTAL ) );
	}

	/**
	 * Deletes expired pictures, then the oldest ones while the folder is over its cap.
	 */
	public static function trim() {
		$dir = self::folder();
		if ( null === $dir ) {
			return;
		}
		$files = array();
		$total = 0;
		foreach ( (array) glob( $dir . '/*.bin' ) as $file ) {
			$time = (int) filemtime( $file );
			if ( time() - $time >= self::TTL ) {
				self::forget( substr( $file, 0, -4 ) );
				continue;
			}
			$files[ $file ] = $time;
			$total         += (int) filesize( $file );
		}
		asort( $files );
		$max = self::max_total();
		foreach ( array_keys( $files ) as $file ) {
			if ( $total <= $max ) {
				break;
			}
			$total -= (int) filesize( $file );
			self::forget( substr( $file, 0, -4 ) );
		}
	}

	/**
	 * The total size of the stored pictures.
	 *
	 * @return int
	 */
	public static function total() {
		$dir   = self::folder();
		$total = 0;
		foreach ( null === $dir ? array() : (array) glob( $dir . '/*.bin' ) as $file ) {
			$total += (int) filesize( $file );
		}
		return $total;
	}

	/**
	 * Deletes a picture's files.
	 *
	 * @param string $path Without extension.
	 */
	private static function forget( $path ) {
		wp_delete_file( $path . '.bin' );
		wp_delete_file( $path . '.json' );
	}

	/**
	 * Deletes the folder (uninstall).
	 */
	public static function clear() {
		$dir = self::folder();
		if ( null === $dir ) {
			return;
		}
		foreach ( array_merge( (array) glob( $dir . '/*' ), array( $dir . '/.htaccess' ) ) as $file ) {
			wp_delete_file( $file );
		}
		rmdir( $dir ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_operations_rmdir
	}
}
