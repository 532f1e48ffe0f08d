/**
 * Size budget: what a phone downloads must not creep up unnoticed. The ceilings are the
 * sizes measured when the per-widget files were introduced (2026-11-25) plus about 3 %,
 * gzip level 9. They are ratchets, not goals: issue #8 aims at 25 kB for the all-in-one
 * file and 15 kB for one widget, while lit + @lit/localize + zod/mini used minimally weigh
 * 11.5 kB and the copy of both languages 8.6 kB (`node bench/composition.mjs`: where every
 * file's bytes go). Lower a ceiling when a change makes a file smaller.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { it } from 'node:test';
import { bundleSizes, kB } from '../../scripts/lib/bundle-sizes.mjs';
import { root } from './bundle-harness.js';
import { ensureFreshBuild } from './fresh-build.js';

const GZIP_CEILINGS: Record<string, number> = {
  'sila.iife.js': 57.5 * 1024,
  'sila-complaint-form.iife.js': 37 * 1024,
  'sila-request-form.iife.js': 41 * 1024,
  'sila-rating.iife.js': 33.5 * 1024,
  'sila-status-lookup.iife.js': 33.5 * 1024,
};

it('every single-file bundle stays within its gzip budget', () => {
  ensureFreshBuild(root);
  const sizes = bundleSizes(join(root, 'dist'));
  assert.deepEqual(sizes.map((size) => size.file).sort(), Object.keys(GZIP_CEILINGS).sort());
  const over = sizes
    .filter(({ file, gzip }) => gzip > GZIP_CEILINGS[file]!)
    .map(({ file, gzip }) => `${file}: ${kB(gzip)} gzip > budget ${kB(GZIP_CEILINGS[file]!)}`);
  assert.deepEqual(over, []);
});
