/** Reading the audit log: filters, newest first, keyset paging on the row id. */
import type { AuditQuery } from '../../src/contract/staff-auth.js';
import type { Queryable } from '../db/database.js';
import { lowerBound, upperBound } from '../staff/filters.js';

export interface AuditRow {
  id: string | number;
  at: Date;
  actor_id: string | null;
  actor_label: string;
  actor_role: string | null;
  action: string;
  target: string | null;
  ip: string;
  details: Record<string, string | number | boolean | null>;
}

export function toAuditEntry(row: AuditRow) {
  return {
    id: String(row.id),
    at: new Date(row.at).toISOString(),
    actorId: row.actor_id,
    actorLabel: row.actor_label,
    actorRole: row.actor_role,
    action: row.action,
    target: row.target,
    ip: row.ip,
    details: row.details ?? {},
  };
}

/** Rows matching the filters, newest first, after the cursor; at most `limit`. */
export async function queryAudit(q: Queryable, query: AuditQuery, limit: number): Promise<AuditRow[]> {
  const conditions: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    conditions.push(sql.replace('?', `$${params.length}`));
  };
  if (query.from) add('at >= ?', lowerBound(query.from));
  if (query.to) add('at < ?', upperBound(query.to));
  // "api-token" names the integration token, which has no account id.
  if (query.actor === 'api-token') conditions.push(`actor_role = 'token'`);
  else if (query.actor) add('actor_id = ?', query.actor);
  if (query.action) add('action = ?', query.action);
  if (query.target) add('target = ?', query.target);
  if (query.cursor) add('id < ?', query.cursor);
  params.push(limit);
  const { rows } = await q.query<AuditRow>(
    `SELECT * FROM audit_log ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''} ORDER BY id DESC LIMIT $${params.length}`,
    params,
  );
  return rows;
}
