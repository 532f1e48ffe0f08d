<?php
/**
 * Links on the Plugins screen: the settings, and the backend's staff console (where
 * staff answer requests and complaints; nothing personal is kept in WordPress).
 *
 * @package SilaWidgets
 */

defined( 'ABSPATH' ) || exit;

/**
 * Adds "Settings" and "Staff console" to the plugin's row.
 *
 * @param string[] $links Existing links.
 * @return string[]
 */
function sila_widgets_action_links( $links ) {
	$own     = array( '<a href="' . esc_url( admin_url( 'options-general.php?page=sila-widgets' ) ) . '">' . esc_html__( 'Settings', 'sila-widgets' ) . '</a>' );
	$console = sila_widgets_staff_console_url();
	if ( $console ) {
		$own[] = '<a href="' . esc_url( $console ) . '" target="_blank" rel="noopener">' . esc_html__( 'Staff console', 'sila-widgets' ) . '</a>';
	}
	return array_merge( $own, $links );
}
add_filter( 'plugin_action_links_' . plugin_basename( SILA_WIDGETS_FILE ), 'sila_widgets_action_links' );

/** Until the backend is set, one notice on the Plugins screen and the dashboard says where. */
function sila_widgets_setup_notice() {
	$screen = get_current_screen();
	if ( ! $screen || ! in_array( $screen->id, array( 'plugins', 'dashboard' ), true ) || ! current_user_can( 'manage_options' ) || '' !== sila_widgets_settings()['endpoint'] ) {
		return;
	}
	echo '<div class="notice notice-info"><p>' . sprintf(
		/* translators: %s: link to the settings page. */
		esc_html__( 'Sila is active. Set the backend address in %s, then place a form with a block or a shortcode.', 'sila-widgets' ),
		'<a href="' . esc_url( admin_url( 'options-general.php?page=sila-widgets' ) ) . '">' . esc_html__( 'Settings → Sila', 'sila-widgets' ) . '</a>'
	) . '</p></div>';
}
add_action( 'admin_notices', 'sila_widgets_setup_notice' );
