/**
 * Proof that a rating of a reference comes from the person who sent it (#18.7): the
 * verifier they look their case up with, or a rating token given in the confirmation and
 * in the status lookup's answer. Without proof, anyone who knew a reference could rate it
 * and the owner would then be refused (409).
 *
 * The token is an HMAC of the reference keyed by the stored verifier hash: nothing new is
 * stored, and it is exactly as hard to guess as the verifier (4 digits of a mobile, or a
 * 6-symbol code) — which is why a wrong verifier or token counts as a failed lookup under
 * the lookup's limits (per reference per day, slowing per client address). Otherwise this
 * route would be a verifier-guessing oracle beside the status lookup.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Rating } from '../../src/contract/rating.js';
import type { AppState } from '../context.js';
import { HttpProblem, validationProblem } from '../http/problem.js';
import { verifyLookup } from '../submissions/lookup-gate.js';
import { verifierHash, verifierMatches } from '../submissions/verifier.js';

const TOKEN_PREFIX = 'rt1.';
const TOKEN_BYTES = 18; // 24 base64url characters

/** The rating token of a reference, from its stored verifier hash. */
export function ratingTokenFor(storedVerifierHash: string, reference: string): string {
  const mac = createHmac('sha256', Buffer.from(storedVerifierHash, 'hex')).update(`sila-rating:${reference}`).digest();
  return TOKEN_PREFIX + mac.subarray(0, TOKEN_BYTES).toString('base64url');
}

/** The rating token of a reference just created with this verifier (for the confirmation). */
export function ratingTokenOf(reference: string, verifier: string): string {
  return ratingTokenFor(verifierHash(reference, verifier), reference);
}

/** A token of the same shape for a decoy answer (a trapped bot sees what a person sees). */
export function decoyRatingToken(): string {
  return TOKEN_PREFIX + randomBytes(TOKEN_BYTES).toString('base64url');
}

function tokenMatches(storedHash: string | undefined, reference: string, token: string): boolean {
  // Compared against a token of a hash nobody holds when the reference is unknown: same work.
  const expected = Buffer.from(ratingTokenFor(storedHash ?? '00', reference));
  const actual = Buffer.from(token);
  return expected.length === actual.length && timingSafeEqual(expected, actual) && storedHash !== undefined;
}

const notYours = () =>
  new HttpProblem(403, {
    code: 'rating_not_allowed',
    detail: 'The verification code or rating token does not match this reference.',
  });

/**
 * Passes when a rating has no reference (a page or a service) or carries a matching
 * verifier or rating token; otherwise 422 (no proof), 403 (wrong proof or unknown
 * reference, alike) or 429 (the lookup's limits).
 */
export async function requireRatingProof(state: AppState, clientKey: string, data: Rating): Promise<void> {
  const reference = data.reference;
  if (!reference) return;
  if (!data.verifier && !data.ratingToken) {
    throw validationProblem([
      {
        path: 'verifier',
        code: 'required',
        message: 'Rating a reference needs its verification code or rating token.',
      },
    ]);
  }
  const token = data.ratingToken;
  const verifier = data.verifier;
  const matches = (storedHash: string | undefined) =>
    token ? tokenMatches(storedHash, reference, token) : verifierMatches(storedHash, reference, verifier!);
  try {
    await verifyLookup(state, clientKey, reference, matches);
  } catch (error) {
    if (error instanceof HttpProblem && error.status === 404) throw notYours();
    throw error;
  }
}
