/**
 * Size budget: what a phone downloads must not creep up unnoticed. The ceilings are the
 * sizes measured when the per-widget files were introduced (2026-11-25) plus about 3 %,
 * gzip level 9. They are ratchets, not goals: issue #8 aims at 25 kB for the all-in-one
 * file and 15 kB for one widget, which lit (~7 kB), zod/mini (~7 kB) and the Arabic
 * strings (~9 kB) alone nearly fill. Lower a ceiling when a change makes the file smaller.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';
import { bundleSizes, kB } from '../../scripts/lib/bundle-sizes.mjs';
import { root } from './bundle-harness.js';

const GZIP_CEILINGS: Record<string, number> = {
  'sila.iife.js': 57.5 * 1024,
  'sila-complaint-form.iife.js': 37 * 1024,
  'sila-request-form.iife.js': 41 * 1024,
  'sila-rating.iife.js': 33.5 * 1024,
  'sila-status-lookup.iife.js': 33.5 * 1024,
};

function newestSource(dir: string): number {
  return Math.max(
    ...readdirSync(dir, { withFileTypes: true }).map((entry) => {
      const path = join(dir, entry.name);
      return entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs;
    }),
  );
}

/** Builds when dist is missing or older than src, so the budget is checked on current code. */
function ensureFreshBuild(): void {
  const bundle = join(root, 'dist/sila.iife.js');
  const fresh = Object.keys(GZIP_CEILINGS).every((file) => existsSync(join(root, 'dist', file)))
    && statSync(bundle).mtimeMs >= newestSource(join(root, 'src'));
  if (!fresh) execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'ignore' });
}

it('every single-file bundle stays within its gzip budget', () => {
  ensureFreshBuild();
  const sizes = bundleSizes(join(root, 'dist'));
  assert.deepEqual(sizes.map((size) => size.file).sort(), Object.keys(GZIP_CEILINGS).sort());
  const over = sizes
    .filter(({ file, gzip }) => gzip > GZIP_CEILINGS[file]!)
    .map(({ file, gzip }) => `${file}: ${kB(gzip)} gzip > budget ${kB(GZIP_CEILINGS[file]!)}`);
  assert.deepEqual(over, []);
});
