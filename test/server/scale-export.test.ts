/**
 * The staff CSV export streams (#19) and its cells follow OWASP's rule (#18.11): rows come
 * in batches as the client reads them, a public create goes through while an export is
 * half-read, a client that goes away gives its connection back, and the audit row is
 * written with the filter before the first row leaves.
 */
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { csvCell } from '../../server/staff/csv.js';
import { CURSOR_BATCH, EXPORT_BATCH } from '../../server/staff/queries.js';
import {
  ADMIN_TOKEN,
  describeEachDatabase,
  makeApp,
  postJson,
  staffGet,
  validComplaint,
  type TestApp,
} from './helpers.js';

/** More rows than two batches, so paging (keyset or cursor) is crossed twice. */
const ROWS = EXPORT_BATCH * 2 + 137;

it('csv cells: every cell that does not start with a letter or digit gets a prefix', () => {
  for (const dangerous of [
    '=1+2',
    '+966551234567',
    '-1',
    '@SUM(A1)',
    '\tx',
    '\rx',
    '\uFF1D1+2', // full-width =
    '\uFF0B1', // full-width +
    '\u200F=1+2', // right-to-left mark
    '\u200E=1', // left-to-right mark
    '\u200B=1', // zero-width space
    '\u2066=1', // left-to-right isolate
    '\uFEFF=1', // byte order mark
    ' =1',
    '(1)',
    '"=1"',
  ]) {
    const cell = csvCell(dangerous);
    assert.ok(cell.startsWith("'") || cell.startsWith(`"'`), `${JSON.stringify(dangerous)} → ${cell}`);
  }
  for (const safe of ['S-KR2H-23YM-W08C', '2025-02-01 01:00:00', 'محمد', 'نعم', '5', '٥', 'yes', 'noura@example.com']) {
    assert.equal(csvCell(safe), safe, 'letters and digits first: unchanged');
  }
  assert.equal(csvCell(''), '');
  assert.equal(csvCell(null), '');
  assert.equal(csvCell(0), '0');
  assert.equal(csvCell('a,b'), '"a,b"', 'quoting kept');
});

describeEachDatabase('staff CSV export streams', (db, driver) => {
  let app: TestApp;
  before(async () => {
    app = makeApp(db());
    // Rows loaded by SQL, with microseconds in their times (ties broken by reference).
    await db().exec(`
      INSERT INTO submissions (reference, kind, status, channel, payload, verifier_hash, received_at, updated_at, expected_decision_by)
      SELECT 'C' || lpad(i::text, 12, '0'), 'complaint', 'received', 'website',
             jsonb_build_object('kind', 'complaint', 'category', 'delay', 'subject', '=cmd|' || i, 'description', 'وصف ' || i),
             'x', t, t, t + interval '7 days'
        FROM generate_series(1, ${ROWS}) AS i,
             LATERAL (SELECT timestamptz '2026-01-01 00:00:00.123456+03' + ((i / 3) * interval '1 minute 0.000001 second') AS t) AS at`);
  });

  it('every row once, newest first, across batches', async () => {
    const answer = await staffGet(app, '/v1/staff/export.csv?kind=complaint');
    assert.equal(answer.status, 200, answer.text);
    const lines = answer.text
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    const references = lines.slice(1).map((line) => line.split(',')[0]!);
    assert.equal(references.length, ROWS);
    assert.equal(new Set(references).size, ROWS, 'no row twice');
    const received = lines.slice(1).map((line) => line.split(',')[4]!);
    assert.deepEqual([...received].sort().reverse(), received, 'newest first');
    assert.ok(
      lines.slice(1).every((line) => line.includes(",'=cmd|")),
      'formula guard in every batch',
    );
  });

  it('comes as a stream: the header first, then a batch per read', async () => {
    const response = await app.request('/v1/staff/export.csv', { headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } });
    assert.equal(response.status, 200);
    const reader = response.body!.getReader();
    const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
    const first = decoder.decode((await reader.read()).value);
    assert.match(first, /^\uFEFFreference,kind,status,/);
    assert.equal(first.split('\r\n').length, 2, 'the header alone: no row was read before the client asked');
    const second = decoder.decode((await reader.read()).value);
    const size = driver.name === 'pglite' ? EXPORT_BATCH : Math.min(ROWS, CURSOR_BATCH);
    assert.equal(second.trimEnd().split('\r\n').length, size, 'one batch');
    await reader.cancel();
  });

  it('a public create goes through while an export is half-read', async () => {
    const response = await app.request('/v1/staff/export.csv', { headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } });
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    const rows = (chunk: Uint8Array | undefined) => decoder.decode(chunk).split('\r\n').length - 1;
    await reader.read();
    let lines = rows((await reader.read()).value);
    // The export is paused between batches: on the embedded database (one connection)
    // a create waits for at most one batch, never for the whole file.
    const created = await postJson(app, '/v1/complaints', validComplaint());
    assert.equal(created.status, 201, created.text);
    // The export then finishes, whole: the rows there were when it began (newest first,
    // so the new one, newer than where it stands, is not in it).
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) lines += rows(chunk.value);
    assert.equal(lines, ROWS);
  });

  it('clients that go away half-way give their connection back', async () => {
    // More abandoned exports than the pool has connections (10): a leaked cursor would
    // leave the next query waiting for a connection that never comes back.
    for (let round = 0; round < 12; round++) {
      const response = await app.request('/v1/staff/export.csv', {
        headers: { Authorization: `Bearer ${ADMIN_TOKEN}` },
      });
      const reader = response.body!.getReader();
      await reader.read();
      await reader.read();
      await reader.cancel();
    }
    assert.equal((await staffGet(app, '/v1/staff/submissions?limit=1')).status, 200);
    assert.equal((await postJson(app, '/v1/complaints', validComplaint())).status, 201);
    if (driver.name === 'postgres') {
      const { rows } = await db().query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND state LIKE 'idle in transaction%'`,
      );
      assert.equal(rows[0]!.n, 0, 'no transaction left open by a cancelled cursor');
    }
  });

  it('the audit row is written first, with the filter and never the search text', async () => {
    const answer = await staffGet(app, '/v1/staff/export.csv?kind=complaint&q=%D9%85%D8%AD%D9%85%D8%AF&lang=ar');
    assert.equal(answer.status, 200);
    const { rows } = await db().query<{ details: Record<string, unknown> }>(
      `SELECT details FROM audit_log WHERE action = 'case.export' ORDER BY id DESC LIMIT 1`,
    );
    const details = rows[0]!.details;
    assert.equal(details.kind, 'complaint');
    assert.equal(details.lang, 'ar');
    assert.equal(details.search, true);
    assert.ok(!JSON.stringify(details).includes('محمد'), 'the searched name is not in the audit log');
  });
});
