/**
 * Lookup verifiers: the last 4 digits of the mobile, or a 6-symbol code for anonymous
 * senders. Only sha256(reference ":" verifier) is stored; lookups compare hashes in
 * constant time and hash a dummy when the reference is unknown, so both failures cost
 * the same.
 */
import { timingSafeEqual } from 'node:crypto';
import { sha256 } from '../crypto.js';

export const ANONYMOUS_CODE_LENGTH = 6;

/** Crockford decoding: people type O for 0 and I or L for 1. */
export function normalizeVerifier(verifier: string): string {
  return verifier.toUpperCase().replace(/O/g, '0').replace(/[IL]/g, '1');
}

export function verifierHash(reference: string, verifier: string): string {
  return sha256(`${reference}:${normalizeVerifier(verifier)}`).toString('hex');
}

/** A hash no verifier matches, compared against when the reference does not exist. */
const DUMMY_HASH = sha256('sila:no-such-reference').toString('hex');

export function verifierMatches(storedHash: string | undefined, reference: string, verifier: string): boolean {
  const expected = Buffer.from(storedHash ?? DUMMY_HASH, 'hex');
  const actual = Buffer.from(verifierHash(reference, verifier), 'hex');
  const equal = expected.length === actual.length && timingSafeEqual(expected, actual);
  return equal && storedHash !== undefined;
}
