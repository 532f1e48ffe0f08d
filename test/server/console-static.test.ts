/**
 * /staff/ serves the built console: strict CSP, never cached page, cached hashed files,
 * no CORS, and a clear 503 when the console was not built.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, it } from 'node:test';
import { Hono } from 'hono';
import type { AppEnv } from '../../server/context.js';
import { CONSOLE_CSP, consoleRoutes } from '../../server/console-static.js';

const dist = mkdtempSync(join(tmpdir(), 'sila-console-'));
mkdirSync(join(dist, 'staff', 'assets'), { recursive: true });
writeFileSync(join(dist, 'staff', 'index.html'), '<!doctype html><title>console</title>');
writeFileSync(join(dist, 'staff', 'assets', 'index-abc123.js'), 'export {};');
after(() => rmSync(dist, { recursive: true, force: true }));

function app(root: string): Hono<AppEnv> {
  return consoleRoutes(root);
}

it('the page: strict CSP, no-store, no CORS even for another origin', async () => {
  const answer = await app(dist).request('/staff/', { headers: { Origin: 'https://elsewhere.example' } });
  assert.equal(answer.status, 200);
  assert.equal(answer.headers.get('content-security-policy'), CONSOLE_CSP);
  assert.match(CONSOLE_CSP, /default-src 'self'; script-src 'self'; style-src 'self'/);
  assert.doesNotMatch(CONSOLE_CSP, /unsafe-inline|unsafe-eval/);
  assert.equal(answer.headers.get('cache-control'), 'no-store');
  assert.equal(answer.headers.get('access-control-allow-origin'), null);
  assert.match(await answer.text(), /console/);
});

it('/staff goes to /staff/; hashed files are cached for good; unknown files are 404', async () => {
  const redirect = await app(dist).request('/staff');
  assert.equal(redirect.status, 301);
  assert.equal(redirect.headers.get('location'), '/staff/');
  const file = await app(dist).request('/staff/assets/index-abc123.js');
  assert.equal(file.status, 200);
  assert.match(file.headers.get('cache-control') ?? '', /immutable/);
  assert.equal((await app(dist).request('/staff/assets/missing.js')).status, 404);
  assert.equal((await app(dist).request('/staff/assets/..%2f..%2fpackage.json')).status, 404);
});

it('not built: 503 that says how to build it', async () => {
  const answer = await app(join(dist, 'nothing-here')).request('/staff/');
  assert.equal(answer.status, 503);
  assert.match(await answer.text(), /npm run build/);
});
