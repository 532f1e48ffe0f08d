/**
 * SSR frameworks (Next.js, Nuxt, SvelteKit, Astro, Angular SSR) import the package on the
 * server: every built ES entry and every package export must import under plain Node,
 * with no DOM shim, and leave no browser globals behind. (The *.iife.js files are for a
 * <script> tag only.)
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, it } from 'node:test';
import { ensureFreshBuild } from './fresh-build.js';

const root = new URL('../..', import.meta.url).pathname;

/** Imports `specifier` in a fresh `node` and reports what it exported and what it left on globalThis. */
function importInNode(specifier: string): { exports: string[]; window: string; document: string; defined: string[] } {
  const script = `
    const module = await import(${JSON.stringify(specifier)});
    const tags = ['sila-complaint-form', 'sila-request-form', 'sila-rating', 'sila-status-lookup'];
    console.log(JSON.stringify({
      exports: Object.keys(module),
      window: typeof window,
      document: typeof document,
      defined: tags.filter((tag) => globalThis.customElements?.get(tag)),
    }));`;
  const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return JSON.parse(output.trim().split('\n').at(-1)!);
}

before(() => ensureFreshBuild(root));

it('every built ES entry in dist/ imports under plain Node without touching window or document', () => {
  const entries = readdirSync(join(root, 'dist')).filter((file) => file.endsWith('.js') && !file.endsWith('.iife.js'));
  assert.ok(entries.includes('rating.js') && entries.includes('index.js'), entries.join());
  for (const file of entries) {
    const result = importInNode(join(root, 'dist', file));
    assert.equal(result.window, 'undefined', `${file} defined window`);
    assert.equal(result.document, 'undefined', `${file} defined document`);
  }
});

it('every package export with code imports by its package name under plain Node', () => {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    name: string;
    exports: Record<string, unknown>;
  };
  const subpaths = Object.entries(manifest.exports)
    .filter(([, target]) => typeof target === 'object' && target !== null && 'default' in target)
    .map(([subpath]) => subpath);
  assert.ok(subpaths.length >= 8, subpaths.join());
  const registered: Record<string, string> = {
    './complaint-form.js': 'sila-complaint-form',
    './request-form.js': 'sila-request-form',
    './rating.js': 'sila-rating',
    './status-lookup.js': 'sila-status-lookup',
  };
  for (const subpath of subpaths) {
    const specifier = `${manifest.name}${subpath.slice(1)}`;
    const result = importInNode(specifier);
    assert.ok(result.exports.length > 0, `${specifier} exports something`);
    assert.equal(result.window, 'undefined', `${specifier} defined window`);
    // Lit's Node build brings a registry of its own; the elements register there, harmlessly.
    if (registered[subpath])
      assert.ok(result.defined.includes(registered[subpath]), `${specifier} registered ${registered[subpath]}`);
  }
});
