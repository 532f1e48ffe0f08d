#!/usr/bin/env node
// The test suite in four tiers, each runnable alone:
//   browser  web-test-runner in Chromium against a real reference server (test/browser)
//   node     the server on PGlite (and PostgreSQL with DATABASE_URL), the contract (test/server, test/contract)
//   dist     tests of the built files: CSP bundle, npm pack, size budget, host CSS,
//            per-widget bundles, node import, manifest (test/contract files that read dist/)
//   e2e      Node + Playwright-core + Debian Chromium against a real server (test/e2e)
// `node scripts/test.mjs` runs them all (npm test); `node scripts/test.mjs node e2e` runs
// those two; with one tier, test files given after it run alone:
//   node scripts/test.mjs node test/server/cors.test.ts
// Ends with one plain line "N passed, N failed" (CI reads it).
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ensurePgliteTemplate } from './pglite-template.mjs';
import { TEST_ADMIN_EMAIL, TEST_ADMIN_PASSWORD, startTestServer } from './test-server.mjs';

const root = new URL('..', import.meta.url).pathname;
const TIERS = ['browser', 'node', 'dist', 'e2e'];

const args = process.argv.slice(2);
const asked = args.filter((arg) => TIERS.includes(arg));
const extra = args.filter((arg) => !TIERS.includes(arg));
const tiers = asked.length ? TIERS.filter((tier) => asked.includes(tier)) : TIERS;
if (extra.length && tiers.length !== 1) {
  console.error(`test files or options (${extra.join(' ')}) go with one tier: ${TIERS.join(', ')}`);
  process.exit(2);
}

// Every in-memory test database (the test helpers', and the servers' the tests start) starts
// from one kept initdb instead of running initdb in WASM again (seconds per process).
process.env.SILA_TEST_PGLITE_TEMPLATE ??= await ensurePgliteTemplate();

// Staff passwords: a cheaper scrypt N for the many test accounts (production keeps 2^14;
// test/server/password-cost.test.ts checks both).
process.env.SILA_TEST_SCRYPT_N ??= '1024';

const results = join(root, '.test-results');
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });

