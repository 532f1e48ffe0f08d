<?php
/**
 * Removing the plugin removes its settings. It stores nothing else: submissions live on
 * the backend.
 *
 * @package SilaWidgets
 */

defined( 'WP_UNINSTALL_PLUGIN' ) || exit;

delete_option( 'sila_widgets_settings' );
