/**
 * Size budget: what a phone downloads must not creep up unnoticed. The ceilings are the
 * sizes measured on 2026-11-30 at 3e84f28 plus about 1.5 %: per-language files, short ids, no
 * @lit/task, the import chain cut; then raised on purpose for #21's features (the lookup's
 * replies and "forgot my reference", the printable confirmation, the client reports, the
 * Hijri/Gregorian date field, the localized file picker, the privacy notice's mandatory parts:
 * +1.3 to +2.3 kB per file); then lowered where unused schemas stopped riding along
 * (PURE annotations on the contract's chained checks) and the English error table stayed on
 * the server,
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
  // +0.25: the rating's scale stamped as one template (#23: first renders 34 → 28 ms of CPU for 50).
  'sila.iife.js': 64.75,
  'sila.ar.iife.js': 57.5,
  'sila.en.iife.js': 55,
  'sila-complaint-form.iife.js': 39.5,
  'sila-complaint-form.ar.iife.js': 36,
  'sila-complaint-form.en.iife.js': 34.5,
  'sila-request-form.iife.js': 45,
  'sila-request-form.ar.iife.js': 41,
  'sila-request-form.en.iife.js': 39.5,
  'sila-rating.iife.js': 34,
  'sila-rating.ar.iife.js': 31.5,
  'sila-rating.en.iife.js': 30.5,
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
