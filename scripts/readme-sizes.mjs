#!/usr/bin/env node
// Writes README's table of the single files (between the sizes:start/end markers) from
// the sizes of the files in dist/: run after `npm run build` when the files change
// (`npm run readme:sizes`). Kept out of the build so a build never edits a tracked file.
import { readFileSync, writeFileSync } from 'node:fs';
import { bundleSizes, kB } from './lib/bundle-sizes.mjs';

const README = 'README.md';
const START = '<!-- sizes:start (npm run readme:sizes) -->';
const END = '<!-- sizes:end -->';

const ELEMENTS = {
  sila: 'all four: two or more kinds on a page, or the follow-up page',
  'sila-complaint-form': '`<sila-complaint-form>` alone',
  'sila-request-form': '`<sila-request-form>` alone',
  'sila-rating': '`<sila-rating>` alone',
  'sila-status-lookup': '`<sila-status-lookup>` alone (its rating invitation needs `sila.*`)',
};
const LANGUAGE = {
  ar: 'Arabic only',
  en: 'English only',
  '': 'both, switches live',
};

const sizes = new Map(bundleSizes('dist').map((size) => [size.file, size]));
const rows = Object.keys(ELEMENTS).flatMap((base) =>
  ['ar', 'en', ''].map((language) => {
    const file = `${base}${language && `.${language}`}.iife.js`;
    const size = sizes.get(file);
    if (!size) throw new Error(`dist/${file} is missing: run npm run build first`);
    return `| \`${file}\` | ${LANGUAGE[language]} | ${ELEMENTS[base]} | ${kB(size.gzip)} |`;
  }),
);
const table = ['| file | language | use it for | gzip |', '| --- | --- | --- | --- |', ...rows].join('\n');

const readme = readFileSync(README, 'utf8');
const start = readme.indexOf(START);
const end = readme.indexOf(END);
if (start < 0 || end < start) throw new Error(`${README} has no ${START} … ${END} block`);
writeFileSync(README, `${readme.slice(0, start + START.length)}\n\n${table}\n\n${readme.slice(end)}`);
console.log(`${README}: sizes of ${rows.length} files written`);
