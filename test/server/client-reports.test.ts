/**
 * POST /v1/client-reports: a widget on a site the service refuses (CORS) reports it with
 * a text/plain beacon; the server logs the site's origin once per hour, never anything
 * else, and bounds what a client can send.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { WarningLine } from '../../server/context.js';
import { MemoryCounterStore } from '../../server/http/counter-store.js';
import { REPORTS_PER_HOUR_PER_CLIENT } from '../../server/routes/client-reports.js';
import { assertProblem, call, describeEachDatabase, makeApp, type TestApp } from './helpers.js';

const REFUSED = 'https://unlisted-charity.example';

function beacon(app: TestApp, body: string, origin = REFUSED) {
  // What navigator.sendBeacon(url, string) sends: text/plain, the page's Origin, no preflight.
  return call(app, '/v1/client-reports', {
    method: 'POST',
    headers: { 'Content-Type': 'text/plain;charset=UTF-8', Origin: origin },
    body,
  });
}

describeEachDatabase('client reports', (db) => {
  it('a refused site’s beacon: 204, its origin logged once per hour, nothing else', async () => {
    const warnings: WarningLine[] = [];
    const app = makeApp(db(), { warn: (line) => warnings.push(line), counters: new MemoryCounterStore() });
    const body = JSON.stringify({ reason: 'unreachable', widget: 'complaint-form' });
    const first = await beacon(app, body);
    assert.equal(first.status, 204);
    assert.equal((await beacon(app, body)).status, 204);
    const reports = warnings.filter((line) => line.warning === 'widget_unreachable');
    assert.equal(reports.length, 1, JSON.stringify(warnings));
    assert.equal(reports[0]!.origin, REFUSED);
    assert.match(reports[0]!.message, /SILA_ALLOWED_ORIGINS=https:\/\/unlisted-charity\.example/);
    // Another site is news.
    await beacon(app, body, 'https://second-site.example');
    assert.equal(warnings.filter((line) => line.warning === 'widget_unreachable').length, 2);
  });

  it('bounded: a large body is 413, a body that is not a report 422, a flood 429', async () => {
    const app = makeApp(db(), { counters: new MemoryCounterStore() });
    assertProblem(await beacon(app, 'x'.repeat(600)), 413);
    assertProblem(await beacon(app, 'name=Sara&mobile=0551234567'), 422, 'validation_failed');
    let last;
    for (let i = 0; i < REPORTS_PER_HOUR_PER_CLIENT; i++) last = await beacon(app, '{"reason":"unreachable"}');
    assertProblem(last!, 429, 'rate_limited');
  });
});
