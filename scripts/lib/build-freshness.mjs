// Whether dist/ holds a build of the current code: `npm start`, `npm run bench` and the
// tests of built files all build first when it does not.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const BASES = ['sila', 'sila-complaint-form', 'sila-request-form', 'sila-rating', 'sila-status-lookup'];
// Each single file bilingual and in one language (sila.iife.js, sila.ar.iife.js, sila.en.iife.js, …).
const SINGLE_FILES = [
  ...BASES.flatMap((base) => ['', '.ar', '.en'].map((language) => `${base}${language}.iife.js`)),
  'staff/index.html',
];

// The lockfile too: a new version of lit or zod changes the files without touching src/.
const INPUTS = [
  'src',
  'staff',
  'vite.config.ts',
  'lit-localize.json',
  'locales',
  'scripts/build.mjs',
  'scripts/lib/vite-locale-subset.ts',
  'scripts/lib/vite-locale-transform.ts',
  'package-lock.json',
  'custom-elements-manifest.config.mjs',
  'scripts/editor-data.mjs',
  'scripts/lib/framework-types.mjs',
];

function newestFile(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newestFile(join(path, name))));
}

/** Why dist/ must be built again (for a log line), or null when it is current. */
export function staleBuildReason(root) {
  const missing = SINGLE_FILES.find((file) => !existsSync(join(root, 'dist', file)));
  if (missing) return `dist/${missing} is missing`;
  const built = Math.min(...SINGLE_FILES.map((file) => statSync(join(root, 'dist', file)).mtimeMs));
  const changed = INPUTS.find((input) => existsSync(join(root, input)) && newestFile(join(root, input)) > built);
  return changed ? `${changed} changed since the last build` : null;
}
