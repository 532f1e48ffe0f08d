<?php
/**
 * The widgets' script: registered always, enqueued only on pages that render a widget,
 * once, in the footer and deferred. One kind of widget on the page gets its own small
 * file; two or more kinds (or the status lookup, which embeds a rating) get the
 * all-in-one file. When every widget on the page speaks one language (ar… or en…), the
 * file in that language (sila-rating.ar.iife.js: strings built in, smaller and faster);
 * otherwise the bilingual file, which switches language on the page.
 *
 * @package SilaWidgets
 */

defined( 'ABSPATH' ) || exit;

/**
 * Widgets rendered on this page so far, or with $widget, records one more.
 *
 * @param string|null $widget Catalogue key to record.
 * @return string[]
 */
function sila_widgets_use( $widget = null ) {
	static $used = array();
	if ( null !== $widget ) {
		$used[ $widget ] = true;
	}
	return array_keys( $used );
}

/**
 * Languages of the widgets rendered on this page so far, or with $language, records one more.
 *
 * @param string|null $language The lang attribute a widget was rendered with.
 * @return string[]
 */
function sila_widgets_use_language( $language = null ) {
	static $languages = array();
	if ( null !== $language ) {
		$languages[ strtolower( (string) $language ) ] = true;
	}
	return array_map( 'strval', array_keys( $languages ) );
}

/**
 * The language part of the file name for these widgets' languages: '-ar' or '-en' when
 * they all speak one of them (ar, ar-SA, en_US…), '' (bilingual) otherwise.
 *
 * @param string[] $languages Languages rendered.
 * @return string
 */
function sila_widgets_language_suffix( $languages ) {
	$bases = array_unique(
		array_map(
			function ( $language ) {
				return substr( strtolower( (string) $language ), 0, 2 );
			},
			$languages
		)
	);
	if ( 1 === count( $bases ) && in_array( $bases[0], array( 'ar', 'en' ), true ) ) {
		return '-' . $bases[0];
	}
	return '';
}

/**
 * Script handle => file in assets/ (copied from the library's build by build:wordpress):
 * sila-widgets => sila.iife.js, sila-widgets-ar => sila.ar.iife.js,
 * sila-widgets-rating-en => sila-rating.en.iife.js, …
 *
 * @return array<string, string>
 */
function sila_widgets_script_files() {
	$files = array();
	foreach ( array( '', '-ar', '-en' ) as $suffix ) {
		$extension                       = str_replace( '-', '.', $suffix ) . '.iife.js';
		$files[ 'sila-widgets' . $suffix ] = 'sila' . $extension;
		foreach ( array_keys( sila_widgets_catalogue() ) as $widget ) {
			$files[ 'sila-widgets-' . $widget . $suffix ] = 'sila-' . $widget . $extension;
		}
	}
	return $files;
}

/** Registers every file; WordPress 6.3+ reads the strategy, 6.1 and 6.2 see a true in_footer. */
function sila_widgets_register_scripts() {
	foreach ( sila_widgets_script_files() as $handle => $file ) {
		wp_register_script(
			$handle,
			plugins_url( 'assets/' . $file, SILA_WIDGETS_FILE ),
			array(),
			SILA_WIDGETS_VERSION,
			array(
				'in_footer' => true,
				'strategy'  => 'defer',
			)
		);
	}
}
add_action( 'init', 'sila_widgets_register_scripts' );

/**
 * The handle for the widgets on this page, or '' when there are none.
 *
 * @param string[] $used      Catalogue keys rendered.
 * @param string[] $languages Their languages (lang attributes); none means bilingual.
 * @return string
 */
function sila_widgets_script_for( $used, $languages = array() ) {
	if ( ! $used ) {
		return '';
	}
	$suffix = sila_widgets_language_suffix( $languages );
	if ( 1 === count( $used ) && 'status-lookup' !== $used[0] ) {
		return 'sila-widgets-' . $used[0] . $suffix;
	}
	return 'sila-widgets' . $suffix;
}

/** Before the footer scripts are printed (wp_footer, priority 20): enqueue the one file. */
function sila_widgets_enqueue_used() {
	$handle = sila_widgets_script_for( sila_widgets_use(), sila_widgets_use_language() );
	if ( '' !== $handle ) {
		wp_enqueue_script( $handle );
	}
}
add_action( 'wp_footer', 'sila_widgets_enqueue_used', 5 );

/**
 * WordPress before 6.3 has no loading strategy: add defer to our tags ourselves.
 *
 * @param string $tag    The script tag.
 * @param string $handle Its handle.
 * @return string
 */
function sila_widgets_defer_tag( $tag, $handle ) {
	if ( ! array_key_exists( $handle, sila_widgets_script_files() ) || false !== strpos( $tag, ' defer' ) ) {
		return $tag;
	}
	return str_replace( ' src=', ' defer src=', $tag );
}
if ( version_compare( get_bloginfo( 'version' ), '6.3', '<' ) ) {
	add_filter( 'script_loader_tag', 'sila_widgets_defer_tag', 10, 2 );
}
