/**
 * Hostile bodies beyond routes.test.ts and attachments.test.ts: extreme nesting, 2 MB,
 * look-alike media types, escaped prototype keys, duplicate keys and upload tricks.
 * Every refusal is a problem+json 4xx and leaves the database as it was.
 *
 * Documented behaviour (asserted below):
 * - media types are matched case-insensitively (`Application/JSON` is JSON);
 * - the client's file name is never read or stored (NUL in it changes nothing); the
 *   download name comes from the kind and the sniffed type;
 * - a file is typed by its first bytes only, so HTML behind a JPEG signature is stored
 *   as image/jpeg; staff download it as an attachment, with nosniff and a sandbox CSP,
 *   so a browser never renders it as a page;
 * - duplicate keys: refused with 400 duplicate_key.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { before, it } from 'node:test';
import type { Database } from '../../server/db/database.js';
import {
  assertProblem,
  call,
  countRows,
  describeEachDatabase,
  fieldPaths,
  makeApp,
  postJson,
  staffGet,
  validComplaint,
  validRating,
  validRequest,
  type Answer,
  type TestApp,
} from './helpers.js';

const TABLES = ['submissions', 'ratings', 'attachments', 'idempotency_keys', 'lookup_failures'];
const CREATES: [string, () => Record<string, unknown>][] = [
  ['/v1/complaints', validComplaint],
  ['/v1/requests', validRequest],
  ['/v1/ratings', validRating],
];
const PDF = new TextEncoder().encode('%PDF-1.7\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');
const encode = (text: string) => new TextEncoder().encode(text);

async function counts(db: Database): Promise<Record<string, number>> {
  return Object.fromEntries(
    await Promise.all(TABLES.map(async (table) => [table, await countRows(db, table)] as const)),
  );
}

function multipart(payload: string, files: [string, Uint8Array<ArrayBuffer>, string, string][] = []): FormData {
  const form = new FormData();
  form.append('payload', payload);
  for (const [field, bytes, name, type] of files) form.append(field, new File([bytes], name, { type }));
  return form;
}

function send(app: TestApp, path: string, body: FormData | string, contentType?: string): Promise<Answer> {
  const headers: Record<string, string> = { 'Idempotency-Key': randomUUID() };
  if (contentType) headers['Content-Type'] = contentType;
  return call(app, path, { method: 'POST', headers, body });
}

describeEachDatabase('reliability: hostile bodies', (db) => {
  let app: TestApp;
  before(() => {
    app = makeApp(db());
  });

  /** Runs fn, expects a problem+json with this status/code, and nothing stored. */
  async function refused(what: string, status: number, code: string, fn: () => Promise<Answer>): Promise<Answer> {
    const stored = await counts(db());
    const answer = await fn();
    assert.ok(answer.status < 500, `${what}: ${answer.status} ${answer.text}`);
    try {
      assertProblem(answer, status, code);
    } catch (error) {
      throw new Error(`${what}: ${(error as Error).message}`);
    }
    assert.deepEqual(await counts(db()), stored, `${what}: nothing stored`);
    return answer;
  }

  it('nesting 10 000 deep is 400 nesting_too_deep on every route, in JSON and in a multipart payload', async () => {
    const bodies = {
      arrays: `${'['.repeat(10_000)}${']'.repeat(10_000)}`,
      objects: `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`,
      unclosed: '{"a":['.repeat(10_000),
      inside: JSON.stringify(validComplaint()).replace('{', `{"extra":${'['.repeat(10_000)}${']'.repeat(10_000)},`),
    };
    for (const [name, text] of Object.entries(bodies)) {
      for (const [path] of [...CREATES, ['/v1/status']]) {
        await refused(`${path} ${name}`, 400, 'nesting_too_deep', () => postJson(app, path!, text));
      }
      await refused(`multipart ${name}`, 400, 'nesting_too_deep', () => send(app, '/v1/requests', multipart(text)));
    }
    // Brackets inside strings are text, not nesting.
    const brackets = await postJson(
      app,
      '/v1/complaints',
      validComplaint({ description: `${'['.repeat(1500)} ${'{'.repeat(400)}` }),
    );
    assert.equal(brackets.status, 201, brackets.text);
  });

  it('a 2 MB body is 413 payload_too_large on every route', async () => {
    const filler = 'ب'.repeat(1024 * 1024); // 2 bytes each in UTF-8
    for (const [path, body] of CREATES) {
      await refused(`${path} 2 MB`, 413, 'payload_too_large', () =>
        postJson(app, path, { ...body(), padding: filler }),
      );
    }
    await refused('/v1/status 2 MB', 413, 'payload_too_large', () =>
      postJson(app, '/v1/status', { reference: 'C-4F7K-2M9Q-X3TB', verifier: filler }),
    );
    await refused('multipart 2 MB payload', 413, 'payload_too_large', () =>
      send(app, '/v1/complaints', multipart(JSON.stringify({ ...validComplaint(), padding: filler }))),
    );
  });

  it('look-alike media types are 415; multipart without a boundary is 400; media types ignore case', async () => {
    const json = JSON.stringify(validComplaint());
    const lookAlikes = [
      'text/json',
      'application/jsonx',
      'application/json-patch+json',
      'application/ld+json',
      'application/xml',
      'application/json; charset=utf-16',
      'multipart/mixed; boundary=x',
    ];
    for (const [path] of CREATES) {
      for (const type of lookAlikes) {
        await refused(`${path} as ${type}`, 415, 'unsupported_media_type', () => send(app, path, json, type));
      }
      await refused(`${path} multipart without boundary`, 400, 'malformed_body', () =>
        send(app, path, json, 'multipart/form-data'),
      );
    }
    await refused('/v1/status as multipart', 415, 'unsupported_media_type', () =>
      send(app, '/v1/status', multipart('{}')),
    );
    for (const type of ['Application/JSON', 'application/json;charset="UTF-8"']) {
      const answer = await send(app, '/v1/complaints', json, type);
      assert.equal(answer.status, 201, `${type}: ${answer.text}`);
    }
  });

  it('prototype keys are 400 forbidden_key however they are spelled or hidden', async () => {
    const complaint = JSON.stringify(validComplaint());
    const bodies: [string, string][] = [
      ['/v1/complaints', complaint.replace('{', '{"\\u005f_proto__":{"polluted":true},')],
      ['/v1/complaints', complaint.replace('{', '{"__pro\\u0074o__":{"polluted":true},')],
      ['/v1/requests', JSON.stringify(validRequest({ extra: [1, { prototype: { polluted: true } }] }))],
      ['/v1/ratings', JSON.stringify(validRating()).replace('{', '{"constructor":{"prototype":{"polluted":true}},')],
      ['/v1/status', '{"reference":"C-4F7K-2M9Q-X3TB","verifier":"1234","x":{"__proto__":null}}'],
    ];
    for (const [path, text] of bodies) {
      await refused(`${path} ${text.slice(0, 40)}`, 400, 'forbidden_key', () => postJson(app, path, text));
    }
    await refused('multipart payload', 400, 'forbidden_key', () =>
      send(app, '/v1/complaints', multipart(bodies[0]![1])),
    );
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.equal(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted'), false);
  });

  it('duplicate keys are refused (400): a proxy reading the first value must see what is stored', async () => {
    const dupSubject = JSON.stringify(validComplaint()).replace('{', '{"subject":"موضوع مختلف تمامًا",');
    await refused('duplicate subject', 400, 'duplicate_key', () => postJson(app, '/v1/complaints', dupSubject));
    const dupKind = JSON.stringify(validComplaint()).replace('{', '{"kind":"suggestion","anonymous":true,');
    await refused('duplicate kind', 400, 'duplicate_key', () => postJson(app, '/v1/complaints', dupKind));
  });

  it('upload tricks: a double extension with HTML, SVG declared as PNG, two payloads: 4xx, nothing stored', async () => {
    const html = encode('<!doctype html><script>fetch("/v1/staff/export.csv")</script>');
    const svg = encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    const doubleExtension = await refused('x.pdf.html', 415, 'unsupported_file_type', () =>
      send(
        app,
        '/v1/complaints',
        multipart(JSON.stringify(validComplaint()), [['attachment:evidence', html, 'x.pdf.html', 'application/pdf']]),
      ),
    );
    assert.deepEqual(fieldPaths(doubleExtension), ['attachments.evidence']);
    await refused('svg as png', 415, 'unsupported_file_type', () =>
      send(
        app,
        '/v1/requests',
        multipart(JSON.stringify(validRequest()), [['attachment:id_copy', svg, 'id.png', 'image/png']]),
      ),
    );
    const twice = multipart(JSON.stringify(validComplaint()));
    twice.append('payload', JSON.stringify(validComplaint({ subject: 'موضوع آخر مختلف' })));
    await refused('two payload fields', 400, 'malformed_body', () => send(app, '/v1/complaints', twice));
  });

  it('the client file name is never stored: NUL in it is refused, a plain hostile name changes nothing', async () => {
    // A NUL byte is not allowed in a MIME header (RFC 9110 field-value): the streaming
    // parser refuses the part as malformed and nothing is stored.
    const withNul = await send(
      app,
      '/v1/complaints',
      multipart(JSON.stringify(validComplaint()), [
        ['attachment:evidence', PDF, 'a\u0000b<script>.pdf', 'application/pdf'],
      ]),
    );
    assertProblem(withNul, 400, 'malformed_body');
    const answer = await send(
      app,
      '/v1/complaints',
      multipart(JSON.stringify(validComplaint()), [['attachment:evidence', PDF, 'a b<script>.pdf', 'application/pdf']]),
    );
    assert.equal(answer.status, 201, answer.text);
    const detail = await staffGet(app, `/v1/staff/submissions/${answer.json.reference}`);
    assert.equal(detail.json.attachments.length, 1);
    assert.deepEqual(Object.keys(detail.json.attachments[0]).sort(), ['id', 'kind', 'mediaType', 'sha256', 'size']);
    assert.ok(!detail.text.includes('<script>') && !detail.text.includes('\\u0000'), detail.text);
  });

  it('HTML behind a JPEG signature is stored as a JPEG and only ever downloaded, never rendered', async () => {
    const polyglot = new Uint8Array([
      0xff,
      0xd8,
      0xff,
      0xe0,
      ...encode('<html><script>alert(document.domain)</script></html>'),
    ]);
    const answer = await send(
      app,
      '/v1/complaints',
      multipart(JSON.stringify(validComplaint()), [['attachment:evidence', polyglot, 'x.html', 'text/html']]),
    );
    assert.equal(answer.status, 201, answer.text);
    const detail = await staffGet(app, `/v1/staff/submissions/${answer.json.reference}`);
    const file = detail.json.attachments[0];
    assert.equal(file.mediaType, 'image/jpeg');
    const download = await staffGet(app, `/v1/staff/submissions/${answer.json.reference}/attachments/${file.id}`);
    assert.equal(download.status, 200);
    assert.equal(download.headers.get('content-type'), 'image/jpeg');
    assert.equal(download.headers.get('content-disposition'), 'attachment; filename="evidence.jpg"');
    assert.equal(download.headers.get('x-content-type-options'), 'nosniff');
    assert.match(download.headers.get('content-security-policy') ?? '', /sandbox/);
  });
});
