// A copy of Sila's single files taken when the variants are built: every run of one bench
// measures the same bytes even if dist/ is rebuilt meanwhile (the root build empties it first).
import { copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT_DIST, SILA_SNAPSHOT } from './paths.mjs';

const SINGLE_FILES = /^sila.*\.iife\.js$/;

export function snapshotSila() {
  if (!existsSync(join(ROOT_DIST, 'sila.iife.js')))
    throw new Error('dist/sila.iife.js is missing: run `npm run build` in the root first');
  mkdirSync(SILA_SNAPSHOT, { recursive: true });
  for (const file of readdirSync(ROOT_DIST).filter((name) => SINGLE_FILES.test(name))) {
    copyFileSync(join(ROOT_DIST, file), join(SILA_SNAPSHOT, file));
  }
}

export function snapshotFiles() {
  return readdirSync(SILA_SNAPSHOT).filter((name) => SINGLE_FILES.test(name));
}

/** A page that only rates loads the rating's own single file when the build has one. */
export function ratingBundle() {
  return existsSync(join(SILA_SNAPSHOT, 'sila-rating.iife.js')) ? 'sila-rating.iife.js' : 'sila.iife.js';
}
