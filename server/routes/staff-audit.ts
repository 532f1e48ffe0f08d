/** The audit log for admins: a page at a time (JSON) or everything that matches (CSV). Reading it is audited too. */
import { Hono, type Context } from 'hono';
import { auditQuery, type AuditQuery } from '../../src/contract/staff-auth.js';
import { requireRole } from '../auth/actor.js';
import { type AuditRow, queryAudit, toAuditEntry } from '../audit/audit-queries.js';
import { writeAudit } from '../audit/audit-log.js';
import type { AppEnv, AppState } from '../context.js';
import { ASSOCIATION_TIME_ZONE, localDateTime, localDay } from '../dates.js';
import { toCsv } from '../staff/csv.js';
import { queryProblem } from '../staff/params.js';
import { forbiddenTextErrors } from '../text-guard.js';

const DEFAULT_LIMIT = 50;
/** The CSV is read in pages of this many rows. */
const CSV_PAGE = 1000;
const ZONE_SUFFIX = `_${ASSOCIATION_TIME_ZONE.split('/').pop()!.toLowerCase()}`;
export const AUDIT_CSV_HEADER = [
  'id',
  `at${ZONE_SUFFIX}`,
  'actor_id',
  'actor',
  'role',
  'action',
  'target',
  'ip',
  'details',
] as const;

/** An unknown parameter is a 400, a bad value a 422 (queryProblem), never ignored. */
function parseAuditQuery(c: Context<AppEnv>): AuditQuery {
  const parsed = auditQuery.safeParse(c.req.query());
  if (!parsed.success) throw queryProblem(parsed.error.issues);
  const errors = forbiddenTextErrors(parsed.data);
  if (errors.length > 0) throw queryProblem([], errors);
  return parsed.data;
}

/** The filters as the audit row of the view records them (ids and dates only). */
function filterDetails(query: AuditQuery): Record<string, string | number> {
  const details: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(query)) if (value !== undefined) details[key] = value;
  return details;
}

export function staffAuditRoutes(state: AppState): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/v1/staff/audit', async (c) => {
    const actor = requireRole(c, 'admin');
    const query = parseAuditQuery(c);
    const limit = query.limit ?? DEFAULT_LIMIT;
    const rows = await state.db.transaction(async (tx) => {
      const found = await queryAudit(tx, query, limit + 1);
      await writeAudit(tx, {
        actor,
        action: 'audit.view',
        ip: c.get('clientIp'),
        details: filterDetails(query),
        at: state.now(),
      });
      return found;
    });
    const page = rows.slice(0, limit);
    return c.json({ items: page.map(toAuditEntry), nextCursor: rows.length > limit ? String(page.at(-1)!.id) : null });
  });

  app.get('/v1/staff/audit.csv', async (c) => {
    const actor = requireRole(c, 'admin');
    const query = parseAuditQuery(c);
    const now = state.now();
    const rows: AuditRow[] = [];
    await state.db.transaction(async (tx) => {
      let cursor = query.cursor;
      for (;;) {
        const page = await queryAudit(tx, { ...query, cursor }, CSV_PAGE);
        rows.push(...page);
        if (page.length < CSV_PAGE) break;
        cursor = String(page.at(-1)!.id);
      }
      await writeAudit(tx, {
        actor,
        action: 'audit.export',
        ip: c.get('clientIp'),
        details: { ...filterDetails(query), rows: rows.length },
        at: now,
      });
    });
    const csv = toCsv(
      AUDIT_CSV_HEADER,
      rows.map((row) => [
        String(row.id),
        localDateTime(new Date(row.at), ASSOCIATION_TIME_ZONE),
        row.actor_id,
        row.actor_label,
        row.actor_role,
        row.action,
        row.target,
        row.ip,
        JSON.stringify(row.details ?? {}),
      ]),
    );
    return c.body(csv, 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="sila-audit-${localDay(now, ASSOCIATION_TIME_ZONE)}.csv"`,
    });
  });
  return app;
}
