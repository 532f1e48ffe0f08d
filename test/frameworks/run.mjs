#!/usr/bin/env node
// The package as framework developers get it (`npm run test:frameworks`): packs this
// repository, installs each fixture app from its own lockfile with the tarball, runs
// its `npm run check` and a plain-Node import of the package, and ends with
// "N passed, N failed".
//   node test/frameworks/run.mjs [fixture…]      only these fixtures
//   node test/frameworks/run.mjs --update-locks  refresh the fixtures' lockfiles (npm install)
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { staleBuildReason } from '../../scripts/lib/build-freshness.mjs';

const here = new URL('.', import.meta.url).pathname;
const root = join(here, '../..');
const FIXTURES = ['react-vite', 'vue', 'svelte', 'nextjs'];
const args = process.argv.slice(2);
const updateLocks = args.includes('--update-locks');
const chosen = args.filter((arg) => !arg.startsWith('--'));
const fixtures = chosen.length > 0 ? FIXTURES.filter((name) => chosen.includes(name)) : FIXTURES;

// Under `npm run`, npm exports its own project's prefix; the fixtures are projects of their own.
const env = Object.fromEntries(
  Object.entries(process.env).filter(([name]) => !/^npm_(config_local_prefix|package_|lifecycle_)/.test(name)),
);
env.NEXT_TELEMETRY_DISABLED = '1';
env.PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD = '1';

const seconds = (start) => `${((Date.now() - start) / 1000).toFixed(1)} s`;

function step(name, cwd, command, commandArgs) {
  const start = Date.now();
  const result = spawnSync(command, commandArgs, {
    cwd,
    env,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 600_000,
  });
  const ok = result.status === 0;
  console.log(`${ok ? 'ok' : 'not ok'} - ${name} (${seconds(start)})`);
  if (!ok)
    console.log(`${result.stdout ?? ''}${result.stderr ?? ''}${result.error ?? ''}`.trim().replace(/^/gm, '    '));
  return ok;
}

/** The lock may not pin the tarball's hash: it changes with every build. */
function unpinTarball(fixture) {
  const path = join(here, fixture, 'package-lock.json');
  const lock = JSON.parse(readFileSync(path, 'utf8'));
  delete lock.packages['node_modules/sila-widgets']?.integrity;
  writeFileSync(path, `${JSON.stringify(lock, null, 2)}\n`);
}

const started = Date.now();
const reason = staleBuildReason(root);
if (reason) {
  console.log(`# building (${reason})`);
  execFileSync('npm', ['run', 'build'], { cwd: root, env, stdio: 'ignore' });
}
const packDir = join(here, '.pack');
rmSync(packDir, { recursive: true, force: true });
mkdirSync(packDir);
const [packed] = JSON.parse(
  execFileSync('npm', ['pack', '--json', '--silent', '--pack-destination', packDir], {
    cwd: root,
    env,
    encoding: 'utf8',
  }),
);
renameSync(join(packDir, packed.filename), join(packDir, 'sila-widgets.tgz'));
console.log(`# packed ${packed.filename} (${(packed.size / 1024).toFixed(0)} kB) in ${seconds(started)}`);

let passed = 0;
let failed = 0;
const count = (ok) => (ok ? (passed += 1) : (failed += 1));
for (const fixture of fixtures) {
  const cwd = join(here, fixture);
  rmSync(join(cwd, 'node_modules'), { recursive: true, force: true });
  const install = updateLocks
    ? ['install', '--no-audit', '--no-fund', '--prefer-offline']
    : ['ci', '--no-audit', '--no-fund', '--prefer-offline'];
  const installed = step(`${fixture}: npm ${install[0]}`, cwd, 'npm', install);
  count(installed);
  if (!installed) continue;
  if (updateLocks) unpinTarball(fixture);
  count(
    step(`${fixture}: node imports sila-widgets/rating.js without a DOM`, cwd, process.execPath, [
      '--input-type=module',
      '-e',
      "await import('sila-widgets/rating.js'); await import('sila-widgets');",
    ]),
  );
  count(step(`${fixture}: npm run check`, cwd, 'npm', ['run', '--silent', 'check']));
}
console.log(`# ${fixtures.length} fixtures in ${seconds(started)}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