function run(command, commandArgs, env) {
  return new Promise((resolve) => {
    const child = spawn(command, commandArgs, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

function testFiles(dir) {
  return readdirSync(join(root, dir))
    .filter((file) => file.endsWith('.test.ts'))
    .map((file) => `${dir}/${file}`)
    .sort();
}

/** A contract test that reads the built package (it waits for a fresh `dist/` first). */
function readsDist(file) {
  return /from '\.\/(fresh-build|bundle-harness)\.js'/.test(readFileSync(join(root, file), 'utf8'));
}

/** Node 20's test runner does not expand globs: list the files ourselves. */
const NODE_FILES = {
  node: () => [...testFiles('test/server'), ...testFiles('test/contract').filter((file) => !readsDist(file))],
  dist: () => testFiles('test/contract').filter(readsDist),
  e2e: () => testFiles('test/e2e'),
};

const totals = { passed: 0, failed: 0, skipped: 0 };
const failedTiers = [];
/** "tier: file › test: reason" of every failed test, printed again at the very end. */
const failures = [];
/** The error lines the browser tier's server printed (JSON, no personal data). */
const serverErrors = [];

/** The failed leaf tests of a node:test TAP file (a parent that failed only through its children is left out). */
function tapFailures(text) {
  const path = [];
  const childFailed = [];
  const found = [];
  for (const line of text.split('\n')) {
    const indent = line.match(/^ */)[0].length / 4;
    const subtest = line.match(/^ *# Subtest: (.*)$/);
    if (subtest) {
      path[indent] = subtest[1];
      path.length = indent + 1;
      continue;
    }
    const result = line.match(/^ *(not ok|ok) \d+ - (.*?)(?: # .*)?$/);
    if (!result) continue;
    const failedBelow = childFailed[indent + 1] ?? false;
    childFailed[indent + 1] = false;
    if (result[1] === 'not ok') {
      childFailed[indent] = true;
      if (!failedBelow) found.push([...path.slice(0, indent), result[2]].join(' › '));
    }
  }
  return found;
}

async function browserTier() {
  const server = await startTestServer(root, {
    SILA_ADMIN_EMAIL: TEST_ADMIN_EMAIL,
    SILA_ADMIN_PASSWORD: TEST_ADMIN_PASSWORD,
  });
  try {
    const summary = join(results, 'browser.json');
    const code = await run('npx', ['web-test-runner', ...extra], {
      SILA_TEST_ENDPOINT: server.url,
      SILA_WTR_SUMMARY: summary,
    });
    try {
      const browser = JSON.parse(readFileSync(summary, 'utf8'));
      totals.passed += browser.passed;
      totals.failed += browser.failed + browser.fileErrors;
      totals.skipped += browser.skipped;
      for (const failure of browser.failures ?? []) failures.push(`browser: ${failure}`);
    } catch {
      totals.failed += 1; // the runner died before reporting
    }
    serverErrors.push(...server.errors());
    return code;
  } finally {
    await server.stop();
  }
}

async function nodeTier(tier) {
  const files = extra.some((arg) => arg.endsWith('.ts')) ? extra : [...extra, ...NODE_FILES[tier]()];
  const tap = join(results, `${tier}.tap`);
  const fileTimes = join(results, `${tier}-files.txt`);
  const code = await run(process.execPath, [
    '--import',
    'tsx',
    '--test',
    '--test-concurrency=1',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=tap',
    `--test-reporter-destination=${tap}`,
    `--test-reporter=${join(root, 'scripts/test-file-times.mjs')}`,
    `--test-reporter-destination=${fileTimes}`,
    ...files,
  ]);
  try {
    const slowest = readFileSync(fileTimes, 'utf8').split('\n').slice(0, 5).join('\n');
    console.log(`\nslowest ${tier} test files (all in ${fileTimes}):\n${slowest}`);
  } catch {
    // no times: the runner died; the summary below says so
  }
  try {
    const text = readFileSync(tap, 'utf8');
    const pick = (name) => Number(text.match(new RegExp(`^# ${name} (\\d+)`, 'm'))?.[1] ?? 0);
    totals.passed += pick('pass');
    totals.failed += pick('fail') + pick('cancelled');
    totals.skipped += pick('skipped') + pick('todo');
    for (const failure of tapFailures(text)) failures.push(`${tier}: ${failure}`);
  } catch {
    totals.failed += 1;
  }
  return code;
}

const started = Date.now();
const times = [];
for (const tier of tiers) {
  const tierStart = Date.now();
  console.log(`\n== ${tier} tests ==`);
  const code = tier === 'browser' ? await browserTier() : await nodeTier(tier);
  if (code !== 0) failedTiers.push(tier);
  times.push(`${tier} ${Math.round((Date.now() - tierStart) / 1000)} s`);
}

const ok = totals.failed === 0 && failedTiers.length === 0;
const skipped = totals.skipped ? `, ${totals.skipped} skipped` : '';
console.log(`\n${times.join(', ')}; ${Math.round((Date.now() - started) / 1000)} s in all`);
if (failedTiers.length) console.log(`tiers that failed: ${failedTiers.join(', ')}`);
if (failures.length) console.log(`tests that failed:\n${failures.map((failure) => `  ${failure}`).join('\n')}`);
// An unexpected server error is a defect even when no test noticed it (the browser tier's
// server; the node tiers' servers print theirs, some on purpose).
if (serverErrors.length) console.log(`the browser tier's server logged errors:\n  ${serverErrors.join('\n  ')}`);
console.log(`${totals.passed} passed, ${totals.failed} failed${skipped}`);
process.exit(ok ? 0 : 1);
