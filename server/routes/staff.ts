/**
 * The staff API under /v1/staff (bearer SILA_ADMIN_TOKEN): list, read, change status,
 * download attachments, export CSV, statistics. Answers carry personal data: never
 * cached, never logged.
 */
import type { Context, Hono } from 'hono';
import type * as z from 'zod/mini';
import { REFERENCE_PATTERN, formatReference, normalizeReference } from '../../src/contract/identifiers.js';
import { toFieldErrors } from '../../src/contract/issues.js';
import { staffListQuery, staffStatsQuery, staffStatusUpdate } from '../../src/contract/staff.js';
import { readJson } from '../body.js';
import type { AppEnv, AppState } from '../context.js';
import { ASSOCIATION_TIME_ZONE, localDateTime, localDay } from '../dates.js';
import { HttpProblem, validationProblem } from '../problem.js';
import { requireStaff } from '../staff/auth.js';
import { toCsv } from '../staff/csv.js';
import { forbiddenTextErrors } from '../text-guard.js';
import { changeStatus, exportRows, getAttachment, getSubmission, listSubmissions } from '../staff/queries.js';
import { computeStats } from '../staff/stats.js';

const NOT_FOUND = () => new HttpProblem(404, { code: 'not_found', detail: 'No submission has this reference.' });

const EXTENSIONS: Record<string, string> = { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png' };

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

function referenceParam(c: Context<AppEnv>): string {
  const reference = normalizeReference(c.req.param('reference') ?? '');
  if (!REFERENCE_PATTERN.test(reference)) throw NOT_FOUND();
  c.set('reference', reference);
  return reference;
}

function parseQuery<Schema extends z.ZodMiniType>(schema: Schema, c: Context): z.output<Schema> {
  const parsed = schema.safeParse(c.req.query());
  if (!parsed.success) throw validationProblem(toFieldErrors(parsed.error.issues));
  return parsed.data;
}

export function staffRoutes(app: Hono<AppEnv>, state: AppState): void {
  app.use('/v1/staff/*', async (c, next) => {
    requireStaff(c, state.adminToken);
    await next();
    c.header('Cache-Control', 'no-store');
  });

  app.get('/v1/staff/submissions', async (c) => {
    const query = parseQuery(staffListQuery, c);
    return c.json(await listSubmissions(state.db, query, state.now()));
  });

  app.get('/v1/staff/submissions/:reference', async (c) => {
    const detail = await getSubmission(state.db, referenceParam(c), state.now());
    if (!detail) throw NOT_FOUND();
    return c.json(detail);
  });

  app.post('/v1/staff/submissions/:reference/status', async (c) => {
    const reference = referenceParam(c);
    const parsed = staffStatusUpdate.safeParse(await readJson(c, state.limits));
    if (!parsed.success) throw validationProblem(toFieldErrors(parsed.error.issues));
    const unsafe = forbiddenTextErrors(parsed.data);
    if (unsafe.length > 0) throw validationProblem(unsafe);
    const now = state.now();
    if (!(await changeStatus(state.db, reference, parsed.data, now))) throw NOT_FOUND();
    return c.json(await getSubmission(state.db, reference, now));
  });

  app.get('/v1/staff/submissions/:reference/attachments/:id', async (c) => {
    const file = await getAttachment(state.db, referenceParam(c), c.req.param('id'));
    if (!file) throw new HttpProblem(404, { code: 'not_found', detail: 'No such attachment.' });
    const name = `${file.kind}.${EXTENSIONS[file.media_type] ?? 'bin'}`;
    return c.body(new Uint8Array(file.data), 200, {
      'Content-Type': file.media_type,
      // Always a download, never rendered in the staff member's browser.
      'Content-Disposition': `attachment; filename="${name}"`,
      'Content-Security-Policy': "sandbox; default-src 'none'",
    });
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
