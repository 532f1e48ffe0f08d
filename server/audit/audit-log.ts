/**
 * The append-only audit log: one row per action, written by the caller inside the same
 * transaction as the change it records (pass the transaction as `q`). Ids, never
 * personal data, go in `target` and `details`. Nothing updates or deletes these rows
 * (a trigger in migration 002 refuses it).
 */
import { AUDIT_ACTIONS, type AuditAction } from '../../src/contract/staff-auth.js';
import type { StaffActor } from '../auth/actor.js';
import { actorLabel } from '../auth/actor.js';
import type { Queryable } from '../db/database.js';

export { AUDIT_ACTIONS, type AuditAction };

export type AuditDetails = Record<string, string | number | boolean | null>;

export interface AuditEntry {
  /** null: nobody signed in (e.g. a failed sign-in), or the server itself (see `system`). */
  actor: StaffActor | null;
  /** The server's own jobs (retention): recorded as actor 'system' instead of 'anonymous'. */
  system?: boolean;
  action: AuditAction;
  /** What the action was about: a case reference, an account id, a setting name. */
  target?: string;
  ip: string;
  details?: AuditDetails;
  at: Date;
}

export async function writeAudit(q: Queryable, entry: AuditEntry): Promise<void> {
  const actor = entry.actor;
  await q.query(
    `INSERT INTO audit_log (at, actor_id, actor_label, actor_role, action, target, ip, details)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb)`,
    [
      entry.at,
      actor?.kind === 'account' ? actor.id : null,
      actor ? actorLabel(actor) : entry.system ? 'system' : 'anonymous',
      actor?.kind === 'account' ? actor.role : actor ? 'token' : entry.system ? 'system' : null,
      entry.action,
      entry.target ?? null,
      entry.ip,
      JSON.stringify(entry.details ?? {}),
    ],
  );
}
