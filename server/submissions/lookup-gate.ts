/**
 * The verifier check shared by every route that acts on a submission with the person's
 * verifier (POST /v1/status, replies). No enumeration oracle: an unknown reference and a
 * wrong verifier give the same answer after the same work (one counter update, one
 * indexed select, one hash and a constant-time compare against a dummy hash when nothing
 * was found).
 *
 * Two limits:
 * - per reference (database, shared): N failed tries per UTC day, then 429 until midnight
 *   UTC — it protects one person's record whoever guesses;
 * - per client address (IPv4, or IPv6 /64; shared between instances on PostgreSQL):
 *   failures past a free allowance per hour are answered later and later (doubling up to
 *   a cap) with 429 and a growing Retry-After. A correct verifier is still answered at
 *   once: behind carrier NAT, the rightful person is never locked out by others' guesses.
 *   The delay is served while the request holds one of its client's in-flight slots, so
 *   one address cannot guess faster than slots / delay.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { AppState } from '../context.js';
import { secondsUntilNextUtcDay, utcDay } from '../dates.js';
import { HttpProblem } from '../http/problem.js';
import { LOOKUP_SLOWDOWN } from '../limits.js';
import { claimLookupAttempt, giveBackLookupAttempt } from './lookup-store.js';
import { findVerifierHash } from './store.js';
import { verifierMatches } from './verifier.js';

export const lookupNotFound = (): HttpProblem =>
  new HttpProblem(404, {
    code: 'not_found',
    detail: 'No submission matches this reference number and verification code.',
  });

function tooManyAttempts(retryAfterSeconds: number): HttpProblem {
  return new HttpProblem(429, {
    code: 'too_many_attempts',
    detail: 'Too many unsuccessful attempts. Try again later.',
    headers: { 'Retry-After': String(retryAfterSeconds) },
  });
}

/** The wait before answering the nth failure past the allowance (n ≥ 1). */
export function slowdownMs(excess: number): number {
  if (excess <= 0) return 0;
  return Math.min(LOOKUP_SLOWDOWN.baseMs * 2 ** Math.min(excess - 1, 30), LOOKUP_SLOWDOWN.maxMs);
}

/** Counts a failure of the client and throws what to answer: 404, or 429 after a wait once slowed. */
async function failed(state: AppState, clientKey: string, answer: HttpProblem): Promise<never> {
  const { count } = await state.lookupFailuresPerIp.hit(clientKey);
  const allowance = state.limits.lookupFailuresPerHourPerIp;
  const excess = allowance > 0 ? count - allowance : 0;
  if (excess <= 0) throw answer;
  await sleep(slowdownMs(excess));
  // The next failure waits longer: say so. A per-reference 429 keeps its own (longer) wait.
  if (answer.status === 429) throw answer;
  throw tooManyAttempts(Math.ceil(slowdownMs(excess + 1) / 1000));
}

/**
 * Resolves when verifier is the one of reference; throws 404 or 429 (problem) otherwise.
 * `verifier` may be a matcher of the stored hash instead (a rating token, server/ratings/proof.ts).
 */
export async function verifyLookup(
  state: AppState,
  clientKey: string,
  reference: string,
  verifier: string | ((storedHash: string | undefined) => boolean),
): Promise<void> {
  const now = state.now();
  const day = utcDay(now);
  if (!(await claimLookupAttempt(state.db, reference, day, state.limits.lookupFailuresPerReferencePerDay))) {
    await failed(state, clientKey, tooManyAttempts(secondsUntilNextUtcDay(now)));
  }
  const storedHash = await findVerifierHash(state.db, reference);
  const matches =
    typeof verifier === 'string' ? verifierMatches(storedHash, reference, verifier) : verifier(storedHash);
  if (!matches) await failed(state, clientKey, lookupNotFound());
  await giveBackLookupAttempt(state.db, reference, day);
}
