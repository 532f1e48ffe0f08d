/**
 * Reports for the general manager and the daily visitor log:
 *   GET  /v1/staff/reports        the period's figures (manager, admin)
 *   GET  /v1/staff/reports.xlsx   the same as an Excel workbook (manager, admin)
 *   GET  /v1/staff/visitors       walk-ins recorded for a range of days (officer, manager, admin)
 *   POST /v1/staff/visitors       record walk-ins for a day (officer, manager, admin)
 * No personal data in any answer; every view, export and entry writes one audit row.
 */
import { Hono } from 'hono';
import { reportQuery, visitorEntryInput, visitorListQuery } from '../../src/contract/reports.js';
import { toFieldErrors } from '../../src/contract/issues.js';
import { writeAudit } from '../audit/audit-log.js';
import { requireRole } from '../auth/actor.js';
import { readJson } from '../http/body.js';
import type { AppEnv, AppState } from '../context.js';
import { ASSOCIATION_TIME_ZONE, localDay } from '../dates.js';
import { validationProblem } from '../http/problem.js';
import { buildReport } from '../reports/report.js';
import { parseStrictQuery } from '../reports/query.js';
import { listVisitors, recordVisitors } from '../reports/visitors.js';
import { reportWorkbook } from '../reports/xlsx.js';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function staffReportRoutes(state: AppState): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/v1/staff/reports', async (c) => {
    const actor = requireRole(c, 'manager', 'admin');
    const query = parseStrictQuery(reportQuery, c);
    const now = state.now();
    const report = await buildReport(state.staffDb, query, state.formConfig, now);
    await writeAudit(state.db, {
      actor,
      action: 'report.view',
      target: `${report.period.from}/${report.period.to}`,
      ip: c.get('clientIp'),
      details: { period: query.period, kind: query.kind ?? null },
      at: now,
    });
    return c.json(report);
  });

  app.get('/v1/staff/reports.xlsx', async (c) => {
    const actor = requireRole(c, 'manager', 'admin');
    const query = parseStrictQuery(reportQuery, c);
    const lang = query.lang ?? 'ar';
    const now = state.now();
    const report = await buildReport(state.staffDb, query, state.formConfig, now);
    const body = await reportWorkbook(report, lang, state.formConfig);
    await writeAudit(state.db, {
      actor,
      action: 'report.export',
      target: `${report.period.from}/${report.period.to}`,
      ip: c.get('clientIp'),
      details: { period: query.period, kind: query.kind ?? null, format: 'xlsx', lang },
      at: now,
    });
    const name = `sila-report-${query.at ?? `${report.period.from}_${report.period.to}`}-${lang}.xlsx`;
    return c.body(new Uint8Array(body), 200, {
      'Content-Type': XLSX_TYPE,
      'Content-Disposition': `attachment; filename="${name}"`,
    });
  });

  app.get('/v1/staff/visitors', async (c) => {
    requireRole(c, 'officer', 'manager', 'admin');
    const query = parseStrictQuery(visitorListQuery, c);
    const today = localDay(state.now(), ASSOCIATION_TIME_ZONE);
    const to = query.to ?? today;
    const from = query.from ?? new Date(Date.parse(`${to}T00:00:00Z`) - 6 * 86_400_000).toISOString().slice(0, 10);
    if (from > to) throw validationProblem([{ path: 'from', code: 'invalid_date', message: 'Not a valid date.' }]);
    return c.json(await listVisitors(state.staffDb, from, to));
  });

  app.post('/v1/staff/visitors', async (c) => {
    const actor = requireRole(c, 'officer', 'manager', 'admin');
    const parsed = visitorEntryInput.safeParse(await readJson(c, state.limits));
    if (!parsed.success) throw validationProblem(toFieldErrors(parsed.error.issues));
    const now = state.now();
    // Walk-ins are recorded on or after the day: never for a day still to come.
    if (parsed.data.day > localDay(now, ASSOCIATION_TIME_ZONE)) {
      throw validationProblem([{ path: 'day', code: 'invalid_date', message: 'The day is in the future.' }]);
    }
    const entry = await state.db.transaction(async (tx) => {
      const created = await recordVisitors(tx, parsed.data, actor, now);
      await writeAudit(tx, {
        actor,
        action: 'visitors.record',
        target: created.id,
        ip: c.get('clientIp'),
        details: { day: created.day, purpose: created.purpose, count: created.count },
        at: now,
      });
      return created;
    });
    return c.json(entry, 201);
  });
  return app;
}
