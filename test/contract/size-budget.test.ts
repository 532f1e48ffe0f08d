/**
 * Size budget: what a phone downloads must not creep up unnoticed. The ceilings are the
 * sizes measured on 2026-11-30 at 5a115a3 (per-language files, short ids, no @lit/task, the
 * import chain cut; the lookup's replies, the forms' sessions, the printable confirmation,
 * "forgot my reference" and the client reports added) plus about 2 %,
 * gzip level 9, for every single file: bilingual and per language. They are ratchets, not goals (lower a ceiling when a change
 * makes a file smaller): issue #23's targets are the Arabic all-in-one ≤ 40 kB, the
 * bilingual one ≤ 50 kB, one widget in one language ≤ 30 kB and the rating ≤ 26 kB;
 * `npm run bench` reports them, and `node bench/composition.mjs` shows where every file's
 * bytes go.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { it } from 'node:test';
import { bundleSizes, kB } from '../../scripts/lib/bundle-sizes.mjs';
import { root } from './bundle-harness.js';
import { ensureFreshBuild } from './fresh-build.js';

const GZIP_CEILINGS_KB: Record<string, number> = {
  'sila.iife.js': 61.5,
  'sila.ar.iife.js': 54.5,
  'sila.en.iife.js': 52.5,
  'sila-complaint-form.iife.js': 37.5,
  'sila-complaint-form.ar.iife.js': 35,
  'sila-complaint-form.en.iife.js': 34,
  'sila-request-form.iife.js': 42,
  'sila-request-form.ar.iife.js': 38.5,
  'sila-request-form.en.iife.js': 37.5,
  'sila-rating.iife.js': 34,
  'sila-rating.ar.iife.js': 31.5,
  'sila-rating.en.iife.js': 31,
  'sila-status-lookup.iife.js': 39.5,
  'sila-status-lookup.ar.iife.js': 35.5,
  'sila-status-lookup.en.iife.js': 34.5,
};

it('every single-file bundle stays within its gzip budget', () => {
  ensureFreshBuild(root);
  const sizes = bundleSizes(join(root, 'dist'));
  assert.deepEqual(sizes.map((size) => size.file).sort(), Object.keys(GZIP_CEILINGS_KB).sort());
  const over = sizes
    .filter(({ file, gzip }) => gzip > GZIP_CEILINGS_KB[file]! * 1024)
    .map(({ file, gzip }) => `${file}: ${kB(gzip)} gzip > budget ${kB(GZIP_CEILINGS_KB[file]! * 1024)}`);
  assert.deepEqual(over, []);
});

it('a file in one language is smaller than the bilingual file it is built from', () => {
  ensureFreshBuild(root);
  const gzip = new Map(bundleSizes(join(root, 'dist')).map((size) => [size.file, size.gzip]));
  for (const [file, bytes] of gzip) {
    const bilingual = file.replace(/\.(ar|en)\.iife\.js$/, '.iife.js');
    if (bilingual !== file) assert.ok(bytes < gzip.get(bilingual)!, `${file} < ${bilingual}`);
  }
});
