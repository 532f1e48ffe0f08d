#!/usr/bin/env node
// Builds the library (ESM, the all-in-one single file and one single file per widget, each
// bilingual and in one language), the staff console (dist/staff/),
// its type declarations, the custom-elements manifest and what is generated from it
// (editor data, framework typings), then prints the single files'
// sizes (the budget that matters on cheap phones over weak connections).
import { execSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { build } from 'vite';
import { bundleSizes, kB } from './lib/bundle-sizes.mjs';

const WIDGETS = ['complaint-form', 'request-form', 'rating', 'status-lookup'];
// Bilingual (live language switching) and one file per language (strings inlined).
const LANGUAGES = ['', '-ar', '-en'];
const run = (command) => execSync(command, { stdio: 'inherit' });
rmSync('dist', { recursive: true, force: true });
// One process for every vite build: the per-language builds share one TypeScript program.
const modes = [
  'production',
  ...['iife', ...WIDGETS.map((widget) => `iife-${widget}`)].flatMap((mode) => LANGUAGES.map((suffix) => mode + suffix)),
  'staff',
];
for (const mode of modes) await build({ configFile: 'vite.config.ts', mode, logLevel: 'warn' });
run('npx tsc -p tsconfig.build.json');
run('npx cem analyze --quiet');
run('node scripts/editor-data.mjs'); // editor data and framework typings, from the manifest

for (const { file, min, gzip, brotli } of bundleSizes('dist')) {
  console.log(`dist/${file}: ${kB(min)} min, ${kB(gzip)} gzip, ${kB(brotli)} brotli`);
}
