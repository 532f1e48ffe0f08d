/**
 * The staff statistics from the rollups (whole months from report_monthly and
 * report_ratings_monthly, the range's ragged ends from the daily rows; migration 011; the
 * messages from report_messages_daily, migration 012) agree with the same statistics
 * counted from the submissions, ratings and messages themselves, for every shape of range;
 * and the deferred rollup triggers keep them agreeing through status changes, new ratings,
 * messages moving through their states and deletions.
 */
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import type { StatsQuery } from '../../src/contract/reports.js';
import { computeStats, wholeMonths } from '../../server/staff/stats.js';
import { lowerBound, upperBound } from '../../server/staff/filters.js';
import { ResultCache } from '../../server/reports/result-cache.js';
import { describeEachDatabase } from './helpers.js';
import { NOW, makeSeed, writeSeed } from './reports-seed.js';

const RANGES: StatsQuery[] = [
  {},
  { from: '2026-10-01', to: '2026-10-31' },
  { from: '2026-10-05', to: '2026-10-06' },
  { from: '2025-10-15', to: '2026-10-20' },
  { from: '2026-09-30', to: '2026-11-01' },
  { from: '2026-09-01', to: '2026-11-30' },
  { from: '2026-10-02' },
  { to: '2026-10-30' },
  { to: '2026-09-30' },
  { from: '2026-10-01', to: '2026-10-31', kind: 'request' },
  { from: '2025-10-15', kind: 'complaint' },
];

/** The same range as instants: the statistics then count from the tables, not the rollups. */
function scanned(query: StatsQuery): StatsQuery {
  return {
    ...query,
    ...(query.from ? { from: lowerBound(query.from).toISOString() } : {}),
    ...(query.to ? { to: upperBound(query.to).toISOString() } : {}),
  };
}

it('splits a range of days into whole months and ragged ends', () => {
  assert.deepEqual(wholeMonths({ from: '2026-10-01', to: '2026-10-31' }), { start: '2026-10-01', end: '2026-11-01' });
  assert.deepEqual(wholeMonths({ from: '2026-10-02', to: '2026-12-30' }), { start: '2026-11-01', end: '2026-12-01' });
  assert.deepEqual(wholeMonths({ from: '2026-12-15' }), { start: '2027-01-01', end: undefined });
  assert.deepEqual(wholeMonths({ to: '2024-02-29' }), { start: undefined, end: '2024-03-01' });
  assert.equal(wholeMonths({ from: '2026-10-05', to: '2026-10-06' }), undefined);
  assert.equal(wholeMonths({ from: '2026-10-02', to: '2026-11-29' }), undefined);
});

it('identical statistics share one computation for a few seconds, failures are not kept', async () => {
  let clock = 0;
  let runs = 0;
  const cache = new ResultCache<number>(5_000, () => clock);
  const compute = async () => ++runs;
  // Asked together: one computation, both get its answer.
  assert.deepEqual(await Promise.all([cache.get('a', compute), cache.get('a', compute)]), [1, 1]);
  clock = 4_999;
  assert.equal(await cache.get('a', compute), 1, 'reused while fresh');
  assert.equal(await cache.get('b', compute), 2, 'another filter is another answer');
  clock = 5_001;
  assert.equal(await cache.get('a', compute), 3, 'computed again once stale');
  await assert.rejects(cache.get('c', () => Promise.reject(new Error('timeout'))));
  assert.equal(await cache.get('c', compute), 4, 'a failure is not kept');
  const off = new ResultCache<number>(0, () => clock);
  assert.equal(await off.get('a', compute), 5);
  assert.equal(await off.get('a', compute), 6, '0 turns it off');
});

