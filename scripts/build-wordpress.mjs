#!/usr/bin/env node
// Builds the WordPress plugin zip, dist/wordpress/sila-widgets.zip: the plugin's source
// (wordpress/sila-widgets), the library's single files from dist/ (built first when stale)
// and the translations (the .pot extracted with xgettext, the Arabic .mo compiled with
// msgfmt, the editor script's strings as the JSON that wp_set_script_translations reads).
// Needs Debian's gettext and zip.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import gettextParser from 'gettext-parser';
import { staleBuildReason } from './lib/build-freshness.mjs';

const root = new URL('..', import.meta.url).pathname;
const source = join(root, 'wordpress/sila-widgets');
const out = join(root, 'dist/wordpress');
const stage = join(out, 'sila-widgets');
const zip = join(out, 'sila-widgets.zip');
const DOMAIN = 'sila-widgets';
const WIDGET_FILES = ['sila', 'sila-complaint-form', 'sila-request-form', 'sila-rating', 'sila-status-lookup'];
const EDITOR_SCRIPT = 'blocks/editor.js';

for (const tool of ['xgettext', 'msgfmt', 'msgcmp', 'zip']) {
  if (spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0) {
    console.error(`build:wordpress needs ${tool} (Debian: apt-get install gettext zip)`);
    process.exit(2);
  }
}

const stale = staleBuildReason(root);
if (stale) {
  console.log(`Building the library first (${stale})`);
  execFileSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
}

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
cpSync(source, stage, { recursive: true });
mkdirSync(join(stage, 'assets'));
// Each file bilingual and in one language: includes/assets.php picks by the widgets' language.
for (const name of WIDGET_FILES)
  for (const language of ['', '.ar', '.en'])
    cpSync(join(root, 'dist', `${name}${language}.iife.js`), join(stage, 'assets', `${name}${language}.iife.js`));

const files = (dir, ext) =>
  readdirSync(dir, { recursive: true })
    .map(String)
    .filter((file) => file.endsWith(ext))
    .sort();

// The template: PHP and the editor script through xgettext with WordPress's keywords,
// then block.json's translatable fields with the contexts WordPress looks them up by.
const pot = join(stage, 'languages', `${DOMAIN}.pot`);
const keywords = ['__', '_e', '_x:1,2c', 'esc_html__', 'esc_html_e', 'esc_attr__', 'esc_attr_e', '_n:1,2'].map(
  (k) => `--keyword=${k}`,
);
const xgettext = (language, list, join) =>
  execFileSync(
    'xgettext',
    [
      `--language=${language}`,
      '--from-code=UTF-8',
      '--add-comments=translators:',
      '--no-wrap',
      '--sort-by-file',
      `--package-name=${DOMAIN}`,
      '--keyword',
      ...keywords,
      ...(join ? ['--join-existing'] : []),
      '-o',
      pot,
      ...list,
    ],
    { cwd: stage },
  );
xgettext('PHP', files(stage, '.php'), false);
xgettext('JavaScript', [EDITOR_SCRIPT], true);
const blockEntries = files(join(stage, 'blocks'), 'block.json').flatMap((file) => {
  const block = JSON.parse(readFileSync(join(stage, 'blocks', file), 'utf8'));
  const ref = `#: blocks/${file}`;
  return [
    [ref, 'block title', block.title],
    [ref, 'block description', block.description],
    ...block.keywords.map((keyword) => [ref, 'block keyword', keyword]),
  ];
});
const header = readFileSync(join(stage, 'sila-widgets.php'), 'utf8');
const pluginDescription = header.match(/^ \* Description:\s+(.+)$/m)[1];
const quote = (text) => JSON.stringify(text);
const extra = [
  ...blockEntries.map(([ref, context, text]) => `${ref}\nmsgctxt ${quote(context)}\nmsgid ${quote(text)}\nmsgstr ""\n`),
  `#. Description of the plugin\nmsgid ${quote(pluginDescription)}\nmsgstr ""\n`,
];
// A keyword used by two blocks appears once.
const seen = new Set();
writeFileSync(
  pot,
  readFileSync(pot, 'utf8') +
    '\n' +
    extra
      .filter((entry) => {
        const key = entry.split('\n').slice(1).join('\n');
        return !seen.has(key) && seen.add(key);
      })
      .join('\n'),
);

// The Arabic translation must cover every string; then the .mo and the editor's JSON.
const po = join(stage, 'languages', `${DOMAIN}-ar.po`);
execFileSync('msgcmp', [po, pot], { stdio: 'inherit' });
execFileSync('msgfmt', ['--check', '--statistics', '-o', join(stage, 'languages', `${DOMAIN}-ar.mo`), po], {
  stdio: 'inherit',
});

const catalog = gettextParser.po.parse(readFileSync(po));
const messages = {};
for (const entries of Object.values(catalog.translations)) {
  for (const entry of Object.values(entries)) {
    if (!entry.msgid || !entry.comments?.reference?.includes(EDITOR_SCRIPT)) continue;
    const key = entry.msgctxt ? `${entry.msgctxt}\u0004${entry.msgid}` : entry.msgid;
    messages[key] = entry.msgstr;
  }
}
const jed = {
  'translation-revision-date': catalog.headers['PO-Revision-Date'],
  generator: 'sila build-wordpress',
  domain: 'messages',
  locale_data: {
    messages: { '': { domain: 'messages', lang: 'ar', 'plural-forms': catalog.headers['Plural-Forms'] }, ...messages },
  },
};
const jsonName = `${DOMAIN}-ar-${createHash('md5').update(EDITOR_SCRIPT).digest('hex')}.json`;
writeFileSync(join(stage, 'languages', jsonName), JSON.stringify(jed));

rmSync(zip, { force: true });
execFileSync('zip', ['-q', '-r', '-X', zip, 'sila-widgets'], { cwd: out });
console.log(
  `${relative(root, zip)}: ${(readFileSync(zip).length / 1024).toFixed(1)} kB (${Object.keys(messages).length} editor strings, ${files(stage, '.php').length} PHP files)`,
);
