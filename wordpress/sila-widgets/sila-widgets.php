<?php
/**
 * Plugin Name:       Sila Widgets
 * Description:       Complaint and request forms, satisfaction ratings and status follow-up for charities, as blocks and shortcodes that post to a Sila backend.
 * Version:           0.1.0
 * Requires at least: 6.1
 * Requires PHP:      7.4
 * Author:            Sila contributors
 * License:           MIT
 * License URI:       https://opensource.org/licenses/MIT
 * Text Domain:       sila-widgets
 * Domain Path:       /languages
 *
 * @package SilaWidgets
 */

defined( 'ABSPATH' ) || exit;

define( 'SILA_WIDGETS_VERSION', '0.1.0' );
define( 'SILA_WIDGETS_FILE', __FILE__ );
define( 'SILA_WIDGETS_DIR', plugin_dir_path( __FILE__ ) );

require_once SILA_WIDGETS_DIR . 'includes/options.php';
require_once SILA_WIDGETS_DIR . 'includes/widgets.php';
require_once SILA_WIDGETS_DIR . 'includes/assets.php';
require_once SILA_WIDGETS_DIR . 'includes/shortcodes.php';
require_once SILA_WIDGETS_DIR . 'includes/blocks.php';

if ( is_admin() ) {
	require_once SILA_WIDGETS_DIR . 'includes/admin/settings-page.php';
	require_once SILA_WIDGETS_DIR . 'includes/admin/links.php';
}
// The connection test is a REST route, which is not an admin request.
require_once SILA_WIDGETS_DIR . 'includes/admin/connection-test.php';

/**
 * Loads the plugin's own translations (shipped in languages/, as the plugin is not on
 * translate.wordpress.org).
 */
function sila_widgets_load_textdomain() {
	load_plugin_textdomain( 'sila-widgets', false, dirname( plugin_basename( SILA_WIDGETS_FILE ) ) . '/languages' );
}
add_action( 'init', 'sila_widgets_load_textdomain', 1 );
