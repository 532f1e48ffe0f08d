/**
 * The outbox mechanics both outboxes share (applicants' `messages`, staff `staff_notices`):
 * claim due rows with a lease (FOR UPDATE SKIP LOCKED), classify a send's outcome, record it
 * with exponential backoff and jitter, give up after the configured number of attempts.
 */
import type { Queryable } from '../db/database.js';
import { PermanentSendError, type SendResult } from './channels/channel.js';
import type { DeliverySettings } from './config.js';

export type OutboxTable = 'messages' | 'staff_notices';

export type Outcome =
  | { state: 'sent'; providerId?: string }
  | { state: 'failed' | 'not_configured'; reason: string }
  | { state: 'retry'; reason: string };

export interface ClaimedRow {
  id: string;
  attempts: number;
}

/** Messages claimed per round. */
export const BATCH = 20;

/** Exponential backoff with jitter between half and the whole step. */
export function backoffMs(attempt: number, baseMs: number, maxMs: number, random = Math.random): number {
  const step = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(step / 2 + random() * (step / 2));
}

/** Takes up to BATCH due rows for this sender: leased, attempts counted. */
export async function claimDue<Row extends ClaimedRow>(
  db: Queryable,
  table: OutboxTable,
  columns: string,
  leaseMs: number,
): Promise<Row[]> {
  const { rows } = await db.query<Row>(
    `UPDATE ${table} m
        SET state = 'sending', attempts = m.attempts + 1, updated_at = now(),
            locked_until = now() + make_interval(secs => $2::double precision / 1000)
       FROM (SELECT id FROM ${table}
              WHERE state IN ('queued', 'sending') AND next_attempt_at <= now()
                AND (locked_until IS NULL OR locked_until <= now())
              ORDER BY next_attempt_at
              LIMIT $1
              FOR UPDATE SKIP LOCKED) due
      WHERE m.id = due.id
     RETURNING ${columns
       .split(',')
       .map((column) => `m.${column.trim()}`)
       .join(', ')}`,
    [BATCH, leaseMs],
  );
  return rows;
}

/** Hands a claimed row back at once (the sender is stopping). */
export async function releaseClaim(db: Queryable, table: OutboxTable, id: string): Promise<void> {
  await db.query(
    `UPDATE ${table} SET state = 'queued', attempts = attempts - 1, locked_until = NULL WHERE id = $1 AND state = 'sending'`,
    [id],
  );
}

/** Runs one send and says what it means: sent, final refusal, or another try later. */
export async function attempt(row: ClaimedRow, maxAttempts: number, send: () => Promise<SendResult>): Promise<Outcome> {
  try {
    const result = await send();
    return { state: 'sent', providerId: result.providerId };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    if (error instanceof PermanentSendError) return { state: 'failed', reason };
    if (row.attempts >= maxAttempts)
      return { state: 'failed', reason: `gave up after ${row.attempts} attempts: ${reason}` };
    return { state: 'retry', reason };
  }
}

export async function recordOutcome(
  db: Queryable,
  table: OutboxTable,
  row: ClaimedRow,
  outcome: Outcome,
  settings: DeliverySettings,
): Promise<void> {
  if (outcome.state === 'sent') {
    await db.query(
      `UPDATE ${table} SET state = 'sent', sent_at = now(), updated_at = now(), locked_until = NULL, last_error = NULL, provider_id = $2
        WHERE id = $1`,
      [row.id, outcome.providerId ?? null],
    );
  } else if (outcome.state === 'retry') {
    await db.query(
      `UPDATE ${table} SET state = 'queued', updated_at = now(), locked_until = NULL, last_error = $2,
              next_attempt_at = now() + make_interval(secs => $3::double precision / 1000)
        WHERE id = $1`,
      [row.id, outcome.reason, backoffMs(row.attempts, settings.backoffBaseMs, settings.backoffMaxMs)],
    );
  } else {
    await db.query(
      `UPDATE ${table} SET state = $2, updated_at = now(), locked_until = NULL, last_error = $3 WHERE id = $1`,
      [row.id, outcome.state, outcome.reason],
    );
  }
}
