#!/usr/bin/env node
// Builds the library (ESM + single-file bundle), its type declarations and the
// custom-elements manifest, then prints the bundle's sizes (the budget that matters
// on cheap phones over weak connections).
import { execSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { gzipSync, brotliCompressSync } from 'node:zlib';

const run = (command) => execSync(command, { stdio: 'inherit' });
rmSync('dist', { recursive: true, force: true });
run('npx vite build --logLevel warn');
run('npx vite build --mode iife --logLevel warn');
run('npx tsc -p tsconfig.build.json');
run('npx cem analyze --litelement --globs "src/widgets/**/*.ts" --quiet');

const bundle = readFileSync('dist/sila.iife.js');
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;
console.log(
  `dist/sila.iife.js: ${kb(bundle.length)} min, ${kb(gzipSync(bundle, { level: 9 }).length)} gzip, ${kb(brotliCompressSync(bundle).length)} brotli`,
);
