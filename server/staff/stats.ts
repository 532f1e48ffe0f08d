/** GET /v1/staff/stats: counts for the periodic report the policies ask for, and the satisfaction measures. */
import type { StatsQuery } from '../../src/contract/reports.js';
import type { StaffStats } from '../../src/contract/staff.js';
import { FINAL_STATUSES } from '../../src/contract/status.js';
import type { Queryable } from '../db/database.js';
import { ASSOCIATION_TIME_ZONE, localDay, startOfLocalDay } from '../dates.js';
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

/** 'YYYY-MM-DD' of the first day of the month after the given day's. */
function nextMonth(day: string): string {
  const [year, month] = day.split('-').map(Number) as [number, number];
  return month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
}

/**
 * The whole calendar months inside a range of bare days (either end open): [start, end)
 * as first days of months, read from the monthly rollups; the days before `start` and
 * from `end` on (the range's ragged ends) come from the daily rows. Undefined when the
 * range holds no whole month.
 */
export function wholeMonths(query: StatsQuery): { start?: string; end?: string } | undefined {
  const start = query.from && !query.from.endsWith('-01') ? nextMonth(query.from) : query.from;
  // `to` is inclusive: a month ends inside the range when `to` is its last day.
  const end = query.to && (nextDayOf(query.to).endsWith('-01') ? nextDayOf(query.to) : `${query.to.slice(0, 8)}01`);
  if (start && end && start >= end) return undefined;
  return { start, end };
}

