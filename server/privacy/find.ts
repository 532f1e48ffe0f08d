/**
 * Everything held about one person: the cases that carry their national ID or mobile
 * (matched through the keyed hashes, never a LIKE on the numbers) or, from a reference,
 * that case and every case sharing its national ID or mobile hash.
 */
import type { CorrectableField, PrivacyCase, PrivacySearchBody } from '../../src/contract/privacy.js';
import type { Queryable } from '../db/database.js';
import { iso } from '../dates.js';
import { mobileSearchHash, nationalIdSearchHash } from '../staff/search-index.js';
import { PERSON_PARTS, revealPayload } from './sealing.js';

/** What the search was by (the audit row names it, never the value). */
export function searchedBy(body: PrivacySearchBody): 'nationalId' | 'mobile' | 'reference' {
  return body.nationalId ? 'nationalId' : body.mobile ? 'mobile' : 'reference';
}

/** The references held about the person, oldest first (at most 500: one person). */
export async function findReferences(db: Queryable, body: PrivacySearchBody): Promise<string[]> {
  let where: string;
  let values: unknown[];
  if (body.nationalId) {
    where = 'national_id_hash = $1';
    values = [nationalIdSearchHash(body.nationalId) ?? ''];
  } else if (body.mobile) {
    where = 'mobile_hash = $1';
    values = [mobileSearchHash(body.mobile) ?? ''];
  } else {
    where = `reference = $1
      OR national_id_hash = (SELECT national_id_hash FROM submissions WHERE reference = $1)
      OR mobile_hash = (SELECT mobile_hash FROM submissions WHERE reference = $1)`;
    values = [body.reference];
  }
  const { rows } = await db.query<{ reference: string }>(
    `SELECT reference FROM submissions WHERE ${where} ORDER BY received_at, reference LIMIT 500`,
    values,
  );
  return rows.map((row) => row.reference);
}

interface CaseRow {
  reference: string;
  kind: PrivacyCase['kind'];
  status: PrivacyCase['status'];
  channel: string;
  received_at: Date;
  updated_at: Date;
  version: number;
  anonymised_at: Date | null;
  payload: Record<string, unknown>;
  attachments: number;
  messages: number;
  history_entries: number;
  rated: boolean;
}

const REQUEST_FIELDS: CorrectableField[] = ['fullName', 'nationalId', 'mobile', 'email', 'city', 'birthDate'];
const CONTACT_FIELDS: CorrectableField[] = ['name', 'mobile', 'email'];

/** The payload part naming the person, and the fields a correction may change there. */
export function personPart(
  kind: string,
  payload: Record<string, unknown>,
): { part: (typeof PERSON_PARTS)[number]; fields: CorrectableField[] } | undefined {
  if (kind === 'request') return { part: 'applicant', fields: REQUEST_FIELDS };
  if (payload.anonymous === true || !payload.contact) return undefined;
  return { part: 'contact', fields: CONTACT_FIELDS };
}

export function toPrivacyCase(row: CaseRow): PrivacyCase {
  const payload = revealPayload(row.payload);
  const where = row.anonymised_at ? undefined : personPart(row.kind, payload);
  const person: Record<string, string> = {};
  const source = where ? (payload[where.part] as Record<string, unknown> | undefined) : undefined;
  for (const [field, value] of Object.entries(source ?? {})) {
    if (typeof value === 'string' || typeof value === 'number') person[field] = String(value);
  }
  return {
    reference: row.reference,
    kind: row.kind,
    status: row.status,
    channel: row.channel,
    receivedAt: iso(row.received_at),
    updatedAt: iso(row.updated_at),
    version: row.version,
    ...(row.anonymised_at ? { anonymisedAt: iso(row.anonymised_at) } : {}),
    person,
    correctable: where?.fields ?? [],
    held: {
      attachments: row.attachments,
      messages: row.messages,
      historyEntries: row.history_entries,
      rating: row.rated,
    },
  };
}

/** The cases, as the privacy view lists them, in the order given. */
export async function loadPrivacyCases(db: Queryable, references: string[]): Promise<PrivacyCase[]> {
  if (references.length === 0) return [];
  const { rows } = await db.query<CaseRow>(
    `SELECT s.reference, s.kind, s.status, s.channel, s.received_at, s.updated_at, s.version, s.anonymised_at, s.payload,
            (SELECT count(*)::int FROM attachments f WHERE f.reference = s.reference) AS attachments,
            (SELECT count(*)::int FROM messages m WHERE m.reference = s.reference) AS messages,
            (SELECT count(*)::int FROM submission_history h WHERE h.reference = s.reference) AS history_entries,
            EXISTS (SELECT 1 FROM ratings r WHERE r.reference = s.reference) AS rated
       FROM submissions s WHERE s.reference = ANY($1::text[])`,
    [references],
  );
  const byReference = new Map(rows.map((row) => [row.reference, row]));
  return references.flatMap((reference) => {
    const row = byReference.get(reference);
    return row ? [toPrivacyCase(row)] : [];
  });
}
