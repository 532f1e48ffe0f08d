/**
 * Reports: every figure of a seeded October 2026 against counts computed in JS from the
 * seed itself (reports-seed.ts), the Riyadh month edges, the comparison periods, Hijri
 * labels, and the stats route's kind filter.
 */
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { report as reportSchema, reportQuery, type Report } from '../../src/contract/reports.js';
import { describePeriod, previousPeriod, resolvePeriod, samePeriodLastYear } from '../../server/reports/period.js';
import { buildReport } from '../../server/reports/report.js';
import {
  assertProblem,
  assertSchema,
  describeEachDatabase,
  exampleConfig,
  fieldPaths,
  makeApp,
  staffGet,
  type TestApp,
} from './helpers.js';
import { NOW, OCTOBER, expectedFigures, makeSeed, writeSeed } from './reports-seed.js';

const seed = makeSeed();
const asMap = (rows: { key: string; count: number }[]) => new Map(rows.map((row) => [row.key, row.count]));
const sorted = (map: Map<string, number>) => [...map].sort(([a], [b]) => a.localeCompare(b));

function assertFigures(report: Report, kind?: string) {
  const want = expectedFigures(seed, OCTOBER, kind);
  const c = report.counts;
  assert.equal(c.total, want.total, 'total');
  assert.deepEqual(sorted(asMap(c.byKind)), sorted(want.byKind), 'by kind');
  assert.deepEqual(sorted(asMap(c.byCategory)), sorted(want.byCategory), 'by category');
  assert.deepEqual(sorted(asMap(c.byService)), sorted(want.byService), 'by service');
  assert.deepEqual(sorted(asMap(c.byChannel)), sorted(want.byChannel), 'by channel');
  assert.deepEqual(sorted(asMap(c.byStatus)), sorted(want.byStatus), 'by status');
  assert.deepEqual(sorted(asMap(c.byDay)), sorted(want.byDay), 'by day');
  assert.equal(report.actions.statusChanges, want.statusChanges, 'status changes');
  assert.deepEqual(sorted(asMap(report.actions.byStatus)), sorted(want.actionsByStatus), 'actions by status');
  assert.equal(report.actions.referrals, want.referrals, 'referrals');
  assert.deepEqual(report.actions.decisions, { accepted: want.accepted, rejected: want.rejected }, 'decisions');
  assert.deepEqual(report.times.firstResponse, want.firstResponse, 'first response');
  assert.deepEqual(report.times.resolution, want.resolution, 'resolution');
  assert.equal(report.deadlines.requestsDecided.due, want.requestsDue, 'requests due');
  assert.equal(report.deadlines.requestsDecided.onTime, want.requestsOnTime, 'requests on time');
  assert.equal(report.deadlines.complaintsAnswered.due, want.complaintsDue, 'complaints due');
  assert.equal(report.deadlines.complaintsAnswered.onTime, want.complaintsOnTime, 'complaints on time');
  assert.equal(report.overdue.total, want.overdue.length, 'overdue total');
  assert.deepEqual(report.overdue.items.map((item) => item.reference).sort(), want.overdue, 'overdue list');
  assert.deepEqual(report.satisfaction.service, want.service, 'service satisfaction');
  assert.deepEqual(report.satisfaction.website, want.website, 'website satisfaction');
  assert.equal(report.satisfaction.comments.length, want.comments, 'comments');
  assert.equal(report.visitors.total, want.visitorsTotal, 'visitors');
  assert.deepEqual(sorted(asMap(report.visitors.byDay)), sorted(want.visitorsByDay), 'visitors by day');
  assert.deepEqual(sorted(asMap(report.visitors.byPurpose)), sorted(want.visitorsByPurpose), 'visitors by purpose');
  return want;
}

it('the seed covers what the figures need', () => {
  const want = expectedFigures(seed, OCTOBER);
  assert.ok(want.total >= 70 && want.byKind.size === 5, 'every kind');
  assert.ok(want.referrals > 0 && want.accepted > 0 && want.rejected > 0, 'referrals and both decisions');
  assert.ok(want.overdue.length > 0 && want.comments > 0 && want.visitorsTotal > 0);
  assert.ok(want.service.csat.count > 0 && want.website.csat.count > 0, 'service and website CSAT');
});

