<?php
/**
 * Router for `php -S` serving Debian's WordPress (document root /usr/share/wordpress):
 * selects the test's config file (/etc/wordpress/config-sila-test.php), serves
 * /wp-content/ from the test's own content directory (as Debian's Apache alias does for
 * /var/lib/wordpress/wp-content), and sends pretty permalinks to index.php.
 *
 * @package SilaWidgets
 */

$_SERVER['WORDPRESS_CONFIG'] = 'sila-test';
$sila_root = $_SERVER['DOCUMENT_ROOT'];
$sila_path = rawurldecode( (string) parse_url( $_SERVER['REQUEST_URI'], PHP_URL_PATH ) );

if ( 0 === strpos( $sila_path, '/wp-content/' ) ) {
	$sila_file = realpath( getenv( 'SILA_WP_CONTENT_DIR' ) . substr( $sila_path, strlen( '/wp-content' ) ) );
	if ( false === $sila_file || ! is_file( $sila_file ) || '.php' === substr( $sila_file, -4 ) ) {
		http_response_code( 404 );
		return true;
	}
	$sila_types = array(
		'js'    => 'text/javascript',
		'css'   => 'text/css',
		'json'  => 'application/json',
		'svg'   => 'image/svg+xml',
		'png'   => 'image/png',
		'jpg'   => 'image/jpeg',
		'webp'  => 'image/webp',
		'woff2' => 'font/woff2',
		'woff'  => 'font/woff',
		'ttf'   => 'font/ttf',
	);
	$sila_ext   = strtolower( pathinfo( $sila_file, PATHINFO_EXTENSION ) );
	header( 'Content-Type: ' . ( isset( $sila_types[ $sila_ext ] ) ? $sila_types[ $sila_ext ] : 'application/octet-stream' ) );
	header( 'Content-Length: ' . filesize( $sila_file ) );
	readfile( $sila_file );
	return true;
}

$sila_target = $sila_root . $sila_path;
if ( is_dir( $sila_target ) && is_file( rtrim( $sila_target, '/' ) . '/index.php' ) ) {
	if ( '/' !== substr( $sila_path, -1 ) ) {
		header( 'Location: ' . $sila_path . '/' );
		return true;
	}
	$sila_target = $sila_target . 'index.php';
}
if ( is_file( $sila_target ) ) {
	if ( '.php' !== substr( $sila_target, -4 ) ) {
		return false;
	}
	$_SERVER['SCRIPT_NAME']     = substr( $sila_target, strlen( $sila_root ) );
	$_SERVER['PHP_SELF']        = $_SERVER['SCRIPT_NAME'];
	$_SERVER['SCRIPT_FILENAME'] = $sila_target;
	chdir( dirname( $sila_target ) );
	require $sila_target;
	return true;
}
$_SERVER['SCRIPT_NAME']     = '/index.php';
$_SERVER['PHP_SELF']        = '/index.php';
$_SERVER['SCRIPT_FILENAME'] = $sila_root . '/index.php';
chdir( $sila_root );
require $sila_root . '/index.php';
