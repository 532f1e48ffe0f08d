/**
 * Every public route against the real app and database: answers match the contract,
 * bad input is a 4xx problem, bots get a decoy, headers are right.
 */
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { complaintCreated } from '../../src/contract/complaint.js';
import { formConfigSchema } from '../../src/contract/form-config.js';
import { REFERENCE_PATTERN } from '../../src/contract/identifiers.js';
import { lookupResult } from '../../src/contract/lookup.js';
import { ratingCreated } from '../../src/contract/rating.js';
import { requestCreated } from '../../src/contract/request.js';
import { DEFAULT_LIMITS } from '../../server/limits.js';
import { revealValue } from '../../server/privacy/sealing.js';
import {
  ALLOWED_ORIGIN,
  ADMIN_TOKEN,
  assertProblem,
  assertSchema,
  call,
  countRows,
  describeEachDatabase,
  exampleConfig,
  fieldPaths,
  makeApp,
  postJson,
  validComplaint,
  validRating,
  validRequest,
  validSuggestion,
  type TestApp,
} from './helpers.js';

describeEachDatabase('public routes', (db) => {
  let app: TestApp;
  before(() => {
    app = makeApp(db());
  });

  it('GET /v1/form-config answers the association config, cacheable for a short time', async () => {
    const answer = await call(app, '/v1/form-config');
    assert.equal(answer.status, 200);
    const config = assertSchema(formConfigSchema, answer.json);
    assert.deepEqual(config, exampleConfig);
    assert.match(answer.headers.get('cache-control') ?? '', /max-age=300/);
  });

  it('POST /v1/complaints creates a complaint with a reference and the response date', async () => {
    const answer = await postJson(app, '/v1/complaints', validComplaint());
    assert.equal(answer.status, 201, answer.text);
    const created = assertSchema(complaintCreated, answer.json);
    assert.match(created.reference, REFERENCE_PATTERN);
    assert.equal(created.reference[0], 'C');
    assert.equal(created.status, 'received');
    assert.equal(created.verifier, undefined, 'a named sender looks up with the mobile, not a code');
    const days = (Date.parse(created.expectedResponseBy!) - Date.parse(created.receivedAt)) / 86_400_000;
    assert.equal(days, exampleConfig.complaintResponseDays);
  });

  it('an anonymous suggestion gets a one-time code, stored only as a hash', async () => {
    const answer = await postJson(app, '/v1/complaints', validSuggestion());
    assert.equal(answer.status, 201, answer.text);
    const created = assertSchema(complaintCreated, answer.json);
    assert.equal(created.reference[0], 'S');
    assert.match(created.verifier ?? '', /^[0-9A-HJKMNP-TV-Z]{6}$/);
    const { rows } = await db().query<{ payload: unknown; verifier_hash: string }>(
      'SELECT payload, verifier_hash FROM submissions WHERE reference = $1',
      [created.reference],
    );
    const stored = JSON.stringify(rows);
    assert.ok(!stored.includes(created.verifier!), 'the code itself is not stored');
    const lookup = await postJson(app, '/v1/status', {
      reference: created.reference,
      verifier: created.verifier!.toLowerCase(),
    });
    assert.equal(lookup.status, 200, lookup.text);
    assert.equal(lookup.json.maskedName, undefined);
  });

  it('anonymity is refused for complaints (only suggestions)', async () => {
    const answer = await postJson(app, '/v1/complaints', validComplaint({ anonymous: true }));
    assertProblem(answer, 422, 'validation_failed');
    assert.deepEqual(fieldPaths(answer), ['anonymous']);
  });

  it('a category of another kind or unknown to the association is a field error', async () => {
    const answer = await postJson(app, '/v1/complaints', validComplaint({ category: 'compensation' }));
    assertProblem(answer, 422);
    assert.deepEqual(answer.json.errors, [
      { path: 'category', code: 'invalid_choice', message: answer.json.errors[0].message },
    ]);
    assertProblem(await postJson(app, '/v1/complaints', validComplaint({ category: 'no_such_category' })), 422);
  });

  it('POST /v1/requests stores the declaration with the server time and answers the decision date', async () => {
    const answer = await postJson(app, '/v1/requests', validRequest());
    assert.equal(answer.status, 201, answer.text);
    const created = assertSchema(requestCreated, answer.json);
    assert.equal(created.reference[0], 'R');
    const days = (Date.parse(created.expectedDecisionBy) - Date.parse(created.receivedAt)) / 86_400_000;
    assert.equal(days, exampleConfig.reviewPeriodDays);
    const { rows } = await db().query<{ declaration: any; consent: any; payload: any; channel: string }>(
      'SELECT declaration, consent, payload, channel FROM submissions WHERE reference = $1',
      [created.reference],
    );
    const row = rows[0]!;
    assert.deepEqual(row.declaration, { accepted: true, version: 'declaration-v1', acceptedAt: created.receivedAt });
    assert.deepEqual(row.consent, { accepted: true, version: 'privacy-v1', acceptedAt: created.receivedAt });
    assert.equal(row.channel, 'website');
    // Sealed at rest (never the number itself in the table), normalized on the way in:
    // E.164 mobile, Latin digits.
    assert.match(row.payload.applicant.mobile, /^sila:enc:v1:/);
    assert.equal(revealValue(row.payload.applicant.mobile), '+966557654321');
    assert.equal(row.payload.household.householdSize, 5);
    assert.equal(row.payload.client, undefined, 'client metadata is not stored');
  });

  it('a request needs the declaration', async () => {
    const answer = await postJson(
      app,
      '/v1/requests',
      validRequest({ declaration: { accepted: false, version: 'declaration-v1' } }),
    );
    assertProblem(answer, 422);
    assert.deepEqual(
      answer.json.errors.map((e: { path: string; code: string }) => [e.path, e.code]),
      [['declaration.accepted', 'must_accept']],
    );
  });

  it('a member-only service is refused for a beneficiary', async () => {
    const answer = await postJson(app, '/v1/requests', validRequest({ service: 'membership_card' }));
    assertProblem(answer, 422);
    assert.deepEqual(fieldPaths(answer), ['service']);
    const member = await postJson(
      app,
      '/v1/requests',
      validRequest({ service: 'membership_card', audience: 'member' }),
    );
    assert.equal(member.status, 201, member.text);
  });

  it('other channels than the website need the staff token', async () => {
    const anonymous = await postJson(app, '/v1/complaints', validComplaint({ channel: 'phone' }));
    assertProblem(anonymous, 422);
    assert.deepEqual(fieldPaths(anonymous), ['channel']);
    const staff = await postJson(app, '/v1/complaints', validComplaint({ channel: 'phone' }), {
      headers: { Authorization: `Bearer ${ADMIN_TOKEN}` },
    });
    assert.equal(staff.status, 201, staff.text);
    const { rows } = await db().query<{ channel: string }>('SELECT channel FROM submissions WHERE reference = $1', [
      staff.json.reference,
    ]);
    assert.equal(rows[0]!.channel, 'phone');
  });

  it('POST /v1/status shows status, history, decision date, masked name and rated flag', async () => {
    const created = (await postJson(app, '/v1/requests', validRequest())).json;
    const answer = await postJson(app, '/v1/status', { reference: created.reference, verifier: '٤٣٢١' }, { key: null });
    assert.equal(answer.status, 200, answer.text);
    const result = assertSchema(lookupResult, answer.json);
    assert.equal(result.reference, created.reference);
    assert.equal(result.kind, 'request');
    assert.equal(result.status, 'received');
    assert.equal(result.expectedDecisionBy, created.expectedDecisionBy);
    assert.equal(result.maskedName, 'ن*** س*** ا***');
    assert.equal(result.rated, false);
    assert.deepEqual(result.history, [{ status: 'received', at: created.receivedAt }]);
    assert.equal(answer.headers.get('cache-control'), 'no-store');
    // The reference may be typed with dashes and lower case.
    const typed =
      `${created.reference[0]}-${created.reference.slice(1, 5)}-${created.reference.slice(5, 9)}-${created.reference.slice(9)}`.toLowerCase();
    assert.equal((await postJson(app, '/v1/status', { reference: typed, verifier: '4321' })).status, 200);
  });

  it('POST /v1/ratings: one rating per reference, unknown references refused, anonymous ones by context', async () => {
    const created = (await postJson(app, '/v1/complaints', validComplaint())).json;
    // A reference is rated with proof that it is the sender's (test/server/rating-proof.test.ts).
    const first = await postJson(app, '/v1/ratings', validRating({ reference: created.reference, verifier: '4567' }));
    assert.equal(first.status, 201, first.text);
    assertSchema(ratingCreated, first.json);
    assertProblem(
      await postJson(app, '/v1/ratings', validRating({ reference: created.reference, score: 1, verifier: '4567' })),
      409,
      'already_rated',
    );
    const lookup = await postJson(app, '/v1/status', { reference: created.reference, verifier: '4567' });
    assert.equal(lookup.json.rated, true);

    // Unknown: the same answer as a wrong verifier.
    const unknown = await postJson(
      app,
      '/v1/ratings',
      validRating({ reference: 'C0000000000000'.slice(0, 13), verifier: '4567' }),
    );
    assertProblem(unknown, 403, 'rating_not_allowed');

    for (let i = 0; i < 2; i++)
      assert.equal((await postJson(app, '/v1/ratings', validRating({ scale: 'nps', score: 9 }))).status, 201);
    assertProblem(await postJson(app, '/v1/ratings', validRating({ scale: 'nps', score: 11 })), 422);
  });

  it('honeypot and time trap: a normal-looking 201, nothing stored', async () => {
    const before = await countRows(db(), 'submissions');
    const trapped = [
      await postJson(app, '/v1/complaints', validComplaint({ client: { hp: 'http://spam.example', fillMs: 40_000 } })),
      await postJson(app, '/v1/complaints', validComplaint({ client: { fillMs: 300 } })),
      await postJson(app, '/v1/requests', validRequest({ client: { hp: 'x' } })),
      await postJson(app, '/v1/complaints', validSuggestion({ client: { fillMs: 10 } })),
    ];
    for (const answer of trapped) assert.equal(answer.status, 201, answer.text);
    assertSchema(complaintCreated, trapped[0]!.json);
    assertSchema(requestCreated, trapped[2]!.json);
    assert.match(trapped[3]!.json.verifier, /^[0-9A-Z]{6}$/);
    const ratingsBefore = await countRows(db(), 'ratings');
    assert.equal((await postJson(app, '/v1/ratings', validRating({ client: { hp: 'bot' } }))).status, 201);
    assert.equal(await countRows(db(), 'submissions'), before);
    assert.equal(await countRows(db(), 'ratings'), ratingsBefore);
    // A one-tap rating is honestly quick: only the honeypot applies to ratings.
    assert.equal((await postJson(app, '/v1/ratings', validRating({ client: { fillMs: 200 } }))).status, 201);
    assert.equal(await countRows(db(), 'ratings'), ratingsBefore + 1);
    const lookup = await postJson(app, '/v1/status', { reference: trapped[0]!.json.reference, verifier: '4567' });
    assertProblem(lookup, 404, 'not_found');
  });

  it('JSON routes refuse text/plain, urlencoded and other charsets with 415', async () => {
    for (const type of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'application/json; charset=iso-8859-1',
      '',
    ]) {
      const headers: Record<string, string> = { 'Idempotency-Key': crypto.randomUUID() };
      if (type) headers['Content-Type'] = type;
      for (const path of ['/v1/complaints', '/v1/status']) {
        const answer = await call(app, path, { method: 'POST', headers, body: JSON.stringify(validComplaint()) });
        assertProblem(answer, 415, 'unsupported_media_type');
      }
    }
    const charset = await postJson(app, '/v1/complaints', validComplaint(), {
      headers: { 'Content-Type': 'application/json; charset=UTF-8' },
    });
    assert.equal(charset.status, 201);
  });

  it('a body over the limit is 413, with or without Content-Length', async () => {
    const big = JSON.stringify(validComplaint({ description: 'x'.repeat(1024 * 1024) }));
    assertProblem(await postJson(app, '/v1/complaints', big), 413, 'payload_too_large');
    // Streamed (chunked) body: no Content-Length to trust.
    const chunks = new TextEncoder().encode(big);
    const stream = new ReadableStream({
      start(controller) {
        for (let i = 0; i < chunks.length; i += 64 * 1024) controller.enqueue(chunks.slice(i, i + 64 * 1024));
        controller.close();
      },
    });
    const answer = await call(app, '/v1/complaints', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    assertProblem(answer, 413, 'payload_too_large');
  });

  it('malformed JSON, invalid UTF-8, deep nesting and __proto__/constructor keys are 400', async () => {
    assertProblem(await postJson(app, '/v1/complaints', '{"kind": "complaint",'), 400, 'malformed_json');
    assertProblem(await postJson(app, '/v1/complaints', ''), 400, 'malformed_json');
    const deep = `${'['.repeat(40)}${']'.repeat(40)}`;
    assertProblem(await postJson(app, '/v1/complaints', deep), 400, 'nesting_too_deep');
    const deepObject = JSON.stringify(validComplaint({ extra: JSON.parse(`${'{"a":'.repeat(33)}1${'}'.repeat(33)}`) }));
    assertProblem(await postJson(app, '/v1/complaints', deepObject), 400, 'nesting_too_deep');
    const proto = JSON.stringify(validComplaint()).replace('{', '{"__proto__":{"polluted":true},');
    assertProblem(await postJson(app, '/v1/complaints', proto), 400, 'forbidden_key');
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    const ctor = JSON.stringify(
      validComplaint({ contact: { name: 'محمد علي', mobile: '0551234567', constructor: { prototype: 1 } } }),
    );
    assertProblem(await postJson(app, '/v1/complaints', ctor), 400, 'forbidden_key');
    assertProblem(await postJson(app, '/v1/status', '{"constructor":1}', { key: null }), 400, 'forbidden_key');
    const latin1 = new Uint8Array([0x7b, 0x22, 0xe9, 0x22, 0x3a, 0x31, 0x7d]); // {"é":1} in Latin-1
    const answer = await call(app, '/v1/complaints', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
      body: latin1,
    });
    assertProblem(answer, 400, 'malformed_body');
  });

  it('NUL, lone surrogates and bidi controls in identifiers are 422 field errors', async () => {
    const answer = await postJson(
      app,
      '/v1/complaints',
      validComplaint({
        subject: 'abc\u0000def',
        description: 'وصف \ud800 طويل بما يكفي',
        contact: { name: 'محمد\u202e علي', mobile: '0551234567' },
      }),
    );
    assertProblem(answer, 422, 'validation_failed');
    const errors = Object.fromEntries(answer.json.errors.map((e: { path: string; code: string }) => [e.path, e.code]));
    assert.deepEqual(errors, {
      subject: 'invalid_characters',
      description: 'invalid_characters',
      'contact.name': 'invalid_characters',
    });
    const lookup = await postJson(app, '/v1/status', { reference: 'C\u2066ABCDEFGHJKMN', verifier: '1234' });
    assertProblem(lookup, 422);
    assert.deepEqual(fieldPaths(lookup), ['reference']);
  });

  it('missing or oversized Idempotency-Key is 400 on every create', async () => {
    for (const path of ['/v1/complaints', '/v1/requests', '/v1/ratings']) {
      assertProblem(await postJson(app, path, validComplaint(), { key: null }), 400, 'idempotency_key_missing');
      assertProblem(
        await postJson(app, path, validComplaint(), { key: 'k'.repeat(256) }),
        400,
        'idempotency_key_missing',
      );
    }
    assert.equal((await postJson(app, '/v1/complaints', validComplaint(), { key: 'k'.repeat(255) })).status, 201);
  });

  it('unknown routes are a problem+json 404; wrong methods too', async () => {
    assertProblem(await call(app, '/v1/nothing'), 404, 'not_found');
    assertProblem(await call(app, '/v1/complaints'), 404, 'not_found');
  });

  it('security headers on every answer', async () => {
    for (const answer of [
      await call(app, '/v1/form-config'),
      await postJson(app, '/v1/status', {}),
      await call(app, '/nope'),
    ]) {
      assert.equal(answer.headers.get('x-content-type-options'), 'nosniff');
      assert.equal(answer.headers.get('referrer-policy'), 'no-referrer');
      assert.equal(answer.headers.get('x-frame-options'), 'DENY');
      assert.match(answer.headers.get('content-security-policy') ?? '', /frame-ancestors 'none'/);
    }
  });

  it('CORS: allowed origins get a cached preflight; others get no CORS headers', async () => {
    const preflight = await call(app, '/v1/complaints', {
      method: 'OPTIONS',
      headers: {
        Origin: ALLOWED_ORIGIN,
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type,idempotency-key',
      },
    });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get('access-control-allow-origin'), ALLOWED_ORIGIN);
    assert.equal(preflight.headers.get('access-control-max-age'), '600');
    assert.match(preflight.headers.get('access-control-allow-headers') ?? '', /Idempotency-Key/);
    assert.match(preflight.headers.get('access-control-allow-headers') ?? '', /Authorization/);
    const created = await postJson(app, '/v1/complaints', validComplaint(), { headers: { Origin: ALLOWED_ORIGIN } });
    assert.equal(created.headers.get('access-control-allow-origin'), ALLOWED_ORIGIN);
    assert.match(created.headers.get('access-control-expose-headers') ?? '', /Idempotent-Replayed/);
    const other = await call(app, '/v1/form-config', { headers: { Origin: 'https://evil.example' } });
    assert.equal(other.headers.get('access-control-allow-origin'), null);
    // An Origin equal to the Host is not reflected (the client writes both); same-origin pages need no CORS.
    const own = await call(app, 'http://localhost/v1/form-config', { headers: { Origin: 'http://localhost' } });
    assert.equal(own.headers.get('access-control-allow-origin'), null);
  });

  it('per-IP limit on POSTs: a generic 429 with Retry-After', async () => {
    const limited = makeApp(db(), {
      trustProxy: true,
      limits: { ...DEFAULT_LIMITS, postsPerMinutePerIp: 3, lookupFailuresPerHourPerIp: 0 },
    });
    const from = (ip: string) => ({ headers: { 'X-Forwarded-For': ip }, key: null });
    for (let i = 0; i < 3; i++) assertProblem(await postJson(limited, '/v1/status', {}, from('198.51.100.7')), 422);
    const blocked = await postJson(limited, '/v1/status', {}, from('198.51.100.7'));
    assertProblem(blocked, 429, 'rate_limited');
    assert.ok(Number(blocked.headers.get('retry-after')) >= 1);
    // Another client is not affected, and GETs are never limited.
    assertProblem(await postJson(limited, '/v1/status', {}, from('198.51.100.8')), 422);
    assert.equal(
      (await call(limited, '/v1/form-config', { headers: { 'X-Forwarded-For': '198.51.100.7' } })).status,
      200,
    );
  });
});

describeEachDatabase('strings the database cannot store', (db) => {
  it('NUL or a lone surrogate in any stored string is a 422, never a 500', async () => {
    const app = makeApp(db());
    for (const bad of ['\u0000', '\udfff', 'v1\ud800']) {
      const complaint = await postJson(
        app,
        '/v1/complaints',
        validComplaint({ consent: { accepted: true, version: bad } }),
      );
      assertProblem(complaint, 422);
      assert.deepEqual(fieldPaths(complaint), ['consent.version']);
      const request = await postJson(
        app,
        '/v1/requests',
        validRequest({ declaration: { accepted: true, version: bad } }),
      );
      assertProblem(request, 422);
      assert.deepEqual(fieldPaths(request), ['declaration.version']);
    }
  });
});
