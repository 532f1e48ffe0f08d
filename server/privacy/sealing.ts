/**
 * Encryption at rest of the national ID and the mobile inside a case's payload
 * (applicant.* of a request, contact.* of a complaint): AES-256-GCM with a key derived from
 * SILA_DATA_KEY (server/privacy/data-key.ts). A sealed value is a string
 *   sila:enc:v1:<key id>:<base64url of iv(12) ‖ tag(16) ‖ ciphertext>
 * in the place of the plain one, so the payload keeps its shape; the field's name is the
 * additional data, so a value cannot be moved to another field unnoticed. Searching goes
 * through the keyed hashes (server/staff/search-index.ts), never through these.
 *
 * Read them back with revealPayload()/revealValue() only where a role may see them (the
 * case view, masked per role in server/staff/case-view.ts; the CSV export for the
 * token; the privacy export; the sender of messages).
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Database } from '../db/database.js';
import { currentSecret, deriveKey, knownSecrets, type DerivedKey } from './data-key.js';

const PREFIX = 'sila:enc:v1:';
const PURPOSE = 'sila-fields';
/** The payload parts that name a person, and their fields that are sealed. */
export const PERSON_PARTS = ['applicant', 'contact'] as const;
export const SEALED_FIELDS = ['nationalId', 'mobile'] as const;
type SealedField = (typeof SEALED_FIELDS)[number];

export function currentFieldKey(): DerivedKey {
  return deriveKey(currentSecret(), PURPOSE);
}

function keyById(id: string): DerivedKey | undefined {
  for (const secret of knownSecrets()) {
    const key = deriveKey(secret, PURPOSE);
    if (key.id === id) return key;
  }
  return undefined;
}

export function isSealed(value: unknown): value is string {
  return typeof value === 'string' && value.startsWith(PREFIX);
}

/** The key id a sealed value names, or undefined for a plain value. */
export function sealedKeyId(value: unknown): string | undefined {
  return isSealed(value) ? value.slice(PREFIX.length).split(':')[0] : undefined;
}

export function sealValue(field: SealedField, plain: string, key = currentFieldKey()): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key.secret, iv);
  cipher.setAAD(Buffer.from(field));
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return `${PREFIX}${key.id}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
}

/** Thrown when a value was sealed with a key this server does not know (or was altered). */
export class UnreadableValue extends Error {
  constructor(readonly keyId: string) {
    super(`A value sealed with data key ${keyId} cannot be read: set that key in SILA_DATA_KEY_PREVIOUS.`);
  }
}

function open(field: SealedField, sealed: string): string {
  const [keyId = '', data = ''] = sealed.slice(PREFIX.length).split(':');
  const key = keyById(keyId);
  if (!key) throw new UnreadableValue(keyId);
  const bytes = Buffer.from(data, 'base64url');
  try {
    const decipher = createDecipheriv('aes-256-gcm', key.secret, bytes.subarray(0, 12));
    decipher.setAAD(Buffer.from(field));
    decipher.setAuthTag(bytes.subarray(12, 28));
    return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
  } catch {
    throw new UnreadableValue(keyId);
  }
}

/**
 * The plain value of a sealed national ID or mobile (a plain one is returned as it is);
 * null when it cannot be read (unknown key: the start-up warning says which).
 */
export function revealValue(value: string | null | undefined, field: SealedField = 'mobile'): string | null {
  if (value === null || value === undefined) return null;
  if (!isSealed(value)) return value;
  try {
    return open(field, value);
  } catch (error) {
    if (error instanceof UnreadableValue) return null;
    throw error;
  }
}

function mapPersonFields(
  payload: Record<string, unknown>,
  change: (field: SealedField, value: string) => string | null,
): Record<string, unknown> {
  let copy: Record<string, unknown> | undefined;
  for (const part of PERSON_PARTS) {
    const person = payload[part];
    if (!person || typeof person !== 'object') continue;
    let personCopy: Record<string, unknown> | undefined;
    for (const field of SEALED_FIELDS) {
      const value = (person as Record<string, unknown>)[field];
      if (typeof value !== 'string') continue;
      const next = change(field, value);
      if (next === value) continue;
      personCopy ??= { ...(person as Record<string, unknown>) };
      if (next === null) delete personCopy[field];
      else personCopy[field] = next;
    }
    if (personCopy) {
      copy ??= { ...payload };
      copy[part] = personCopy;
    }
  }
  return copy ?? payload;
}

/** The payload with its national ID and mobile sealed under the current key. */
export function sealPayload(payload: Record<string, unknown>, key = currentFieldKey()): Record<string, unknown> {
  return mapPersonFields(payload, (field, value) => {
    if (sealedKeyId(value) === key.id) return value;
    const plain = isSealed(value) ? open(field, value) : value;
    return sealValue(field, plain, key);
  });
}

/** The payload with its national ID and mobile readable; an unreadable one is left out. */
export function revealPayload(payload: Record<string, unknown>): Record<string, unknown> {
  return mapPersonFields(payload, (field, value) => revealValue(value, field));
}

const BATCH = 500;

export interface SealReport {
  /** Rows sealed (again) under the current key. */
  sealed: number;
  /** Rows holding a value sealed with a key this server does not know. */
  unreadable: number;
}

/**
 * Seals the rows written before encryption existed (migration 009) or under a previous
 * key. Safe to run again and on several instances at once (SKIP LOCKED): a row is done
 * when its data_key_id names the current key. Rows it cannot read are marked
 * 'unreadable:<key id>' and tried again at the next start.
 */
export async function sealStoredIdentifiers(db: Database): Promise<SealReport> {
  const key = currentFieldKey();
  // A key change: every row sealed under another key is due again.
  await db.query('UPDATE submissions SET data_key_id = NULL WHERE data_key_id IS NOT NULL AND data_key_id <> $1', [
    key.id,
  ]);
  const report: SealReport = { sealed: 0, unreadable: 0 };
  for (;;) {
    const done = await db.transaction(async (tx) => {
      const { rows } = await tx.query<{ reference: string; payload: Record<string, unknown> }>(
        `SELECT reference, payload FROM submissions WHERE data_key_id IS NULL
          ORDER BY reference LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`,
      );
      const references: string[] = [];
      const payloads: (string | null)[] = [];
      const keyIds: string[] = [];
      for (const row of rows) {
        references.push(row.reference);
        try {
          const sealed = sealPayload(row.payload, key);
          payloads.push(sealed === row.payload ? null : JSON.stringify(sealed));
          keyIds.push(key.id);
          report.sealed++;
        } catch (error) {
          if (!(error instanceof UnreadableValue)) throw error;
          payloads.push(null);
          keyIds.push(`unreadable:${error.keyId}`);
          report.unreadable++;
        }
      }
      if (rows.length === 0) return 0;
      await tx.query(
        `UPDATE submissions s SET payload = coalesce(v.payload::jsonb, s.payload), data_key_id = v.key_id
           FROM unnest($1::text[], $2::text[], $3::text[]) AS v(reference, payload, key_id)
          WHERE s.reference = v.reference`,
        [references, payloads, keyIds],
      );
      return rows.length;
    });
    if (done < BATCH) return report;
  }
}
