/**
 * Multipart creates are read as they stream: the first limit passed stops the reading
 * (413) long before the end of a hostile body, uploads past the cap are asked to come
 * back (503 + Retry-After), and on the embedded database the files go to content-addressed
 * files beside it, not into the database.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { HttpProblem } from '../../server/http/problem.js';
import { UploadGate, defaultUploadGate } from '../../server/http/upload-gate.js';
import { AttachmentFiles } from '../../server/storage/attachment-files.js';
import {
  ADMIN_TOKEN,
  assertProblem,
  call,
  countRows,
  describeEachDatabase,
  exampleConfig,
  makeApp,
  staffGet,
  validRequest,
  type TestApp,
} from './helpers.js';

const PDF = new TextEncoder().encode('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n');
const HTML = new TextEncoder().encode('<!doctype html><script>alert(1)</script>');
const BOUNDARY = 'sila-test-boundary-7f3a';
const config = {
  ...exampleConfig,
  attachments: {
    ...exampleConfig.attachments,
    enabled: true,
    maxFiles: 3,
    maxFileBytes: 5 * 1024 * 1024,
    maxTotalBytes: 12 * 1024 * 1024,
  },
};

function payloadPart(): string {
  return `--${BOUNDARY}\r\nContent-Disposition: form-data; name="payload"\r\n\r\n${JSON.stringify(validRequest())}\r\n`;
}

function filePart(field: string, type = 'application/pdf'): string {
  return `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${field}"; filename="f"\r\nContent-Type: ${type}\r\n\r\n`;
}

/**
 * A body produced chunk by chunk, with no Content-Length (so only reading can find its
 * size), counting what the server pulled. `stall` keeps it open until released.
 */
function streamedBody(chunks: () => Generator<Uint8Array>, stall?: Promise<void>) {
  let pulled = 0;
  const iterator = chunks();
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = iterator.next();
      if (next.done) {
        if (stall) await stall;
        controller.close();
        return;
      }
      pulled += next.value.byteLength;
      controller.enqueue(next.value);
    },
  });
  return { stream, pulled: () => pulled };
}

function send(app: TestApp, body: ReadableStream<Uint8Array>) {
  return call(app, '/v1/requests', {
    method: 'POST',
    headers: { 'Idempotency-Key': randomUUID(), 'Content-Type': `multipart/form-data; boundary=${BOUNDARY}` },
    body,
    duplex: 'half',
  } as RequestInit);
}

const text = (value: string) => new TextEncoder().encode(value);

