/**
 * SQL behind Idempotency-Key (server/idempotency.ts): claims held as leases, answers
 * sealed with the key. Keys are stored as hashes, never as sent.
 */
import type { Queryable } from '../db/database.js';

export interface KeyRow {
  request_hash: string;
  response_status: number | null;
  response_body: Uint8Array | null;
  /** The claim's lease has run out (its owner died): it may be taken over. */
  expired: boolean;
  /** Whole seconds until the lease runs out (at least 1), for Retry-After. */
  lease_left: number;
}

/** A new claim, or nothing when the key is already there. */
export async function insertClaim(
  db: Queryable,
  hash: string,
  requestHash: string,
  owner: string,
  leaseSeconds: number,
): Promise<boolean> {
  const { rows } = await db.query(
    `INSERT INTO idempotency_keys (key_hash, request_hash, created_at, owner, lease_until)
     VALUES ($1, $2, now(), $3, now() + make_interval(secs => $4))
     ON CONFLICT (key_hash) DO NOTHING RETURNING key_hash`,
    [hash, requestHash, owner, leaseSeconds],
  );
  return rows.length > 0;
}

export async function readKey(db: Queryable, hash: string): Promise<KeyRow | undefined> {
  const { rows } = await db.query<KeyRow>(
    `SELECT request_hash, response_status, response_body,
            coalesce(lease_until, created_at + interval '2 minutes') < now() AS expired,
            greatest(1, ceil(extract(epoch FROM coalesce(lease_until, created_at + interval '2 minutes') - now())))::int AS lease_left
       FROM idempotency_keys WHERE key_hash = $1`,
    [hash],
  );
  return rows[0];
}

/** Takes over a claim whose lease ran out; false when another process was quicker or it was answered. */
export async function takeOverClaim(
  db: Queryable,
  hash: string,
  owner: string,
  leaseSeconds: number,
): Promise<boolean> {
  const { rows } = await db.query(
    `UPDATE idempotency_keys SET owner = $2, lease_until = now() + make_interval(secs => $3)
      WHERE key_hash = $1 AND response_status IS NULL
        AND coalesce(lease_until, created_at + interval '2 minutes') < now()
      RETURNING key_hash`,
    [hash, owner, leaseSeconds],
  );
  return rows.length > 0;
}

/** The heartbeat: false when the claim is no longer this owner's. */
export async function renewClaim(db: Queryable, hash: string, owner: string, leaseSeconds: number): Promise<boolean> {
  const { rows } = await db.query(
    `UPDATE idempotency_keys SET lease_until = now() + make_interval(secs => $3)
      WHERE key_hash = $1 AND owner = $2 AND response_status IS NULL RETURNING key_hash`,
    [hash, owner, leaseSeconds],
  );
  return rows.length > 0;
}

/** Stores the answer, in the work's transaction; false when the claim was taken over meanwhile. */
export async function storeAnswer(
  tx: Queryable,
  hash: string,
  owner: string,
  status: number,
  sealed: Uint8Array,
): Promise<boolean> {
  const { rows } = await tx.query(
    `UPDATE idempotency_keys SET response_status = $3, response_body = $4, completed_at = now(), lease_until = NULL
      WHERE key_hash = $1 AND owner = $2 AND response_status IS NULL RETURNING key_hash`,
    [hash, owner, status, sealed],
  );
  return rows.length > 0;
}

/** Gives the key back after failed work, so the client can retry with it. */
export async function releaseClaim(db: Queryable, hash: string, owner: string): Promise<void> {
  await db.query('DELETE FROM idempotency_keys WHERE key_hash = $1 AND owner = $2 AND response_status IS NULL', [
    hash,
    owner,
  ]);
}

/** Forgets answers older than the retention period. */
export async function purgeKeys(db: Queryable, retentionDays: number): Promise<void> {
  await db.query(`DELETE FROM idempotency_keys WHERE created_at < now() - make_interval(days => $1)`, [retentionDays]);
}
