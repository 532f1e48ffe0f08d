// Sila's size targets (issue #23) for every dist/sila*.iife.js, read from the snapshot the
// pages were served from: the all-in-one file ≤ 40 kB gzip in one language and ≤ 50 kB
// bilingual; one widget in one language ≤ 30 kB, the rating ≤ 26 kB. The bilingual
// per-widget files have no target of their own (reported for comparison).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compressed } from './compress.mjs';
import { SILA_SNAPSHOT } from './paths.mjs';
import { snapshotFiles } from './sila-snapshot.mjs';

export const SINGLE_FILE = 'sila.iife.js';
const kB = 1024;

/** The gzip target of a file, or undefined when it has none. */
export function targetOf(file) {
  const [, widget, language] = /^sila(?:-([a-z-]+))?(\.ar|\.en)?\.iife\.js$/.exec(file) ?? [];
  if (!widget) return language ? 40 * kB : 50 * kB;
  if (!language) return undefined;
  return widget === 'rating' ? 26 * kB : 30 * kB;
}

/** All-in-one first, then each base name bilingual, .ar, .en. */
const order = (file) => [file.startsWith('sila.') ? 0 : 1, file.replace(/\.(ar|en)\.iife\.js$/, '.iife.js~$1')];

export function silaBundles() {
  return snapshotFiles()
    .sort((a, b) => {
      const [x, y] = [order(a), order(b)];
      return x[0] - y[0] || x[1].localeCompare(y[1]);
    })
    .map((file) => {
      const budget = targetOf(file);
      const size = compressed(readFileSync(join(SILA_SNAPSHOT, file)));
      return { file, ...size, budget, pass: budget === undefined ? undefined : size.gzip <= budget };
    });
}
