/** The staff API: auth, list and filters, status changes seen by the applicant, CSV, statistics. */
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { formatReference } from '../../src/contract/identifiers.js';
import { lookupResult } from '../../src/contract/lookup.js';
import { staffStats, staffSubmissionDetail, staffSubmissionList } from '../../src/contract/staff.js';
import { CSV_HEADER } from '../../server/routes/staff.js';
import { csvCell } from '../../server/staff/csv.js';
import {
  assertProblem,
  assertSchema,
  call,
  describeEachDatabase,
  fieldPaths,
  makeApp,
  postJson,
  staffGet,
  staffPost,
  validComplaint,
  validRating,
  validRequest,
  validSuggestion,
  type TestApp,
} from './helpers.js';

describeEachDatabase('staff API', (db) => {
  let now = new Date('2025-01-10T10:00:00Z');
  let app: TestApp;
  const refs: Record<string, string> = {};
  const ratingTokens: Record<string, string> = {};

  before(async () => {
    app = makeApp(db(), { now: () => now });
    const create = async (name: string, path: string, body: unknown, at: string) => {
      now = new Date(at);
      const answer = await postJson(app, path, body);
      assert.equal(answer.status, 201, answer.text);
      refs[name] = answer.json.reference;
      ratingTokens[name] = answer.json.ratingToken;
    };
    await create('A', '/v1/requests', validRequest(), '2025-01-10T10:00:00Z');
    await create(
      'B',
      '/v1/complaints',
      validComplaint({ subject: '=HYPERLINK("http://evil")' }),
      '2025-01-12T08:00:00Z',
    );
    // 22:00 UTC on 31 January is already 1 February in Riyadh.
    await create('C', '/v1/complaints', validComplaint({ kind: 'inquiry', category: 'other' }), '2025-01-31T22:00:00Z');
    await create('D', '/v1/complaints', validSuggestion(), '2025-02-15T09:00:00Z');
    await create('E', '/v1/requests', validRequest({ service: 'financial_aid' }), '2025-02-15T12:00:00Z');

    now = new Date('2025-02-20T09:00:00Z');
    const rate = async (body: Record<string, unknown>) =>
      assert.equal((await postJson(app, '/v1/ratings', validRating(body))).status, 201);
    // A rating of a reference carries its proof (#18.7): the token from the create answer.
    await rate({ scale: 'csat', score: 5, reference: refs.B, ratingToken: ratingTokens.B });
    await rate({ scale: 'csat', score: 4 });
    await rate({ scale: 'csat', score: 2 });
    for (const score of [10, 9, 8, 3]) await rate({ scale: 'nps', score });
    for (const score of [2, 4]) await rate({ scale: 'ces', score });
    now = new Date('2025-03-10T09:00:00Z');
  });

  it('401 without a token or with a wrong one; 503 when no token is configured', async () => {
    assertProblem(await call(app, '/v1/staff/submissions'), 401, 'unauthorized');
    assertProblem(
      await call(app, '/v1/staff/submissions', { headers: { Authorization: 'Bearer wrong-token-wrong-token' } }),
      401,
    );
    assertProblem(await call(app, '/v1/staff/stats', { headers: { Authorization: 'Basic dGVzdDp0ZXN0' } }), 401);
    assertProblem(await call(app, '/v1/staff/export.csv'), 401);
    const closed = makeApp(db(), { adminToken: undefined });
    assertProblem(
      await call(closed, '/v1/staff/submissions', { headers: { Authorization: 'Bearer anything-at-all' } }),
      503,
      'staff_api_not_configured',
    );
  });

  it('lists newest first with filters and pages', async () => {
    const all = assertSchema(staffSubmissionList, (await staffGet(app, '/v1/staff/submissions')).json);
    assert.equal(all.items.length, 5);
    assert.equal(all.nextCursor, undefined, 'one page');
    assert.deepEqual(
      all.items.map((item) => item.reference),
      [refs.E, refs.D, refs.C, refs.B, refs.A],
    );
    assert.equal(all.items.find((item) => item.reference === refs.A)!.overdue, true);
    assert.equal(all.items.find((item) => item.reference === refs.D)!.name, undefined);

    const requests = (await staffGet(app, '/v1/staff/submissions?kind=request')).json;
    assert.deepEqual(
      requests.items.map((item: { reference: string }) => item.reference),
      [refs.E, refs.A],
    );
    // Bare dates are Riyadh days, as the statistics' months: C (31 Jan 22:00 UTC, 1 Feb 01:00
    // in Riyadh) is February's, in the list as in the stats below.
    const january = (await staffGet(app, '/v1/staff/submissions?from=2025-01-01&to=2025-01-31')).json;
    assert.deepEqual(
      january.items.map((item: { reference: string }) => item.reference),
      [refs.B, refs.A],
    );
    const february = (await staffGet(app, '/v1/staff/submissions?from=2025-02-01&to=2025-02-28')).json;
    assert.deepEqual(
      february.items.map((item: { reference: string }) => item.reference),
      [refs.E, refs.D, refs.C],
    );
    // "Since forever": an early date is a day like any other (Riyadh's offset then was +03:06:52).
    for (const path of ['/v1/staff/submissions', '/v1/staff/stats', '/v1/staff/export.csv']) {
      assert.equal((await staffGet(app, `${path}?from=1900-01-01`)).status, 200, path);
    }
    assert.equal((await staffGet(app, '/v1/staff/submissions?from=1900-01-01')).json.items.length, 5);
    const part = refs.C!.slice(3, 9);
    const search = (await staffGet(app, `/v1/staff/submissions?q=${part.slice(0, 3)}-${part.slice(3).toLowerCase()}`))
      .json;
    assert.ok(search.items.some((item: { reference: string }) => item.reference === refs.C));
    const first = (await staffGet(app, '/v1/staff/submissions?limit=2')).json;
    const page = (await staffGet(app, `/v1/staff/submissions?limit=2&cursor=${first.nextCursor}`)).json;
    assert.deepEqual(
      page.items.map((item: { reference: string }) => item.reference),
      [refs.C, refs.B],
    );

    // A filter the list does not have, or a value it does not know, is refused, never ignored.
    const bad = await staffGet(app, '/v1/staff/submissions?kind=spam&from=yesterday&limit=1000&pageSize=10');
    assertProblem(bad, 400, 'invalid_query');
    assert.deepEqual(fieldPaths(bad).sort(), ['from', 'kind', 'limit', 'pageSize']);
  });

  it('reads one submission in full', async () => {
    const detail = assertSchema(staffSubmissionDetail, (await staffGet(app, `/v1/staff/submissions/${refs.A}`)).json);
    assert.equal((detail.payload as any).applicant.nationalId, '1000000008');
    assert.equal(detail.declaration?.version, 'declaration-v1');
    assert.equal(detail.declaration?.acceptedAt, '2025-01-10T10:00:00.000Z');
    assertProblem(await staffGet(app, '/v1/staff/submissions/R0000000000000'), 404);
    assertProblem(await staffGet(app, '/v1/staff/submissions/nonsense'), 404);
  });

  it('a status change with a public note appears in the applicant’s lookup; internal notes do not', async () => {
    now = new Date('2025-03-10T10:00:00Z');
    const internal = await staffPost(app, `/v1/staff/submissions/${refs.A}/status`, {
      status: 'under_review',
      note: 'تحقق من الدخل',
      version: 1,
    });
    assert.equal(internal.status, 200, internal.text);
    now = new Date('2025-03-11T10:00:00Z');
    const decided = await staffPost(app, `/v1/staff/submissions/${refs.A}/status`, {
      status: 'rejected',
      note: 'الخدمة غير متاحة لهذا الحي، يرجى مراجعة الفرع.',
      notePublic: true,
      version: 2,
    });
    const detail = assertSchema(staffSubmissionDetail, decided.json);
    assert.equal(detail.status, 'rejected');
    assert.equal(detail.timeline.length, 3);

    const lookup = await postJson(app, '/v1/status', { reference: refs.A, verifier: '4321' });
    const result = assertSchema(lookupResult, lookup.json);
    assert.equal(result.status, 'rejected');
    assert.equal(result.updatedAt, '2025-03-11T10:00:00.000Z');
    assert.deepEqual(result.history, [
      { status: 'received', at: '2025-01-10T10:00:00.000Z' },
      { status: 'under_review', at: '2025-03-10T10:00:00.000Z' },
      { status: 'rejected', at: '2025-03-11T10:00:00.000Z', note: 'الخدمة غير متاحة لهذا الحي، يرجى مراجعة الفرع.' },
    ]);

    assertProblem(await staffPost(app, `/v1/staff/submissions/${refs.A}/status`, { status: 'done', version: 3 }), 422);
    assertProblem(
      await staffPost(app, '/v1/staff/submissions/R0000000000000/status', { status: 'closed', version: 1 }),
      404,
    );
  });

  it('statistics for a known data set', async () => {
    const stats = assertSchema(staffStats, (await staffGet(app, '/v1/staff/stats')).json);
    assert.equal(stats.total, 5);
    assert.deepEqual(stats.byKind, { request: 2, complaint: 1, inquiry: 1, suggestion: 1 });
    assert.deepEqual(stats.byStatus, { received: 4, rejected: 1 });
    assert.deepEqual(stats.byMonth, [
      { month: '2025-01', count: 2 },
      { month: '2025-02', count: 3 },
    ]);
    assert.equal(stats.overdueRequests, 1, 'E is past its 14 days; A was decided');
    assert.deepEqual(stats.ratings, {
      csat: { count: 3, satisfiedPercent: 66.7 },
      nps: { count: 4, promoters: 2, passives: 1, detractors: 1, score: 25 },
      ces: { count: 2, average: 3 },
    });
    const february = assertSchema(
      staffStats,
      (await staffGet(app, '/v1/staff/stats?from=2025-02-01T00:00:00Z&to=2025-02-28')).json,
    );
    assert.equal(february.total, 2);
    assert.equal(february.overdueRequests, 1);
    const empty = (await staffGet(app, '/v1/staff/stats?from=2030-01-01')).json;
    assert.deepEqual(empty.ratings.csat, { count: 0, satisfiedPercent: null });
    assert.equal(empty.ratings.nps.score, null);
  });

  it('CSV export: BOM, Arabic, formula cells neutralised, filters apply', async () => {
    const answer = await call(app, '/v1/staff/export.csv?kind=complaint', {
      headers: { Authorization: 'Bearer test-admin-token-0123456789abcdef' },
    });
    assert.equal(answer.status, 200);
    assert.match(answer.headers.get('content-type') ?? '', /^text\/csv; charset=utf-8/);
    assert.match(
      answer.headers.get('content-disposition') ?? '',
      /attachment; filename="sila-export-2025-03-\d\d\.csv"/,
    );
    const response = await app.request('/v1/staff/export.csv', {
      headers: { Authorization: 'Bearer test-admin-token-0123456789abcdef' },
    });
    const bytes = new Uint8Array(await response.arrayBuffer());
    assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM');
    const lines = answer.text
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    assert.equal(lines.length, 2, 'header + the one complaint');
    assert.equal(lines[0], CSV_HEADER.join(','));
    assert.match(
      lines[0]!,
      /^reference,kind,status,channel,received_at_riyadh,updated_at_riyadh,expected_decision_by_riyadh,overdue,/,
    );
    assert.ok(lines[1]!.includes('محمد عبدالله العتيبي'));
    assert.ok(lines[1]!.includes(`"'=HYPERLINK(""http://evil"")"`), lines[1]);
    assert.ok(lines[1]!.includes("'+966551234567"));
    assert.ok(lines[1]!.includes(',csat,5'));
  });

  it('CSV export: references as people read them out, times in Riyadh time like the statistics', async () => {
    const answer = await staffGet(app, '/v1/staff/export.csv');
    assert.equal(answer.status, 200);
    const [header, ...rows] = parseCsv(answer.text.replace(/^\uFEFF/, ''));
    const column = (name: string) => header!.indexOf(name);
    const byReference = new Map(rows.map((row) => [row[column('reference')]!, row]));
    assert.equal(rows.length, 5);
    for (const name of ['A', 'B', 'C', 'D', 'E']) {
      const shown = formatReference(refs[name]!);
      assert.match(shown, /^[RCSQK]-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
      assert.ok(
        byReference.has(shown),
        `${shown} (as on the confirmation) is in the CSV: ${[...byReference.keys()].join(' ')}`,
      );
      // What staff copy from the sheet opens the submission.
      assert.equal((await staffGet(app, `/v1/staff/submissions/${shown}`)).json.reference, refs[name]);
    }
    const row = (name: string) => byReference.get(formatReference(refs[name]!))!;
    const received = column('received_at_riyadh');
    // 10:00 UTC is 13:00 in Riyadh; 22:00 UTC on 31 January is 01:00 on 1 February.
    assert.equal(row('A')[received], '2025-01-10 13:00:00');
    assert.equal(row('C')[received], '2025-02-01 01:00:00');
    assert.equal(row('E')[column('expected_decision_by_riyadh')], '2025-03-01 15:00:00', 'received + 14 days');
    assert.equal(
      row('C')[column('expected_decision_by_riyadh')],
      '2025-02-08 01:00:00',
      'complaintResponseDays (7) later',
    );
    for (const line of rows) {
      for (const name of ['received_at_riyadh', 'updated_at_riyadh'])
        assert.match(line[column(name)]!, /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    }
    // Every submission falls in the same month in the CSV as in the statistics.
    const months = new Map<string, number>();
    for (const line of rows)
      months.set(line[received]!.slice(0, 7), (months.get(line[received]!.slice(0, 7)) ?? 0) + 1);
    const stats = (await staffGet(app, '/v1/staff/stats')).json as { byMonth: { month: string; count: number }[] };
    assert.deepEqual(
      Object.fromEntries(months),
      Object.fromEntries(stats.byMonth.map((entry) => [entry.month, entry.count])),
    );
    // A Riyadh month as a filter (date-times with their offset, as server/README.md shows).
    const february = parseCsv(
      (
        await staffGet(app, '/v1/staff/export.csv?from=2025-02-01T00:00:00%2B03:00&to=2025-03-01T00:00:00%2B03:00')
      ).text.replace(/^\uFEFF/, ''),
    );
    assert.equal(february.length - 1, months.get('2025-02'));
    assert.ok(february.slice(1).every((line) => line[received]!.startsWith('2025-02-')));

    // The file is named after the Riyadh date too: 22:30 UTC on 10 March is 11 March there.
    const saved = now;
    now = new Date('2025-03-10T22:30:00Z');
    try {
      assert.match(
        (await staffGet(app, '/v1/staff/export.csv')).headers.get('content-disposition') ?? '',
        /filename="sila-export-2025-03-11\.csv"/,
      );
    } finally {
      now = saved;
    }
  });

  it('csv cells: quoting and formula guard', () => {
    assert.equal(csvCell('=1+2'), "'=1+2");
    assert.equal(csvCell('+1'), "'+1");
    assert.equal(csvCell('-1'), "'-1");
    assert.equal(csvCell('@SUM(A1)'), "'@SUM(A1)");
    assert.equal(csvCell('a,b'), '"a,b"');
    assert.equal(csvCell('say "hi"\nbye'), '"say ""hi""\nbye"');
    assert.equal(csvCell(null), '');
    assert.equal(csvCell(5), '5');
  });
});

/** Just enough of RFC 4180 for the tests: quoted cells with "" and line breaks, CRLF rows. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += char;
  }
  if (cell || row.length) rows.push([...row, cell]);
  return rows;
}
