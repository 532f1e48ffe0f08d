/**
 * Status lookup: no enumeration oracle (identical answers and indistinguishable timing
 * for an unknown reference and a wrong verifier), lockout after 5 failures a day, and a
 * per-IP limit.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { generateReference } from '../../src/contract/identifiers.js';
import { DEFAULT_LIMITS } from '../../server/limits.js';
import {
  assertProblem,
  describeEachDatabase,
  makeApp,
  postJson,
  validComplaint,
  validRequest,
  type Answer,
} from './helpers.js';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

describeEachDatabase('status lookup', (db) => {
  it('unknown reference and wrong verifier: identical status, headers, body and length', async () => {
    const app = makeApp(db());
    const created = (await postJson(app, '/v1/complaints', validComplaint())).json;
    const wrong = await postJson(app, '/v1/status', { reference: created.reference, verifier: '0000' });
    const unknown = await postJson(app, '/v1/status', { reference: generateReference('complaint'), verifier: '4567' });
    assertProblem(wrong, 404, 'not_found');
    assert.equal(unknown.status, wrong.status);
    assert.equal(unknown.text, wrong.text);
    assert.equal(unknown.headers.get('content-length'), wrong.headers.get('content-length'));
    const headers = (answer: Answer) => [...answer.headers.entries()].filter(([name]) => name !== 'date');
    assert.deepEqual(headers(unknown), headers(wrong));
  });

  it('timing: medians over 200 tries each differ by less than the noise', async () => {
    const app = makeApp(db(), {
      limits: {
        ...DEFAULT_LIMITS,
        lookupFailuresPerReferencePerDay: 100_000,
        postsPerMinutePerIp: 0,
        lookupFailuresPerHourPerIp: 0,
      },
    });
    const existing = (await postJson(app, '/v1/requests', validRequest())).json.reference;
    const missing = generateReference('request');
    const time = async (reference: string) => {
      const start = performance.now();
      const answer = await postJson(app, '/v1/status', { reference, verifier: '9999' });
      const ms = performance.now() - start;
      assert.equal(answer.status, 404);
      return ms;
    };
    for (let i = 0; i < 20; i++) await time(i % 2 ? existing : missing); // warm-up
    const known: number[] = [];
    const unknown: number[] = [];
    // Interleaved so that drift (GC, other load) hits both series alike.
    for (let i = 0; i < 200; i++) {
      known.push(await time(existing));
      unknown.push(await time(missing));
    }
    const a = median(known);
    const b = median(unknown);
    const tolerance = Math.max(0.5, 0.3 * Math.max(a, b));
    if (process.env.SILA_TEST_VERBOSE)
      console.log(`lookup timing medians: wrong verifier ${a.toFixed(3)} ms, unknown ${b.toFixed(3)} ms`);
    assert.ok(
      Math.abs(a - b) < tolerance,
      `median wrong-verifier ${a.toFixed(3)} ms vs unknown ${b.toFixed(3)} ms (tolerance ${tolerance.toFixed(3)})`,
    );
  });

  it('after 5 failures a day the reference is locked (even with the right verifier); unknown ones too', async () => {
    const app = makeApp(db());
    const created = (await postJson(app, '/v1/complaints', validComplaint())).json;
    const unknownReference = generateReference('complaint');
    for (const reference of [created.reference, unknownReference]) {
      for (let i = 0; i < 5; i++)
        assertProblem(await postJson(app, '/v1/status', { reference, verifier: `000${i}` }), 404, 'not_found');
    }
    const locked = await postJson(app, '/v1/status', { reference: created.reference, verifier: '4567' });
    const lockedUnknown = await postJson(app, '/v1/status', { reference: unknownReference, verifier: '4567' });
    assertProblem(locked, 429, 'too_many_attempts');
    assert.equal(lockedUnknown.text, locked.text, 'the lockout does not reveal whether the reference exists');
    const retryAfter = Number(locked.headers.get('retry-after'));
    assert.ok(retryAfter >= 1 && retryAfter <= 86_400, `Retry-After ${retryAfter}`);
  });

  it('successes do not count toward the lockout; the next day starts afresh', async () => {
    let now = new Date('2025-03-01T10:00:00Z');
    const app = makeApp(db(), { now: () => now });
    const created = (await postJson(app, '/v1/complaints', validComplaint())).json;
    for (let i = 0; i < 4; i++)
      assert.equal((await postJson(app, '/v1/status', { reference: created.reference, verifier: '1111' })).status, 404);
    for (let i = 0; i < 10; i++)
      assert.equal((await postJson(app, '/v1/status', { reference: created.reference, verifier: '4567' })).status, 200);
    assert.equal((await postJson(app, '/v1/status', { reference: created.reference, verifier: '1111' })).status, 404);
    assert.equal((await postJson(app, '/v1/status', { reference: created.reference, verifier: '4567' })).status, 429);
    now = new Date('2025-03-02T00:00:01Z');
    assert.equal((await postJson(app, '/v1/status', { reference: created.reference, verifier: '4567' })).status, 200);
  });

  it('concurrent guesses cannot slip past the limit', async () => {
    const app = makeApp(db());
    const created = (await postJson(app, '/v1/complaints', validComplaint())).json;
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        postJson(app, '/v1/status', { reference: created.reference, verifier: String(1000 + i) }),
      ),
    );
    assert.equal(answers.filter((answer) => answer.status === 404).length, 5);
    assert.equal(answers.filter((answer) => answer.status === 429).length, 7);
  });

  it('a burst of correct lookups never leaves the reference locked', async () => {
    const app = makeApp(db());
    const created = (await postJson(app, '/v1/complaints', validComplaint())).json;
    const burst = await Promise.all(
      Array.from({ length: 12 }, () => postJson(app, '/v1/status', { reference: created.reference, verifier: '4567' })),
    );
    for (const answer of burst) assert.ok(answer.status === 200 || answer.status === 429, answer.text);
    assert.equal((await postJson(app, '/v1/status', { reference: created.reference, verifier: '4567' })).status, 200);
    const { rows } = await db().query<{ failures: number }>(
      'SELECT failures FROM lookup_failures WHERE reference = $1',
      [created.reference],
    );
    assert.equal(rows[0]!.failures, 0);
  });

  it('per-IP slowing of failed lookups across references', async () => {
    const app = makeApp(db(), {
      trustProxy: true,
      limits: { ...DEFAULT_LIMITS, postsPerMinutePerIp: 0, lookupFailuresPerHourPerIp: 3 },
    });
    const created = (await postJson(app, '/v1/complaints', validComplaint())).json;
    const from = (ip: string) => ({ headers: { 'X-Forwarded-For': `10.0.0.1, ${ip}` } });
    for (let i = 0; i < 3; i++) {
      assert.equal(
        (
          await postJson(
            app,
            '/v1/status',
            { reference: generateReference('request'), verifier: '1234' },
            from('203.0.113.9'),
          )
        ).status,
        404,
      );
    }
    // Past the allowance, failures are slowed (429 with Retry-After) …
    const slowed = await postJson(
      app,
      '/v1/status',
      { reference: generateReference('request'), verifier: '1234' },
      from('203.0.113.9'),
    );
    assertProblem(slowed, 429, 'too_many_attempts');
    // … but the rightful person behind the same address is answered (lookup-slowing.test.ts).
    assert.equal(
      (await postJson(app, '/v1/status', { reference: created.reference, verifier: '4567' }, from('203.0.113.9')))
        .status,
      200,
    );
    assert.equal(
      (await postJson(app, '/v1/status', { reference: created.reference, verifier: '4567' }, from('203.0.113.10')))
        .status,
      200,
    );
  });

  it('public notes only; internal notes never reach the lookup', async () => {
    const app = makeApp(db());
    const created = (await postJson(app, '/v1/requests', validRequest())).json;
    await db().query(
      `INSERT INTO submission_history (reference, status, note, note_public, actor, at)
       VALUES ($1, 'under_review', 'ملاحظة داخلية', false, 'staff', now())`,
      [created.reference],
    );
    const answer = await postJson(app, '/v1/status', { reference: created.reference, verifier: '4321' });
    assert.equal(answer.status, 200);
    assert.ok(!answer.text.includes('ملاحظة داخلية'));
    assert.deepEqual(
      answer.json.history.map((entry: { status: string }) => entry.status),
      ['received', 'under_review'],
    );
  });
});
