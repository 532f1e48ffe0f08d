/**
 * The report's figures, each computed by one SQL aggregate over the period (the database
 * does the counting; Node only shapes the few result rows). They read the rollups of
 * migration 005 (report_daily: submissions per day and kind, channel, status, topic;
 * report_cases: one narrow row per submission with its first response, resolution and
 * decision times; report_actions: staff status changes per day; report_ratings: each
 * rating with what it rates), which triggers keep in step. Periods are whole days of the association's calendar.
 *
 * Definitions (the manager reads these in the report's notes):
 * - a submission belongs to the period it was received in (association time zone);
 * - first response: the first history entry after the submission itself (a status
 *   change or public note by staff); resolution: the first final status;
 * - a request is "decided" at its first accepted/rejected; it counts towards the share
 *   once decided or once its review period has ended;
 * - a complaint (or suggestion, inquiry, compensation claim) is "answered" at its first
 *   response; it counts once answered or once its response period has ended;
 * - actions taken: history entries by staff dated in the period, whatever the case's age.
 */
import type { PeriodSummary, Report, ReportCount, Satisfaction } from '../../src/contract/reports.js';
import type { SubmissionKind } from '../../src/contract/staff.js';
import { FINAL_STATUSES } from '../../src/contract/status.js';
import type { Database, Queryable } from '../db/database.js';
import { ASSOCIATION_TIME_ZONE, iso } from '../dates.js';
import { describePeriod, type Period } from './period.js';

const FINAL_LIST = FINAL_STATUSES.map((status) => `'${status}'`).join(', ');
const TZ = `'${ASSOCIATION_TIME_ZONE}'`;
/** report_cases rows of the period: $1 first day, $2 last day (Riyadh), $3 kind or null. */
const IN_PERIOD = `s.day >= $1::date AND s.day <= $2::date AND ($3::text IS NULL OR s.kind = $3)`;
const OVERDUE_LIST_LIMIT = 100;
const COMMENT_LIMIT = 200;
const HOUR = 3600;

const round1 = (value: number) => Math.round(value * 10) / 10;
const round2 = (value: number) => Math.round(value * 100) / 100;
const hours = (seconds: number | null) => (seconds === null ? null : round1(Number(seconds) / HOUR));
const percent = (part: number, whole: number) => (whole > 0 ? round1((100 * part) / whole) : null);
const byCountThenKey = (a: ReportCount, b: ReportCount) => b.count - a.count || a.key.localeCompare(b.key);

type Params = [string, string, string | null];
const params = (period: Period, kind: SubmissionKind | undefined): Params => [period.from, period.to, kind ?? null];
/** Ratings are timestamped: $1 start (included), $2 end (excluded), $3 kind or null. */
const instants = (period: Period, kind: SubmissionKind | undefined): [Date, Date, string | null] => [
  period.start,
  period.end,
  kind ?? null,
];

/** Counts by kind, channel, status, service, category and day, from the daily rollup. */
async function counts(db: Queryable, p: Params): Promise<Report['counts']> {
  const { rows } = await db.query<{ key: string | null; n: number; dim: string }>(
    `SELECT CASE grouping(kind, channel, status, service, category, day)
              WHEN 62 THEN 'byDay' WHEN 61 THEN 'byCategory' WHEN 59 THEN 'byService'
              WHEN 55 THEN 'byStatus' WHEN 47 THEN 'byChannel' ELSE 'byKind' END AS dim,
            coalesce(kind, channel, status, service, category, day) AS key, sum(n)::int AS n
       FROM (SELECT s.kind, s.channel, s.status, s.n,
                    CASE WHEN s.kind = 'request' THEN nullif(s.topic, '') END AS service,
                    CASE WHEN s.kind <> 'request' THEN nullif(s.topic, '') END AS category,
                    to_char(s.day, 'YYYY-MM-DD') AS day
               FROM report_daily s WHERE ${IN_PERIOD} AND s.n > 0) g
      GROUP BY GROUPING SETS ((kind), (channel), (status), (service), (category), (day))`,
    p,
  );
  const result: Report['counts'] = {
    total: 0,
    byKind: [],
    byCategory: [],
    byService: [],
    byChannel: [],
    byStatus: [],
    byDay: [],
  };
  for (const row of rows) {
    if (row.key === null) continue;
    const dim = row.dim as Exclude<keyof Report['counts'], 'total'>;
    result[dim].push({ key: row.key, count: row.n });
    if (dim === 'byKind') result.total += row.n;
  }
  for (const key of ['byKind', 'byCategory', 'byService', 'byChannel', 'byStatus'] as const)
    result[key].sort(byCountThenKey);
  result.byDay.sort((a, b) => a.key.localeCompare(b.key));
  return result;
}

