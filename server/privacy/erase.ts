/**
 * Erasing a person's data from one case (PDPL right to erasure, and the retention rules):
 * what names or describes the person goes, what the association must still count stays.
 *
 * Gone: the applicant/contact, household, subject, description and the client's details
 * from the payload; the search columns; free text in the timeline, the decision and the
 * rating comment; the text of queued messages; every attachment; the lookup verifier
 * (nobody can look the case up any more).
 * Kept: the case's existence, reference, kind, channel, service or category, dates,
 * status and version, the decision itself, the rating's score, the report rollups
 * (migration 005: no personal data in them), the audit log, and one audit row for this.
 */
import type { Queryable } from '../db/database.js';
import { randomCode, sha256 } from '../crypto.js';

/** Payload keys that name nobody: what the reports and the case list still need. */
const KEPT_PAYLOAD_KEYS = [
  'kind',
  'category',
  'service',
  'audience',
  'channel',
  'anonymous',
  'contactChannel',
  'declaration',
  'consent',
] as const;

export function scrubbedPayload(payload: Record<string, unknown>): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  for (const key of KEPT_PAYLOAD_KEYS) if (key in payload) kept[key] = payload[key];
  return { ...kept, anonymised: true };
}

export interface ErasedCounts {
  attachments: number;
}

/**
 * Each step scrubs one table for one case. A table added later that holds a person's
 * text or files (replies, uploads) adds its line here.
 */
const ERASE_STEPS: Array<(tx: Queryable, reference: string) => Promise<unknown>> = [
  (tx, reference) =>
    tx.query('UPDATE submission_history SET note = NULL WHERE reference = $1 AND note IS NOT NULL', [reference]),
  (tx, reference) =>
    tx.query('UPDATE ratings SET comment = NULL WHERE reference = $1 AND comment IS NOT NULL', [reference]),
  // Sent messages keep their record (what was sent when), not their text.
  (tx, reference) =>
    tx.query(
      `UPDATE messages SET params = params - 'note', last_error = NULL,
              state = CASE WHEN state = 'queued' THEN 'failed' ELSE state END
        WHERE reference = $1`,
      [reference],
    ),
];

/** Erases the person's data from a locked case; returns what it removed. The caller audits. */
export async function eraseCase(
  tx: Queryable,
  reference: string,
  payload: Record<string, unknown>,
  now: Date,
): Promise<ErasedCounts> {
  const removed = await tx.query('DELETE FROM attachments WHERE reference = $1 RETURNING id', [reference]);
  for (const step of ERASE_STEPS) await step(tx, reference);
  await tx.query(
    `UPDATE submissions SET payload = $2::jsonb, search_name = NULL, national_id_hash = NULL, mobile_hash = NULL,
            email_hash = NULL,
            decision_reason = NULL, decision_note = NULL, anonymised_at = $3,
            -- A hash no verifier will ever match: the lookup answers as for a wrong code.
            verifier_hash = $4
      WHERE reference = $1`,
    [reference, JSON.stringify(scrubbedPayload(payload)), now, sha256(`erased:${randomCode(32)}`).toString('hex')],
  );
  return { attachments: removed.rows.length };
}
