/**
 * POST /v1/submissions/{reference}/replies: the person answers "information needed" with
 * text and a document; the case goes back to under_review, staff see the reply and its
 * document in the timeline, the audit has it; wrong verifiers, other statuses, bad files
 * and retries are refused or answered once.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { before, it } from 'node:test';
import { lookupResult } from '../../src/contract/lookup.js';
import { replyCreated } from '../../src/contract/replies.js';
import { staffSubmissionDetail } from '../../src/contract/staff.js';
import {
  assertProblem,
  assertSchema,
  call,
  describeEachDatabase,
  exampleConfig,
  fieldPaths,
  makeApp,
  postJson,
  staffGet,
  staffPost,
  validRequest,
  validSuggestion,
  type TestApp,
} from './helpers.js';

const PDF = new TextEncoder().encode('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n');
const HTML = new TextEncoder().encode('<!doctype html><script>alert(1)</script>');
const VERIFIER = '4321'; // the last 4 digits of validRequest()'s mobile
const QUESTION = 'أرفق صورة عقد الإيجار من فضلك.';
const ANSWER = 'أرفقت صورة عقد الإيجار، وهو ساري حتى نهاية العام.';

const withAttachments = {
  ...exampleConfig,
  attachments: { ...exampleConfig.attachments, enabled: true, maxFileBytes: 4096, maxTotalBytes: 8192, maxFiles: 3 },
};

function multipart(payload: unknown, files: [string, Uint8Array<ArrayBuffer>, string, string][]): FormData {
  const form = new FormData();
  form.append('payload', JSON.stringify(payload));
  for (const [field, bytes, name, type] of files) form.append(field, new File([bytes], name, { type }));
  return form;
}

const repliesPath = (reference: string) => `/v1/submissions/${reference}/replies`;

function sendForm(app: TestApp, reference: string, form: FormData, key = randomUUID()) {
  return call(app, repliesPath(reference), { method: 'POST', headers: { 'Idempotency-Key': key }, body: form });
}

/** A request the team asked about: status needs_info with a public question. */
async function askedRequest(app: TestApp): Promise<string> {
  const created = await postJson(app, '/v1/requests', validRequest());
  assert.equal(created.status, 201, created.text);
  const reference: string = created.json.reference;
  const asked = await staffPost(app, `/v1/staff/submissions/${reference}/status`, {
    status: 'needs_info',
    note: QUESTION,
    version: 1,
  });
  assert.equal(asked.status, 200, asked.text);
  return reference;
}