/** Status changes by staff dated in the period (the case's own first entry excluded), from the daily rollup. */
async function actions(db: Queryable, period: Period, kind: SubmissionKind | undefined): Promise<Report['actions']> {
  const { rows } = await db.query<{ status: string; n: number }>(
    `SELECT status, sum(n)::int AS n FROM report_actions
      WHERE day >= $1::date AND day <= $2::date AND ($3::text IS NULL OR kind = $3)
      GROUP BY status`,
    [period.from, period.to, kind ?? null],
  );
  const n = (status: string) => rows.find((row) => row.status === status)?.n ?? 0;
  return {
    statusChanges: rows.reduce((sum, row) => sum + row.n, 0),
    byStatus: rows.map((row) => ({ key: row.status, count: row.n })).sort(byCountThenKey),
    referrals: n('referred'),
    decisions: { accepted: n('accepted'), rejected: n('rejected') },
  };
}

interface TimesRow {
  responded: number;
  /** [median, 90th percentile] in seconds (one sort for both), null when none. */
  response: number[] | null;
  resolved: number;
  resolution: number[] | null;
  requests_due: number;
  requests_on_time: number;
  complaints_due: number;
  complaints_on_time: number;
}

/** Times to first response and resolution, and the shares within the promised periods. */
async function times(db: Database, p: Params, now: Date): Promise<Pick<Report, 'times' | 'deadlines'>> {
  // The percentiles sort a year of cases: in memory (PostgreSQL's default 4 MB spills to disk).
  const { rows } = await db.transaction(async (tx) => {
    await tx.exec(`SET LOCAL work_mem = '64MB'`);
    return tx.query<TimesRow>(
      `WITH c AS (
       SELECT s.kind, s.received_at, s.due, s.first_response_at AS first_response, s.resolved_at AS resolved, s.decided_at AS decided
         FROM report_cases s WHERE ${IN_PERIOD})
     SELECT count(first_response)::int AS responded,
            percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY extract(epoch FROM first_response - received_at)) AS response,
            count(resolved)::int AS resolved,
            percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY extract(epoch FROM resolved - received_at)) AS resolution,
            count(*) FILTER (WHERE kind = 'request' AND due IS NOT NULL AND (decided IS NOT NULL OR due < $4))::int AS requests_due,
            count(*) FILTER (WHERE kind = 'request' AND decided <= due)::int AS requests_on_time,
            count(*) FILTER (WHERE kind <> 'request' AND due IS NOT NULL AND (first_response IS NOT NULL OR due < $4))::int AS complaints_due,
            count(*) FILTER (WHERE kind <> 'request' AND first_response <= due)::int AS complaints_on_time
       FROM c`,
      [...p, now],
    );
  });
  const row = rows[0]!;
  return {
    times: {
      firstResponse: {
        count: row.responded,
        medianHours: hours(row.response?.[0] ?? null),
        p90Hours: hours(row.response?.[1] ?? null),
      },
      resolution: {
        count: row.resolved,
        medianHours: hours(row.resolution?.[0] ?? null),
        p90Hours: hours(row.resolution?.[1] ?? null),
      },
    },
    deadlines: {
      requestsDecided: {
        due: row.requests_due,
        onTime: row.requests_on_time,
        percent: percent(row.requests_on_time, row.requests_due),
      },
      complaintsAnswered: {
        due: row.complaints_due,
        onTime: row.complaints_on_time,
        percent: percent(row.complaints_on_time, row.complaints_due),
      },
    },
  };
}

/** The period's cases still open past their due date now: references and dates, no names. */
async function overdue(db: Queryable, p: Params, now: Date): Promise<Report['overdue']> {
  const where = `${IN_PERIOD} AND s.status NOT IN (${FINAL_LIST}) AND s.due < $4`;
  const [total, list] = await Promise.all([
    db.query<{ n: number }>(`SELECT count(*)::int AS n FROM report_cases s WHERE ${where}`, [...p, now]),
    db.query<{ reference: string; kind: SubmissionKind; topic: string | null; status: string; due: Date }>(
      `SELECT s.reference, s.kind, s.topic, s.status, s.due
         FROM report_cases s WHERE ${where} ORDER BY s.due, s.reference LIMIT ${OVERDUE_LIST_LIMIT}`,
      [...p, now],
    ),
  ]);
  return {
    total: total.rows[0]?.n ?? 0,
    items: list.rows.map((row) => ({
      reference: row.reference,
      kind: row.kind,
      topic: row.topic,
      status: row.status,
      dueAt: iso(row.due),
      daysOverdue: Math.floor((now.getTime() - row.due.getTime()) / 86_400_000),
    })),
  };
}

