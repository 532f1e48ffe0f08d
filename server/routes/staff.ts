/**
 * The staff API under /v1/staff: authentication for every staff route, the CSV export
 * and statistics (the case routes are in staff-cases.ts). Answers carry personal data:
 * never cached, never logged.
 */
import type { Hono } from 'hono';
import { formatReference } from '../../src/contract/identifiers.js';
import { staffListQuery, staffStatsQuery } from '../../src/contract/staff.js';
import type { AppEnv, AppState } from '../context.js';
import { ASSOCIATION_TIME_ZONE, localDateTime, localDay } from '../dates.js';
import { requireStaff } from '../staff/auth.js';
import { toCsv } from '../staff/csv.js';
import { parseQuery } from '../staff/params.js';
import { exportRows } from '../staff/queries.js';
import { computeStats } from '../staff/stats.js';

/**
 * Times are the association's wall-clock time ("2025-02-01 01:00:00", which spreadsheets
 * read as a date-time), and their columns say which zone: received_at_riyadh, …
 */
const ZONE_SUFFIX = `_${ASSOCIATION_TIME_ZONE.split('/').pop()!.toLowerCase()}`;
export const CSV_HEADER = [
  'reference',
  'kind',
  'status',
  'channel',
  `received_at${ZONE_SUFFIX}`,
  `updated_at${ZONE_SUFFIX}`,
  `expected_decision_by${ZONE_SUFFIX}`,
  'overdue',
  'name',
  'mobile',
  'email',
  'topic',
  'subject',
  'description',
  'rating_scale',
  'rating_score',
] as const;

export function staffRoutes(app: Hono<AppEnv>, state: AppState): void {
  app.use('/v1/staff/*', async (c, next) => {
    requireStaff(c, state.adminToken);
    await next();
    c.header('Cache-Control', 'no-store');
  });

  app.get('/v1/staff/export.csv', async (c) => {
    const query = parseQuery(staffListQuery, c);
    const now = state.now();
    const rows = await exportRows(state.db, query, now);
    const local = (date: Date | null) => (date ? localDateTime(date, ASSOCIATION_TIME_ZONE) : null);
    const csv = toCsv(
      CSV_HEADER,
      rows.map((row) => [
        // As people see and read it out (S-KR2H-23YM-W08C), so a search in the sheet finds it.
        formatReference(row.reference),
        row.kind,
        row.status,
        row.channel,
        local(row.received_at),
        local(row.updated_at),
        local(row.expected_decision_by),
        row.overdue ? 'yes' : 'no',
        row.name,
        row.mobile,
        row.email,
        row.topic,
        row.subject,
        row.description,
        row.rating_scale,
        row.rating_score,
      ]),
    );
    return c.body(csv, 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="sila-export-${localDay(now, ASSOCIATION_TIME_ZONE)}.csv"`,
    });
  });

  app.get('/v1/staff/stats', async (c) => {
    const query = parseQuery(staffStatsQuery, c);
    return c.json(await computeStats(state.db, query, state.now()));
  });
}
