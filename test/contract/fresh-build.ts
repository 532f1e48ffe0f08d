/**
 * The tests of built files must test the current code: a dist/ left over from an older
 * checkout would pass or fail for the wrong reasons. Builds when any single file is
 * missing or older than the newest file under src/, the build config or the lockfile.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const SINGLE_FILES = [
  'sila.iife.js',
  'sila-complaint-form.iife.js',
  'sila-request-form.iife.js',
  'sila-rating.iife.js',
  'sila-status-lookup.iife.js',
] as const;

function newestFile(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newestFile(join(path, name))));
}

export function ensureFreshBuild(root: string, build: () => void = () => execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'ignore' })): void {
  const files = SINGLE_FILES.map((file) => join(root, 'dist', file));
  // The lockfile too: a new version of lit or zod changes the files without touching src/.
  const sources = Math.max(...['src', 'vite.config.ts', 'package-lock.json'].map((path) => newestFile(join(root, path))));
  const fresh = files.every((file) => existsSync(file) && statSync(file).mtimeMs >= sources);
  if (!fresh) build();
}
