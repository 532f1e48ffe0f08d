/** The outbox as staff see it: a case's messages, and a resend that queues a fresh copy. */
import type { StaffMessage } from '../../src/contract/notifications.js';
import type { Queryable } from '../db/database.js';
import { randomId } from '../crypto.js';
import { iso } from '../dates.js';

interface Row {
  id: string;
  event: StaffMessage['event'];
  channel: StaffMessage['channel'];
  state: StaffMessage['state'];
  attempts: number;
  last_error: string | null;
  provider_id: string | null;
  created_at: Date;
  updated_at: Date;
  sent_at: Date | null;
  next_attempt_at: Date;
  resend_of: string | null;
}

const COLUMNS =
  'id, event, channel, state, attempts, last_error, provider_id, created_at, updated_at, sent_at, next_attempt_at, resend_of';

function toMessage(row: Row): StaffMessage {
  return {
    id: row.id,
    event: row.event,
    channel: row.channel,
    state: row.state,
    attempts: row.attempts,
    ...(row.last_error ? { lastError: row.last_error } : {}),
    ...(row.provider_id ? { providerId: row.provider_id } : {}),
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    ...(row.sent_at ? { sentAt: iso(row.sent_at) } : {}),
    ...(row.state === 'queued' ? { nextAttemptAt: iso(row.next_attempt_at) } : {}),
    ...(row.resend_of ? { resendOf: row.resend_of } : {}),
  };
}

export async function listMessages(db: Queryable, reference: string): Promise<StaffMessage[]> {
  const { rows } = await db.query<Row>(`SELECT ${COLUMNS} FROM messages WHERE reference = $1 ORDER BY created_at, id`, [
    reference,
  ]);
  return rows.map(toMessage);
}

/**
 * Queues a copy of a finished message (sent, failed or not configured) under a new id:
 * the same id would be dropped as a repeat by a receiver that already has it.
 */
export async function resendMessage(
  tx: Queryable,
  reference: string,
  id: string,
): Promise<StaffMessage | 'not_found' | 'pending'> {
  const { rows } = await tx.query<{ state: string }>(
    'SELECT state FROM messages WHERE id = $1 AND reference = $2 FOR UPDATE',
    [id, reference],
  );
  const original = rows[0];
  if (!original) return 'not_found';
  if (original.state === 'queued' || original.state === 'sending') return 'pending';
  const copyId = randomId();
  const copy = await tx.query<Row>(
    `INSERT INTO messages (id, reference, event, event_key, channel, locale, params, state, next_attempt_at, created_at, updated_at, resend_of)
     SELECT $1, reference, event, event_key || ':resend:' || $1, channel, locale, params, 'queued', now(), now(), now(), id
       FROM messages WHERE id = $2
     RETURNING ${COLUMNS}`,
    [copyId, id],
  );
  return toMessage(copy.rows[0]!);
}
