// Sila's own size budgets: every dist/sila*.iife.js (the single file and per-widget files),
// read from the snapshot the pages were served from.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compressed } from './compress.mjs';
import { SILA_SNAPSHOT } from './paths.mjs';
import { snapshotFiles } from './sila-snapshot.mjs';

export const SINGLE_FILE = 'sila.iife.js';
export const SINGLE_FILE_BUDGET = 25 * 1024;
export const WIDGET_BUDGET = 15 * 1024;

export function silaBundles() {
  return snapshotFiles()
    .sort((a, b) => (a === SINGLE_FILE ? -1 : b === SINGLE_FILE ? 1 : a.localeCompare(b)))
    .map((file) => {
      const budget = file === SINGLE_FILE ? SINGLE_FILE_BUDGET : WIDGET_BUDGET;
      const size = compressed(readFileSync(join(SILA_SNAPSHOT, file)));
      return { file, ...size, budget, pass: size.gzip <= budget };
    });
}
