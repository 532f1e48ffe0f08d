#!/usr/bin/env node
// npm run bench: Sila against Shoelace, Material Web, SurveyJS and a no-JS floor, in headless
// Chromium. The peers live in bench/'s own install so they never enter the root one.
// BENCH_RUNS=<n> changes the runs per cell (default 15). Writes bench/results.md.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const run = (command) => execSync(command, { cwd: root, stdio: 'inherit' });

/** Newest modification time under a path (files only). */
function newest(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

const install = existsSync(join(root, 'bench/package-lock.json')) ? 'ci' : 'install';
run(`npm ${install} --prefix bench --no-audit --no-fund`);

const single = join(root, 'dist/sila.iife.js');
const sources = Math.max(newest(join(root, 'src')), newest(join(root, 'vite.config.ts')));
if (!existsSync(single) || statSync(single).mtimeMs < sources) run('npm run build');
else console.log('bench: dist/ is newer than src/, not rebuilt');

run('node bench/build-variants.mjs');
run('node bench/run.mjs');
