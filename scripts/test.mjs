#!/usr/bin/env node
// The whole suite: starts a real reference server on an embedded database, runs the
// browser tests against it, then the Node tests (server, contract), and ends with one
// plain line "N passed, N failed" (CI reads it).
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { TEST_ADMIN_EMAIL, TEST_ADMIN_PASSWORD, startTestServer } from './test-server.mjs';

const root = new URL('..', import.meta.url).pathname;
const results = join(root, '.test-results');
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });

function run(command, args, env) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

/** Node 20's test runner does not expand globs: list the files ourselves. */
function nodeTestFiles() {
  return ['test/server', 'test/contract', 'test/e2e'].flatMap((dir) =>
    readdirSync(join(root, dir))
      .filter((file) => file.endsWith('.test.ts'))
      .map((file) => `${dir}/${file}`),
  );
}

const totals = { passed: 0, failed: 0, skipped: 0 };
let failedRuns = 0;

const server = await startTestServer(root, {
  SILA_ADMIN_EMAIL: TEST_ADMIN_EMAIL,
  SILA_ADMIN_PASSWORD: TEST_ADMIN_PASSWORD,
});
try {
  const wtrSummary = join(results, 'browser.json');
  const wtrCode = await run('npx', ['web-test-runner'], {
    SILA_TEST_ENDPOINT: server.url,
    SILA_WTR_SUMMARY: wtrSummary,
  });
  try {
    const browser = JSON.parse(readFileSync(wtrSummary, 'utf8'));
    totals.passed += browser.passed;
    totals.failed += browser.failed + browser.fileErrors;
    totals.skipped += browser.skipped;
  } catch {
    totals.failed += 1; // the runner died before reporting
  }
  if (wtrCode !== 0) failedRuns += 1;
} finally {
  await server.stop();
}

const tap = join(results, 'node.tap');
const nodeCode = await run(process.execPath, [
  '--import',
  'tsx',
  '--test',
  '--test-concurrency=1',
  '--test-reporter=spec',
  '--test-reporter-destination=stdout',
  '--test-reporter=tap',
  `--test-reporter-destination=${tap}`,
  ...nodeTestFiles(),
]);
try {
  const text = readFileSync(tap, 'utf8');
  const pick = (name) => Number(text.match(new RegExp(`^# ${name} (\\d+)`, 'm'))?.[1] ?? 0);
  totals.passed += pick('pass');
  totals.failed += pick('fail') + pick('cancelled');
  totals.skipped += pick('skipped') + pick('todo');
} catch {
  totals.failed += 1;
}
if (nodeCode !== 0) failedRuns += 1;

const ok = totals.failed === 0 && failedRuns === 0;
const skipped = totals.skipped ? `, ${totals.skipped} skipped` : '';
console.log(`\n${totals.passed} passed, ${totals.failed} failed${skipped}`);
process.exit(ok ? 0 : 1);
