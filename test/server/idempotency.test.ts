/** Idempotency-Key: replays, concurrent duplicates, reuse with another body. */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { before, it } from 'node:test';
import { complaintCreated } from '../../src/contract/complaint.js';
import { purgeIdempotencyKeys } from '../../server/idempotency.js';
import {
  assertProblem,
  assertSchema,
  countRows,
  describeEachDatabase,
  exampleConfig,
  makeApp,
  postJson,
  validComplaint,
  validRating,
  validRequest,
  type TestApp,
} from './helpers.js';

describeEachDatabase('idempotency', (db) => {
  let app: TestApp;
  before(() => {
    app = makeApp(db());
  });

  it('a sequential replay gets the same status and body, and creates one row', async () => {
    const key = randomUUID();
    const before = await countRows(db(), 'submissions');
    const first = await postJson(app, '/v1/complaints', validComplaint(), { key });
    const second = await postJson(app, '/v1/complaints', validComplaint(), { key });
    assert.equal(first.status, 201);
    assert.equal(second.status, 201);
    assert.equal(second.text, first.text, 'byte-identical body');
    assert.equal(first.headers.get('idempotent-replayed'), null);
    assert.equal(second.headers.get('idempotent-replayed'), 'true');
    assert.equal(await countRows(db(), 'submissions'), before + 1);
  });

  it('a retry that only re-measured fill time or a captcha token replays the first answer', async () => {
    const key = randomUUID();
    const first = await postJson(app, '/v1/complaints', validComplaint({ client: { locale: 'ar', fillMs: 45_000 } }), {
      key,
    });
    const retry = await postJson(
      app,
      '/v1/complaints',
      validComplaint({ client: { locale: 'ar', fillMs: 61_000, captchaToken: 't' } }),
      { key },
    );
    assert.equal(first.status, 201, first.text);
    assert.equal(retry.status, 201, retry.text);
    assert.equal(retry.json.reference, first.json.reference);
  });

  it('a retry still gets its stored answer after the association changed its configuration', async () => {
    const key = randomUUID();
    const body = validRequest();
    const first = await postJson(app, '/v1/requests', body, { key });
    assert.equal(first.status, 201, first.text);
    // The service this request chose is withdrawn before the (lost) answer is retried.
    const changed = makeApp(db(), {
      formConfig: {
        ...exampleConfig,
        services: exampleConfig.services.filter((service) => service.id !== body.service),
      },
    });
    const retry = await postJson(changed, '/v1/requests', body, { key });
    assert.equal(retry.status, 201, retry.text);
    assert.equal(retry.json.reference, first.json.reference);
    assertProblem(await postJson(changed, '/v1/requests', body), 422, 'validation_failed');
  });

  it('"the same body" means the same data: key order does not matter', async () => {
    const key = randomUUID();
    const body = validRequest();
    const reordered = Object.fromEntries(Object.entries(body).reverse());
    const first = await postJson(app, '/v1/requests', body, { key });
    const second = await postJson(app, '/v1/requests', reordered, { key });
    assert.equal(second.status, 201);
    assert.equal(second.json.reference, first.json.reference);
  });

  it('the anonymous code is replayed too (sealed with the key, not stored in clear)', async () => {
    const key = randomUUID();
    const body = validComplaint({
      kind: 'suggestion',
      category: 'improvement',
      anonymous: true,
      contact: undefined,
      contactChannel: undefined,
    });
    const first = await postJson(app, '/v1/complaints', body, { key });
    const second = await postJson(app, '/v1/complaints', body, { key });
    assert.equal(first.status, 201, first.text);
    assert.equal(second.json.verifier, first.json.verifier);
    const { rows } = await db().query<{ response_body: Uint8Array }>('SELECT response_body FROM idempotency_keys');
    for (const row of rows)
      assert.ok(
        !Buffer.from(row.response_body ?? [])
          .toString('latin1')
          .includes(first.json.verifier),
      );
  });

  it('concurrent duplicates: one row; the others get 409 in progress or the replay', async () => {
    const key = randomUUID();
    const before = await countRows(db(), 'submissions');
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => postJson(app, '/v1/complaints', validComplaint(), { key })),
    );
    const created = answers.filter((answer) => answer.status === 201);
    const inProgress = answers.filter((answer) => answer.status === 409);
    assert.equal(created.length + inProgress.length, answers.length, answers.map((a) => a.status).join(','));
    assert.ok(created.length >= 1);
    for (const answer of created) assert.equal(answer.json.reference, created[0]!.json.reference);
    for (const answer of inProgress) {
      assertProblem(answer, 409, 'idempotency_in_progress');
      assert.ok(answer.headers.get('retry-after'));
    }
    assert.equal(await countRows(db(), 'submissions'), before + 1);
    // Once done, a retry gets the answer.
    const retry = await postJson(app, '/v1/complaints', validComplaint(), { key });
    assert.equal(retry.status, 201);
    assert.equal(retry.json.reference, created[0]!.json.reference);
  });

  it('the same key with another body is 422 idempotency_key_reused', async () => {
    const key = randomUUID();
    assert.equal((await postJson(app, '/v1/complaints', validComplaint(), { key })).status, 201);
    const reused = await postJson(app, '/v1/complaints', validComplaint({ subject: 'موضوع آخر مختلف' }), { key });
    assertProblem(reused, 422, 'idempotency_key_reused');
  });

  it('a key is scoped to its route', async () => {
    const key = randomUUID();
    const complaint = await postJson(app, '/v1/complaints', validComplaint(), { key });
    const rating = await postJson(
      app,
      '/v1/ratings',
      validRating({ reference: complaint.json.reference, ratingToken: complaint.json.ratingToken }),
      { key },
    );
    assert.equal(rating.status, 201, rating.text);
  });

  it('a failed create releases the key: fixing the conflict and retrying works', async () => {
    const complaint = (await postJson(app, '/v1/complaints', validComplaint())).json;
    const proof = { reference: complaint.reference, ratingToken: complaint.ratingToken };
    assert.equal((await postJson(app, '/v1/ratings', validRating(proof))).status, 201);
    const key = randomUUID();
    assertProblem(await postJson(app, '/v1/ratings', validRating(proof), { key }), 409, 'already_rated');
    const { rows } = await db().query('SELECT 1 FROM idempotency_keys WHERE response_status IS NULL');
    assert.equal(rows.length, 0, 'no claim left behind');
    assertProblem(await postJson(app, '/v1/ratings', validRating(proof), { key }), 409, 'already_rated');
  });

  it('a claim abandoned by a crashed process is taken over after a while', async () => {
    const key = randomUUID();
    const body = validComplaint();
    const first = await postJson(app, '/v1/complaints', body, { key });
    // Simulate a crash between claim and commit: an old claim without an answer.
    await db().query(
      `UPDATE idempotency_keys SET response_status = NULL, response_body = NULL, created_at = now() - interval '10 minutes'
        WHERE completed_at = (SELECT max(completed_at) FROM idempotency_keys)`,
    );
    const retried = await postJson(app, '/v1/complaints', body, { key });
    assert.equal(retried.status, 201, retried.text);
    assert.notEqual(retried.json.reference, first.json.reference);
    assertSchema(complaintCreated, retried.json);
  });

  it('keys are kept at least 8 days, then purged', async () => {
    const key = randomUUID();
    await postJson(app, '/v1/complaints', validComplaint(), { key });
    await db().query(`UPDATE idempotency_keys SET created_at = now() - interval '8 days 23 hours'`);
    await purgeIdempotencyKeys(db());
    assert.equal(
      (await postJson(app, '/v1/complaints', validComplaint(), { key })).headers.get('idempotent-replayed'),
      'true',
    );
    await db().query(`UPDATE idempotency_keys SET created_at = now() - interval '11 days'`);
    await purgeIdempotencyKeys(db());
    assert.equal(await countRows(db(), 'idempotency_keys'), 0);
  });
});
