#!/usr/bin/env node
// npm run bench: Sila against Shoelace, Material Web, SurveyJS and a no-JS floor, in headless
// Chromium. The peers live in bench/'s own install so they never enter the root one.
// BENCH_RUNS=<n> changes the runs per cell (default 15). Writes bench/results.md.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { staleBuildReason } from './lib/build-freshness.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const run = (command) => execSync(command, { cwd: root, stdio: 'inherit' });

const install = existsSync(join(root, 'bench/package-lock.json')) ? 'ci' : 'install';
run(`npm ${install} --prefix bench --no-audit --no-fund`);

const stale = staleBuildReason(root);
if (stale) {
  console.log(`bench: building (${stale})`);
  run('npm run build');
} else console.log('bench: dist/ is current, not rebuilt');

run('node bench/build-variants.mjs');
run('node bench/run.mjs');
