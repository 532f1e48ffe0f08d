/**
 * The lookup never locks out the rightful person (#18.5): failures from one address past
 * the hourly allowance are answered later and later (429, growing Retry-After), but a
 * correct verifier from that same address is answered at once. Unknown reference and wrong
 * verifier stay indistinguishable while slowed; the per-reference daily limit stays.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generateReference } from '../../src/contract/identifiers.js';
import { DEFAULT_LIMITS, LOOKUP_SLOWDOWN } from '../../server/limits.js';
import { slowdownMs } from '../../server/submissions/lookup-gate.js';
import { assertProblem, describeEachDatabase, makeApp, postJson, validComplaint, type Answer } from './helpers.js';

const ALLOWANCE = 30;
const limits = {
  ...DEFAULT_LIMITS,
  postsPerMinutePerIp: 0,
  maxInFlightPerClient: 0,
  lookupFailuresPerHourPerIp: ALLOWANCE,
  lookupFailuresPerReferencePerDay: 100_000,
};
const headers = (answer: Answer) => [...answer.headers.entries()].filter(([name]) => name !== 'date');
// In-process requests come from this machine, a trusted proxy: each test is its own client
// (on PostgreSQL the counters outlive an app, in the shared table).
const trustedProxies = ['127.0.0.1'];
const from = (ip: string) => ({ headers: { 'X-Forwarded-For': ip } });

describe('slowdown', () => {
  it('doubles from the base and stops at the cap', () => {
    assert.equal(slowdownMs(0), 0);
    assert.equal(slowdownMs(1), LOOKUP_SLOWDOWN.baseMs);
    assert.equal(slowdownMs(2), LOOKUP_SLOWDOWN.baseMs * 2);
    assert.equal(slowdownMs(3), LOOKUP_SLOWDOWN.baseMs * 4);
    assert.equal(slowdownMs(1000), LOOKUP_SLOWDOWN.maxMs);
  });
});

describeEachDatabase('lookup slowing', (db) => {
  it('after many failures from one address, the right verifier from it is still answered', async () => {
    const app = makeApp(db(), { limits, trustedProxies });
    const created = (await postJson(app, '/v1/complaints', validComplaint())).json;
    const carrier = from('198.51.100.30');
    for (let i = 0; i < ALLOWANCE; i++) {
      const guess = await postJson(
        app,
        '/v1/status',
        { reference: generateReference('request'), verifier: '1234' },
        carrier,
      );
      assertProblem(guess, 404, 'not_found');
    }
    // Slowed: 429 with a Retry-After that grows with every further failure.
    const waits: number[] = [];
    for (let i = 0; i < 3; i++) {
      const slowed = await postJson(
        app,
        '/v1/status',
        { reference: generateReference('request'), verifier: '1234' },
        carrier,
      );
      assertProblem(slowed, 429, 'too_many_attempts');
      waits.push(Number(slowed.headers.get('retry-after')));
    }
    assert.ok(
      waits.every((wait, i) => wait >= 1 && (i === 0 || wait >= waits[i - 1]!)),
      `waits ${waits}`,
    );
    assert.ok(waits.at(-1)! > waits[0]!, `waits grow: ${waits}`);

    const rightful = await postJson(app, '/v1/status', { reference: created.reference, verifier: '4567' }, carrier);
    assert.equal(rightful.status, 200, rightful.text);
    assert.equal(rightful.json.reference, created.reference);
  });

  it('while slowed, an unknown reference and a wrong verifier get the same answer', async () => {
    const app = makeApp(db(), { limits: { ...limits, lookupFailuresPerHourPerIp: 1 }, trustedProxies });
    const created = (await postJson(app, '/v1/complaints', validComplaint())).json;
    const client = from('198.51.100.31');
    assertProblem(await postJson(app, '/v1/status', { reference: created.reference, verifier: '0000' }, client), 404);
    const wrong = await postJson(app, '/v1/status', { reference: created.reference, verifier: '0000' }, client);
    const unknown = await postJson(
      app,
      '/v1/status',
      { reference: generateReference('complaint'), verifier: '4567' },
      client,
    );
    assertProblem(wrong, 429, 'too_many_attempts');
    assert.equal(unknown.status, wrong.status);
    assert.equal(unknown.text, wrong.text);
    // Retry-After grows with each failure, whichever kind it was: compare all but it.
    const without = (answer: Answer) => headers(answer).filter(([name]) => name !== 'retry-after');
    assert.deepEqual(without(unknown), without(wrong));
  });

  it('the per-reference daily limit still holds, from any address', async () => {
    const app = makeApp(db(), {
      trustedProxies,
      limits: { ...limits, lookupFailuresPerReferencePerDay: 5 },
    });
    const created = (await postJson(app, '/v1/complaints', validComplaint())).json;
    for (let i = 0; i < 5; i++) {
      const guess = await postJson(
        app,
        '/v1/status',
        { reference: created.reference, verifier: '0000' },
        { headers: { 'X-Forwarded-For': `203.0.113.${i}` } },
      );
      assertProblem(guess, 404);
    }
    const locked = await postJson(
      app,
      '/v1/status',
      { reference: created.reference, verifier: '4567' },
      { headers: { 'X-Forwarded-For': '198.51.100.1' } },
    );
    assertProblem(locked, 429, 'too_many_attempts');
  });
});
