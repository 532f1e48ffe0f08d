/** Multipart creates: files allowed by their signature only, within the association's limits. */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { before, it } from 'node:test';
import { requestCreated } from '../../src/contract/request.js';
import { sniffMediaType } from '../../server/attachments.js';
import {
  assertProblem,
  assertSchema,
  call,
  countRows,
  describeEachDatabase,
  exampleConfig,
  fieldPaths,
  makeApp,
  staffGet,
  validComplaint,
  validRequest,
  type TestApp,
} from './helpers.js';

const PDF = new TextEncoder().encode('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n');
const PNG = new Uint8Array([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0,
  0, 0,
]);
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1]);
const HTML = new TextEncoder().encode('<!doctype html><script>alert(document.cookie)</script>');
const SVG = new TextEncoder().encode(
  '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
);

const smallLimits = {
  ...exampleConfig,
  attachments: { ...exampleConfig.attachments, maxFileBytes: 4096, maxTotalBytes: 6000, maxFiles: 3 },
};

function multipart(payload: unknown, files: [string, Uint8Array<ArrayBuffer>, string, string][]): FormData {
  const form = new FormData();
  form.append('payload', JSON.stringify(payload));
  for (const [field, bytes, name, type] of files) form.append(field, new File([bytes], name, { type }));
  return form;
}

function send(app: TestApp, path: string, form: FormData, key = randomUUID()) {
  return call(app, path, { method: 'POST', headers: { 'Idempotency-Key': key }, body: form });
}

