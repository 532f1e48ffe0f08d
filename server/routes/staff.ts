/**
 * The staff API's CSV export (integrations, with personal data: the token only) and
 * statistics (manager, admin, token). Authentication is server/auth/middleware.ts; the
 * case routes are in staff-cases.ts, the reports in staff-reports.ts. Answers are never
 * cached, never logged.
 */
import { Hono } from 'hono';
import { formatReference } from '../../src/contract/identifiers.js';
import { csvExportQuery, statsQuery } from '../../src/contract/reports.js';
import type * as z from 'zod/mini';
import { writeAudit, type AuditDetails } from '../audit/audit-log.js';
import { requireRole } from '../auth/actor.js';
import type { AppEnv, AppState } from '../context.js';
import { ASSOCIATION_TIME_ZONE, localDay } from '../dates.js';
import { sqlState } from '../db/database.js';
import { csvExportWriter } from '../staff/csv.js';
import { exportBatches } from '../staff/queries.js';
import { computeStats } from '../staff/stats.js';
import { parseStrictQuery } from '../reports/query.js';

export { CSV_HEADER } from '../staff/csv.js';

type CsvExportQuery = z.output<typeof csvExportQuery>;

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
    // Written before the first row leaves, with the filter that selects the rows: a file
    // that stops half-way (a client gone, a crash) was still read, and the row count is
    // only known at the end, after the answer's status and headers are sent.
    await writeAudit(state.db, {
      actor,
      action: 'case.export',
      ip: c.get('clientIp'),
      details: { format: 'csv', lang: query.lang ?? null, ...exportFilter(query) },
      at: now,
    });
    return c.body(csvStream(state, query, now), 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="sila-export-${localDay(now, ASSOCIATION_TIME_ZONE)}.csv"`,
    });
  });

  app.get('/v1/staff/stats', async (c) => {
    requireRole(c, 'manager', 'admin', 'token');
    const query = parseStrictQuery(statsQuery, c);
    // Shared for a few seconds between identical filters (SILA_STATS_CACHE_MS).
    return c.json(
      await state.statsCache.get(JSON.stringify(query), () => computeStats(state.staffDb, query, state.now())),
    );
  });
  return app;
}

/** The export's filter for the audit row: which filters, never the search text (it can be a name). */
function exportFilter(query: CsvExportQuery): AuditDetails {
  return {
    kind: query.kind ?? null,
    status: query.status ?? null,
    channel: query.channel ?? null,
    from: query.from ?? null,
    to: query.to ?? null,
    search: query.q ? true : null,
    overdue: query.overdue ?? null,
    dueSoon: query.dueSoon ?? null,
  };
}

/**
 * The CSV as a byte stream, one batch of rows per pull: at most one batch is read ahead of
 * what the client has taken, so memory stays flat whatever the row count. A client that goes away cancels the stream, which closes the cursor.
 */
function csvStream(state: AppState, query: CsvExportQuery, now: Date): ReadableStream<Uint8Array> {
  const writer = csvExportWriter(query.lang, state.formConfig);
  const batches = exportBatches(state.staffDb, query, now);
  const encoder = new TextEncoder();
  let started = false;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (!started) {
          started = true;
          controller.enqueue(encoder.encode(writer.header()));
          return;
        }
        try {
          const next = await batches.next();
          if (next.done) {
            controller.close();
            return;
          }
          // As people see and read it out (S-KR2H-23YM-W08C), so a search in the sheet finds it.
          const rows = next.value.map((row) => ({ ...row, reference: formatReference(row.reference) }));
          controller.enqueue(encoder.encode(writer.rows(rows)));
        } catch (error) {
          // The status line is already sent: the client sees a cut file, not a 200 that looks whole.
          process.stderr.write(
            `${JSON.stringify({ t: new Date().toISOString(), error: 'export_failed', sqlState: sqlState(error) })}\n`,
          );
          controller.error(error);
        }
      },
      async cancel() {
        await batches.return(undefined);
      },
    },
    // One batch ahead at most: the next is read while this one goes to the socket.
    { highWaterMark: 1 },
  );
}