it('periods: Riyadh months, quarters, years, custom ranges and their comparisons', () => {
  const october = resolvePeriod({ period: 'month', at: '2026-10' });
  assert.equal(october.start.toISOString(), '2026-09-30T21:00:00.000Z');
  assert.equal(october.end.toISOString(), '2026-10-31T21:00:00.000Z');
  assert.deepEqual([october.from, october.to], ['2026-10-01', '2026-10-31']);
  assert.deepEqual([previousPeriod(october).from, previousPeriod(october).to], ['2026-09-01', '2026-09-30']);
  assert.deepEqual([samePeriodLastYear(october).from, samePeriodLastYear(october).to], ['2025-10-01', '2025-10-31']);
  const q1 = resolvePeriod({ period: 'quarter', at: '2026-Q1' });
  assert.deepEqual(
    [q1.from, q1.to, previousPeriod(q1).from, previousPeriod(q1).to],
    ['2026-01-01', '2026-03-31', '2025-10-01', '2025-12-31'],
  );
  const year = resolvePeriod({ period: 'year', at: '2024' });
  assert.deepEqual([year.from, year.to], ['2024-01-01', '2024-12-31']);
  const custom = resolvePeriod({ period: 'custom', from: '2024-02-20', to: '2024-02-29' });
  assert.deepEqual([previousPeriod(custom).from, previousPeriod(custom).to], ['2024-02-10', '2024-02-19']);
  assert.deepEqual([samePeriodLastYear(custom).from, samePeriodLastYear(custom).to], ['2023-02-20', '2023-02-28']);
});

it('Hijri (Umm al-Qura) and Gregorian labels in Arabic and English', () => {
  // ICU puts thin or no-break spaces around the range dash: compare with plain spaces.
  const plain = (text: string) => text.replace(/\s/g, ' ');
  const october = describePeriod(resolvePeriod({ period: 'month', at: '2026-10' }));
  assert.equal(october.labels.ar.gregorian, 'أكتوبر 2026');
  assert.equal(october.labels.en.gregorian, 'October 2026');
  // 1 October 2026 is 19 Rabi' II 1448; 31 October is 20 Jumada I 1448.
  assert.equal(plain(october.labels.ar.hijri), 'ربيع الآخر – جمادى الأولى 1448 هـ');
  assert.equal(plain(october.labels.en.hijri), 'Rabiʻ II – Jumada I 1448 AH');
  const q4 = describePeriod(resolvePeriod({ period: 'quarter', at: '2026-Q4' }));
  assert.equal(plain(q4.labels.ar.gregorian), 'الربع الرابع 2026 (أكتوبر – ديسمبر 2026)');
  const custom = describePeriod(resolvePeriod({ period: 'custom', from: '2026-03-01', to: '2026-03-19' }));
  assert.match(custom.labels.ar.hijri, /رمضان 1447 هـ$/);
});

it('the query: period shapes, custom ranges, unknown parameters', () => {
  assert.ok(reportQuery.safeParse({ period: 'month', at: '2026-10' }).success);
  assert.ok(reportQuery.safeParse({ period: 'quarter', at: '2026-Q4', kind: 'complaint' }).success);
  assert.ok(reportQuery.safeParse({ period: 'custom', from: '2026-10-05', to: '2026-10-20' }).success);
  for (const bad of [
    { period: 'month', at: '2026-Q4' },
    { period: 'month' },
    { period: 'custom', from: '2026-10-20', to: '2026-10-05' },
    { period: 'custom', from: '2026-02-30', to: '2026-03-05' },
    { period: 'month', at: '2026-10', kind: 'praise' },
    { period: 'month', at: '2026-10', colour: 'red' },
  ]) {
    assert.equal(reportQuery.safeParse(bad).success, false, JSON.stringify(bad));
  }
});