function nextDayOf(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

/** Positional parameters and the conditions built with them. */
class Conditions {
  readonly params: unknown[] = [];
  add(value: unknown): string {
    return `$${this.params.push(value)}`;
  }
}

/**
 * "Which rows of a daily source" for a range split into whole months and ragged ends:
 * the ends only when there are whole months, else the whole range. `column` is compared
 * with the bounds as `bound.value` gives them (bare days for day columns, instants otherwise).
 */
function raggedEnds(
  c: Conditions,
  query: StatsQuery,
  months: { start?: string; end?: string } | undefined,
  column: string,
  bound: { value: (day: string, inclusiveEnd: boolean) => unknown; upper: '<' | '<='; cast: string },
): string {
  const range = (from: string | undefined, to: string | undefined, inclusiveTo: boolean) => {
    const parts: string[] = [];
    if (from) parts.push(`${column} >= ${c.add(bound.value(from, false))}${bound.cast}`);
    if (to)
      parts.push(`${column} ${inclusiveTo ? bound.upper : '<'} ${c.add(bound.value(to, inclusiveTo))}${bound.cast}`);
    return parts.length > 0 ? `(${parts.join(' AND ')})` : 'true';
  };
  if (!months) return range(query.from, query.to, true);
  const ends: string[] = [];
  if (query.from && months.start && query.from < months.start) ends.push(range(query.from, months.start, false));
  if (query.to && months.end && months.end <= query.to) ends.push(range(months.end, query.to, true));
  return ends.length > 0 ? `(${ends.join(' OR ')})` : 'false';
}

/** The monthly rollup's rows for the whole months (none when the range has none). */
function monthsIn(c: Conditions, months: { start?: string; end?: string } | undefined): string {
  if (!months) return 'false';
  const parts: string[] = [];
  if (months.start) parts.push(`month >= ${c.add(months.start)}::date`);
  if (months.end) parts.push(`month < ${c.add(months.end)}::date`);
  return parts.length > 0 ? parts.join(' AND ') : 'true';
}

/**
 * Kinds, statuses and months from the rollups (migrations 005 and 011, kept in step by
 * triggers): the whole months from report_monthly (a few hundred rows for three years),
 * the days at the range's ends from report_daily, instead of every submission.
 */
async function dailyCounts(db: Queryable, query: StatsQuery): Promise<Counts> {
  const c = new Conditions();
  const months = wholeMonths(query);
  const kind = query.kind ? ` AND kind = ${c.add(query.kind)}` : '';
  const monthly = monthsIn(c, months);
  const daily = raggedEnds(c, query, months, 'day', { value: (day) => day, upper: '<=', cast: '::date' });
  const { rows } = await db.query<{ kind: string; status: string; month: string; n: number }>(
    `SELECT kind, status, to_char(month, 'YYYY-MM') AS month, sum(n)::int AS n FROM (
       SELECT month, kind, status, n FROM report_monthly WHERE ${monthly}${kind}
       UNION ALL
       SELECT date_trunc('month', day)::date, kind, status, n FROM report_daily WHERE ${daily}${kind}
     ) t GROUP BY 1, 2, 3 HAVING sum(n) > 0`,
    c.params,
  );
  const byMonth = sumBy(rows, 'month');
  return {
    byKind: sumBy(rows, 'kind'),
    byStatus: sumBy(rows, 'status'),
    byMonth: Object.keys(byMonth)
      .sort()
      .map((month) => ({ month, count: byMonth[month]! })),
  };
}

interface RatingRow {
  scale: string;
  n: number;
  high: number;
  low: number;
  average: number | null;
}

/**
 * The satisfaction measures for whole days: whole months from report_ratings_monthly
 * (scores counted per month), the ragged ends from report_ratings by its created_at index.
 */
async function rolledUpRatings(db: Queryable, query: StatsQuery): Promise<RatingRow[]> {
  const c = new Conditions();
  const months = wholeMonths(query);
  const kind = query.kind ? ` AND kind = ${c.add(query.kind)}` : '';
  const monthly = monthsIn(c, months);
  const ends = raggedEnds(c, query, months, 'created_at', {
    value: (day, inclusiveEnd) => (inclusiveEnd ? upperBound(day) : lowerBound(day)),
    upper: '<',
    cast: '',
  });
  const { rows } = await db.query<RatingRow>(
    `SELECT scale, sum(n)::int AS n,
            coalesce(sum(n) FILTER (WHERE (scale = 'csat' AND score >= 4) OR (scale = 'nps' AND score >= 9)), 0)::int AS high,
            coalesce(sum(n) FILTER (WHERE scale = 'nps' AND score <= 6), 0)::int AS low,
            (sum(score * n)::float8 / sum(n)) AS average
       FROM (SELECT scale, score, n FROM report_ratings_monthly WHERE ${monthly}${kind}
             UNION ALL
             SELECT scale, score, 1 FROM report_ratings WHERE ${ends}${kind}) t
      GROUP BY scale HAVING sum(n) > 0`,
    c.params,
  );
  return rows;
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

/** Open requests past their due date, counted from the partial index (bounds inside a day). */
async function scannedOverdue(db: Queryable, query: StatsQuery, now: Date, from?: Date): Promise<number> {
  const open = conditions('received_at', query, from ? 3 : 2, 'kind');
  const { rows } = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM submissions
      WHERE kind = 'request' AND status NOT IN (${FINAL_LIST}) AND expected_decision_by < $1
      ${from ? 'AND expected_decision_by >= $2' : ''} ${open.sql ? `AND ${open.sql}` : ''}`,
    [now, ...(from ? [from] : []), ...open.params],
  );
  return rows[0]?.n ?? 0;
}

/**
 * Overdue requests for whole days: those due before today from report_open_due (open
 * requests per received day and due day, migration 011), today's from the partial index.
 */
async function rolledUpOverdue(db: Queryable, query: StatsQuery, now: Date): Promise<number> {
  if (query.kind && query.kind !== 'request') return 0;
  const today = localDay(now);
  const c = new Conditions();
  const where = [`due_day < ${c.add(today)}::date`];
  if (query.from) where.push(`received_day >= ${c.add(query.from)}::date`);
  if (query.to) where.push(`received_day <= ${c.add(query.to)}::date`);
  const [before, dueToday] = await Promise.all([
    db.query<{ n: number }>(
      `SELECT coalesce(sum(n), 0)::int AS n FROM report_open_due WHERE ${where.join(' AND ')}`,
      c.params,
    ),
    scannedOverdue(db, query, now, startOfLocalDay(today)),
  ]);
  return (before.rows[0]?.n ?? 0) + dueToday;
}

/** Ratings for bounds inside a day: counted from the ratings themselves. */
async function scannedRatings(db: Queryable, query: StatsQuery): Promise<RatingRow[]> {
  // With a kind, only ratings of that kind's submissions count (website ratings have none).
  const rated = conditions('r.created_at', query, 1, 's.kind');
  const { rows } = await db.query<RatingRow>(
    `SELECT r.scale, count(*)::int AS n,
            count(*) FILTER (WHERE (r.scale = 'csat' AND r.score >= 4) OR (r.scale = 'nps' AND r.score >= 9))::int AS high,
            count(*) FILTER (WHERE r.scale = 'nps' AND r.score <= 6)::int AS low,
            avg(r.score)::float8 AS average
       FROM ratings r ${query.kind ? 'JOIN submissions s ON s.reference = r.reference' : ''}
       ${rated.sql ? `WHERE ${rated.sql}` : ''} GROUP BY r.scale`,
    rated.params,
  );
  return rows;
}

interface MessageRow {
  state: string;
  channel: string;
  n: number;
}

/** Messages for whole days: from report_messages_daily (migration 012), not every message. */
async function rolledUpMessages(db: Queryable, query: StatsQuery): Promise<MessageRow[]> {
  const c = new Conditions();
  const where: string[] = [];
  if (query.from) where.push(`day >= ${c.add(query.from)}::date`);
  if (query.to) where.push(`day <= ${c.add(query.to)}::date`);
  if (query.kind) where.push(`kind = ${c.add(query.kind)}`);
  const { rows } = await db.query<MessageRow>(
    `SELECT state, channel, sum(n)::int AS n FROM report_messages_daily
      ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} GROUP BY state, channel HAVING sum(n) > 0`,
    c.params,
  );
  return rows;
}

/** Messages for bounds inside a day: counted from the messages themselves. */
async function scannedMessages(db: Queryable, query: StatsQuery): Promise<MessageRow[]> {
  const sent = conditions('m.created_at', query, 1, 's.kind');
  const { rows } = await db.query<MessageRow>(
    `SELECT m.state, m.channel, count(*)::int AS n
       FROM messages m ${query.kind ? 'JOIN submissions s ON s.reference = m.reference' : ''}
       ${sent.sql ? `WHERE ${sent.sql}` : ''} GROUP BY m.state, m.channel`,
    sent.params,
  );
  return rows;
}

export async function computeStats(db: Queryable, query: StatsQuery, now: Date): Promise<StaffStats> {
  const received = conditions('received_at', query, 1, 'kind');
  const where = received.sql ? `WHERE ${received.sql}` : '';
  const [counts, overdue, ratings, messages] = await Promise.all([
    wholeDays(query) ? dailyCounts(db, query) : scannedCounts(db, where, received.params),
    wholeDays(query) ? rolledUpOverdue(db, query, now) : scannedOverdue(db, query, now),
    wholeDays(query) ? rolledUpRatings(db, query) : scannedRatings(db, query),
    wholeDays(query) ? rolledUpMessages(db, query) : scannedMessages(db, query),
  ]);

  const { byKind, byStatus, byMonth } = counts;
  const scale = (name: string) => ratings.find((row) => row.scale === name);
  const csat = scale('csat');
  const nps = scale('nps');
  const ces = scale('ces');
  const npsCount = nps?.n ?? 0;
  return {
    total: Object.values(byKind).reduce((sum, n) => sum + n, 0),
    byKind,
    byStatus,
    byMonth,
    overdueRequests: overdue,
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
      total: messages.reduce((sum, row) => sum + row.n, 0),
      byState: sumBy(messages, 'state'),
      byChannel: sumBy(messages, 'channel'),
    },
  };
}
