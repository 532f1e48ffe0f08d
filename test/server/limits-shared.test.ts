/**
 * Limits shared by every instance on one PostgreSQL database (#19): the per-address POST
 * limit and the failed-lookup count live in rate_limits (migration 006), one UPSERT per
 * hit, expired rows swept. On the embedded database (one process) they stay in memory.
 */
import assert from 'node:assert/strict';
import { randomInt } from 'node:crypto';
import { it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { generateReference } from '../../src/contract/identifiers.js';
import { PostgresCounterStore, counterStoreFor } from '../../server/http/counter-store.js';
import { DEFAULT_LIMITS } from '../../server/limits.js';
import { assertProblem, describeEachDatabase, makeApp, postJson } from './helpers.js';
import { startServerProcess } from './limits-process.js';
import { clockAtMinuteStart } from './shifted-clock.js';

const url = process.env.DATABASE_URL;

describeEachDatabase('shared counters', (db, driver) => {
  it('the store follows the database: PostgreSQL shares, the embedded database keeps memory', () => {
    assert.equal(counterStoreFor(db()).kind, driver.name === 'postgres' ? 'postgres' : 'memory');
  });

  it('two instances on one database enforce one POST limit and one lookup allowance', async () => {
    let now = Date.parse('2026-03-01T10:00:05Z');
    const clock = () => new Date(now);
    const limits = {
      ...DEFAULT_LIMITS,
      postsPerMinutePerIp: 3,
      lookupFailuresPerHourPerIp: 2,
      maxInFlightPerClient: 0,
    };
    // Each instance has its own store object, as two processes would: only the table is shared.
    const [a, b] = [0, 1].map(() =>
      makeApp(db(), { limits, now: clock, counters: new PostgresCounterStore(db(), () => now) }),
    );
    const statuses: number[] = [];
    for (const app of [a, b, a, b]) statuses.push((await postJson(app!, '/v1/status', {}, { key: null })).status);
    assert.deepEqual(statuses, [422, 422, 422, 429]);

    now += 60_000; // a new minute: POSTs allowed again; lookup failures count per hour
    const lookup = { reference: generateReference('request'), verifier: '1234' };
    assertProblem(await postJson(a!, '/v1/status', lookup), 404);
    assertProblem(await postJson(b!, '/v1/status', lookup), 404);
    assertProblem(await postJson(a!, '/v1/status', lookup), 429, 'too_many_attempts');
  });

  it('one row per counter, swept once its window has ended', async () => {
    let now = Date.parse('2026-03-01T11:00:00Z');
    const store = new PostgresCounterStore(db(), () => now);
    for (let i = 0; i < 5; i++) await store.hit('sweep-test', 1000);
    assert.deepEqual(await store.hit('sweep-test', 1000), { count: 6, resetInMs: 1000 });
    const rows = async () => (await db().query<{ n: number }>('SELECT count(*)::int AS n FROM rate_limits')).rows[0]!.n;
    const before = await rows();
    now += 1000;
    assert.equal((await store.hit('sweep-test', 1000)).count, 1, 'a new window restarts the count');
    now += 5000;
    assert.ok((await store.sweep()) >= 1);
    assert.ok((await rows()) < before);
    const stored = await db().query<{ key: string }>('SELECT key FROM rate_limits');
    assert.ok(!stored.rows.some((row) => row.key.includes('sweep-test')), 'keys are stored as digests');
  });
});

it(
  'two server processes on one PostgreSQL database: the limit is one, not one per process',
  { skip: url ? false : 'DATABASE_URL is not set' },
  async () => {
    // Fixed windows are aligned to the minute: both servers' clocks start at the top of one,
    // so the six posts below fall in one window without waiting for a real minute to begin.
    const clock = clockAtMinuteStart();
    const env = {
      ...clock.env,
      DATABASE_URL: url!,
      SILA_TRUSTED_PROXIES: '127.0.0.1',
      SILA_RATE_LIMIT_PER_MINUTE: '4',
    };
    const [first, second] = await Promise.all([startServerProcess(env), startServerProcess(env)]);
    try {
      // Only when starting took most of the minute (a very busy machine): the next one.
      if (clock.leftInWindow() < 10_000) await sleep(clock.leftInWindow() + 100);
      // One client (an address no earlier run used this minute) alternating between instances.
      const client = `198.18.${randomInt(256)}.${randomInt(256)}`;
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) {
        const server = i % 2 ? second : first;
        const answer = await fetch(`${server.url}/v1/status`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': client },
          body: '{}',
        });
        statuses.push(answer.status);
        await answer.arrayBuffer();
      }
      assert.deepEqual(statuses, [422, 422, 422, 422, 429, 429]);
    } finally {
      await Promise.all([first.stop(), second.stop()]);
    }
  },
);