describeEachDatabase('statistics from the monthly rollups', (db) => {
  before(async () => {
    await writeSeed(db(), makeSeed());
    // Two messages per case, by SMS or e-mail, in every state; the status message 20 hours
    // later, so some fall on the next Riyadh day (or month) of their case.
    await db().query(
      `INSERT INTO messages (id, reference, event, event_key, channel, locale, params, state, next_attempt_at, created_at, updated_at)
       SELECT 'seed-' || s.reference || '-' || e.event, s.reference, e.event, 'seed-' || e.event,
              CASE WHEN ascii(right(s.reference, 1)) % 3 = 0 THEN 'email' ELSE 'sms' END, 'ar', '{}'::jsonb,
              (ARRAY['queued', 'sent', 'failed', 'not_configured', 'sent'])[1 + (ascii(right(s.reference, 1)) + e.hours) % 5],
              s.received_at, s.received_at + e.hours * interval '1 hour', s.received_at + e.hours * interval '1 hour'
         FROM submissions s CROSS JOIN (VALUES ('received', 0), ('status', 20)) e(event, hours)`,
    );
  });

  async function assertAgree(step: string) {
    for (const query of RANGES) {
      const rolled = await computeStats(db(), query, NOW);
      const counted = await computeStats(db(), scanned(query), NOW);
      assert.deepEqual(rolled, counted, `${step}: ${JSON.stringify(query)}`);
    }
  }

  it('agree with the counts from the tables for every shape of range', async () => {
    const all = await computeStats(db(), {}, NOW);
    assert.ok(all.total > 50 && all.byMonth.length >= 3, 'the seed spans several months');
    assert.ok(all.ratings.csat.count > 0 && all.ratings.nps.count > 0, 'and has ratings');
    assert.ok(all.messages!.total > 50 && Object.keys(all.messages!.byState).length >= 4, 'and messages');
    await assertAgree('seeded');
  });

  it('stay in step through status changes, new ratings and deletions', async () => {
    const { rows } = await db().query<{ reference: string }>(
      `SELECT reference FROM submissions ORDER BY reference LIMIT 3`,
    );
    const [changed, rated, deleted] = rows.map((row) => row.reference);
    await db().transaction(async (tx) => {
      // Two changes of the same case in one transaction: both counted at the commit.
      await tx.query(`UPDATE submissions SET status = 'under_review' WHERE reference = $1`, [changed]);
      await tx.query(`UPDATE submissions SET status = 'closed' WHERE reference = $1`, [changed]);
    });
    await db().query(
      `INSERT INTO ratings (id, reference, scale, score, created_at) VALUES ('scale-stats-1', $1, 'nps', 3, $2)`,
      [rated, new Date('2026-10-31T20:59:00Z')],
    );
    await db().transaction(async (tx) => {
      // A message sent, then failed on its retry, in one transaction; and a new one.
      await tx.query(`UPDATE messages SET state = 'sending' WHERE reference = $1 AND event = 'received'`, [changed]);
      await tx.query(`UPDATE messages SET state = 'failed' WHERE reference = $1 AND event = 'received'`, [changed]);
      await tx.query(
        `INSERT INTO messages (id, reference, event, event_key, channel, locale, params, state, next_attempt_at, created_at, updated_at)
         VALUES ('scale-stats-m1', $1, 'closed', 'scale-stats-closed', 'email', 'ar', '{}', 'queued', $2, $2, $2)`,
        [changed, new Date('2026-10-31T21:30:00Z')],
      );
    });
    // The case's messages go with it (ON DELETE CASCADE), and out of the rollup.
    await db().query(`DELETE FROM submissions WHERE reference = $1`, [deleted]);
    // Open requests due today, before and after now (the overdue count's edge), and one
    // whose due date moves to last year.
    const open = await db().query<{ reference: string }>(
      `SELECT reference FROM submissions WHERE kind = 'request' AND status IN ('received', 'under_review')
        ORDER BY reference LIMIT 3`,
    );
    const [dueEarlier, dueLater, dueLastYear] = open.rows.map((row) => row.reference);
    const update = `UPDATE submissions SET expected_decision_by = $2 WHERE reference = $1`;
    await db().query(update, [dueEarlier, new Date(NOW.getTime() - 3_600_000)]);
    await db().query(update, [dueLater, new Date(NOW.getTime() + 3_600_000)]);
    await db().query(update, [dueLastYear, new Date('2025-11-15T09:00:00Z')]);
    const counted = await computeStats(db(), {}, NOW);
    assert.ok(counted.overdueRequests > 0, 'some requests are overdue');
    await assertAgree('after changes');
    await db().query('SELECT report_rebuild()');
    await assertAgree('after a rebuild');
  });
});