interface RatingRow {
  dim: 'source' | 'month' | 'kind' | 'category';
  source: 'service' | 'website' | null;
  month: string | null;
  kind: string | null;
  category: string | null;
  scale: 'csat' | 'nps' | 'ces';
  n: number;
  high: number;
  low: number;
  total: number;
}

const emptySatisfaction = (): Satisfaction => ({
  csat: { count: 0, satisfiedPercent: null },
  nps: { count: 0, promoters: 0, passives: 0, detractors: 0, score: null },
  ces: { count: 0, average: null },
});

function addRating(target: Satisfaction, row: RatingRow): void {
  if (row.scale === 'csat') target.csat = { count: row.n, satisfiedPercent: percent(row.high, row.n) };
  else if (row.scale === 'nps') {
    target.nps = {
      count: row.n,
      promoters: row.high,
      passives: row.n - row.high - row.low,
      detractors: row.low,
      score: row.n > 0 ? round1((100 * (row.high - row.low)) / row.n) : null,
    };
  } else target.ces = { count: row.n, average: row.n > 0 ? round2(Number(row.total) / row.n) : null };
}

/**
 * Ratings given in the period. Service ratings (of a request or complaint) and the
 * website's "rate this page" ratings are kept apart; with a kind filter, service ratings
 * count only for that kind (website ratings have no kind and always show).
 */
async function ratings(db: Queryable, p: ReturnType<typeof instants>): Promise<Report['satisfaction']> {
  const where = `r.created_at >= $1 AND r.created_at < $2 AND ($3::text IS NULL OR r.source = 'website' OR r.kind = $3)`;
  const [groups, comments] = await Promise.all([
    db.query<RatingRow>(
      `SELECT CASE grouping(source, month, kind, category) WHEN 7 THEN 'source' WHEN 3 THEN 'month' WHEN 13 THEN 'kind' ELSE 'category' END AS dim,
              source, month, kind, category, scale, count(*)::int AS n,
              count(*) FILTER (WHERE (scale = 'csat' AND score >= 4) OR (scale = 'nps' AND score >= 9))::int AS high,
              count(*) FILTER (WHERE scale = 'nps' AND score <= 6)::int AS low,
              sum(score)::int AS total
         FROM (SELECT r.source, to_char(r.created_at AT TIME ZONE ${TZ}, 'YYYY-MM') AS month, r.kind, r.topic AS category, r.scale, r.score
                 FROM report_ratings r WHERE ${where}) r
        GROUP BY GROUPING SETS ((source, scale), (month, source, scale), (kind, scale), (category, scale))`,
      p,
    ),
    db.query<{
      day: string;
      source: 'service' | 'website';
      scale: string;
      score: number;
      kind: string | null;
      topic: string | null;
      comment: string;
    }>(
      `SELECT to_char(r.created_at AT TIME ZONE ${TZ}, 'YYYY-MM-DD') AS day, r.source, r.scale, r.score, r.kind,
              coalesce(r.topic, t.context) AS topic, t.comment
         FROM report_ratings r JOIN ratings t ON t.id = r.id
        WHERE ${where} AND t.comment IS NOT NULL AND t.comment <> ''
        ORDER BY r.created_at DESC, r.id LIMIT ${COMMENT_LIMIT}`,
      p,
    ),
  ]);
  const result: Report['satisfaction'] = {
    service: emptySatisfaction(),
    website: emptySatisfaction(),
    byMonth: [],
    byKind: [],
    byCategory: [],
    comments: comments.rows,
  };
  const keyed = (list: { key: string; satisfaction: Satisfaction }[], key: string) => {
    let entry = list.find((item) => item.key === key);
    if (!entry) list.push((entry = { key, satisfaction: emptySatisfaction() }));
    return entry.satisfaction;
  };
  for (const row of groups.rows) {
    if (row.dim === 'source') addRating(result[row.source!], row);
    else if (row.dim === 'month') {
      let month = result.byMonth.find((item) => item.month === row.month);
      if (!month)
        result.byMonth.push(
          (month = { month: row.month!, service: emptySatisfaction(), website: emptySatisfaction() }),
        );
      addRating(month[row.source!], row);
    } else if (row.dim === 'kind' && row.kind !== null) addRating(keyed(result.byKind, row.kind), row);
    else if (row.dim === 'category' && row.category !== null) addRating(keyed(result.byCategory, row.category), row);
  }
  result.byMonth.sort((a, b) => a.month.localeCompare(b.month));
  result.byKind.sort((a, b) => a.key.localeCompare(b.key));
  result.byCategory.sort((a, b) => a.key.localeCompare(b.key));
  return result;
}

