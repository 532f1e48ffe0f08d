<?php
/**
 * Shortcodes: [sila_complaint_form kind="…" heading="…"], [sila_request_form audience="…"],
 * [sila_rating scale="…" display="…" context="…"] and [sila_status_lookup].
 *
 * @package SilaWidgets
 */

defined( 'ABSPATH' ) || exit;

/** One shortcode per widget, named after it (sila_complaint_form for complaint-form). */
function sila_widgets_register_shortcodes() {
	foreach ( sila_widgets_catalogue() as $widget => $definition ) {
		$shortcode = 'sila_' . str_replace( '-', '_', $widget );
		$defaults  = array_fill_keys( array_keys( $definition['attributes'] ), '' );
		add_shortcode(
			$shortcode,
			static function ( $atts ) use ( $widget, $defaults, $shortcode ) {
				return sila_widgets_render( $widget, shortcode_atts( $defaults, $atts, $shortcode ) );
			}
		);
	}
}
add_action( 'init', 'sila_widgets_register_shortcodes' );