describeEachDatabase('uploads: streaming limits', (db) => {
  let app: TestApp;
  before(() => {
    app = makeApp(db(), { formConfig: config });
  });

  it('a 14 MB body of 120 000 tiny parts is refused (413) after a few parts, not after reading it all', async () => {
    const part = text(
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="attachment:x"; filename="a"\r\n\r\nA\r\n`,
    );
    const body = streamedBody(function* () {
      yield text(payloadPart());
      // 120 000 parts in chunks of 1 000 (~110 KB each).
      const chunk = new Uint8Array(part.byteLength * 1000);
      for (let i = 0; i < 1000; i++) chunk.set(part, i * part.byteLength);
      for (let i = 0; i < 120; i++) yield chunk;
      yield text(`--${BOUNDARY}--\r\n`);
    });
    const answer = await send(app, body.stream);
    assertProblem(answer, 413, 'too_many_files');
    assert.ok(body.pulled() < 1024 * 1024, `read ${body.pulled()} bytes of 14 MB before refusing`);
    assert.equal(await countRows(db(), 'attachments'), 0);
  });

  it('one file past its size limit is refused (413 file_too_large) while it streams, its field named', async () => {
    const body = streamedBody(function* () {
      yield text(payloadPart() + filePart('attachment:id_copy'));
      yield PDF;
      const mebibyte = new Uint8Array(1024 * 1024);
      for (let i = 0; i < 40; i++) yield mebibyte; // 40 MiB, far past 5 MiB
      yield text(`\r\n--${BOUNDARY}--\r\n`);
    });
    const answer = await send(app, body.stream);
    assertProblem(answer, 413, 'file_too_large');
    assert.deepEqual(
      answer.json.errors.map((error: { path: string }) => error.path),
      ['attachments.id_copy'],
    );
    assert.ok(body.pulled() < 8 * 1024 * 1024, `read ${body.pulled()} bytes of 40 MiB before refusing`);
  });

  it('a part header larger than 16 KiB is 400 malformed_body', async () => {
    const body = streamedBody(function* () {
      yield text(payloadPart());
      yield text(
        `--${BOUNDARY}\r\nContent-Disposition: form-data; name="attachment:a"; filename="${'x'.repeat(20_000)}"\r\n\r\n`,
      );
      yield text(`A\r\n--${BOUNDARY}--\r\n`);
    });
    assertProblem(await send(app, body.stream), 400, 'malformed_body');
  });

  it('one client holds at most 2 uploads at once: the third is 429 with Retry-After; places come back', async () => {
    const capped = makeApp(db(), { formConfig: config });
    let release!: () => void;
    const stall = new Promise<void>((resolve) => (release = resolve));
    const shared = defaultUploadGate();
    const held = [0, 1].map(() =>
      send(
        capped,
        streamedBody(function* () {
          yield text(payloadPart() + filePart('attachment:id_copy'));
          yield PDF;
        }, stall).stream,
      ),
    );
    while (shared.inFlight < 2) await new Promise((resolve) => setImmediate(resolve));
    const refused = await send(
      capped,
      streamedBody(function* () {
        yield text(payloadPart() + `--${BOUNDARY}--\r\n`);
      }).stream,
    );
    assertProblem(refused, 429, 'rate_limited');
    assert.ok(Number(refused.headers.get('retry-after')) > 0);
    release();
    // The held ones end without their closing boundary: 400, and their places come back.
    for (const answer of await Promise.all(held)) assert.equal(answer.status, 400);
    assert.equal(shared.inFlight, 0);
  });
});

describe('uploads: the gate', () => {
  it('past the process-wide cap every client gets 503 with Retry-After; a place freed is taken again', () => {
    const gate = new UploadGate(3, 2);
    const releases = ['a', 'b', 'c'].map((client) => gate.enter(client));
    assert.throws(
      () => gate.enter('d'),
      (error: HttpProblem) => error.status === 503 && Number(error.init.headers?.['Retry-After']) > 0,
    );
    releases[0]!();
    releases[0]!(); // twice changes nothing
    assert.equal(gate.inFlight, 2);
    const again = gate.enter('d');
    assert.equal(gate.inFlight, 3);
    for (const release of [again, releases[1]!, releases[2]!]) release();
    assert.equal(gate.inFlight, 0);
  });

  it('one client past its share gets 429 while others still get places', () => {
    const gate = new UploadGate(8, 2);
    gate.enter('slow');
    const second = gate.enter('slow');
    assert.throws(
      () => gate.enter('slow'),
      (error: HttpProblem) => error.status === 429,
    );
    const other = gate.enter('someone-else');
    second();
    const third = gate.enter('slow');
    other();
    third();
    assert.equal(gate.inFlight, 1);
  });
});

describeEachDatabase('uploads: files beside the embedded database', (db, driver) => {
  let app: TestApp;
  let dir: string;
  let files: AttachmentFiles;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sila-files-'));
    files = new AttachmentFiles(dir);
    await files.prepare();
    app = makeApp(db(), { formConfig: config, attachmentFiles: files });
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('a 5 MiB document is written to its content address, not into the row; staff download the same bytes', async () => {
    const document = new Uint8Array(5 * 1024 * 1024);
    document.set(PDF);
    for (let i = PDF.byteLength; i < document.byteLength; i++) document[i] = (i * 31) & 0xff;
    const body = streamedBody(function* () {
      yield text(payloadPart() + filePart('attachment:id_copy'));
      for (let offset = 0; offset < document.byteLength; offset += 256 * 1024)
        yield document.subarray(offset, offset + 256 * 1024);
      yield text(`\r\n--${BOUNDARY}--\r\n`);
    });
    const answer = await send(app, body.stream);
    assert.equal(answer.status, 201, answer.text);
    const { rows } = await db().query<{ id: string; sha256: string; stored: boolean; size: number }>(
      'SELECT id, sha256, data IS NOT NULL AS stored, size FROM attachments WHERE reference = $1',
      [answer.json.reference],
    );
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.stored, false, `${driver.name}: the row holds no bytes`);
    assert.equal(rows[0]!.size, document.byteLength);
    const onDisk = readFileSync(files.pathOf(rows[0]!.sha256));
    assert.ok(Buffer.from(document).equals(onDisk));
    assert.deepEqual(readdirSync(join(dir, 'tmp')), []);

    const download = await app.request(`/v1/staff/submissions/${answer.json.reference}/attachments/${rows[0]!.id}`, {
      headers: { Authorization: `Bearer ${ADMIN_TOKEN}` },
    });
    assert.equal(download.status, 200);
    assert.ok(Buffer.from(await download.arrayBuffer()).equals(Buffer.from(document)));
    const detail = await staffGet(app, `/v1/staff/submissions/${answer.json.reference}`);
    assert.equal(detail.json.attachments[0].size, document.byteLength);
  });

  it('a refused file leaves an orphan that the sweep removes; files still named by a row stay', async () => {
    const before = await countRows(db(), 'attachments');
    const refused = await send(
      app,
      streamedBody(function* () {
        yield text(payloadPart() + filePart('attachment:id_copy', 'image/jpeg'));
        yield HTML;
        yield text(`\r\n--${BOUNDARY}--\r\n`);
      }).stream,
    );
    assertProblem(refused, 415, 'unsupported_file_type');
    assert.equal(await countRows(db(), 'attachments'), before);
    const orphan = files.pathOf(createHash('sha256').update(HTML).digest('hex'));
    assert.ok(existsSync(orphan), 'the refused file was written before the checks');

    // Within the grace period nothing goes (a transaction may be about to commit).
    assert.equal(await files.collectOrphans(db()), 0);
    const removed = await files.collectOrphans(db(), Date.now() + 2 * 60 * 60 * 1000);
    assert.equal(removed, 1);
    assert.ok(!existsSync(orphan));
    const { rows } = await db().query<{ sha256: string }>('SELECT sha256 FROM attachments WHERE data IS NULL');
    for (const row of rows) assert.ok(existsSync(files.pathOf(row.sha256)), 'a file still named by a row stays');
  });

  it('the same document sent twice under one key is replayed; sent in two requests it is stored once', async () => {
    const form = () => {
      const data = new FormData();
      data.append('payload', JSON.stringify(validRequest()));
      data.append('attachment:id_copy', new File([PDF], 'a.pdf', { type: 'application/pdf' }));
      return data;
    };
    const key = randomUUID();
    const first = await call(app, '/v1/requests', {
      method: 'POST',
      headers: { 'Idempotency-Key': key },
      body: form(),
    });
    const again = await call(app, '/v1/requests', {
      method: 'POST',
      headers: { 'Idempotency-Key': key },
      body: form(),
    });
    assert.equal(first.status, 201, first.text);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    assert.equal(again.json.reference, first.json.reference);
    const other = await call(app, '/v1/requests', {
      method: 'POST',
      headers: { 'Idempotency-Key': randomUUID() },
      body: form(),
    });
    assert.equal(other.status, 201);
    const { rows } = await db().query<{ n: number }>(
      'SELECT count(DISTINCT sha256)::int AS n FROM attachments WHERE reference = ANY($1)',
      [[first.json.reference, other.json.reference]],
    );
    assert.equal(rows[0]!.n, 1);
  });
});
