<?php
/**
 * The four widgets, their attributes, and their markup. Shortcodes and blocks both
 * render through sila_widgets_render(), at display time: the saved post holds only a
 * shortcode or a block comment, so KSES never sees a script or a custom element.
 *
 * @package SilaWidgets
 */

defined( 'ABSPATH' ) || exit;

/**
 * Widget => element and attributes. An attribute's list holds its allowed values
 * ('' = the widget's default); null means free text.
 *
 * @return array<string, array{tag: string, follow_up: bool, attributes: array<string, string[]|null>}>
 */
function sila_widgets_catalogue() {
	return array(
		'complaint-form' => array(
			'tag'        => 'sila-complaint-form',
			'follow_up'  => true,
			'attributes' => array(
				'kind'    => array( '', 'complaint', 'suggestion', 'inquiry', 'compensation' ),
				'heading' => null,
			),
		),
		'request-form'   => array(
			'tag'        => 'sila-request-form',
			'follow_up'  => true,
			'attributes' => array(
				'audience' => array( 'beneficiary', 'member' ),
				'heading'  => null,
			),
		),
		'rating'         => array(
			'tag'        => 'sila-rating',
			'follow_up'  => false,
			'attributes' => array(
				'scale'   => array( '', 'csat', 'nps', 'ces' ),
				'display' => array( 'stars', 'faces' ),
				'context' => null,
			),
		),
		'status-lookup'  => array(
			'tag'        => 'sila-status-lookup',
			'follow_up'  => false,
			'attributes' => array(
				'heading' => null,
			),
		),
	);
}

/**
 * Keeps the known attributes with allowed values; unknown ones and bad values fall back
 * to the widget's default (the first allowed value, or nothing).
 *
 * @param string $widget     Catalogue key.
 * @param array  $attributes Raw attributes (shortcode or block).
 * @return array<string, string>
 */
function sila_widgets_clean_attributes( $widget, $attributes ) {
	$clean = array();
	foreach ( sila_widgets_catalogue()[ $widget ]['attributes'] as $name => $allowed ) {
		$value = isset( $attributes[ $name ] ) && is_scalar( $attributes[ $name ] ) ? trim( (string) $attributes[ $name ] ) : '';
		if ( null === $allowed ) {
			$value = sanitize_text_field( $value );
		} elseif ( ! in_array( $value, $allowed, true ) ) {
			$value = $allowed[0];
		}
		if ( '' !== $value ) {
			$clean[ $name ] = $value;
		}
	}
	return $clean;
}

/**
 * The element's markup with the site's settings as attributes (no inline script: a
 * site's Content-Security-Policy keeps working). Records the widget so the right script
 * file is enqueued in the footer.
 *
 * @param string $widget     Catalogue key.
 * @param array  $attributes Raw attributes.
 * @return string HTML.
 */
function sila_widgets_render( $widget, $attributes ) {
	$catalogue = sila_widgets_catalogue();
	if ( ! isset( $catalogue[ $widget ] ) ) {
		return '';
	}
	$settings = sila_widgets_settings();
	if ( '' === $settings['endpoint'] ) {
		return sila_widgets_missing_endpoint_notice();
	}

	$html_attributes = array_merge(
		array(
			'endpoint' => $settings['endpoint'],
			'lang'     => $settings['language'],
		),
		sila_widgets_clean_attributes( $widget, is_array( $attributes ) ? $attributes : array() )
	);
	$follow_up       = $catalogue[ $widget ]['follow_up'] ? sila_widgets_follow_up_url( $settings ) : '';
	if ( '' !== $follow_up ) {
		$html_attributes['status-url'] = $follow_up;
	}
	$style = sila_widgets_style( $settings );
	if ( '' !== $style ) {
		$html_attributes['style'] = $style;
	}

	sila_widgets_use( $widget );
	sila_widgets_use_language( $html_attributes['lang'] );

	$tag  = $catalogue[ $widget ]['tag'];
	$html = '<' . $tag;
	foreach ( $html_attributes as $name => $value ) {
		$escaped = in_array( $name, array( 'endpoint', 'status-url' ), true ) ? esc_url( $value ) : esc_attr( $value );
		$html   .= ' ' . $name . '="' . $escaped . '"';
	}
	return $html . '></' . $tag . '>';
}

/**
 * The follow-up page's address now: read at display time, so a changed slug or
 * permalink structure never breaks the link. Only a published page is linked.
 *
 * @param array $settings Plugin settings.
 * @return string
 */
function sila_widgets_follow_up_url( $settings ) {
	$page = (int) $settings['follow_up_page'];
	if ( ! $page || 'publish' !== get_post_status( $page ) ) {
		return '';
	}
	return (string) get_permalink( $page );
}

/**
 * The look as --sila-* custom properties; only what differs from the widgets' defaults.
 *
 * @param array $settings Plugin settings.
 * @return string
 */
function sila_widgets_style( $settings ) {
	$properties = array();
	if ( SILA_WIDGETS_DEFAULT_ACCENT !== $settings['accent'] && sanitize_hex_color( $settings['accent'] ) ) {
		$properties[] = '--sila-color-accent:' . $settings['accent'];
	}
	if ( '' !== $settings['radius'] ) {
		$properties[] = '--sila-radius:' . (int) $settings['radius'] . 'px';
	}
	if ( '' !== $settings['font_size'] ) {
		$properties[] = '--sila-font-size:' . (int) $settings['font_size'] . 'px';
	}
	return implode( ';', $properties );
}

/**
 * Without a backend address the widget cannot send anything: visitors see nothing,
 * people who can fix it see where.
 *
 * @return string
 */
function sila_widgets_missing_endpoint_notice() {
	if ( ! current_user_can( 'edit_posts' ) ) {
		return '';
	}
	$link = current_user_can( 'manage_options' )
		? '<a href="' . esc_url( admin_url( 'options-general.php?page=sila-widgets' ) ) . '">' . esc_html__( 'Settings → Sila', 'sila-widgets' ) . '</a>'
		: esc_html__( 'Settings → Sila', 'sila-widgets' );
	return '<p class="sila-widgets-notice">' . sprintf(
		/* translators: %s: the settings page's name, as a link when the user may open it. */
		esc_html__( 'The Sila form is not shown yet: set the backend address in %s. Visitors do not see this note.', 'sila-widgets' ),
		$link
	) . '</p>';
}
