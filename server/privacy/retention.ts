/**
 * The retention rules (association config `retention`): closed cases anonymised N months
 * after they were closed, their attachments deleted after M months. Applied once a day by
 * server/maintenance.ts; several instances may try: the first to claim the day in
 * maintenance_runs runs it, and every case is locked with SKIP LOCKED besides. Each case
 * touched gets one audit row with the actor 'system'.
 */
import { FINAL_STATUSES } from '../../src/contract/status.js';
import { writeAudit } from '../audit/audit-log.js';
import type { Database, Queryable } from '../db/database.js';
import { localDay } from '../dates.js';
import { eraseCase } from './erase.js';
import { ERASED_NOTE } from './erase-request.js';
import { addPrivacyEntry, type LockedCase } from './locked-case.js';

export interface RetentionRules {
  /** Closed cases: the person's data erased this many months after the case was closed. */
  anonymiseClosedAfterMonths?: number;
  /** Closed cases: attachments deleted this many months after the case was closed. */
  deleteAttachmentsAfterMonths?: number;
}

export interface RetentionReport {
  anonymised: number;
  attachmentsDeleted: number;
}

const BATCH = 100;
const SYSTEM = { label: 'system', id: null };
const FINAL = `(${FINAL_STATUSES.map((status) => `'${status}'`).join(', ')})`;
/** When the case reached its final status: its last status change. */
const CLOSED_AT = `coalesce((SELECT max(h.at) FROM submission_history h
                              WHERE h.reference = s.reference AND h.type = 'status'), s.received_at)`;

export function monthsBefore(now: Date, months: number): Date {
  const date = new Date(now);
  date.setUTCMonth(date.getUTCMonth() - months);
  return date;
}

async function anonymiseClosed(db: Database, months: number, now: Date): Promise<number> {
  const cutoff = monthsBefore(now, months);
  let total = 0;
  for (;;) {
    const done = await db.transaction(async (tx) => {
      const { rows } = await tx.query<LockedCase>(
        `SELECT s.reference, s.kind, s.status, s.version, s.payload, s.anonymised_at FROM submissions s
          WHERE s.anonymised_at IS NULL AND s.status IN ${FINAL} AND s.received_at < $1 AND ${CLOSED_AT} < $1
          ORDER BY s.received_at LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`,
        [cutoff],
      );
      for (const row of rows) {
        const removed = await eraseCase(tx, row.reference, row.payload, now);
        const version = row.version + 1;
        await tx.query('UPDATE submissions SET version = $2, updated_at = $3 WHERE reference = $1', [
          row.reference,
          version,
          now,
        ]);
        await addPrivacyEntry(tx, row, version, SYSTEM, ERASED_NOTE, now);
        await audit(tx, 'retention.anonymise', row.reference, now, {
          months,
          attachmentsDeleted: removed.attachments,
          version,
        });
      }
      return rows.length;
    });
    total += done;
    if (done < BATCH) return total;
  }
}

async function deleteOldAttachments(db: Database, months: number, now: Date): Promise<number> {
  const cutoff = monthsBefore(now, months);
  let total = 0;
  for (;;) {
    const cases = await db.transaction(async (tx) => {
      const { rows } = await tx.query<{ reference: string }>(
        `SELECT s.reference FROM submissions s
          WHERE s.status IN ${FINAL} AND s.received_at < $1 AND ${CLOSED_AT} < $1
            AND EXISTS (SELECT 1 FROM attachments f WHERE f.reference = s.reference)
          ORDER BY s.received_at LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`,
        [cutoff],
      );
      for (const row of rows) {
        const removed = await tx.query('DELETE FROM attachments WHERE reference = $1 RETURNING id', [row.reference]);
        total += removed.rows.length;
        await audit(tx, 'retention.attachments', row.reference, now, { months, deleted: removed.rows.length });
      }
      return rows.length;
    });
    if (cases < BATCH) return total;
  }
}

function audit(
  tx: Queryable,
  action: 'retention.anonymise' | 'retention.attachments',
  reference: string,
  at: Date,
  details: Record<string, number>,
): Promise<void> {
  return writeAudit(tx, { actor: null, system: true, action, target: reference, ip: 'server', details, at });
}

/**
 * Applies the rules once for the association's day of `now`; undefined when another
 * instance (or an earlier run today) has it, or when there are no rules.
 */
export async function applyRetention(
  db: Database,
  rules: RetentionRules | undefined,
  now: Date,
): Promise<RetentionReport | undefined> {
  if (!rules?.anonymiseClosedAfterMonths && !rules?.deleteAttachmentsAfterMonths) return undefined;
  const claimed = await db.query(
    `INSERT INTO maintenance_runs (job, day, started_at) VALUES ('retention', $1, $2)
     ON CONFLICT (job, day) DO NOTHING RETURNING job`,
    [localDay(now), now],
  );
  if (claimed.rows.length === 0) return undefined;
  const report: RetentionReport = { anonymised: 0, attachmentsDeleted: 0 };
  // Attachments first: a case anonymised now loses its files either way.
  if (rules.deleteAttachmentsAfterMonths) {
    report.attachmentsDeleted = await deleteOldAttachments(db, rules.deleteAttachmentsAfterMonths, now);
  }
  if (rules.anonymiseClosedAfterMonths) {
    report.anonymised = await anonymiseClosed(db, rules.anonymiseClosedAfterMonths, now);
  }
  await db.query(
    `UPDATE maintenance_runs SET finished_at = $3, details = $4::jsonb WHERE job = 'retention' AND day = $1 AND started_at = $2`,
    [localDay(now), now, now, JSON.stringify(report)],
  );
  return report;
}
