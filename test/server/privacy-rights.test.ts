/**
 * Personal data rights (docs/staff-side.md, "Personal data rights and retention"): the
 * national ID and mobile encrypted at rest and still found by keyed hash; a person found
 * by national ID, mobile or reference; their data exported as JSON and CSV, corrected
 * (public schemas, versions, search keys and lookup verifier recomputed) and erased
 * (statistics, existence and one audit row kept). Admins only; every call audited.
 */
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { privacyCase, privacySearchResult } from '../../src/contract/privacy.js';
import type { Database } from '../../server/db/database.js';
import { emailSearchHash, mobileSearchHash, nationalIdSearchHash } from '../../server/staff/search-index.js';
import {
  type TestApp,
  VALID_NATIONAL_ID,
  assertProblem,
  assertSchema,
  call,
  describeEachDatabase,
  fieldPaths,
  makeApp,
  postJson,
  staffGet,
  validComplaint,
  validRequest,
} from './helpers.js';
import { type SignedIn, asStaff, createStaff, signIn } from './staff-auth-helpers.js';

const OTHER_ID = '1234567897';

describeEachDatabase('personal data rights', (db) => {
  let app: TestApp;
  let admin: SignedIn;
  let officer: SignedIn;
  let request: string;
  let complaint: string;
  let stranger: string;

  const privacy = (path: string, body: unknown, who: SignedIn = admin) =>
    asStaff(app, who, `/v1/staff/privacy/${path}`, 'POST', body);

  async function submit(path: string, body: unknown): Promise<string> {
    const answer = await postJson(app, path, body);
    assert.equal(answer.status, 201, answer.text);
    return answer.json.reference as string;
  }

  async function audits(database: Database, action: string) {
    const { rows } = await database.query<{
      target: string | null;
      details: Record<string, unknown>;
      actor_role: string;
    }>('SELECT target, details, actor_role FROM audit_log WHERE action = $1 ORDER BY id', [action]);
    return rows;
  }

  before(async () => {
    app = makeApp(db());
    admin = await signIn(app, await createStaff(db(), 'admin'));
    officer = await signIn(app, await createStaff(db(), 'officer'));
    request = await submit('/v1/requests', validRequest());
    // The same person's complaint (same mobile), and someone else's request.
    complaint = await submit(
      '/v1/complaints',
      validComplaint({ contact: { name: 'نورة القحطاني', mobile: '0557654321' } }),
    );
    stranger = await submit(
      '/v1/requests',
      validRequest({
        applicant: { ...validRequest().applicant, fullName: 'سالم علي', nationalId: OTHER_ID, mobile: '0501112233' },
      }),
    );
    await db().query(
      `INSERT INTO attachments (id, reference, kind, media_type, size, sha256, data, created_at)
       VALUES ('file-1', $1, 'id_copy', 'application/pdf', 3, 'x', '\\x255044'::bytea, now())`,
      [request],
    );
    await db().query(
      `INSERT INTO ratings (id, reference, scale, score, comment, created_at) VALUES ('rating-1', $1, 'csat', 4, 'شكرا لكم', now())`,
      [request],
    );
  });

  it('stores the national ID and mobile encrypted, finds them by keyed hash, shows them to the roles that may see them', async () => {
    const { rows } = await db().query<{
      payload: string;
      national_id_hash: string;
      mobile_hash: string;
      email_hash: string;
      data_key_id: string;
    }>(
      'SELECT payload::text AS payload, national_id_hash, mobile_hash, email_hash, data_key_id FROM submissions WHERE reference = $1',
      [request],
    );
    const stored = rows[0]!;
    assert.ok(!stored.payload.includes(VALID_NATIONAL_ID), 'no plain national ID in the database');
    assert.ok(!stored.payload.includes('557654321'), 'no plain mobile in the database');
    assert.match(stored.payload, /sila:enc:v1:/);
    assert.ok(stored.data_key_id);
    assert.equal(stored.national_id_hash, nationalIdSearchHash(VALID_NATIONAL_ID));
    assert.equal(stored.mobile_hash, mobileSearchHash('0557654321'));
    assert.equal(stored.email_hash, emailSearchHash('Noura@Example.com'));
    // The inbox still finds the case by the number.
    const found = await staffGet(app, `/v1/staff/submissions?q=${VALID_NATIONAL_ID}`);
    assert.deepEqual(
      found.json.items.map((item: { reference: string }) => item.reference),
      [request],
    );
    // The token sees it whole; the officer the national ID's last four, the mobile whole.
    const whole = await staffGet(app, `/v1/staff/submissions/${request}`);
    assert.equal(whole.json.payload.applicant.nationalId, VALID_NATIONAL_ID);
    assert.equal(whole.json.payload.applicant.mobile, '+966557654321');
    const masked = await asStaff(app, officer, `/v1/staff/submissions/${request}`);
    assert.equal(masked.json.payload.applicant.nationalId, '••••0008');
    assert.equal(masked.json.payload.applicant.mobile, '+966557654321');
    // The status lookup still takes the mobile's last four digits.
    const lookup = await postJson(app, '/v1/status', { reference: request, verifier: '4321' }, { key: null });
    assert.equal(lookup.status, 200, lookup.text);
  });

  it('finds everything held about a person by national ID, mobile or reference', async () => {
    const byId = await privacy('search', { nationalId: VALID_NATIONAL_ID });
    assert.equal(byId.status, 200, byId.text);
    assertSchema(privacySearchResult, byId.json);
    assert.deepEqual(
      byId.json.cases.map((item: { reference: string }) => item.reference),
      [request],
    );
    const byMobile = await privacy('search', { mobile: '+966 55 765 4321' });
    assert.deepEqual(
      byMobile.json.cases.map((item: { reference: string }) => item.reference).sort(),
      [complaint, request].sort(),
    );
    const byReference = await privacy('search', { reference: complaint });
    assert.deepEqual(
      byReference.json.cases.map((item: { reference: string }) => item.reference).sort(),
      [complaint, request].sort(),
    );
    const held = byId.json.cases[0];
    assert.equal(held.person.nationalId, VALID_NATIONAL_ID);
    assert.deepEqual(held.held, { attachments: 1, messages: 1, historyEntries: 1, rating: true });
    assert.ok(!byId.json.cases.some((item: { reference: string }) => item.reference === stranger));
    // Nobody found: an empty list, audited too.
    assert.deepEqual((await privacy('search', { nationalId: '2000000006' })).json.cases, []);
    // One way to search at a time, and a valid one.
    assertProblem(await privacy('search', {}), 422);
    assertProblem(await privacy('search', { nationalId: VALID_NATIONAL_ID, mobile: '0557654321' }), 422);
    const bad = await privacy('search', { nationalId: '123' });
    assertProblem(bad, 422);
    assert.deepEqual(fieldPaths(bad), ['nationalId']);
    const rows = await audits(db(), 'privacy.search');
    assert.equal(rows.length, 4, 'the refused searches are not audited: nothing was read');
    assert.deepEqual(rows[0], {
      target: request,
      details: { by: 'nationalId', found: 1, references: request },
      actor_role: 'admin',
    });
    assert.ok(!JSON.stringify(rows).includes(VALID_NATIONAL_ID), 'the audit names what was searched by, not the value');
  });

  it('exports it as JSON and CSV: every case, history, attachment list, messages, rating', async () => {
    const json = await privacy('export', { mobile: '0557654321', format: 'json' });
    assert.equal(json.status, 200, json.text);
    assert.match(json.headers.get('content-disposition') ?? '', /attachment; filename="personal-data-.*\.json"/);
    assert.equal(json.headers.get('cache-control'), 'no-store');
    const cases = json.json.cases as Array<Record<string, any>>;
    assert.deepEqual(cases.map((item) => item.reference).sort(), [complaint, request].sort());
    const mine = cases.find((item) => item.reference === request)!;
    assert.equal(mine.payload.applicant.nationalId, VALID_NATIONAL_ID);
    assert.equal(mine.payload.applicant.mobile, '+966557654321');
    assert.equal(mine.attachments[0].kind, 'id_copy');
    assert.equal(mine.rating.comment, 'شكرا لكم');
    assert.equal(mine.history[0].status, 'received');
    assert.equal(mine.messages[0].event, 'received');
    const csv = await privacy('export', { reference: request, format: 'csv' });
    assert.equal(csv.status, 200, csv.text);
    assert.match(csv.headers.get('content-type') ?? '', /^text\/csv/);
    // (the BOM that tells Excel it is UTF-8 is dropped by the decoder)
    assert.ok(csv.text.startsWith('reference,section,item,field,value\r\n'));
    assert.ok(csv.text.includes(`${request},case,,payload.applicant.nationalId,${VALID_NATIONAL_ID}\r\n`));
    assert.ok(csv.text.includes(`${request},attachments,1,kind,id_copy\r\n`));
    assert.ok(csv.text.includes(`${request},history,1,status,received\r\n`));
    const rows = await audits(db(), 'privacy.export');
    assert.deepEqual(
      rows.map((row) => [row.details.by, row.details.format, row.details.found]),
      [
        ['mobile', 'json', 2],
        ['reference', 'csv', 2],
      ],
    );
  });

  it('corrects a field with the public checks, a new version, new search keys and lookup verifier', async () => {
    const before = (await privacy('search', { reference: stranger })).json.cases[0];
    const wrong = await privacy(`cases/${stranger}/correct`, {
      version: before.version,
      changes: { mobile: '12345', subject: 'x' },
    });
    assertProblem(wrong, 422);
    const invalid = await privacy(`cases/${stranger}/correct`, {
      version: before.version,
      changes: { mobile: '12345' },
    });
    assertProblem(invalid, 422);
    assert.deepEqual(fieldPaths(invalid), ['changes.mobile']);
    const misplaced = await privacy(`cases/${stranger}/correct`, {
      version: before.version,
      changes: { name: 'سالم' },
    });
    assert.deepEqual(fieldPaths(misplaced), ['changes.name']);
    assertProblem(
      await privacy(`cases/${stranger}/correct`, { version: before.version + 5, changes: { mobile: '0509998877' } }),
      409,
      'version_conflict',
    );
    const done = await privacy(`cases/${stranger}/correct`, {
      version: before.version,
      changes: { mobile: '٠٥٠٩٩٩٨٨٧٧', fullName: 'سالم علي الغامدي', email: 'salem@example.org' },
    });
    assert.equal(done.status, 200, done.text);
    const after = assertSchema(privacyCase, done.json);
    assert.equal(after.version, before.version + 1);
    assert.equal(after.person.mobile, '+966509998877');
    assert.equal(after.person.fullName, 'سالم علي الغامدي');
    // Found by the new mobile, not by the old; the lookup takes the new last four digits.
    assert.deepEqual(
      (await privacy('search', { mobile: '0509998877' })).json.cases.map(
        (item: { reference: string }) => item.reference,
      ),
      [stranger],
    );
    assert.deepEqual((await privacy('search', { mobile: '0501112233' })).json.cases, []);
    assert.equal(
      (await postJson(app, '/v1/status', { reference: stranger, verifier: '8877' }, { key: null })).status,
      200,
    );
    const { rows } = await db().query<{ payload: string; email_hash: string }>(
      'SELECT payload::text AS payload, email_hash FROM submissions WHERE reference = $1',
      [stranger],
    );
    assert.ok(!rows[0]!.payload.includes('509998877'), 'the corrected mobile is sealed too');
    assert.equal(rows[0]!.email_hash, emailSearchHash('salem@example.org'), 'a reminder finds the new e-mail');
    const timeline = (await staffGet(app, `/v1/staff/submissions/${stranger}`)).json.timeline;
    assert.match(timeline.at(-1).note, /applicant\.fullName, applicant\.mobile, applicant\.email/);
    assert.equal(timeline.at(-1).public, false);
    const audit = (await audits(db(), 'privacy.correct')).at(-1)!;
    assert.equal(audit.target, stranger);
    assert.equal(audit.details.fields, 'applicant.fullName,applicant.mobile,applicant.email');
  });

  it('erases a case: personal data, files and free text gone; existence, status, dates and statistics kept', async () => {
    const { rows: statsBefore } = await db().query('SELECT * FROM report_cases WHERE reference = $1', [request]);
    const held = (await privacy('search', { reference: request })).json.cases.find(
      (item: { reference: string }) => item.reference === request,
    );
    const mismatch = await privacy(`cases/${request}/erase`, { version: held.version, confirm: complaint });
    assertProblem(mismatch, 422);
    assert.deepEqual(fieldPaths(mismatch), ['confirm']);
    const erased = await privacy(`cases/${request}/erase`, {
      version: held.version,
      confirm: request.toLowerCase(),
    });
    assert.equal(erased.status, 200, erased.text);
    const after = assertSchema(privacyCase, erased.json);
    assert.ok(after.anonymisedAt);
    assert.deepEqual(after.person, {});
    assert.deepEqual(after.correctable, []);
    assert.deepEqual(after.held, { attachments: 0, messages: 1, historyEntries: 2, rating: true });
    const { rows } = await db().query<{
      payload: Record<string, unknown>;
      status: string;
      kind: string;
      search_name: string | null;
      national_id_hash: string | null;
      mobile_hash: string | null;
      email_hash: string | null;
    }>(
      'SELECT payload, status, kind, search_name, national_id_hash, mobile_hash, email_hash FROM submissions WHERE reference = $1',
      [request],
    );
    assert.deepEqual(rows[0], {
      payload: { audience: 'beneficiary', service: 'food_basket', anonymised: true },
      status: 'received',
      kind: 'request',
      search_name: null,
      national_id_hash: null,
      mobile_hash: null,
      email_hash: null,
    });
    const rating = await db().query('SELECT score, comment FROM ratings WHERE reference = $1', [request]);
    assert.deepEqual(rating.rows[0], { score: 4, comment: null });
    const { rows: statsAfter } = await db().query('SELECT * FROM report_cases WHERE reference = $1', [request]);
    assert.deepEqual(statsAfter, statsBefore, 'the report rollup is untouched');
    // Nobody finds the person there any more; the lookup with the old digits fails.
    assert.deepEqual((await privacy('search', { nationalId: VALID_NATIONAL_ID })).json.cases, []);
    assert.equal(
      (await postJson(app, '/v1/status', { reference: request, verifier: '4321' }, { key: null })).status,
      404,
    );
    // Done is done: no correction, no second erasure.
    assertProblem(
      await privacy(`cases/${request}/erase`, { version: after.version, confirm: request }),
      409,
      'anonymised',
    );
    assertProblem(
      await privacy(`cases/${request}/correct`, { version: after.version, changes: { city: 'جدة' } }),
      409,
      'anonymised',
    );
    const audit = (await audits(db(), 'privacy.erase')).at(-1)!;
    assert.equal(audit.target, request);
    assert.equal(audit.details.attachmentsDeleted, 1);
    // The staff case view still opens, with nothing that names anyone.
    const view = await staffGet(app, `/v1/staff/submissions/${request}`);
    assert.equal(view.status, 200);
    assert.ok(!view.text.includes('نورة'));
  });

  it('is for the admin only', async () => {
    assertProblem(await privacy('search', { reference: complaint }, officer), 403, 'forbidden');
    const token = await call(app, '/v1/staff/privacy/search', {
      method: 'POST',
      headers: { Authorization: 'Bearer test-admin-token-0123456789abcdef', 'Content-Type': 'application/json' },
      body: JSON.stringify({ reference: complaint }),
    });
    assertProblem(token, 403, 'forbidden');
  });
});
