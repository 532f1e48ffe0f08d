/** GET /v1/staff/stats: counts for the periodic report the policies ask for, and the satisfaction measures. */
import type { StaffStats } from '../../src/contract/staff.js';
import { FINAL_STATUSES } from '../../src/contract/status.js';
import type { Queryable } from '../db/database.js';
import { ASSOCIATION_TIME_ZONE } from '../dates.js';
import { lowerBound, upperBound } from './filters.js';

const FINAL_LIST = FINAL_STATUSES.map((status) => `'${status}'`).join(', ');

function range(column: string, from: string | undefined, to: string | undefined, first: number) {
  const conditions: string[] = [];
  const params: unknown[] = [];
  if (from) {
    params.push(lowerBound(from));
    conditions.push(`${column} >= $${first + params.length - 1}`);
  }
  if (to) {
    params.push(upperBound(to));
    conditions.push(`${column} < $${first + params.length - 1}`);
  }
  return { sql: conditions.join(' AND '), params };
}

const round1 = (value: number) => Math.round(value * 10) / 10;
const round2 = (value: number) => Math.round(value * 100) / 100;

export async function computeStats(db: Queryable, query: { from?: string; to?: string }, now: Date): Promise<StaffStats> {
  const received = range('received_at', query.from, query.to, 1);
  const where = received.sql ? `WHERE ${received.sql}` : '';
  const [byKind, byStatus, byMonth, overdue, ratings] = await Promise.all([
    db.query<{ key: string; n: number }>(`SELECT kind AS key, count(*)::int AS n FROM submissions ${where} GROUP BY kind`, received.params),
    db.query<{ key: string; n: number }>(`SELECT status AS key, count(*)::int AS n FROM submissions ${where} GROUP BY status`, received.params),
    // Months are counted in the association's time zone (Riyadh), as the CSV export shows times.
    db.query<{ key: string; n: number }>(
      `SELECT to_char(received_at AT TIME ZONE '${ASSOCIATION_TIME_ZONE}', 'YYYY-MM') AS key, count(*)::int AS n
         FROM submissions ${where} GROUP BY 1 ORDER BY 1`,
      received.params,
    ),
    db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM submissions
        WHERE kind = 'request' AND status NOT IN (${FINAL_LIST}) AND expected_decision_by < $1
        ${received.sql ? `AND ${range('received_at', query.from, query.to, 2).sql}` : ''}`,
      [now, ...received.params],
    ),
    (() => {
      const created = range('created_at', query.from, query.to, 1);
      return db.query<{ scale: string; n: number; high: number; low: number; average: number | null }>(
        `SELECT scale, count(*)::int AS n,
                count(*) FILTER (WHERE (scale = 'csat' AND score >= 4) OR (scale = 'nps' AND score >= 9))::int AS high,
                count(*) FILTER (WHERE scale = 'nps' AND score <= 6)::int AS low,
                avg(score)::float8 AS average
           FROM ratings ${created.sql ? `WHERE ${created.sql}` : ''} GROUP BY scale`,
        created.params,
      );
    })(),
  ]);

  const record = (rows: { key: string; n: number }[]) => Object.fromEntries(rows.map((row) => [row.key, row.n]));
  const scale = (name: string) => ratings.rows.find((row) => row.scale === name);
  const csat = scale('csat');
  const nps = scale('nps');
  const ces = scale('ces');
  const npsCount = nps?.n ?? 0;
  return {
    total: byKind.rows.reduce((sum, row) => sum + row.n, 0),
    byKind: record(byKind.rows),
    byStatus: record(byStatus.rows),
    byMonth: byMonth.rows.map((row) => ({ month: row.key, count: row.n })),
    overdueRequests: overdue.rows[0]?.n ?? 0,
    ratings: {
      csat: { count: csat?.n ?? 0, satisfiedPercent: csat ? round1((100 * csat.high) / csat.n) : null },
      nps: {
        count: npsCount,
        promoters: nps?.high ?? 0,
        passives: npsCount - (nps?.high ?? 0) - (nps?.low ?? 0),
        detractors: nps?.low ?? 0,
        score: nps ? round1((100 * (nps.high - nps.low)) / nps.n) : null,
      },
      ces: { count: ces?.n ?? 0, average: ces && ces.average !== null ? round2(Number(ces.average)) : null },
    },
  };
}
