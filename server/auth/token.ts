/**
 * The integration bearer token (SILA_ADMIN_TOKEN): refused at start when it is short or
 * of low variety, compared in constant time, its failures slowed per client address.
 */
import { constantTimeEqual } from '../crypto.js';

export const TOKEN_MIN_LENGTH = 32;
const MIN_DISTINCT = 10;
/** Shannon entropy of the character frequencies, bits per character. */
const MIN_BITS_PER_CHAR = 3;

/** Why this token is refused, or undefined when it is acceptable. */
export function weakTokenReason(token: string): string | undefined {
  if (token.length < TOKEN_MIN_LENGTH) return `must be at least ${TOKEN_MIN_LENGTH} characters`;
  const counts = new Map<string, number>();
  for (const char of token) counts.set(char, (counts.get(char) ?? 0) + 1);
  if (counts.size < MIN_DISTINCT) return `must use at least ${MIN_DISTINCT} different characters`;
  let bits = 0;
  for (const count of counts.values()) bits -= (count / token.length) * Math.log2(count / token.length);
  if (bits < MIN_BITS_PER_CHAR) return 'is too repetitive';
  // A short piece repeated ("abcdefgh" × 4) has many characters but little secret.
  if (/^(.{1,16})\1+$/s.test(token)) return 'is a short piece repeated';
  return undefined;
}

export function isAdminToken(candidate: string, adminToken: string | undefined): boolean {
  return adminToken !== undefined && constantTimeEqual(candidate, adminToken);
}
