<?php
/**
 * Settings → Sila: backend address with a connection test, follow-up page, look, language.
 *
 * @package SilaWidgets
 */

defined( 'ABSPATH' ) || exit;

/** The page under Settings. */
function sila_widgets_add_settings_page() {
	$hook = add_options_page(
		__( 'Sila', 'sila-widgets' ),
		__( 'Sila', 'sila-widgets' ),
		'manage_options',
		'sila-widgets',
		'sila_widgets_settings_page'
	);
	add_action( 'admin_print_scripts-' . $hook, 'sila_widgets_settings_assets' );
}
add_action( 'admin_menu', 'sila_widgets_add_settings_page' );

/** The connection test's script and styles, on this page only. */
function sila_widgets_settings_assets() {
	wp_enqueue_script( 'sila-widgets-settings', plugins_url( 'admin/settings.js', SILA_WIDGETS_FILE ), array(), SILA_WIDGETS_VERSION, true );
	wp_enqueue_style( 'sila-widgets-settings', plugins_url( 'admin/settings.css', SILA_WIDGETS_FILE ), array(), SILA_WIDGETS_VERSION );
}

/** Fields, through the Settings API (it checks the nonce and the capability). */
function sila_widgets_register_settings() {
	register_setting(
		'sila_widgets',
		SILA_WIDGETS_OPTION,
		array(
			'type'              => 'array',
			'sanitize_callback' => 'sila_widgets_sanitize_settings',
			'default'           => sila_widgets_default_settings(),
		)
	);

	add_settings_section( 'sila_widgets_backend', __( 'Backend', 'sila-widgets' ), 'sila_widgets_backend_intro', 'sila-widgets' );
	add_settings_field( 'sila_widgets_endpoint', __( 'Backend address', 'sila-widgets' ), 'sila_widgets_field_endpoint', 'sila-widgets', 'sila_widgets_backend', array( 'label_for' => 'sila-widgets-endpoint' ) );
	add_settings_field( 'sila_widgets_follow_up_page', __( 'Follow-up page', 'sila-widgets' ), 'sila_widgets_field_follow_up_page', 'sila-widgets', 'sila_widgets_backend', array( 'label_for' => 'sila-widgets-follow-up-page' ) );

	add_settings_section( 'sila_widgets_look', __( 'Appearance and language', 'sila-widgets' ), '__return_false', 'sila-widgets' );
	add_settings_field( 'sila_widgets_accent', __( 'Accent colour', 'sila-widgets' ), 'sila_widgets_field_accent', 'sila-widgets', 'sila_widgets_look', array( 'label_for' => 'sila-widgets-accent' ) );
	add_settings_field( 'sila_widgets_radius', __( 'Corner radius', 'sila-widgets' ), 'sila_widgets_field_px', 'sila-widgets', 'sila_widgets_look', array( 'label_for' => 'sila-widgets-radius', 'key' => 'radius', 'min' => 0, 'max' => 48, 'placeholder' => 8 ) );
	add_settings_field( 'sila_widgets_font_size', __( 'Font size', 'sila-widgets' ), 'sila_widgets_field_px', 'sila-widgets', 'sila_widgets_look', array( 'label_for' => 'sila-widgets-font-size', 'key' => 'font_size', 'min' => 12, 'max' => 32, 'placeholder' => 16 ) );
	add_settings_field( 'sila_widgets_language', __( 'Default language', 'sila-widgets' ), 'sila_widgets_field_language', 'sila-widgets', 'sila_widgets_look', array( 'label_for' => 'sila-widgets-language' ) );
}
add_action( 'admin_init', 'sila_widgets_register_settings' );

/** What the backend is. */
function sila_widgets_backend_intro() {
	echo '<p>' . esc_html__( 'The forms send to a Sila backend: the reference server, or your own service that speaks the same API. Submissions are stored there, never in WordPress.', 'sila-widgets' ) . '</p>';
}

/** Backend address, the connection test, and the staff console. */
function sila_widgets_field_endpoint() {
	$settings = sila_widgets_settings();
	$origins  = sila_widgets_site_origins();
	$messages = array(
		'testing'      => __( 'Testing…', 'sila-widgets' ),
		'empty'        => __( 'Type the backend address first.', 'sila-widgets' ),
		'serverFailed' => __( 'WordPress could not reach the backend:', 'sila-widgets' ),
		'serverOk'     => __( 'The backend answers WordPress.', 'sila-widgets' ),
		'browserOk'    => __( 'Connected: the backend also accepts the forms on this site’s pages.', 'sila-widgets' ),
		'refused'      => __( 'The backend answers WordPress but refuses this site’s pages (CORS). Give whoever runs the backend this line for its settings, then test again:', 'sila-widgets' ),
		'copy'         => __( 'Copy', 'sila-widgets' ),
		'copied'       => __( 'Copied', 'sila-widgets' ),
	);
	printf(
		'<input type="url" class="regular-text code" id="sila-widgets-endpoint" name="%1$s[endpoint]" value="%2$s" placeholder="https://api.example.org" dir="ltr" aria-describedby="sila-widgets-endpoint-help">',
		esc_attr( SILA_WIDGETS_OPTION ),
		esc_attr( $settings['endpoint'] )
	);
	echo ' <button type="button" class="button" id="sila-widgets-test"'
		. ' data-rest="' . esc_url( rest_url( 'sila-widgets/v1/test-connection' ) ) . '"'
		. ' data-nonce="' . esc_attr( wp_create_nonce( 'wp_rest' ) ) . '"'
		. ' data-origins="' . esc_attr( implode( ',', $origins ) ) . '"'
		. ' data-messages="' . esc_attr( wp_json_encode( $messages ) ) . '">'
		. esc_html__( 'Test connection', 'sila-widgets' ) . '</button>';
	echo '<p class="description" id="sila-widgets-endpoint-help">' . esc_html__( 'Without /v1, as whoever runs the backend gave it to you.', 'sila-widgets' ) . '</p>';
	echo '<div id="sila-widgets-test-result" class="sila-widgets-test-result" role="status" aria-live="polite"></div>';

	$console = sila_widgets_staff_console_url();
	if ( $console ) {
		echo '<p><a href="' . esc_url( $console ) . '" target="_blank" rel="noopener">' . esc_html__( 'Open the staff console', 'sila-widgets' ) . '</a> '
			. '<span class="description">' . esc_html__( '(requests and complaints are answered there)', 'sila-widgets' ) . '</span></p>';
	}
}

