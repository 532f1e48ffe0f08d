/**
 * Idempotency-Key handling for every create.
 *
 * 1. Claim the key by inserting its row first (autocommit). The row without an answer is
 *    the lock: a concurrent duplicate sees it and gets 409 idempotency_in_progress.
 * 2. Do the work and store the answer in the same transaction, so a 201 is only sent
 *    after the record and its answer are committed together.
 * 3. A later request with the same key and the same body gets the stored answer again
 *    (Idempotent-Replayed: true); with another body, 422 idempotency_key_reused.
 * If the work fails, the claim is removed so the client can retry with the same key.
 */
import type { Context } from 'hono';
import type { Database, Queryable } from './db/database.js';
import { open, seal, sha256 } from './crypto.js';
import { HttpProblem } from './http/problem.js';

export const MAX_KEY_LENGTH = 255;
/** How long answers are kept for replay (the contract promises at least 8 days). */
export const KEY_RETENTION_DAYS = 10;
/** A claim older than this without an answer belongs to a crashed process: take it over. */
const ABANDONED_AFTER_SECONDS = 120;

export interface Answer {
  status: number;
  body: unknown;
}

export interface IdempotentCall {
  key: string;
  /** e.g. "POST /v1/complaints": the same key on another route is another key. */
  route: string;
  /** sha256 of the canonical body. */
  requestHash: string;
}

export function idempotencyKeyFrom(c: Context): string {
  const key = c.req.header('idempotency-key')?.trim();
  if (!key) {
    throw new HttpProblem(400, {
      code: 'idempotency_key_missing',
      detail: 'Send an Idempotency-Key header (a UUID made when the user first submits).',
    });
  }
  // Visible ASCII only: it is compared as text, and nothing else fits in a header safely.
  if (key.length > MAX_KEY_LENGTH || !/^[\x21-\x7e]+$/.test(key)) {
    throw new HttpProblem(400, {
      code: 'idempotency_key_missing',
      detail: `The Idempotency-Key must be 1 to ${MAX_KEY_LENGTH} visible ASCII characters.`,
    });
  }
  return key;
}

function keyHash(call: IdempotentCall): string {
  return sha256(`${call.route}\n${call.key}`).toString('hex');
}

/** The answer is sealed with the Idempotency-Key itself: the database alone cannot read it. */
function secret(call: IdempotentCall): string {
  return `${call.route}\n${call.key}`;
}

interface KeyRow {
  request_hash: string;
  response_status: number | null;
  response_body: Uint8Array | null;
  abandoned: boolean;
}

async function claim(db: Database, call: IdempotentCall, hash: string): Promise<Answer | 'claimed'> {
  const inserted = await db.query(
    `INSERT INTO idempotency_keys (key_hash, request_hash, created_at) VALUES ($1, $2, now())
     ON CONFLICT (key_hash) DO NOTHING RETURNING key_hash`,
    [hash, call.requestHash],
  );
  if (inserted.rows.length > 0) return 'claimed';

  const { rows } = await db.query<KeyRow>(
    `SELECT request_hash, response_status, response_body,
            created_at < now() - make_interval(secs => $2) AS abandoned
       FROM idempotency_keys WHERE key_hash = $1`,
    [hash, ABANDONED_AFTER_SECONDS],
  );
  const row = rows[0];
  if (!row) return claim(db, call, hash); // removed in between (a failed create): try again
  if (row.request_hash !== call.requestHash) {
    throw new HttpProblem(422, {
      code: 'idempotency_key_reused',
      detail: 'This Idempotency-Key was already used with a different body.',
    });
  }
  if (row.response_status === null || row.response_body === null) {
    if (row.abandoned) {
      const taken = await db.query(
        `UPDATE idempotency_keys SET created_at = now()
          WHERE key_hash = $1 AND response_status IS NULL AND created_at < now() - make_interval(secs => $2)
          RETURNING key_hash`,
        [hash, ABANDONED_AFTER_SECONDS],
      );
      if (taken.rows.length > 0) return 'claimed';
    }
    throw new HttpProblem(409, {
      code: 'idempotency_in_progress',
      detail: 'The same submission is still being processed; try again in a moment.',
      headers: { 'Retry-After': '1' },
    });
  }
  return { status: row.response_status, body: JSON.parse(open(secret(call), row.response_body)) };
}

/**
 * The stored answer for a retry of a submission that was already created, if any. Asked
 * before validation, so a retry still gets its 201 after the association changed its
 * configuration (a removed service, a newly required document) in between.
 */
export async function storedAnswer(db: Database, call: IdempotentCall): Promise<Answer | undefined> {
  const { rows } = await db.query<KeyRow>(
    `SELECT request_hash, response_status, response_body, false AS abandoned FROM idempotency_keys WHERE key_hash = $1`,
    [keyHash(call)],
  );
  const row = rows[0];
  if (!row || row.request_hash !== call.requestHash || row.response_status === null || row.response_body === null)
    return undefined;
  return { status: row.response_status, body: JSON.parse(open(secret(call), row.response_body)) };
}

/**
 * Runs work once per key. Returns the answer and whether it is a replay. Work may throw
 * an HttpProblem (e.g. 409 already rated): nothing is stored and the key is released.
 */
export async function runIdempotent(
  db: Database,
  call: IdempotentCall,
  work: (tx: Queryable) => Promise<Answer>,
): Promise<{ answer: Answer; replayed: boolean }> {
  const hash = keyHash(call);
  const claimed = await claim(db, call, hash);
  if (claimed !== 'claimed') return { answer: claimed, replayed: true };
  try {
    const answer = await db.transaction(async (tx) => {
      const result = await work(tx);
      await tx.query(
        `UPDATE idempotency_keys SET response_status = $2, response_body = $3, completed_at = now() WHERE key_hash = $1`,
        [hash, result.status, seal(secret(call), JSON.stringify(result.body))],
      );
      return result;
    });
    return { answer, replayed: false };
  } catch (error) {
    await db
      .query('DELETE FROM idempotency_keys WHERE key_hash = $1 AND response_status IS NULL', [hash])
      .catch(() => {});
    throw error;
  }
}

/** Forgets answers older than the retention period (run periodically). */
export async function purgeIdempotencyKeys(db: Queryable): Promise<void> {
  await db.query(`DELETE FROM idempotency_keys WHERE created_at < now() - make_interval(days => $1)`, [
    KEY_RETENTION_DAYS,
  ]);
}