describeEachDatabase('reports', (db) => {
  let app: TestApp;
  before(async () => {
    await writeSeed(db(), seed);
    app = makeApp(db(), { now: () => NOW });
  });

  it('every figure of October 2026 matches the seed', async () => {
    const report = await buildReport(db(), { period: 'month', at: '2026-10' }, exampleConfig, NOW);
    assertSchema(reportSchema, report, 'report');
    const want = assertFigures(report);
    // The time-zone edges: 23:30 and 00:05 Riyadh are October, 00:10 on 1 November is not.
    assert.equal(asMap(report.counts.byDay).get('2026-10-31'), want.byDay.get('2026-10-31'));
    assert.ok(want.byDay.get('2026-10-31')! >= 1 && want.byDay.get('2026-10-01')! >= 1);
    assert.equal(report.period.labels.en.gregorian, 'October 2026');
  });

  it('a kind filter narrows every figure to that kind', async () => {
    for (const kind of ['request', 'complaint'] as const) {
      const report = await buildReport(db(), { period: 'month', at: '2026-10', kind }, exampleConfig, NOW);
      assertFigures(report, kind);
    }
  });

  it('compares with September 2026 and October 2025', async () => {
    const report = await buildReport(db(), { period: 'month', at: '2026-10' }, exampleConfig, NOW);
    const range = (from: string, to: string) => ({
      start: new Date(`${from}T00:00:00+03:00`),
      end: new Date(`${to}T00:00:00+03:00`),
    });
    const september = expectedFigures(seed, range('2026-09-01', '2026-10-01'));
    const lastYear = expectedFigures(seed, range('2025-10-01', '2025-11-01'));
    assert.equal(report.comparison.previous.submissions, september.total);
    assert.equal(report.comparison.previous.period.from, '2026-09-01');
    assert.equal(report.comparison.previous.visitors, september.visitorsTotal);
    assert.equal(report.comparison.previous.firstResponseMedianHours, september.firstResponse.medianHours);
    assert.equal(report.comparison.previous.serviceCsatPercent, september.service.csat.satisfiedPercent);
    assert.equal(report.comparison.lastYear.submissions, lastYear.total);
    assert.equal(report.comparison.lastYear.period.labels.en.gregorian, 'October 2025');
  });

  it('the stats route honours kind= and refuses unknown parameters', async () => {
    const all = await staffGet(app, '/v1/staff/stats?from=2026-10-01&to=2026-10-31');
    assert.equal(all.status, 200, all.text);
    const want = expectedFigures(seed, OCTOBER);
    assert.equal(all.json.total, want.total);
    const complaints = await staffGet(app, '/v1/staff/stats?from=2026-10-01&to=2026-10-31&kind=complaint');
    assert.equal(complaints.status, 200, complaints.text);
    assert.equal(complaints.json.total, want.byKind.get('complaint'));
    assert.deepEqual(Object.keys(complaints.json.byKind), ['complaint']);
    assertProblem(await staffGet(app, '/v1/staff/stats?kind=praise'), 422, 'invalid_query');
    const unknown = await staffGet(app, '/v1/staff/stats?colour=red');
    assertProblem(unknown, 400, 'invalid_query');
    assert.deepEqual(fieldPaths(unknown), ['colour']);
  });

  // Last: it adds timeline rows to one seeded case.
  it('internal notes and assignments are neither actions nor an answer; a public note answers', async () => {
    const q = db();
    const [target] = seed.submissions.filter((s) => s.receivedAt < OCTOBER.start);
    const reference = target!.reference;
    const read = async () => {
      const { rows } = await q.query<{ first: Date | null; actions: number }>(
        `SELECT (SELECT first_response_at FROM report_cases WHERE reference = $1) AS first,
                (SELECT coalesce(sum(n), 0)::int FROM report_actions) AS actions`,
        [reference],
      );
      return { first: rows[0]!.first?.getTime() ?? null, actions: rows[0]!.actions };
    };
    const before = await read();
    // Right after the submission, earlier than any answer the seed gave.
    const early = (minutes: number) => new Date(target!.receivedAt.getTime() + minutes * 60_000);
    const insert = (type: string, notePublic: boolean, at: Date) =>
      q.query(
        `INSERT INTO submission_history (reference, status, note, note_public, actor, at, type)
         VALUES ($1, (SELECT status FROM submissions WHERE reference = $1), 'x', $2, 'officer', $3, $4)`,
        [reference, notePublic, at, type],
      );
    await insert('note', false, early(1));
    await insert('assign', false, early(2));
    assert.deepEqual(await read(), before, 'an internal note and an assignment change nothing');
    await insert('note', true, early(3));
    const after = await read();
    assert.equal(after.first, early(3).getTime(), 'a public note is the first answer');
    assert.equal(after.actions, before.actions, 'a note is not an action taken');
    await q.query('SELECT report_rebuild()');
    assert.deepEqual(await read(), after, 'a rebuild agrees with the triggers');
  });
});
