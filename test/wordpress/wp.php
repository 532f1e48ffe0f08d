<?php
/**
 * WordPress's own PHP API from the command line, for the tests (WP-CLI is not packaged
 * in Debian): php wp.php <command> '<json>' prints one JSON answer.
 *
 * Environment: SILA_WP_URL (http://127.0.0.1:port), and SILA_WP_DISALLOW_UNFILTERED_HTML=1
 * for the hardened configuration (read by the config file the test writes).
 *
 * @package SilaWidgets
 */

$sila_command = isset( $argv[1] ) ? $argv[1] : '';
$sila_args    = isset( $argv[2] ) ? json_decode( $argv[2], true ) : array();
$sila_url     = sila_host_of( getenv( 'SILA_WP_URL' ) );

$_SERVER['WORDPRESS_CONFIG'] = 'sila-test';
$_SERVER['HTTP_HOST']        = $sila_url;
$_SERVER['SERVER_NAME']      = '127.0.0.1';
$_SERVER['REQUEST_URI']      = '/';
$_SERVER['REQUEST_METHOD']   = 'GET';
if ( 'install' === $sila_command ) {
	define( 'WP_INSTALLING', true );
}
require '/usr/share/wordpress/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/admin.php';

/**
 * Host and port of a URL, before WordPress is loaded.
 *
 * @param string $url URL.
 * @return string
 */
function sila_host_of( $url ) {
	$parts = parse_url( (string) $url );
	return $parts['host'] . ( isset( $parts['port'] ) ? ':' . $parts['port'] : '' );
}

/**
 * Acts as the named user: kses_init runs on set_current_user, so content is filtered
 * exactly as when that user saves in the editor.
 *
 * @param string $login User login.
 */
function sila_as( $login ) {
	$user = get_user_by( 'login', $login );
	if ( ! $user ) {
		throw new Exception( "no user $login" );
	}
	wp_set_current_user( $user->ID );
}

/**
 * Inserts a post as its author would save it, and reads it back from the database.
 *
 * @param array $post login, title, content, status, type.
 * @return array
 */
function sila_save( $post ) {
	sila_as( $post['login'] );
	$id = wp_insert_post(
		wp_slash(
			array(
				'post_title'   => $post['title'],
				'post_content' => $post['content'],
				'post_status'  => $post['status'],
				'post_type'    => isset( $post['type'] ) ? $post['type'] : 'post',
			)
		),
		true
	);
	if ( is_wp_error( $id ) ) {
		throw new Exception( $id->get_error_message() );
	}
	return sila_read( $id );
}

/**
 * A post as stored.
 *
 * @param int $id Post ID.
 * @return array
 */
function sila_read( $id ) {
	clean_post_cache( $id );
	$post = get_post( $id );
	return array(
		'id'           => $id,
		'status'       => $post->post_status,
		'title'        => $post->post_title,
		'content'      => $post->post_content,
		'url'          => get_permalink( $id ),
		'unfiltered'   => current_user_can( 'unfiltered_html' ),
		'current_user' => wp_get_current_user()->user_login,
	);
}

$sila_answer = null;
switch ( $sila_command ) {
	case 'install':
		require_once ABSPATH . 'wp-admin/includes/upgrade.php';
		wp_install( $sila_args['title'], 'admin', 'admin@example.org', true, '', $sila_args['password'], $sila_args['language'] );
		update_option( 'WPLANG', $sila_args['language'] );
		switch_theme( 'twentytwentythree' );
		update_option( 'permalink_structure', '/%postname%/' );
		flush_rewrite_rules();
		foreach ( array( 'editor', 'author', 'contributor' ) as $role ) {
			wp_insert_user(
				array(
					'user_login' => $role,
					'user_pass'  => $sila_args['password'],
					'user_email' => $role . '@example.org',
					'role'       => $role,
				)
			);
		}
		$sila_answer = array(
			'version' => get_bloginfo( 'version' ),
			'locale'  => get_locale(),
			'theme'   => get_stylesheet(),
			'rtl'     => is_rtl(),
		);
		break;

	case 'install-plugin':
		// The same code as Plugins → Add New → Upload Plugin.
		require_once ABSPATH . 'wp-admin/includes/class-wp-upgrader.php';
		sila_as( 'admin' );
		$upgrader  = new Plugin_Upgrader( new Automatic_Upgrader_Skin() );
		$installed = $upgrader->install( $sila_args['zip'], array( 'overwrite_package' => true ) );
		if ( true !== $installed ) {
			throw new Exception( 'install failed: ' . wp_json_encode( $upgrader->skin->get_upgrade_messages() ) );
		}
		$activated   = activate_plugin( 'sila-widgets/sila-widgets.php' );
		$sila_answer = array(
			'installed' => true,
			'active'    => ! is_wp_error( $activated ) && is_plugin_active( 'sila-widgets/sila-widgets.php' ),
			'plugin'    => get_plugin_data( WP_PLUGIN_DIR . '/sila-widgets/sila-widgets.php', false, true ),
		);
		break;

	case 'settings':
		update_option( SILA_WIDGETS_OPTION, sila_widgets_sanitize_settings( $sila_args ) );
		$sila_answer = sila_widgets_settings();
		break;

	case 'save':
		$sila_answer = array_map( 'sila_save', $sila_args['posts'] );
		break;

	case 'retitle':
		// An Editor fixing a title: the whole post goes through the filters again.
		sila_as( $sila_args['login'] );
		wp_update_post(
			wp_slash(
				array(
					'ID'         => $sila_args['id'],
					'post_title' => $sila_args['title'],
				)
			)
		);
		$sila_answer = sila_read( $sila_args['id'] );
		break;

	case 'publish':
		// An Editor approves a Contributor's post as submitted (Publish in the editor:
		// the post goes through the filters again and gets its slug).
		sila_as( 'editor' );
		foreach ( $sila_args['ids'] as $sila_id ) {
			wp_update_post(
				array(
					'ID'          => $sila_id,
					'post_status' => 'publish',
				)
			);
		}
		$sila_answer = array_map( 'sila_read', $sila_args['ids'] );
		break;

	case 'permalinks':
		// As Settings → Permalinks saves it.
		$GLOBALS['wp_rewrite']->set_permalink_structure( $sila_args['structure'] );
		flush_rewrite_rules();
		$sila_answer = array( 'structure' => get_option( 'permalink_structure' ) );
		break;

	case 'rename':
		sila_as( 'admin' );
		wp_update_post(
			array(
				'ID'        => $sila_args['id'],
				'post_name' => $sila_args['slug'],
			)
		);
		$sila_answer = sila_read( $sila_args['id'] );
		break;

	case 'read':
		$sila_answer = sila_read( $sila_args['id'] );
		break;

	case 'uninstall':
		sila_as( 'admin' );
		deactivate_plugins( 'sila-widgets/sila-widgets.php' );
		$sila_deleted = delete_plugins( array( 'sila-widgets/sila-widgets.php' ) );
		$sila_answer  = array(
			'deleted' => true === $sila_deleted,
			'option'  => get_option( 'sila_widgets_settings', null ),
		);
		break;

	default:
		throw new Exception( "unknown command $sila_command" );
}
echo wp_json_encode( $sila_answer );
