/**
 * What npm users get: the packed tarball installs into an empty project, its exports
 * resolve, and it ships the built files and docs but no sources or server.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, it } from 'node:test';
import { ensureFreshBuild } from './fresh-build.js';

const root = new URL('../..', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'sila-pack-'));
const project = join(work, 'project');

interface PackResult {
  filename: string;
  files: { path: string }[];
}

let packed: PackResult;

/**
 * Under `npm test` the parent npm exports npm_config_local_prefix=<repo>, which would
 * make the install below land in this repository: run npm with a clean project context.
 */
const env = Object.fromEntries(
  Object.entries(process.env).filter(([name]) => !/^npm_(config_local_prefix|package_|lifecycle_)/.test(name)),
);

function npm(args: string[], cwd: string): string {
  return execFileSync('npm', args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 });
}

before(() => {
  ensureFreshBuild(root, () => npm(['run', 'build'], root));
  [packed] = JSON.parse(npm(['pack', '--json', '--silent', '--pack-destination', work], root)) as PackResult[];
  mkdirSync(project);
  writeFileSync(
    join(project, 'package.json'),
    JSON.stringify({ name: 'sila-pack-check', version: '0.0.0', private: true, type: 'module' }),
  );
  const tarball = join(work, packed.filename);
  // The dependencies are in the cache from the main install; no network needed.
  try {
    npm(['install', '--offline', '--no-audit', '--no-fund', tarball], project);
  } catch {
    npm(['install', '--prefer-offline', '--no-audit', '--no-fund', tarball], project);
  }
});

after(() => rmSync(work, { recursive: true, force: true }));

it('the tarball ships the bundle, types, manifest and OpenAPI, and no sources or server', () => {
  const paths = new Set(packed.files.map((file) => file.path));
  for (const path of [
    'dist/sila.iife.js',
    'dist/sila.ar.iife.js',
    'dist/sila.en.iife.js',
    'dist/sila-rating.ar.iife.js',
    'dist/index.js',
    'dist/types/index.d.ts',
    'custom-elements.json',
    'docs/openapi.json',
    'package.json',
  ]) {
    assert.ok(paths.has(path), `${path} is in the tarball`);
  }
  const stray = [...paths].filter((path) => /^(src|server|test|scripts|demo|locales|node_modules)\//.test(path));
  assert.deepEqual(stray, []);
});

it('every file the exports map points at is in the tarball', () => {
  const paths = new Set(packed.files.map((file) => file.path));
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    exports: Record<string, string | Record<string, string>>;
  };
  const targets = Object.values(manifest.exports).flatMap((target) =>
    typeof target === 'string' ? [target] : Object.values(target),
  );
  for (const target of targets) assert.ok(paths.has(target.replace(/^\.\//, '')), `${target} is in the tarball`);
});

it('the CDN default (unpkg, jsdelivr) is the Arabic all-in-one file, in the tarball', () => {
  const paths = new Set(packed.files.map((file) => file.path));
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<string, unknown>;
  for (const field of ['unpkg', 'jsdelivr']) {
    assert.equal(manifest[field], './dist/sila.ar.iife.js', field);
    assert.ok(paths.has('dist/sila.ar.iife.js'));
  }
});

it('the installed package resolves sila-widgets/contract.js in Node', async () => {
  const script = `import('sila-widgets/contract.js').then((m) => console.log(m.normalizeReference('c-4f7k-2m9q-x3tb')))`;
  const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: project,
    encoding: 'utf8',
  });
  assert.equal(output.trim(), 'C4F7K2M9QX3TB');
});
