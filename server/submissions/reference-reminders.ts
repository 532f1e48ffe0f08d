/**
 * "Forgot my reference number": the cases made with a mobile or an e-mail, and one
 * outbox message per case (event `reminder`) to the address on record, in the same
 * transaction as the audit row. Found or not, the caller learns nothing: the route
 * answers the same, and the message goes only to that mobile or mailbox.
 */
import { createHmac } from 'node:crypto';
import { writeAudit } from '../audit/audit-log.js';
import type { Database } from '../db/database.js';
import { queueCaseMessage } from '../notify/queue.js';
import { currentSecret, deriveKey } from '../privacy/data-key.js';
import { emailSearchHash, mobileSearchHash } from '../staff/search-index.js';

/** The most recent cases a reminder names: enough for one person, never a list to mine. */
export const MAX_REMINDED_CASES = 5;

export type ReminderContact = { mobile: string } | { email: string };

/** A keyed hash of the contact: what per-contact limits count by (never the address). */
export function contactKey(contact: ReminderContact): string {
  const value = 'mobile' in contact ? `mobile:${contact.mobile}` : `email:${contact.email.trim().toLowerCase()}`;
  return createHmac('sha256', deriveKey(currentSecret(), 'sila-reminders').secret).update(value).digest('hex');
}

/** The references made with this contact, newest first. */
async function matchingReferences(db: Database, contact: ReminderContact): Promise<string[]> {
  // Keyed hashes with an index each (migrations 003 and 013): a lookup, never a scan of every case.
  const [column, hash] =
    'mobile' in contact
      ? ['mobile_hash', mobileSearchHash(contact.mobile) ?? '']
      : ['email_hash', emailSearchHash(contact.email)];
  const { rows } = await db.query<{ reference: string }>(
    `SELECT reference FROM submissions WHERE ${column} = $1 ORDER BY received_at DESC LIMIT ${MAX_REMINDED_CASES}`,
    [hash],
  );
  return rows.map((row) => row.reference);
}

/** Queues the reminders; returns how many messages were queued (for tests and the audit row). */
export async function queueReminders(db: Database, contact: ReminderContact, at: Date, ip: string): Promise<number> {
  const references = await matchingReferences(db, contact);
  return db.transaction(async (tx) => {
    let queued = 0;
    // Cases without consent or without an address get nothing (queueCaseMessage decides).
    for (const reference of references) if (await queueCaseMessage(tx, { reference, event: 'reminder', at })) queued++;
    await writeAudit(tx, {
      actor: null,
      action: 'reference.reminder',
      ip,
      details: { by: 'mobile' in contact ? 'mobile' : 'email', messages: queued },
      at,
    });
    return queued;
  });
}
