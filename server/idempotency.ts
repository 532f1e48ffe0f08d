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
 * The claim is a lease its process renews: a crashed process's claim is taken over within
 * seconds (migration 008). The SQL is in server/submissions/idempotency-keys.ts.
 */
import type { Context } from 'hono';
import type { Database, Queryable } from './db/database.js';
import { randomUUID } from 'node:crypto';
import { open, seal, sha256 } from './crypto.js';
import { HttpProblem } from './http/problem.js';
import {
  insertClaim,
  purgeKeys,
  readKey,
  releaseClaim,
  renewClaim,
  storeAnswer,
  takeOverClaim,
} from './submissions/idempotency-keys.js';

export const MAX_KEY_LENGTH = 255;
/** How long answers are kept for replay (the contract promises at least 8 days). */
export const KEY_RETENTION_DAYS = 10;
/**
 * A claim is a lease of this many seconds, renewed every RENEW_EVERY_MS while its
 * process works: a claim not renewed for that long belongs to a dead process.
 */
export const LEASE_SECONDS = 10;
const RENEW_EVERY_MS = 3_000;

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

function inProgress(retryAfterSeconds: number): HttpProblem {
  return new HttpProblem(409, {
    code: 'idempotency_in_progress',
    detail: 'The same submission is still being processed; try again in a moment.',
    headers: { 'Retry-After': String(retryAfterSeconds) },
  });
}

async function claim(db: Database, call: IdempotentCall, hash: string, owner: string): Promise<Answer | 'claimed'> {
  if (await insertClaim(db, hash, call.requestHash, owner, LEASE_SECONDS)) return 'claimed';
  const row = await readKey(db, hash);
  if (!row) return claim(db, call, hash, owner); // removed in between (a failed create): try again
  if (row.request_hash !== call.requestHash) {
    throw new HttpProblem(422, {
      code: 'idempotency_key_reused',
      detail: 'This Idempotency-Key was already used with a different body.',
    });
  }
  if (row.response_status === null || row.response_body === null) {
    // Its owner stopped renewing the lease: it died. Take the claim over now.
    if (row.expired && (await takeOverClaim(db, hash, owner, LEASE_SECONDS))) return 'claimed';
    throw inProgress(Math.min(row.lease_left, LEASE_SECONDS));
  }
  return { status: row.response_status, body: JSON.parse(open(secret(call), row.response_body)) };
}

/**
 * The stored answer for a retry of a submission that was already created, if any. Asked
 * before validation, so a retry still gets its 201 after the association changed its
 * configuration (a removed service, a newly required document) in between.
 */
export async function storedAnswer(db: Database, call: IdempotentCall): Promise<Answer | undefined> {
  const row = await readKey(db, keyHash(call));
  if (!row || row.request_hash !== call.requestHash || row.response_status === null || row.response_body === null)
    return undefined;
  return { status: row.response_status, body: JSON.parse(open(secret(call), row.response_body)) };
}

/**
 * Runs work once per key. Returns the answer and whether it is a replay. Work may throw
 * an HttpProblem (e.g. 409 already rated): nothing is stored and the key is released.
 * While the work runs, the claim's lease is renewed every few seconds; if this process
 * dies, the lease runs out and a retry takes the claim over within LEASE_SECONDS.
 */
export async function runIdempotent(
  db: Database,
  call: IdempotentCall,
  work: (tx: Queryable) => Promise<Answer>,
): Promise<{ answer: Answer; replayed: boolean }> {
  const hash = keyHash(call);
  const owner = randomUUID();
  const claimed = await claim(db, call, hash, owner);
  if (claimed !== 'claimed') return { answer: claimed, replayed: true };
  const heartbeat = setInterval(() => {
    renewClaim(db, hash, owner, LEASE_SECONDS).catch(() => {});
  }, RENEW_EVERY_MS);
  heartbeat.unref();
  try {
    const answer = await db.transaction(async (tx) => {
      const result = await work(tx);
      // Taken over meanwhile (this process stalled past its lease): the other one creates
      // it; rolling back here keeps the submission single.
      if (!(await storeAnswer(tx, hash, owner, result.status, seal(secret(call), JSON.stringify(result.body))))) {
        throw inProgress(1);
      }
      return result;
    });
    return { answer, replayed: false };
  } catch (error) {
    await releaseClaim(db, hash, owner).catch(() => {});
    throw error;
  } finally {
    clearInterval(heartbeat);
  }
}

/** Forgets answers older than the retention period (run periodically). */
export async function purgeIdempotencyKeys(db: Queryable): Promise<void> {
  await purgeKeys(db, KEY_RETENTION_DAYS);
}
