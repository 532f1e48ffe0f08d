#!/usr/bin/env node
// `npm run test:wordpress`: the WordPress plugin suite (test/wordpress/wordpress.test.ts),
// ending like `npm test` with one line "N passed, N failed" and the time it took.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;
const results = join(root, '.test-results');
mkdirSync(results, { recursive: true });
const tap = join(results, 'wordpress.tap');
const started = Date.now();

const code = await new Promise((resolve) => {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      '--test',
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      '--test-reporter=tap',
      `--test-reporter-destination=${tap}`,
      'test/wordpress/wordpress.test.ts',
    ],
    { cwd: root, stdio: 'inherit' },
  );
  child.on('exit', (exit) => resolve(exit ?? 1));
});

let text = '';
try {
  text = readFileSync(tap, 'utf8');
} catch {
  // the runner died before reporting: counted as a failure below
}
const pick = (name) => Number(text.match(new RegExp(`^# ${name} (\\d+)`, 'm'))?.[1] ?? 0);
const passed = pick('pass');
const failed = pick('fail') + pick('cancelled') + (text ? 0 : 1);
const skipped = pick('skipped');
const seconds = ((Date.now() - started) / 1000).toFixed(0);
console.log(
  `\nWordPress suite in ${seconds} s: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`,
);
process.exit(code === 0 && failed === 0 ? 0 : 1);
