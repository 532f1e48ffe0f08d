/**
 * CPU in proportion to bytes (#18.3): a JSON size limit that fits the largest real body
 * with headroom, depth and array length refused in the linear pre-scan (before
 * JSON.parse, which runs without a reviver), and a cap on requests in flight per client.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { JsonRejected, parseStrictJson } from '../../server/http/json.js';
import { DEFAULT_LIMITS } from '../../server/limits.js';
import {
  assertProblem,
  call,
  describeEachDatabase,
  makeApp,
  postJson,
  validComplaint,
  validRequest,
  type Answer,
} from './helpers.js';

/** JSON with every non-ASCII character escaped (\uXXXX), as PHP's json_encode and Python's json.dumps write it. */
const asciiJson = (value: unknown) =>
  JSON.stringify(value).replace(/[\u0080-\uffff]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** Arabic text of exactly `length` characters (6 bytes each once escaped). */
const arabic = (length: number) => 'ب'.repeat(length);
const email254 = `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(57)}.com`;
const client = {
  locale: 'ar',
  fillMs: 120_000,
  hp: '',
  captchaToken: 'T'.repeat(4096),
  page: `https://charity.example/${'p'.repeat(476)}`,
};

/** The largest bodies a person can send: every field at its maximum length. */
function largestBodies(): Record<string, unknown> {
  return {
    '/v1/requests': validRequest({
      applicant: {
        fullName: arabic(100),
        nationalId: '١٠٠٠٠٠٠٠٠٨',
        mobile: '٠٥٥ ٧٦٥ ٤٣٢١',
        email: email254,
        city: arabic(60),
        birthDate: '1990-05-17',
      },
      description: arabic(2000),
      declaration: { accepted: true, version: 'v'.repeat(64) },
      consent: { accepted: true, version: 'v'.repeat(64) },
      client,
    }),
    '/v1/complaints': validComplaint({
      subject: arabic(120),
      description: arabic(2000),
      contact: { name: arabic(100), mobile: '٠٥٥ ١٢٣ ٤٥٦٧', email: email254 },
      consent: { accepted: true, version: 'v'.repeat(64) },
      client,
    }),
  };
}

describe('strict JSON without a reviver', () => {
  it('reserved keys, duplicate keys, depth and array length are found by the scan', () => {
    const bounds = { maxDepth: 4, maxArrayLength: 3 };
    const reason = (text: string) => {
      try {
        parseStrictJson(text, bounds);
        return 'ok';
      } catch (error) {
        return (error as JsonRejected).reason;
      }
    };
    assert.equal(reason('{"a":[1,2,3],"b":{"c":[]}}'), 'ok');
    assert.equal(reason('{"__proto__":{"x":1}}'), 'forbidden_key');
    assert.equal(reason('{"a":[{"\\u005f_proto__":1}]}'), 'forbidden_key');
    assert.equal(reason('{"a":{"constructor":{"prototype":1}}}'), 'forbidden_key');
    assert.equal(reason('{"a":1,"\\u0061":2}'), 'duplicate_key');
    assert.equal(reason('[[[[[1]]]]]'), 'nesting_too_deep');
    assert.equal(reason('[1,2,3,4]'), 'array_too_long');
    assert.equal(reason('{"a":"[1,2,3,4,5]"}'), 'ok', 'commas inside strings are not elements');
    assert.equal(reason('{"a":[1,2'), 'malformed_json');
    assert.equal(reason('[ ]'), 'ok');
  });
});

describeEachDatabase('JSON cost', (db) => {
  it('the largest valid bodies are accepted with room to spare under the limit', async (t) => {
    const app = makeApp(db());
    for (const [path, body] of Object.entries(largestBodies())) {
      const text = asciiJson(body);
      const answer = await call(app, path, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
        body: text,
      });
      assert.equal(answer.status, 201, `${path}: ${answer.text}`);
      t.diagnostic(`${path}: largest valid body ${text.length} bytes; limit ${DEFAULT_LIMITS.maxJsonBytes}`);
      assert.ok(
        text.length * 2 <= DEFAULT_LIMITS.maxJsonBytes,
        `${path}: ${text.length} bytes leaves too little headroom`,
      );
    }
  });

  it('a large array of zeros is refused before it is parsed', async () => {
    const app = makeApp(db());
    const post = (text: string) =>
      call(app, '/v1/complaints', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
        body: text,
      });
    // The review's 0.9 MB body: over the size limit, refused while reading.
    assertProblem(await post(`[${'0,'.repeat(450_000)}0]`), 413, 'payload_too_large');
    // Under the size limit but longer than any real array: refused by the scan.
    assertProblem(await post(`[${'0,'.repeat(30_000)}0]`), 400, 'array_too_long');
    assertProblem(await post(`{"a":${'['.repeat(100)}${']'.repeat(100)}}`), 400, 'nesting_too_deep');
  });
});

describeEachDatabase('requests in flight per client', (db) => {
  it('one client cannot hold more than its share of the process; others are served', async () => {
    const app = makeApp(db(), {
      trustedProxies: ['127.0.0.1'],
      limits: { ...DEFAULT_LIMITS, postsPerMinutePerIp: 0, lookupFailuresPerHourPerIp: 0, maxInFlightPerClient: 2 },
    });
    // Two uploads that never finish sending their body.
    const stalled: ReadableStreamDefaultController<Uint8Array>[] = [];
    const slow = () =>
      app.request('/v1/status', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': '203.0.113.5' },
        body: new ReadableStream<Uint8Array>({
          start(controller) {
            stalled.push(controller);
            controller.enqueue(new TextEncoder().encode('{"reference":'));
          },
        }),
        duplex: 'half',
      } as RequestInit);
    const open = [slow(), slow()];
    while (stalled.length < 2) await new Promise((resolve) => setImmediate(resolve));
    const from = (ip: string): Promise<Answer> =>
      postJson(app, '/v1/status', {}, { headers: { 'X-Forwarded-For': ip }, key: null });
    const third = await from('203.0.113.5');
    assertProblem(third, 429, 'rate_limited');
    assert.equal(third.headers.get('retry-after'), '1');
    assert.equal((await call(app, '/v1/form-config', { headers: { 'X-Forwarded-For': '203.0.113.5' } })).status, 429);
    assertProblem(await from('203.0.113.6'), 422); // another client
    for (const controller of stalled) {
      controller.enqueue(new TextEncoder().encode('"x","verifier":"1"}'));
      controller.close();
    }
    for (const answer of await Promise.all(open)) assert.equal(answer.status, 422);
    assertProblem(await from('203.0.113.5'), 422); // slots given back
  });
});
