/**
 * Password hashing with node's scrypt (memory-hard; run on libuv's thread pool, off the
 * event loop). Stored as scrypt$N$r$p$salt$hash so the cost can be raised later while old
 * hashes still verify. N = 2^14, r = 8 (16 MiB): the cost scales with N, and on the
 * 2-core dev machine N = 2^12 took 19 ms at load 8, so 2^14 is ~75 ms per sign-in on a free
 * core (measured 141 ms at load 8, 210 ms median at load 21).
 */
import { randomBytes, randomInt, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** The cost every deployment uses. */
export const SCRYPT_COST = { N: 2 ** 14, r: 8, p: 1 };
// Tests only (scripts/test.mjs sets it; ignored with NODE_ENV=production): a cheaper N for
// the many accounts tests create and sign in. A hash carries its own N, so checking is unchanged.
const testN = process.env.NODE_ENV === 'production' ? undefined : process.env.SILA_TEST_SCRYPT_N;
const COST = testN ? { ...SCRYPT_COST, N: Number(testN) } : SCRYPT_COST;
const KEY_LENGTH = 32;

function derive(password: string, salt: Buffer, options: ScryptOptions, length: number): Promise<Buffer> {
  // 128 * N * r bytes plus headroom; the default maxmem (32 MiB) is too tight above N = 2^14.
  const maxmem = 256 * (options.N ?? COST.N) * (options.r ?? COST.r);
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, length, { ...options, maxmem }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, COST, KEY_LENGTH);
  return ['scrypt', COST.N, COST.r, COST.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** True when password matches the stored hash; a malformed hash never matches. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const key = await derive(
    password,
    Buffer.from(salt, 'base64url'),
    { N: Number(n), r: Number(r), p: Number(p) },
    expected.length,
  );
  return timingSafeEqual(key, expected);
}

/**
 * A hash of a random password, verified when the e-mail is unknown so that a wrong
 * e-mail costs the same time as a wrong password (no account enumeration by timing).
 */
let dummy: Promise<string> | undefined;
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword(randomBytes(16).toString('hex'));
  return dummy;
}

/** A temporary password shown once: 20 characters from an alphabet without look-alikes (~116 bits). */
export function temporaryPassword(): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  return Array.from({ length: 20 }, () => alphabet[randomInt(alphabet.length)]).join('');
}
