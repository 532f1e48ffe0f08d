<?php
/**
 * The plugin's settings: one option holding the backend address, the follow-up page,
 * the look and the language. No personal data is ever stored in WordPress.
 *
 * @package SilaWidgets
 */

defined( 'ABSPATH' ) || exit;

const SILA_WIDGETS_OPTION = 'sila_widgets_settings';

/** The widgets' own defaults; a setting equal to one of them is not written out. */
const SILA_WIDGETS_DEFAULT_ACCENT = '#0f766e';

/**
 * Default settings.
 *
 * @return array<string, string|int>
 */
function sila_widgets_default_settings() {
	return array(
		'endpoint'       => '',
		'follow_up_page' => 0,
		'accent'         => SILA_WIDGETS_DEFAULT_ACCENT,
		'radius'         => '',
		'font_size'      => '',
		'language'       => 'ar',
	);
}

/**
 * The saved settings over the defaults.
 *
 * @return array<string, string|int>
 */
function sila_widgets_settings() {
	$saved = get_option( SILA_WIDGETS_OPTION, array() );
	return array_merge( sila_widgets_default_settings(), is_array( $saved ) ? $saved : array() );
}

/**
 * Cleans the settings form's input (the Settings API's sanitize callback).
 *
 * @param mixed $input Raw input.
 * @return array<string, string|int>
 */
function sila_widgets_sanitize_settings( $input ) {
	$input    = is_array( $input ) ? $input : array();
	$settings = sila_widgets_default_settings();

	$settings['endpoint'] = sila_widgets_clean_endpoint( isset( $input['endpoint'] ) ? (string) $input['endpoint'] : '' );

	$page = isset( $input['follow_up_page'] ) ? absint( $input['follow_up_page'] ) : 0;
	if ( $page && 'page' === get_post_type( $page ) ) {
		$settings['follow_up_page'] = $page;
	}

	$accent = isset( $input['accent'] ) ? sanitize_hex_color( (string) $input['accent'] ) : '';
	if ( $accent ) {
		$settings['accent'] = strtolower( $accent );
	}

	$settings['radius']    = sila_widgets_clean_px( $input, 'radius', 0, 48 );
	$settings['font_size'] = sila_widgets_clean_px( $input, 'font_size', 12, 32 );

	if ( isset( $input['language'] ) && in_array( $input['language'], array( 'ar', 'en' ), true ) ) {
		$settings['language'] = $input['language'];
	}
	return $settings;
}

/**
 * The backend's base address: http(s) only, no trailing slash, and without a pasted
 * "/v1" (the widgets add it themselves).
 *
 * @param string $raw As typed.
 * @return string Empty when not a usable address.
 */
function sila_widgets_clean_endpoint( $raw ) {
	$url = esc_url_raw( trim( $raw ), array( 'http', 'https' ) );
	if ( '' === $url || '' === (string) wp_parse_url( $url, PHP_URL_HOST ) ) {
		return '';
	}
	$url = untrailingslashit( $url );
	return (string) preg_replace( '#/v1$#', '', $url );
}

/**
 * A whole number of pixels within bounds, or '' for "the widgets' default".
 *
 * @param array  $input Raw input.
 * @param string $key   Field.
 * @param int    $min   Smallest allowed.
 * @param int    $max   Largest allowed.
 * @return int|string
 */
function sila_widgets_clean_px( $input, $key, $min, $max ) {
	if ( ! isset( $input[ $key ] ) || '' === trim( (string) $input[ $key ] ) || ! is_numeric( $input[ $key ] ) ) {
		return '';
	}
	return max( $min, min( $max, (int) round( (float) $input[ $key ] ) ) );
}

/**
 * The staff console of the backend, or '' without a backend.
 *
 * @return string
 */
function sila_widgets_staff_console_url() {
	$endpoint = sila_widgets_settings()['endpoint'];
	return $endpoint ? $endpoint . '/staff/' : '';
}