/** The follow-up page: a page picker; the address is read each time a form is shown. */
function sila_widgets_field_follow_up_page() {
	wp_dropdown_pages(
		array(
			'name'              => esc_attr( SILA_WIDGETS_OPTION ) . '[follow_up_page]',
			'id'                => 'sila-widgets-follow-up-page',
			'selected'          => (int) sila_widgets_settings()['follow_up_page'],
			'show_option_none'  => esc_html__( '— None —', 'sila-widgets' ),
			'option_none_value' => '0',
		)
	);
	echo '<p class="description">' . esc_html__( 'The page with the follow-up block or [sila_status_lookup]. After sending, forms link to it with the reference number; renaming the page or changing permalinks does not break the link.', 'sila-widgets' ) . '</p>';
}

/** Accent colour. */
function sila_widgets_field_accent() {
	printf(
		'<input type="color" id="sila-widgets-accent" name="%1$s[accent]" value="%2$s">',
		esc_attr( SILA_WIDGETS_OPTION ),
		esc_attr( sila_widgets_settings()['accent'] )
	);
	echo '<p class="description">' . esc_html__( 'Buttons, links and chosen answers. Keep it dark enough for white text.', 'sila-widgets' ) . '</p>';
}

/**
 * A size in pixels; empty keeps the widgets' default.
 *
 * @param array $args Field arguments: key, min, max, placeholder.
 */
function sila_widgets_field_px( $args ) {
	$value = sila_widgets_settings()[ $args['key'] ];
	printf(
		'<input type="number" class="small-text" id="%1$s" name="%2$s[%3$s]" value="%4$s" min="%5$d" max="%6$d" step="1" placeholder="%7$d"> %8$s',
		esc_attr( $args['label_for'] ),
		esc_attr( SILA_WIDGETS_OPTION ),
		esc_attr( $args['key'] ),
		esc_attr( (string) $value ),
		(int) $args['min'],
		(int) $args['max'],
		(int) $args['placeholder'],
		esc_html__( 'px (empty: the default)', 'sila-widgets' )
	);
}

/** Default language of the widgets. */
function sila_widgets_field_language() {
	$current = sila_widgets_settings()['language'];
	echo '<select id="sila-widgets-language" name="' . esc_attr( SILA_WIDGETS_OPTION ) . '[language]">';
	foreach ( array(
		'ar' => __( 'Arabic', 'sila-widgets' ),
		'en' => __( 'English', 'sila-widgets' ),
	) as $code => $label ) {
		echo '<option value="' . esc_attr( $code ) . '"' . selected( $current, $code, false ) . '>' . esc_html( $label ) . '</option>';
	}
	echo '</select>';
	echo '<p class="description">' . esc_html__( 'All Sila widgets on a page speak one language.', 'sila-widgets' ) . '</p>';
}

/**
 * This site's origins as a backend's CORS setting must list them: the public site's,
 * and the admin's when it differs.
 *
 * @return string[]
 */
function sila_widgets_site_origins() {
	$origins = array();
	foreach ( array( home_url(), site_url() ) as $url ) {
		$parts = wp_parse_url( $url );
		if ( empty( $parts['scheme'] ) || empty( $parts['host'] ) ) {
			continue;
		}
		$origin    = $parts['scheme'] . '://' . $parts['host'] . ( isset( $parts['port'] ) ? ':' . $parts['port'] : '' );
		$origins[] = strtolower( $origin );
	}
	return array_values( array_unique( $origins ) );
}

/** The page. */
function sila_widgets_settings_page() {
	if ( ! current_user_can( 'manage_options' ) ) {
		return;
	}
	echo '<div class="wrap"><h1>' . esc_html( get_admin_page_title() ) . '</h1>';
	echo '<form action="' . esc_url( admin_url( 'options.php' ) ) . '" method="post">';
	settings_fields( 'sila_widgets' );
	do_settings_sections( 'sila-widgets' );
	submit_button();
	echo '</form>';
	echo '<h2>' . esc_html__( 'Placing a form', 'sila-widgets' ) . '</h2>';
	echo '<p>' . esc_html__( 'In the editor, add the block “Complaint form”, “Service request form”, “Satisfaction rating” or “Request and complaint follow-up”. Elsewhere, use a shortcode:', 'sila-widgets' ) . '</p>';
	echo '<p dir="ltr"><code>[sila_complaint_form kind="suggestion"]</code> <code>[sila_request_form audience="member"]</code> <code>[sila_rating scale="csat" display="faces"]</code> <code>[sila_status_lookup]</code></p>';
	echo '</div>';
}
