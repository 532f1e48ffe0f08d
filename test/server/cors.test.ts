/** Cross-origin set-up made findable: the start-up note, and warnings naming refused origins (throttled, capped). */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { WarningLine } from '../../server/context.js';
import {
  REFUSED_ORIGIN_MAX,
  REFUSED_ORIGIN_WINDOW_MS,
  RefusedOrigins,
  corsStartupNotes,
} from '../../server/http/cors.js';
import {
  ALLOWED_ORIGIN,
  call,
  describeEachDatabase,
  makeApp,
  postJson,
  validComplaint,
  type TestApp,
} from './helpers.js';

describe('CORS start-up note', () => {
  it('unset: one line saying only this server’s pages can call, and how to allow a site', () => {
    const notes = corsStartupNotes([]);
    assert.equal(notes.length, 1);
    assert.match(notes[0]!, /SILA_ALLOWED_ORIGINS is not set/);
    assert.match(notes[0]!, /only pages served by this server can use the API/);
    assert.match(notes[0]!, /SILA_ALLOWED_ORIGINS=https:\/\/your-site\.example/);
    assert.ok(!notes[0]!.includes('\n'));
  });

  it('set: names the allowed sites; flags entries that can never match', () => {
    assert.deepEqual(corsStartupNotes(['https://a.example', 'http://localhost:5173']), [
      'CORS: pages on https://a.example, http://localhost:5173 (and this server) may use the API.',
    ]);
    const notes = corsStartupNotes(['https://a.example/widgets', 'www.b.example', 'null']);
    assert.equal(notes.length, 4);
    assert.match(notes[1]!, /"https:\/\/a\.example\/widgets" is not an origin .*; use https:\/\/a\.example\./);
    assert.match(notes[2]!, /"www\.b\.example" is not an origin .*; write it like https:\/\/your-site\.example\./);
    assert.match(notes[3]!, /contains "null"/);
    assert.match(corsStartupNotes(['*'])[0]!, /any site/);
  });
});

describe('refused-origin warnings', () => {
  it('once per origin per window, again after it', () => {
    const lines: WarningLine[] = [];
    let clock = 0;
    const refused = new RefusedOrigins(
      (line) => lines.push(line),
      () => clock,
    );
    refused.refused('https://widget-host.example');
    refused.refused('https://widget-host.example');
    refused.refused('https://other.example');
    assert.deepEqual(
      lines.map((line) => [line.warning, line.origin]),
      [
        ['cors_origin_refused', 'https://widget-host.example'],
        ['cors_origin_refused', 'https://other.example'],
      ],
    );
    assert.match(lines[0]!.message, /SILA_ALLOWED_ORIGINS/);
    assert.match(lines[0]!.message, /SILA_ALLOWED_ORIGINS=https:\/\/widget-host\.example/);
    clock += REFUSED_ORIGIN_WINDOW_MS - 1;
    refused.refused('https://widget-host.example');
    assert.equal(lines.length, 2);
    clock += 1;
    refused.refused('https://widget-host.example');
    assert.equal(lines.length, 3);
  });

  it('a file:// page (Origin: null) is explained; what no browser sends is not logged', () => {
    const lines: WarningLine[] = [];
    const refused = new RefusedOrigins((line) => lines.push(line));
    refused.refused('null');
    assert.equal(lines[0]!.origin, 'null');
    assert.match(lines[0]!.message, /file:\/\//);
    for (const junk of [
      'https://a.example/path?name=x',
      'javascript:alert(1)',
      'not an origin',
      `https://${'a'.repeat(300)}.example`,
      'https://x.example\n{"forged":1}',
    ]) {
      refused.refused(junk);
    }
    assert.equal(lines.length, 1);
  });

  it('a flood of made-up origins: at most the cap, then one summary line per window', () => {
    const lines: WarningLine[] = [];
    let clock = 0;
    const refused = new RefusedOrigins(
      (line) => lines.push(line),
      () => clock,
    );
    for (let i = 0; i < 5_000; i++) refused.refused(`https://spam-${i}.example`);
    assert.equal(lines.length, REFUSED_ORIGIN_MAX + 1);
    assert.equal(lines.at(-1)!.warning, 'cors_origins_not_logged');
    assert.equal(lines.at(-1)!.origin, undefined);
    clock += REFUSED_ORIGIN_WINDOW_MS / 2;
    for (let i = 5_000; i < 6_000; i++) refused.refused(`https://spam-${i}.example`);
    assert.equal(lines.length, REFUSED_ORIGIN_MAX + 1, 'nothing more within the window');
    // Once the window has passed, room is made again (the oldest entries expire).
    clock += REFUSED_ORIGIN_WINDOW_MS / 2;
    refused.refused('https://widget-host.example');
    assert.equal(lines.at(-1)!.origin, 'https://widget-host.example');
  });
});

describeEachDatabase('CORS refusals in the app', (db) => {
  let warnings: WarningLine[];
  let app: TestApp;
  before(() => {
    warnings = [];
    app = makeApp(db(), { allowedOrigins: [ALLOWED_ORIGIN], warn: (line) => warnings.push(line) });
  });

  it('a refused browser origin is named once; allowed, same-site and origin-less calls are not', async () => {
    const preflight = await call(app, '/v1/complaints', {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://widget-host.example',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type,idempotency-key',
      },
    });
    assert.equal(preflight.headers.get('access-control-allow-origin'), null);
    const name = 'كناري الاختبار';
    const posted = await postJson(
      app,
      '/v1/complaints',
      validComplaint({ contact: { name, mobile: '0559876123', email: 'canary@example.com' } }),
      {
        headers: { Origin: 'https://widget-host.example' },
      },
    );
    assert.equal(posted.status, 201, 'CORS is enforced by the browser; the server still answers');
    await call(app, '/v1/form-config', { headers: { Origin: 'https://widget-host.example' } });
    assert.deepEqual(
      warnings.map((line) => line.origin),
      ['https://widget-host.example'],
    );
    const text = JSON.stringify(warnings);
    for (const secret of [name, '0559876123', 'canary@example.com', '127.0.0.1'])
      assert.ok(!text.includes(secret), `warning leaks ${secret}`);

    await call(app, '/v1/form-config', { headers: { Origin: ALLOWED_ORIGIN } });
    await call(app, 'http://localhost/v1/form-config', { headers: { Origin: 'http://localhost' } });
    // Behind a TLS proxy the request URL is http:// while the page is https:// on the same host.
    await call(app, 'http://sila.charity.example/v1/form-config', {
      headers: { Origin: 'https://sila.charity.example' },
    });
    await call(app, 'http://127.0.0.1:8787/v1/form-config', {
      headers: { Origin: 'https://proxy.example', 'Sec-Fetch-Site': 'same-origin' },
    });
    await call(app, '/v1/form-config');
    await call(app, '/demo/', { headers: { Origin: 'https://not-api.example' } });
    assert.equal(warnings.length, 1);

    await call(app, '/v1/form-config', { headers: { Origin: 'https://second-site.example' } });
    assert.deepEqual(
      warnings.map((line) => line.origin),
      ['https://widget-host.example', 'https://second-site.example'],
    );
  });

  it('SILA_ALLOWED_ORIGINS=* never warns', async () => {
    const lines: WarningLine[] = [];
    const open = makeApp(db(), { allowedOrigins: ['*'], warn: (line) => lines.push(line) });
    const answer = await call(open, '/v1/form-config', { headers: { Origin: 'https://anyone.example' } });
    assert.equal(answer.headers.get('access-control-allow-origin'), '*');
    assert.equal(lines.length, 0);
  });
});
