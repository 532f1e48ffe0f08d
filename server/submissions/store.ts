/** SQL for submissions: create one (with its first history entry and files) and read the public view. */
import type { Queryable } from '../db/database.js';
import { generateReference, type ReferenceKind } from '../../src/contract/identifiers.js';
import type { CheckedFile } from '../attachments.js';
import { iso } from '../dates.js';
import { queueCaseMessage } from '../notify/queue.js';
import { currentFieldKey, sealPayload } from '../privacy/sealing.js';
import { searchColumns } from '../staff/search-index.js';
import { insertAttachment } from '../storage/attachment-rows.js';
import { verifierHash } from './verifier.js';

export interface AcceptanceRecord {
  accepted: boolean;
  version: string;
  acceptedAt: string;
}

export interface NewSubmission {
  kind: ReferenceKind;
  channel: string;
  payload: Record<string, unknown>;
  declaration?: AcceptanceRecord;
  consent?: AcceptanceRecord;
  verifier: string;
  locale?: string;
  receivedAt: Date;
  expectedDecisionBy?: Date;
  files: CheckedFile[];
}

export interface CreatedSubmission {
  reference: string;
  attachments: { id: string; kind: string; size: number }[];
}

const MAX_REFERENCE_TRIES = 5;

export async function insertSubmission(tx: Queryable, s: NewSubmission): Promise<CreatedSubmission> {
  let reference: string | undefined;
  const search = searchColumns(s.payload);
  // The national ID and mobile are stored encrypted (server/privacy/sealing.ts).
  const key = currentFieldKey();
  const stored = JSON.stringify(sealPayload(s.payload, key));
  // 60 random bits make a collision very unlikely, not impossible: draw again on one.
  for (let tries = 0; !reference && tries < MAX_REFERENCE_TRIES; tries++) {
    const candidate = generateReference(s.kind);
    const { rows } = await tx.query(
      `INSERT INTO submissions (reference, kind, status, channel, payload, declaration, consent, verifier_hash,
                                locale, received_at, updated_at, expected_decision_by,
                                search_name, national_id_hash, mobile_hash, email_hash, search_key_id, data_key_id)
       VALUES ($1, $2, 'received', $3, $4::jsonb, $5::jsonb, $6::jsonb, $7, $8, $9, $9, $10, $11, $12, $13, $14, $15, $16)
       ON CONFLICT (reference) DO NOTHING RETURNING reference`,
      [
        candidate,
        s.kind,
        s.channel,
        stored,
        s.declaration ? JSON.stringify(s.declaration) : null,
        s.consent ? JSON.stringify(s.consent) : null,
        verifierHash(candidate, s.verifier),
        s.locale ?? null,
        s.receivedAt,
        s.expectedDecisionBy ?? null,
        search.search_name,
        search.national_id_hash,
        search.mobile_hash,
        search.email_hash,
        search.search_key_id,
        key.id,
      ],
    );
    if (rows.length > 0) reference = candidate;
  }
  if (!reference) throw new Error('could not draw a unique reference');

  await tx.query(
    `INSERT INTO submission_history (reference, status, actor, at) VALUES ($1, 'received', 'applicant', $2)`,
    [reference, s.receivedAt],
  );
  // The receipt, in the same transaction: it exists exactly when the submission does.
  await queueCaseMessage(tx, { reference, event: 'received', at: s.receivedAt });
  const attachments: CreatedSubmission['attachments'] = [];
  for (const file of s.files) attachments.push(await insertAttachment(tx, reference, file, s.receivedAt));
  return { reference, attachments };
}

export async function referenceExists(db: Queryable, reference: string): Promise<boolean> {
  const { rows } = await db.query('SELECT 1 FROM submissions WHERE reference = $1', [reference]);
  return rows.length > 0;
}

/** Only what the lookup needs to decide; the same query whether or not the reference exists. */
export async function findVerifierHash(db: Queryable, reference: string): Promise<string | undefined> {
  const { rows } = await db.query<{ verifier_hash: string }>(
    'SELECT verifier_hash FROM submissions WHERE reference = $1',
    [reference],
  );
  return rows[0]?.verifier_hash;
}

export interface HistoryEntry {
  status: string;
  at: string;
  note?: string;
}

export interface PublicView {
  reference: string;
  kind: string;
  status: string;
  receivedAt: string;
  updatedAt: string;
  expectedDecisionBy?: string;
  name?: string;
  rated: boolean;
  history: HistoryEntry[];
}

interface ViewRow {
  kind: string;
  status: string;
  received_at: Date;
  updated_at: Date;
  expected_decision_by: Date | null;
  name: string | null;
  rated: boolean;
}

export async function loadPublicView(db: Queryable, reference: string): Promise<PublicView | undefined> {
  const { rows } = await db.query<ViewRow>(
    `SELECT kind, status, received_at, updated_at, expected_decision_by,
            coalesce(payload #>> '{applicant,fullName}', payload #>> '{contact,name}') AS name,
            EXISTS (SELECT 1 FROM ratings r WHERE r.reference = s.reference) AS rated
       FROM submissions s WHERE reference = $1`,
    [reference],
  );
  const row = rows[0];
  if (!row) return undefined;
  const history = await db.query<{ status: string; note: string | null; note_public: boolean; at: Date }>(
    // Status changes and public notes; internal notes and assignments stay with staff.
    `SELECT status, note, note_public, at FROM submission_history
      WHERE reference = $1 AND (type = 'status' OR (type = 'note' AND note_public)) ORDER BY id`,
    [reference],
  );
  return {
    reference,
    kind: row.kind,
    status: row.status,
    receivedAt: iso(row.received_at),
    updatedAt: iso(row.updated_at),
    ...(row.expected_decision_by ? { expectedDecisionBy: iso(row.expected_decision_by) } : {}),
    ...(row.name ? { name: row.name } : {}),
    rated: row.rated,
    history: history.rows.map((entry) => ({
      status: entry.status,
      at: iso(entry.at),
      // Internal notes never leave the staff API.
      ...(entry.note && entry.note_public ? { note: entry.note } : {}),
    })),
  };
}
