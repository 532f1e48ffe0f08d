/**
 * Idempotency claims are leases (#19): a claim whose owner stopped renewing it (the
 * process died) is taken over at once by the next retry; a live owner's claim is renewed
 * while it works and never taken; an owner whose claim was taken over cannot store its
 * answer, so the submission is still created once. The kill -9 of a real server process
 * is in idempotency-crash.test.ts.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { before, it } from 'node:test';
import { sha256 } from '../../server/crypto.js';
import { LEASE_SECONDS, runIdempotent } from '../../server/idempotency.js';
import { HttpProblem } from '../../server/http/problem.js';
import { countRows, describeEachDatabase, makeApp, postJson, validComplaint, type TestApp } from './helpers.js';

const ROUTE = 'POST /v1/complaints';
const keyHash = (key: string) => sha256(`${ROUTE}\n${key}`).toString('hex');

describeEachDatabase('idempotency leases', (db, driver) => {
  let app: TestApp;
  before(() => {
    app = makeApp(db());
  });

  /** The first create's request hash, so a claim can be planted for the same body. */
  async function requestHashOf(body: unknown): Promise<string> {
    const key = randomUUID();
    assert.equal((await postJson(app, '/v1/complaints', body, { key })).status, 201);
    const { rows } = await db().query<{ request_hash: string }>(
      'SELECT request_hash FROM idempotency_keys WHERE key_hash = $1',
      [keyHash(key)],
    );
    return rows[0]!.request_hash;
  }

  it("a dead owner's claim answers 409 until its lease runs out, then the retry creates", async () => {
    const body = validComplaint();
    const requestHash = await requestHashOf(body);
    const key = randomUUID();
    // What a process killed between its claim and its commit leaves behind.
    await db().query(
      `INSERT INTO idempotency_keys (key_hash, request_hash, created_at, owner, lease_until)
       VALUES ($1, $2, now(), 'dead-process', now() + make_interval(secs => $3))`,
      [keyHash(key), requestHash, LEASE_SECONDS],
    );
    const waiting = await postJson(app, '/v1/complaints', body, { key });
    assert.equal(waiting.status, 409);
    assert.equal(waiting.json.code, 'idempotency_in_progress');
    const retryAfter = Number(waiting.headers.get('retry-after'));
    assert.ok(retryAfter >= 1 && retryAfter <= LEASE_SECONDS, `Retry-After ${retryAfter} within the lease`);

    // The lease runs out (nobody renews it).
    await db().query(`UPDATE idempotency_keys SET lease_until = now() - interval '1 second' WHERE key_hash = $1`, [
      keyHash(key),
    ]);
    const before = await countRows(db(), 'submissions');
    const taken = await postJson(app, '/v1/complaints', body, { key });
    assert.equal(taken.status, 201, taken.text);
    assert.equal(await countRows(db(), 'submissions'), before + 1);
    const replay = await postJson(app, '/v1/complaints', body, { key });
    assert.equal(replay.headers.get('idempotent-replayed'), 'true');
    assert.equal(replay.json.reference, taken.json.reference);
  });

  // The embedded database serves one process, and its one connection is held by the
  // work's transaction: nothing else can take the claim meanwhile, nor renew it.
  if (driver.name === 'postgres')
    it('the owner renews its lease while it works', async () => {
      const key = randomUUID();
      const call = { key, route: ROUTE, requestHash: 'h' };
      const lease = async () =>
        (
          await db().query<{ lease_until: Date }>('SELECT lease_until FROM idempotency_keys WHERE key_hash = $1', [
            keyHash(key),
          ])
        ).rows[0]?.lease_until;
      let renewed: Date | undefined;
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      const work = runIdempotent(db(), call, async () => {
        await held;
        return { status: 201, body: { ok: true } };
      });
      const first = await lease();
      while (!renewed || renewed.getTime() <= first!.getTime()) {
        await new Promise((resolve) => setTimeout(resolve, 500));
        renewed = await lease();
      }
      release();
      assert.deepEqual((await work).answer, { status: 201, body: { ok: true } });
      assert.ok(renewed.getTime() > first!.getTime(), 'the heartbeat moved the lease forward');
      assert.equal(await lease(), null, 'an answered key holds no lease');
    });

  it('an owner whose claim was taken over rolls back instead of creating a second time', async () => {
    const key = randomUUID();
    const call = { key, route: ROUTE, requestHash: 'h2' };
    await assert.rejects(
      runIdempotent(db(), call, async (tx) => {
        await tx.query(`INSERT INTO lookup_failures (reference, day, failures) VALUES ('LEASE-TEST', 'x', 1)`);
        // Another process took the claim over while this one stalled past its lease.
        await tx.query(`UPDATE idempotency_keys SET owner = 'another-process' WHERE key_hash = $1`, [keyHash(key)]);
        return { status: 201, body: {} };
      }),
      (error: unknown) => error instanceof HttpProblem && error.status === 409,
    );
    const { rows } = await db().query(`SELECT 1 FROM lookup_failures WHERE reference = 'LEASE-TEST'`);
    assert.equal(rows.length, 0, "the stalled owner's work was rolled back");
  });
});