describeEachDatabase('replies to "information needed"', (db) => {
  let app: TestApp;
  before(() => {
    app = makeApp(db(), { formConfig: withAttachments });
  });

  it('text and a PDF: 201, status back to under_review, staff see the reply, its document and the audit row', async () => {
    const reference = await askedRequest(app);
    const answer = await sendForm(
      app,
      reference,
      multipart({ verifier: VERIFIER, message: ANSWER }, [['attachment:reply_1', PDF, 'lease.pdf', 'application/pdf']]),
    );
    assert.equal(answer.status, 201, answer.text);
    const created = assertSchema(replyCreated, answer.json);
    assert.equal(created.status, 'under_review');
    assert.equal(created.attachments?.length, 1);

    const lookup = await postJson(app, '/v1/status', { reference, verifier: VERIFIER });
    const view = assertSchema(lookupResult, lookup.json);
    assert.equal(view.status, 'under_review');
    // The person's own words are not echoed back by the public lookup.
    assert.ok(!lookup.text.includes(ANSWER));

    const detail = assertSchema(
      staffSubmissionDetail,
      (await staffGet(app, `/v1/staff/submissions/${reference}`)).json,
    );
    assert.equal(detail.status, 'under_review');
    const reply = detail.timeline.find((entry) => entry.type === 'reply');
    assert.ok(reply, 'a reply entry in the timeline');
    assert.equal(reply.note, ANSWER);
    assert.equal(reply.actor, 'applicant');
    assert.equal(reply.public, false);
    assert.deepEqual(
      reply.attachments?.map((file) => file.kind),
      ['reply_1'],
    );
    const last = detail.timeline.at(-1)!;
    assert.equal(last.type, 'status');
    assert.equal(last.status, 'under_review');
    assert.equal(detail.version, last.version);
    const file = detail.attachments.find((item) => item.id === reply.attachments![0]!.id);
    assert.ok(file, 'the document is among the case documents');
    const download = await staffGet(app, `/v1/staff/submissions/${reference}/attachments/${file.id}`);
    assert.equal(download.status, 200);
    assert.equal(download.text, new TextDecoder().decode(PDF));

    const audit = await db().query<{ details: { documents: number } }>(
      `SELECT details FROM audit_log WHERE action = 'case.reply' AND target = $1`,
      [reference],
    );
    assert.equal(audit.rows.length, 1);
    assert.equal(audit.rows[0]!.details.documents, 1);
  });

  it('JSON without documents works; the same Idempotency-Key again is replayed, not stored twice', async () => {
    const reference = await askedRequest(app);
    const key = randomUUID();
    const first = await postJson(app, repliesPath(reference), { verifier: VERIFIER, message: ANSWER }, { key });
    assert.equal(first.status, 201, first.text);
    const again = await postJson(app, repliesPath(reference), { verifier: VERIFIER, message: ANSWER }, { key });
    assert.equal(again.status, 201);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    assert.deepEqual(again.json, first.json);
    const detail = (await staffGet(app, `/v1/staff/submissions/${reference}`)).json;
    assert.equal(detail.timeline.filter((entry: { type: string }) => entry.type === 'reply').length, 1);
  });

  it('409 when the case is not waiting for information (a second reply with a new key included)', async () => {
    const reference = await askedRequest(app);
    assert.equal((await postJson(app, repliesPath(reference), { verifier: VERIFIER, message: ANSWER })).status, 201);
    assertProblem(
      await postJson(app, repliesPath(reference), { verifier: VERIFIER, message: 'مرة أخرى' }),
      409,
      'not_awaiting_reply',
    );
    const fresh = (await postJson(app, '/v1/requests', validRequest())).json.reference;
    assertProblem(
      await postJson(app, repliesPath(fresh), { verifier: VERIFIER, message: ANSWER }),
      409,
      'not_awaiting_reply',
    );
  });

  it('wrong verifier and unknown reference: the lookup’s one 404, byte for byte', async () => {
    const reference = await askedRequest(app);
    const wrong = await postJson(app, repliesPath(reference), { verifier: '0000', message: ANSWER });
    const unknown = await postJson(app, repliesPath('R4F7K2M9QX3TB'), { verifier: VERIFIER, message: ANSWER });
    const malformed = await postJson(app, repliesPath('nonsense'), { verifier: VERIFIER, message: ANSWER });
    assertProblem(wrong, 404, 'not_found');
    assert.equal(unknown.text, wrong.text);
    assert.equal(malformed.text, wrong.text);
    const detail = (await staffGet(app, `/v1/staff/submissions/${reference}`)).json;
    assert.equal(detail.status, 'needs_info', 'nothing changed');
  });

  it('the lookup’s per-reference limit applies to replies too: 429 with Retry-After', async () => {
    const reference = await askedRequest(app);
    let last;
    for (let i = 0; i < 6; i++)
      last = await postJson(app, repliesPath(reference), { verifier: '0000', message: ANSWER });
    assertProblem(last!, 429, 'too_many_attempts');
    assert.ok(Number(last!.headers.get('retry-after')) > 0);
  });

  it('empty text, a missing key, an HTML file named .pdf: clear 4xx, nothing stored', async () => {
    const reference = await askedRequest(app);
    const empty = await postJson(app, repliesPath(reference), { verifier: VERIFIER, message: '   ' });
    assertProblem(empty, 422, 'validation_failed');
    assert.deepEqual(fieldPaths(empty), ['message']);
    assertProblem(
      await postJson(app, repliesPath(reference), { verifier: VERIFIER, message: ANSWER }, { key: null }),
      400,
      'idempotency_key_missing',
    );
    const html = await sendForm(
      app,
      reference,
      multipart({ verifier: VERIFIER, message: ANSWER }, [['attachment:reply_1', HTML, 'x.pdf', 'application/pdf']]),
    );
    assertProblem(html, 415, 'unsupported_file_type');
    assert.deepEqual(fieldPaths(html), ['attachments.reply_1']);
    const detail = (await staffGet(app, `/v1/staff/submissions/${reference}`)).json;
    assert.equal(detail.status, 'needs_info');
    assert.equal(detail.attachments.length, 0);
  });

  it('an anonymous suggestion answers with its follow-up code', async () => {
    const created = await postJson(app, '/v1/complaints', validSuggestion());
    assert.equal(created.status, 201, created.text);
    const { reference, verifier: followUpCode } = created.json;
    assert.ok(followUpCode, 'anonymous senders get a follow-up code');
    await staffPost(app, `/v1/staff/submissions/${reference}/status`, {
      status: 'needs_info',
      note: 'وضّح الفرع المقصود من فضلك.',
      version: 1,
    });
    const answer = await postJson(app, repliesPath(reference), { verifier: followUpCode, message: 'فرع الملز.' });
    assert.equal(answer.status, 201, answer.text);
  });
});
