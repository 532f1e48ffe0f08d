/**
 * Production defaults (#18.10) and errors through the injected logger (#20.7): the demo
 * and static files are off unless `npm start` or development asks; an Origin equal to the
 * Host is not reflected unless configured; an unexpected error goes to deps.error, not
 * straight to stderr.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { ErrorLine } from '../../server/context.js';
import { readServerConfig } from '../../server/config.js';
import type { Database } from '../../server/db/database.js';
import { call, describeEachDatabase, makeApp, postJson } from './helpers.js';
import { startServerProcess } from './limits-process.js';

const root = new URL('../..', import.meta.url).pathname;

describe('production defaults', () => {
  it('static files are off unless asked for', () => {
    assert.equal(readServerConfig({}).serveStatic, false);
    assert.equal(readServerConfig({ NODE_ENV: 'production' }).serveStatic, false);
    assert.equal(readServerConfig({ NODE_ENV: 'development' }).serveStatic, true);
    assert.equal(readServerConfig({ SILA_SERVE_STATIC: '1' }).serveStatic, true);
    assert.equal(readServerConfig({ NODE_ENV: 'development', SILA_SERVE_STATIC: '0' }).serveStatic, false);
    // `npm start` (the demo) asks for them, unless the operator said otherwise.
    assert.match(
      readFileSync(`${root}scripts/start.mjs`, 'utf8'),
      /SILA_SERVE_STATIC: process\.env\.SILA_SERVE_STATIC \?\? '1'/,
    );
  });

  it('the server started plainly serves the API, not the demo', async () => {
    const server = await startServerProcess({});
    try {
      assert.equal((await fetch(`${server.url}/v1/form-config`)).status, 200);
      for (const path of ['/', '/demo/', '/dist/sila.js']) {
        const answer = await fetch(`${server.url}${path}`, { redirect: 'manual' });
        assert.equal(answer.status, 404, path);
        await answer.arrayBuffer();
      }
    } finally {
      await server.stop();
    }
  });
});

describeEachDatabase('CORS and errors', (db) => {
  it('an Origin equal to the Host is not reflected unless it is configured', async () => {
    const app = makeApp(db(), { allowedOrigins: ['https://charity.example'] });
    const spoofed = await call(app, 'http://sila.example/v1/form-config', {
      headers: { Origin: 'http://sila.example', Host: 'sila.example' },
    });
    assert.equal(spoofed.headers.get('access-control-allow-origin'), null);
    const preflight = await call(app, 'http://sila.example/v1/complaints', {
      method: 'OPTIONS',
      headers: { Origin: 'http://sila.example', 'Access-Control-Request-Method': 'POST' },
    });
    assert.equal(preflight.headers.get('access-control-allow-origin'), null);
    const configured = makeApp(db(), { allowedOrigins: ['http://sila.example'] });
    const allowed = await call(configured, 'http://sila.example/v1/form-config', {
      headers: { Origin: 'http://sila.example' },
    });
    assert.equal(allowed.headers.get('access-control-allow-origin'), 'http://sila.example');
  });

  it('an unexpected error goes to the injected error logger, with no data', async () => {
    const lines: ErrorLine[] = [];
    const broken: Database = {
      ...db(),
      kind: db().kind,
      query: () => Promise.reject(new TypeError('bad value 0551234567 in query')),
      transaction: db().transaction.bind(db()),
      exec: db().exec.bind(db()),
      close: db().close.bind(db()),
    };
    const app = makeApp(broken, { error: (line) => lines.push(line) });
    const written: string[] = [];
    const original = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    }) as typeof process.stderr.write;
    let answer;
    try {
      answer = await postJson(app, '/v1/status', { reference: 'CABCDEFGHJKMN', verifier: '1234' });
    } finally {
      process.stderr.write = original;
    }
    assert.equal(answer.status, 500);
    assert.equal(lines.length, 1);
    assert.equal(lines[0]!.error, 'TypeError');
    assert.equal(lines[0]!.route, '/v1/status');
    assert.ok(!JSON.stringify(lines).includes('0551234567'), 'the message (which can quote data) is not logged');
    assert.deepEqual(written, [], 'nothing written to stderr directly');
  });
});
