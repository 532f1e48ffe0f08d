/**
 * The bot traps cannot be told from the outside (#18.6): a trapped submission's answer
 * has the same fields and headers as a real one, and sending it again with the same
 * Idempotency-Key replays the same reference with Idempotent-Replayed, as for a person.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { before, it } from 'node:test';
import {
  call,
  countRows,
  describeEachDatabase,
  makeApp,
  postJson,
  validComplaint,
  validRating,
  validRequest,
  validSuggestion,
  type Answer,
  type TestApp,
} from './helpers.js';

const PDF = new TextEncoder().encode('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n');

/** The shape of a value: keys (recursively) and types, never the values themselves. */
function shape(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shape);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([key, item]) => [key, shape(item)]),
    );
  return typeof value;
}

/** Header names and the values that do not vary per request (dates and lengths do). */
function headerShape(answer: Answer): string[] {
  return [...answer.headers.entries()]
    .filter(([name]) => !['date', 'content-length'].includes(name))
    .map(([name, value]) => `${name}: ${value}`)
    .sort();
}

function assertSameShape(real: Answer, trapped: Answer, label: string): void {
  assert.equal(trapped.status, real.status, `${label}: status`);
  assert.deepEqual(shape(trapped.json), shape(real.json), `${label}: body fields`);
  assert.deepEqual(headerShape(trapped), headerShape(real), `${label}: headers`);
  // Same lengths of every string (a reference, a code): nothing gives the decoy away.
  const lengths = (value: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(value).map(([key, item]) => [key, String(item).length]));
  assert.deepEqual(lengths(trapped.json), lengths(real.json), `${label}: value lengths`);
}

const botClient = { locale: 'ar', fillMs: 200 };
const honeypot = { locale: 'ar', fillMs: 30_000, hp: 'http://spam.example' };

describeEachDatabase('bot traps are indistinguishable', (db) => {
  let app: TestApp;
  before(() => {
    app = makeApp(db());
  });

  for (const [name, client] of [
    ['time trap', botClient],
    ['honeypot', honeypot],
  ] as const) {
    it(`${name}: complaint with contact, anonymous suggestion and a rating answer like real ones`, async () => {
      const cases: [string, string, Record<string, unknown>][] = [
        ['complaint', '/v1/complaints', validComplaint()],
        ['anonymous suggestion', '/v1/complaints', validSuggestion()],
        ['rating', '/v1/ratings', validRating()],
        ['request', '/v1/requests', validRequest()],
      ];
      for (const [label, path, body] of cases) {
        const real = await postJson(app, path, body);
        assert.equal(real.status, 201, `${label}: ${real.text}`);
        const trapped = await postJson(app, path, { ...body, client });
        assertSameShape(real, trapped, label);
      }
    });
  }

  it('a request with documents: the trapped answer lists them with ids too', async () => {
    const send = (payload: unknown) => {
      const form = new FormData();
      form.append('payload', JSON.stringify(payload));
      form.append('attachment:id_copy', new File([PDF], 'id.pdf', { type: 'application/pdf' }));
      return call(app, '/v1/requests', { method: 'POST', headers: { 'Idempotency-Key': randomUUID() }, body: form });
    };
    const real = await send(validRequest());
    assert.equal(real.status, 201, real.text);
    assert.equal(real.json.attachments.length, 1);
    assertSameShape(real, await send(validRequest({ client: botClient })), 'request with a document');
  });

  it('a trapped submission sent again with its key replays the same reference; nothing is stored', async () => {
    const before = await countRows(db(), 'submissions');
    const key = randomUUID();
    const body = validComplaint({ client: botClient });
    const first = await postJson(app, '/v1/complaints', body, { key });
    const again = await postJson(app, '/v1/complaints', body, { key });
    assert.equal(first.status, 201);
    assert.equal(again.status, 201);
    assert.equal(again.text, first.text, 'the same answer, byte for byte');
    assert.equal(first.headers.get('idempotent-replayed'), null);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    // Like a real key: another body under it is refused.
    const reused = await postJson(app, '/v1/complaints', validComplaint({ client: botClient, subject: 'آخر' }), {
      key,
    });
    assert.equal(reused.status, 422);
    assert.equal(reused.json.code, 'idempotency_key_reused');
    assert.equal(await countRows(db(), 'submissions'), before, 'no submission stored');
  });
});
