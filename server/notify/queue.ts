/**
 * The outbox's front door: called inside the transaction of the change that causes a
 * message, so the message exists exactly when the change does.
 */
import type { Queryable } from '../db/database.js';
import { randomId } from '../crypto.js';
import { caseContact } from './recipient.js';

export const CASE_EVENTS = ['received', 'status', 'needs_info', 'decision', 'closed', 'reminder'] as const;
export type CaseEvent = (typeof CASE_EVENTS)[number];

export interface CaseMessageEvent {
  reference: string;
  event: CaseEvent;
  /** The new status (status, needs_info, decision, closed). */
  status?: string;
  /**
   * The note the applicant sees: the public note, the needs_info question, the decision's
   * public note. Never pass an internal note.
   */
  note?: string;
  /** When the change happened (the history entry's time). */
  at: Date;
}

export interface QueuedMessage {
  id: string;
}

/** One message per occurrence of an event on a case: the same call twice queues one. */
export function eventKey(event: CaseMessageEvent): string {
  if (event.event === 'received') return 'received';
  return `${event.event}:${event.status ?? ''}:${event.at.toISOString()}`;
}

/**
 * Queues the message for this event, or nothing (undefined) when the case gets none:
 * anonymous, no consent, no address, or a status change without a public note.
 */
export async function queueCaseMessage(tx: Queryable, event: CaseMessageEvent): Promise<QueuedMessage | undefined> {
  if (event.event === 'status' && !event.note?.trim()) return undefined;
  const contact = await caseContact(tx, event.reference);
  if (!contact) return undefined;
  const params = {
    ...(event.status ? { status: event.status } : {}),
    ...(event.note?.trim() ? { note: event.note.trim() } : {}),
    at: event.at.toISOString(),
  };
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO messages (id, reference, event, event_key, channel, locale, params, state, next_attempt_at, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, 'queued', now(), $8, $8)
     ON CONFLICT (reference, event_key) DO NOTHING RETURNING id`,
    [
      randomId(),
      event.reference,
      event.event,
      eventKey(event),
      contact.channel,
      contact.locale,
      JSON.stringify(params),
      event.at,
    ],
  );
  return rows[0];
}
