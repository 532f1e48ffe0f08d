<?php
/**
 * Dynamic blocks: each blocks/<widget>/block.json declares the attributes the shortcode
 * takes; the editor saves only the block comment (save returns null) and the markup is
 * made here at display time.
 *
 * @package SilaWidgets
 */

defined( 'ABSPATH' ) || exit;

/** The editor script (plain JavaScript on the wp.* globals, no build step) and the blocks. */
function sila_widgets_register_blocks() {
	wp_register_script(
		'sila-widgets-editor',
		plugins_url( 'blocks/editor.js', SILA_WIDGETS_FILE ),
		array( 'wp-blocks', 'wp-block-editor', 'wp-components', 'wp-element', 'wp-i18n' ),
		SILA_WIDGETS_VERSION,
		true
	);
	wp_set_script_translations( 'sila-widgets-editor', 'sila-widgets', SILA_WIDGETS_DIR . 'languages' );

	foreach ( array_keys( sila_widgets_catalogue() ) as $widget ) {
		register_block_type(
			SILA_WIDGETS_DIR . 'blocks/' . $widget,
			array(
				'render_callback' => static function ( $attributes ) use ( $widget ) {
					$html = sila_widgets_render( $widget, $attributes );
					return '' === $html ? '' : '<div ' . get_block_wrapper_attributes() . '>' . $html . '</div>';
				},
			)
		);
	}
}
add_action( 'init', 'sila_widgets_register_blocks' );