describeEachDatabase('attachments', (db) => {
  let app: TestApp;
  before(() => {
    app = makeApp(db(), { formConfig: smallLimits });
  });

  it('signatures decide the type', () => {
    assert.equal(sniffMediaType(PDF), 'application/pdf');
    assert.equal(sniffMediaType(PNG), 'image/png');
    assert.equal(sniffMediaType(JPEG), 'image/jpeg');
    assert.equal(sniffMediaType(HTML), undefined);
    assert.equal(sniffMediaType(SVG), undefined);
    assert.equal(sniffMediaType(new Uint8Array([0x25, 0x50, 0x44])), undefined);
  });

  it('a request with a PDF and a PNG is stored with generated ids; staff can download them', async () => {
    const answer = await send(
      app,
      '/v1/requests',
      multipart(validRequest(), [
        ['attachment:id_copy', PDF, 'هوية.pdf', 'application/pdf'],
        ['attachment:income_proof', PNG, '../../etc/passwd.png', 'image/png'],
      ]),
    );
    assert.equal(answer.status, 201, answer.text);
    const created = assertSchema(requestCreated, answer.json);
    assert.deepEqual(created.attachments?.map((file) => [file.kind, file.size]).sort(), [
      ['id_copy', PDF.length],
      ['income_proof', PNG.length],
    ]);
    const detail = await staffGet(app, `/v1/staff/submissions/${created.reference}`);
    assert.equal(detail.json.attachments.length, 2);
    const pdf = detail.json.attachments.find((file: { kind: string }) => file.kind === 'id_copy');
    assert.equal(pdf.mediaType, 'application/pdf');
    const download = await call(app, `/v1/staff/submissions/${created.reference}/attachments/${pdf.id}`, {
      headers: { Authorization: `Bearer test-admin-token-0123456789abcdef` },
    });
    assert.equal(download.status, 200);
    assert.equal(download.headers.get('content-type'), 'application/pdf');
    assert.match(download.headers.get('content-disposition') ?? '', /^attachment; filename="id_copy\.pdf"$/);
    assert.equal(download.text, new TextDecoder().decode(PDF));
    // Not for the public.
    assertProblem(await call(app, `/v1/staff/submissions/${created.reference}/attachments/${pdf.id}`), 401);
  });

  it('HTML named .jpg and sent as image/jpeg is refused (415, field error)', async () => {
    const before = await countRows(db(), 'submissions');
    const answer = await send(
      app,
      '/v1/complaints',
      multipart(validComplaint(), [['attachment:evidence', HTML, 'photo.jpg', 'image/jpeg']]),
    );
    assertProblem(answer, 415, 'unsupported_file_type');
    assert.deepEqual(
      answer.json.errors.map((e: { path: string; code: string }) => [e.path, e.code]),
      [['attachments.evidence', 'invalid_file_type']],
    );
    assert.equal(await countRows(db(), 'submissions'), before);
  });

  it('SVG is refused', async () => {
    const answer = await send(
      app,
      '/v1/requests',
      multipart(validRequest(), [['attachment:id_copy', SVG, 'id.svg', 'image/svg+xml']]),
    );
    assertProblem(answer, 415, 'unsupported_file_type');
  });

  it('sizes and counts: 413 per file, in total and for too many files', async () => {
    const big = new Uint8Array(5000);
    big.set(PDF);
    const oversize = await send(
      app,
      '/v1/requests',
      multipart(validRequest(), [['attachment:id_copy', big, 'a.pdf', 'application/pdf']]),
    );
    assertProblem(oversize, 413, 'file_too_large');
    assert.deepEqual(fieldPaths(oversize), ['attachments.id_copy']);

    const half = new Uint8Array(3500);
    half.set(PDF);
    const total = await send(
      app,
      '/v1/requests',
      multipart(validRequest(), [
        ['attachment:a', half, 'a.pdf', 'application/pdf'],
        ['attachment:b', half, 'b.pdf', 'application/pdf'],
      ]),
    );
    assertProblem(total, 413);

    const many = await send(
      app,
      '/v1/requests',
      multipart(
        validRequest(),
        [1, 2, 3, 4].map(
          (i) =>
            [`attachment:f${i}`, PNG, `${i}.png`, 'image/png'] as [string, Uint8Array<ArrayBuffer>, string, string],
        ),
      ),
    );
    assertProblem(many, 413, 'too_many_files');

    // Far over every limit: refused before parsing.
    const huge = await send(
      app,
      '/v1/requests',
      multipart(validRequest(), [['attachment:a', new Uint8Array(2 * 1024 * 1024), 'a.pdf', 'application/pdf']]),
    );
    assertProblem(huge, 413, 'payload_too_large');
  });

  it('malformed multipart: no payload, stray fields, broken framing are 400', async () => {
    const noPayload = new FormData();
    noPayload.append('attachment:id_copy', new File([PDF], 'a.pdf'));
    assertProblem(await send(app, '/v1/requests', noPayload), 400, 'malformed_body');
    const stray = multipart(validRequest(), []);
    stray.append('name', 'x');
    assertProblem(await send(app, '/v1/requests', stray), 400, 'malformed_body');
    const broken = await call(app, '/v1/requests', {
      method: 'POST',
      headers: { 'Idempotency-Key': randomUUID(), 'Content-Type': 'multipart/form-data; boundary=zzz' },
      body: '--zzz\r\nContent-Disposition: form-data; name="payload"\r\n\r\n{"a":',
    });
    assertProblem(broken, 400, 'malformed_body');
    const badJson = new FormData();
    badJson.append('payload', '{"__proto__": {}}');
    assertProblem(await send(app, '/v1/requests', badJson), 400, 'forbidden_key');
  });

  it('required documents and disabled attachments', async () => {
    const strict = makeApp(db(), {
      formConfig: { ...smallLimits, attachments: { ...smallLimits.attachments, requiredForRequests: ['id_copy'] } },
    });
    const missing = await send(
      strict,
      '/v1/requests',
      multipart(validRequest(), [['attachment:other', PNG, 'x.png', 'image/png']]),
    );
    assertProblem(missing, 422);
    assert.deepEqual(
      missing.json.errors.map((e: { path: string; code: string }) => [e.path, e.code]),
      [['attachments.id_copy', 'required']],
    );
    const ok = await send(
      strict,
      '/v1/requests',
      multipart(validRequest(), [['attachment:id_copy', JPEG, 'x.jpg', 'image/jpeg']]),
    );
    assert.equal(ok.status, 201, ok.text);

    const disabled = makeApp(db(), {
      formConfig: { ...smallLimits, attachments: { ...smallLimits.attachments, enabled: false } },
    });
    const refused = await send(
      disabled,
      '/v1/requests',
      multipart(validRequest(), [['attachment:id_copy', PDF, 'a.pdf', 'application/pdf']]),
    );
    assert.ok(refused.status === 413 || refused.status === 422, refused.text);
    assert.equal((await send(disabled, '/v1/requests', multipart(validRequest(), []))).status, 201);
  });

  it('idempotent replay covers the files too', async () => {
    const key = randomUUID();
    const files: [string, Uint8Array<ArrayBuffer>, string, string][] = [
      ['attachment:id_copy', PDF, 'a.pdf', 'application/pdf'],
    ];
    const first = await send(app, '/v1/requests', multipart(validRequest(), files), key);
    const again = await send(app, '/v1/requests', multipart(validRequest(), files), key);
    assert.equal(again.text, first.text);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    const other = await send(
      app,
      '/v1/requests',
      multipart(validRequest(), [['attachment:id_copy', PNG, 'a.png', 'image/png']]),
      key,
    );
    assertProblem(other, 422, 'idempotency_key_reused');
  });

  it('ratings take no files', async () => {
    const form = multipart({ scale: 'csat', score: 4 }, [['attachment:x', PNG, 'x.png', 'image/png']]);
    const answer = await send(app, '/v1/ratings', form);
    assertProblem(answer, 422);
    assert.deepEqual(fieldPaths(answer), ['attachments']);
  });
});
