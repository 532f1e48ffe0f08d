/**
 * The search columns of a case: its normalized name and keyed hashes of its national ID,
 * mobile and e-mail, computed when the case is written and, for rows written before (or
 * under another key), at start-up in batches.
 *
 * The key is derived from SILA_DATA_KEY (server/privacy/data-key.ts). Unset, a fixed
 * development key is used and the server warns at start (refuses to, in production): the
 * hashes then protect nothing against someone holding the database.
 */
import { createHmac, hkdfSync } from 'node:crypto';
import { normalizeArabic } from '../../src/contract/arabic-normalize.js';
import {
  isSaudiMobile,
  isSaudiNationalId,
  normalizeNationalId,
  toSaudiMobileE164,
} from '../../src/contract/identifiers.js';
import type { Database } from '../db/database.js';
import { currentSecret, type DerivedKey } from '../privacy/data-key.js';
import { revealPayload, sealStoredIdentifiers } from '../privacy/sealing.js';

export { DEV_DATA_KEY, dataKeyIsSet } from '../privacy/data-key.js';

let cached: { source: string; key: DerivedKey } | undefined;

function searchKey(): DerivedKey {
  const source = currentSecret();
  if (cached?.source !== source) {
    // A key of its own for search, so SILA_DATA_KEY can serve other purposes too (the
    // derivation predates data-key.ts's deriveKey and stays as it was: hashes stay valid).
    const secret = Buffer.from(hkdfSync('sha256', source, 'sila-search', 'hmac-sha256', 32));
    const id = createHmac('sha256', secret).update('key-id').digest('hex').slice(0, 16);
    cached = { source, key: { secret, id } };
  }
  return cached.key;
}

function keyedHash(kind: 'nid' | 'mobile' | 'email', value: string): string {
  return createHmac('sha256', searchKey().secret).update(`${kind}:${value}`).digest('hex');
}

/** The hash a typed national ID searches for, or undefined when it is not one. */
export function nationalIdSearchHash(typed: string): string | undefined {
  return isSaudiNationalId(typed) ? keyedHash('nid', normalizeNationalId(typed)) : undefined;
}

/** The hash a typed mobile searches for, or undefined when it is not one. */
export function mobileSearchHash(typed: string): string | undefined {
  const e164 = isSaudiMobile(typed) ? toSaudiMobileE164(typed) : null;
  return e164 ? keyedHash('mobile', e164) : undefined;
}

/**
 * The hash an e-mail address is found by ("forgot my reference", #21): trimmed and in
 * lower case, as people type the same address in either case.
 */
export function emailSearchHash(typed: string): string {
  return keyedHash('email', typed.trim().toLowerCase());
}

export interface SearchColumns {
  search_name: string | null;
  national_id_hash: string | null;
  mobile_hash: string | null;
  email_hash: string | null;
  search_key_id: string;
}

const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value : undefined);

/** From a payload, plain or sealed (request: applicant; complaint: contact). */
export function searchColumns(payload: Record<string, unknown>): SearchColumns {
  const revealed = revealPayload(payload);
  const person = (revealed.applicant ?? revealed.contact ?? {}) as Record<string, unknown>;
  const name = text(person.fullName) ?? text(person.name);
  const nationalId = text(person.nationalId);
  const mobile = text(person.mobile);
  const email = text(person.email);
  return {
    search_name: name ? normalizeArabic(name) : null,
    national_id_hash: nationalId ? (nationalIdSearchHash(nationalId) ?? null) : null,
    mobile_hash: mobile ? (mobileSearchHash(mobile) ?? null) : null,
    email_hash: email ? emailSearchHash(email) : null,
    search_key_id: searchKey().id,
  };
}

const BATCH = 1000;

/**
 * The start-up data step: seals the national IDs and mobiles not yet encrypted under the
 * current key (server/privacy/sealing.ts), then fills the search columns of rows that lack
 * them (migration 003 added them empty) or that were hashed under another key. Returns how
 * many rows' search columns it wrote. Several instances starting together share the work
 * (SKIP LOCKED).
 */
export async function backfillSearchColumns(db: Database): Promise<number> {
  const sealing = await sealStoredIdentifiers(db);
  if (sealing.unreadable > 0) {
    console.warn(
      `Sila server: ${sealing.unreadable} case(s) hold a national ID or mobile sealed with a data key this server does not know: they show without them until that key is set in SILA_DATA_KEY_PREVIOUS (see server/README.md).`,
    );
  }
  const { id } = searchKey();
  // A new key invalidates every hash, and a key change resets them all at once: one
  // hashed row tells which key the others used.
  const sample = await db.query<{ search_key_id: string }>(
    'SELECT search_key_id FROM submissions WHERE search_key_id IS NOT NULL LIMIT 1',
  );
  const previous = sample.rows[0]?.search_key_id;
  if (previous !== undefined && previous !== id) {
    await db.query(
      'UPDATE submissions SET search_key_id = NULL WHERE search_key_id IS NOT NULL AND search_key_id <> $1',
      [id],
    );
  }
  let written = 0;
  for (;;) {
    const done = await db.transaction(async (tx) => {
      const { rows } = await tx.query<{ reference: string; payload: Record<string, unknown> }>(
        `SELECT reference, payload FROM submissions WHERE search_key_id IS NULL
          ORDER BY reference LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`,
      );
      if (rows.length === 0) return 0;
      const columns = rows.map((row) => searchColumns(row.payload));
      // One statement per batch, not one per row.
      await tx.query(
        `UPDATE submissions s SET search_name = v.name, national_id_hash = v.nid, mobile_hash = v.mobile,
                email_hash = v.email, search_key_id = $6
           FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) AS v(reference, name, nid, mobile, email)
          WHERE s.reference = v.reference`,
        [
          rows.map((row) => row.reference),
          columns.map((column) => column.search_name),
          columns.map((column) => column.national_id_hash),
          columns.map((column) => column.mobile_hash),
          columns.map((column) => column.email_hash),
          id,
        ],
      );
      return rows.length;
    });
    written += done;
    if (done < BATCH) return written;
  }
}
