/**
 * The staff API's CSV export (integrations, with personal data: the token only) and
 * statistics (manager, admin, token). Authentication is server/auth/middleware.ts; the
 * case routes are in staff-cases.ts, the reports in staff-reports.ts. Answers are never
 * cached, never logged.
 */
import { Hono } from 'hono';
import { formatReference } from '../../src/contract/identifiers.js';
import { csvExportQuery, statsQuery } from '../../src/contract/reports.js';
import { writeAudit } from '../audit/audit-log.js';
import { requireRole } from '../auth/actor.js';
import type { AppEnv, AppState } from '../context.js';
import { ASSOCIATION_TIME_ZONE, localDay } from '../dates.js';
import { exportCsv } from '../staff/csv.js';
import { exportRows } from '../staff/queries.js';
import { computeStats } from '../staff/stats.js';
import { parseStrictQuery } from '../reports/query.js';

export { CSV_HEADER } from '../staff/csv.js';

export function staffRoutes(state: AppState): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('/v1/staff/*', async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
  });

  app.get('/v1/staff/export.csv', async (c) => {
    const actor = requireRole(c, 'token');
    const query = parseStrictQuery(csvExportQuery, c);
    const now = state.now();
    const rows = await exportRows(state.db, query, now);
    await writeAudit(state.db, {
      actor,
      action: 'case.export',
      ip: c.get('clientIp'),
      details: { format: 'csv', rows: rows.length, lang: query.lang ?? null },
      at: now,
    });
    // As people see and read it out (S-KR2H-23YM-W08C), so a search in the sheet finds it.
    const csv = exportCsv(
      rows.map((row) => ({ ...row, reference: formatReference(row.reference) })),
      query.lang,
      state.formConfig,
    );
    return c.body(csv, 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="sila-export-${localDay(now, ASSOCIATION_TIME_ZONE)}.csv"`,
    });
  });

  app.get('/v1/staff/stats', async (c) => {
    requireRole(c, 'manager', 'admin', 'token');
    const query = parseStrictQuery(statsQuery, c);
    return c.json(await computeStats(state.db, query, state.now()));
  });
  return app;
}
