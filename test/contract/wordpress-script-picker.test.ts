/**
 * The WordPress plugin's choice of script file (wordpress/sila-widgets/includes/assets.php):
 * one kind of widget gets its own file, several kinds (or the status lookup, which embeds a
 * rating) the all-in-one; widgets that all speak ar… or en… get the file in that language,
 * mixed or other languages the bilingual one. Run with PHP's CLI and the plugin's own code,
 * the few WordPress functions called at load time stubbed (the full plugin runs in a real
 * WordPress in test/wordpress/).
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { it } from 'node:test';

const root = new URL('../..', import.meta.url).pathname;

const CASES: [used: string[], languages: string[]][] = [
  [[], ['ar']],
  [['rating'], ['ar']],
  [['rating'], ['en']],
  [['rating'], ['en-GB']],
  [['rating'], ['fr']],
  [['rating'], []],
  [['complaint-form', 'rating'], ['ar']],
  [
    ['complaint-form', 'rating'],
    ['ar', 'en'],
  ],
  [['status-lookup'], ['ar_SA']],
  [['request-form'], ['en_US', 'en']],
];

function pick(cases: typeof CASES): { handle: string; file: string | null }[] {
  const php = `
    define('ABSPATH', '/');
    function add_action() {}
    function add_filter() {}
    function get_bloginfo() { return '6.5'; }
    require '${root}wordpress/sila-widgets/includes/widgets.php';
    require '${root}wordpress/sila-widgets/includes/assets.php';
    $files = sila_widgets_script_files();
    $out = array();
    foreach (json_decode($argv[1], true) as $case) {
      $handle = sila_widgets_script_for($case[0], $case[1]);
      $out[] = array('handle' => $handle, 'file' => $files[$handle] ?? null);
    }
    echo json_encode($out);`;
  return JSON.parse(execFileSync('php', ['-r', php, JSON.stringify(cases)], { encoding: 'utf8' })) as {
    handle: string;
    file: string | null;
  }[];
}

it('the plugin enqueues the file for the widgets on the page and their language', () => {
  assert.deepEqual(
    pick(CASES).map(({ file }) => file),
    [
      null,
      'sila-rating.ar.iife.js',
      'sila-rating.en.iife.js',
      'sila-rating.en.iife.js',
      'sila-rating.iife.js',
      'sila-rating.iife.js',
      'sila.ar.iife.js',
      'sila.iife.js',
      'sila.ar.iife.js',
      'sila-request-form.en.iife.js',
    ],
  );
});
