<?php
/**
 * The server side of "Test connection": WordPress fetches the backend's form-config.
 * The browser then fetches it too (admin/settings.js), which proves the backend's CORS
 * setting lets this site's pages in.
 *
 * @package SilaWidgets
 */

defined( 'ABSPATH' ) || exit;

/** POST /wp-json/sila-widgets/v1/test-connection {endpoint}. */
function sila_widgets_register_test_route() {
	register_rest_route(
		'sila-widgets/v1',
		'/test-connection',
		array(
			'methods'             => 'POST',
			'callback'            => 'sila_widgets_test_connection',
			'permission_callback' => static function () {
				return current_user_can( 'manage_options' );
			},
			'args'                => array(
				'endpoint' => array(
					'type'     => 'string',
					'required' => true,
				),
			),
		)
	);
}
add_action( 'rest_api_init', 'sila_widgets_register_test_route' );

/**
 * Fetches {endpoint}/v1/form-config. The address is the one being typed, which may not
 * be saved yet; only administrators can ask.
 *
 * @param WP_REST_Request $request The request.
 * @return array{ok: bool, endpoint: string, url?: string, status?: int, message: string, association?: string}
 */
function sila_widgets_test_connection( $request ) {
	$endpoint = sila_widgets_clean_endpoint( (string) $request->get_param( 'endpoint' ) );
	if ( '' === $endpoint ) {
		return array(
			'ok'       => false,
			'endpoint' => '',
			'message'  => __( 'This is not a web address (https://…).', 'sila-widgets' ),
		);
	}
	$url      = $endpoint . '/v1/form-config';
	$response = wp_remote_get(
		$url,
		array(
			'timeout' => 10,
			'headers' => array( 'Accept' => 'application/json' ),
		)
	);
	if ( is_wp_error( $response ) ) {
		return array(
			'ok'       => false,
			'endpoint' => $endpoint,
			'url'      => $url,
			'message'  => $response->get_error_message(),
		);
	}
	$status = (int) wp_remote_retrieve_response_code( $response );
	$body   = json_decode( wp_remote_retrieve_body( $response ), true );
	if ( 200 !== $status || ! is_array( $body ) ) {
		return array(
			'ok'       => false,
			'endpoint' => $endpoint,
			'url'      => $url,
			'status'   => $status,
			/* translators: %d: HTTP status code. */
			'message'  => sprintf( __( 'The address answered with HTTP %d, not with Sila’s settings. Check the address.', 'sila-widgets' ), $status ),
		);
	}
	$names = isset( $body['association']['name'] ) && is_array( $body['association']['name'] ) ? $body['association']['name'] : array();
	$name  = isset( $names['ar'] ) && 0 === strpos( get_user_locale(), 'ar' ) ? $names['ar'] : ( isset( $names['en'] ) ? $names['en'] : '' );
	return array(
		'ok'          => true,
		'endpoint'    => $endpoint,
		'url'         => $url,
		'status'      => $status,
		'association' => sanitize_text_field( (string) $name ),
		'message'     => __( 'The backend answers WordPress.', 'sila-widgets' ),
	);
}
