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

/**
 * The file a page of a Sila variant loads: the form page (complaint form + rating) the
 * all-in-one file, the ratings page the rating's own file; `language` is '', '.ar' or '.en'.
 */
export function bundleFor(page, language) {
  const file = `${page === 'ratings' ? 'sila-rating' : 'sila'}${language}.iife.js`;
  if (!existsSync(join(SILA_SNAPSHOT, file))) throw new Error(`dist/${file} is missing: run \`npm run build\``);
  return file;
}
