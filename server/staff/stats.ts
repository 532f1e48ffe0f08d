/** GET /v1/staff/stats: counts for the periodic report the policies ask for, and the satisfaction measures. */
import type { StatsQuery } from '../../src/contract/reports.js';
import type { StaffStats } from '../../src/contract/staff.js';
import { FINAL_STATUSES } from '../../src/contract/status.js';
import type { Queryable } from '../db/database.js';
import { ASSOCIATION_TIME_ZONE } from '../dates.js';
import { lowerBound, upperBound } from './filters.js';

const FINAL_LIST = FINAL_STATUSES.map((status) => `'${status}'`).join(', ');

/** "column >= $n AND column < $m [AND kind = $k]" for the query's range and kind; params start at $first. */
function conditions(column: string, query: StatsQuery, first: number, kindColumn: string) {
  const sql: string[] = [];
  const params: unknown[] = [];
  const add = (condition: string, value: unknown) => {
    params.push(value);
    sql.push(condition.replace('?', `$${first + params.length - 1}`));
  };
  if (query.from) add(`${column} >= ?`, lowerBound(query.from));
  if (query.to) add(`${column} < ?`, upperBound(query.to));
  if (query.kind) add(`${kindColumn} = ?`, query.kind);
  return { sql: sql.join(' AND '), params };
}

/** Counts of rows grouped by two columns, summed over one of them. */
function sumBy<Row extends { n: number }>(rows: Row[], key: keyof Row): Record<string, number> {
  const totals: Record<string, number> = {};
  for (const row of rows) totals[String(row[key])] = (totals[String(row[key])] ?? 0) + row.n;
  return totals;
}

const round1 = (value: number) => Math.round(value * 10) / 10;
const round2 = (value: number) => Math.round(value * 100) / 100;

interface Counts {
  byKind: Record<string, number>;
  byStatus: Record<string, number>;
  byMonth: { month: string; count: number }[];
}

/** No bound, or bare dates (whole days in Riyadh): what the per-day rollup can answer exactly. */
const wholeDays = (query: StatsQuery) =>
  (!query.from || query.from.length === 10) && (!query.to || query.to.length === 10);

/**
 * Kinds, statuses and months from the per-day rollup (report_daily, migration 005, kept in
 * step by triggers): a few thousand rows for three years instead of every submission.
 */
async function dailyCounts(db: Queryable, query: StatsQuery): Promise<Counts> {
  const conditions: string[] = [];
  const params: unknown[] = [];
  if (query.from) conditions.push(`day >= $${params.push(query.from)}::date`);
  if (query.to) conditions.push(`day <= $${params.push(query.to)}::date`);
  if (query.kind) conditions.push(`kind = $${params.push(query.kind)}`);
  const { rows } = await db.query<{ kind: string; status: string; month: string; n: number }>(
    `SELECT kind, status, to_char(day, 'YYYY-MM') AS month, sum(n)::int AS n FROM report_daily
      ${conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : ''} GROUP BY 1, 2, 3 HAVING sum(n) > 0`,
    params,
  );
  const months = sumBy(rows, 'month');
  return {
    byKind: sumBy(rows, 'kind'),
    byStatus: sumBy(rows, 'status'),
    byMonth: Object.keys(months)
      .sort()
      .map((month) => ({ month, count: months[month]! })),
  };
}

/** Bounds inside a day: counted from the submissions themselves. */
async function scannedCounts(db: Queryable, where: string, params: unknown[]): Promise<Counts> {
  const [byKind, byStatus, byMonth] = await Promise.all([
    db.query<{ key: string; n: number }>(
      `SELECT kind AS key, count(*)::int AS n FROM submissions ${where} GROUP BY kind`,
      params,
    ),
    db.query<{ key: string; n: number }>(
      `SELECT status AS key, count(*)::int AS n FROM submissions ${where} GROUP BY status`,
      params,
    ),
    // Months are counted in the association's time zone (Riyadh), as the CSV export shows times.
    db.query<{ key: string; n: number }>(
      `SELECT to_char(received_at AT TIME ZONE '${ASSOCIATION_TIME_ZONE}', 'YYYY-MM') AS key, count(*)::int AS n
         FROM submissions ${where} GROUP BY 1 ORDER BY 1`,
      params,
    ),
  ]);
  const record = (rows: { key: string; n: number }[]) => Object.fromEntries(rows.map((row) => [row.key, row.n]));
  return {
    byKind: record(byKind.rows),
    byStatus: record(byStatus.rows),
    byMonth: byMonth.rows.map((row) => ({ month: row.key, count: row.n })),
  };
}

export async function computeStats(db: Queryable, query: StatsQuery, now: Date): Promise<StaffStats> {
  const received = conditions('received_at', query, 1, 'kind');
  const where = received.sql ? `WHERE ${received.sql}` : '';
  const open = conditions('received_at', query, 2, 'kind');
  // With a kind, only ratings of that kind's submissions count (website ratings have none).
  const rated = conditions('r.created_at', query, 1, 's.kind');
  const sent = conditions('m.created_at', query, 1, 's.kind');
  const [counts, overdue, ratings, messages] = await Promise.all([
    wholeDays(query) ? dailyCounts(db, query) : scannedCounts(db, where, received.params),
    db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM submissions
        WHERE kind = 'request' AND status NOT IN (${FINAL_LIST}) AND expected_decision_by < $1
        ${open.sql ? `AND ${open.sql}` : ''}`,
      [now, ...open.params],
    ),
    db.query<{ scale: string; n: number; high: number; low: number; average: number | null }>(
      `SELECT r.scale, count(*)::int AS n,
              count(*) FILTER (WHERE (r.scale = 'csat' AND r.score >= 4) OR (r.scale = 'nps' AND r.score >= 9))::int AS high,
              count(*) FILTER (WHERE r.scale = 'nps' AND r.score <= 6)::int AS low,
              avg(r.score)::float8 AS average
         FROM ratings r ${query.kind ? 'JOIN submissions s ON s.reference = r.reference' : ''}
         ${rated.sql ? `WHERE ${rated.sql}` : ''} GROUP BY r.scale`,
      rated.params,
    ),
    db.query<{ state: string; channel: string; n: number }>(
      `SELECT m.state, m.channel, count(*)::int AS n
         FROM messages m ${query.kind ? 'JOIN submissions s ON s.reference = m.reference' : ''}
         ${sent.sql ? `WHERE ${sent.sql}` : ''} GROUP BY m.state, m.channel`,
      sent.params,
    ),
  ]);

  const { byKind, byStatus, byMonth } = counts;
  const scale = (name: string) => ratings.rows.find((row) => row.scale === name);
  const csat = scale('csat');
  const nps = scale('nps');
  const ces = scale('ces');
  const npsCount = nps?.n ?? 0;
  return {
    total: Object.values(byKind).reduce((sum, n) => sum + n, 0),
    byKind,
    byStatus,
    byMonth,
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
    messages: {
      total: messages.rows.reduce((sum, row) => sum + row.n, 0),
      byState: sumBy(messages.rows, 'state'),
      byChannel: sumBy(messages.rows, 'channel'),
    },
  };
}