/** Walk-ins recorded for the period's days, by day and by purpose. */
async function visitors(db: Queryable, period: Period): Promise<Report['visitors']> {
  const { rows } = await db.query<{ day: string | null; purpose: string | null; n: number }>(
    `SELECT to_char(day, 'YYYY-MM-DD') AS day, purpose, sum(count)::int AS n FROM visitor_log
      WHERE day >= $1::date AND day <= $2::date GROUP BY GROUPING SETS ((day), (purpose))`,
    [period.from, period.to],
  );
  const byDay = rows.filter((row) => row.day !== null).map((row) => ({ key: row.day!, count: row.n }));
  const byPurpose = rows.filter((row) => row.purpose !== null).map((row) => ({ key: row.purpose!, count: row.n }));
  return {
    total: byDay.reduce((sum, row) => sum + row.count, 0),
    byDay: byDay.sort((a, b) => a.key.localeCompare(b.key)),
    byPurpose: byPurpose.sort(byCountThenKey),
  };
}

/** The few headline figures of a comparison period. */
export async function summarize(
  db: Database,
  period: Period,
  kind: SubmissionKind | undefined,
): Promise<PeriodSummary> {
  const p = params(period, kind);
  const [byKind, response, csat, walkIns] = await Promise.all([
    db.query<{ kind: string; n: number }>(
      `SELECT s.kind, sum(s.n)::int AS n FROM report_daily s WHERE ${IN_PERIOD} GROUP BY s.kind HAVING sum(s.n) > 0`,
      p,
    ),
    db.query<{ p50: number | null }>(
      `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM s.first_response_at - s.received_at))::float8 AS p50
         FROM report_cases s WHERE ${IN_PERIOD}`,
      p,
    ),
    db.query<{ n: number; high: number }>(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE r.score >= 4)::int AS high
         FROM report_ratings r
        WHERE r.source = 'service' AND r.scale = 'csat' AND r.created_at >= $1 AND r.created_at < $2 AND ($3::text IS NULL OR r.kind = $3)`,
      instants(period, kind),
    ),
    visitorTotal(db, period),
  ]);
  const kinds = byKind.rows.map((row) => ({ key: row.kind, count: row.n })).sort(byCountThenKey);
  return {
    period: describePeriod(period),
    submissions: kinds.reduce((sum, row) => sum + row.count, 0),
    byKind: kinds,
    visitors: walkIns,
    serviceCsatPercent: percent(csat.rows[0]?.high ?? 0, csat.rows[0]?.n ?? 0),
    firstResponseMedianHours: hours(response.rows[0]?.p50 ?? null),
  };
}

async function visitorTotal(db: Queryable, period: Period): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `SELECT coalesce(sum(count), 0)::int AS n FROM visitor_log WHERE day >= $1::date AND day <= $2::date`,
    [period.from, period.to],
  );
  return rows[0]?.n ?? 0;
}

export type Figures = Pick<
  Report,
  'counts' | 'actions' | 'times' | 'deadlines' | 'overdue' | 'satisfaction' | 'visitors'
>;

export async function computeFigures(
  db: Database,
  period: Period,
  kind: SubmissionKind | undefined,
  now: Date,
): Promise<Figures> {
  const p = params(period, kind);
  const [countsResult, actionsResult, timesResult, overdueResult, satisfaction, walkIns] = await Promise.all([
    counts(db, p),
    actions(db, period, kind),
    times(db, p, now),
    overdue(db, p, now),
    ratings(db, instants(period, kind)),
    visitors(db, period),
  ]);
  return {
    counts: countsResult,
    actions: actionsResult,
    ...timesResult,
    overdue: overdueResult,
    satisfaction,
    visitors: walkIns,
  };
}
