/**
 * Slowing of failed sign-ins (per account and per client address) and of bearer-token
 * 401s, in the database so every instance shares it. The first few failures are free;
 * after that each failure makes the key wait longer (1 s, 2 s, 4 s … at most 15 min)
 * before the next attempt is even checked. Failures older than an hour are forgotten:
 * nobody is locked out for good.
 */
import { isIPv6 } from 'node:net';
import { sha256 } from '../crypto.js';
import type { Queryable } from '../db/database.js';
import { normalizeEmail } from './accounts.js';

export const THROTTLE = {
  freeFailures: { account: 5, ip: 20, token: 10 },
  maxDelayMs: 15 * 60_000,
  forgetAfterMs: 60 * 60_000,
};

export type ThrottleKind = keyof typeof THROTTLE.freeFailures;

interface FailureRow {
  failures: number;
  last_failure_at: Date;
  blocked_until: Date | null;
}

/** The per-account slowing key: a hash of the e-mail as stored (never the address itself). */
export function accountThrottleKey(email: string): string {
  return `account:${sha256(normalizeEmail(email)).toString('hex')}`;
}

/**
 * The client part of a slowing key: an IPv4 address as it is, an IPv6 one by its /64
 * (one subscriber gets a whole /64 and could otherwise try from a fresh address each time).
 */
export function addressKey(ip: string): string {
  const address = ip.replace(/%.*$/, '');
  if (!isIPv6(address)) return ip;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1]!;
  const [head = '', tail] = address.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups =
    tail === undefined ? left : [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  return `${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

/** Seconds to wait before this key may try again (0: go ahead). */
export async function throttleWait(q: Queryable, key: string, now: Date): Promise<number> {
  const { rows } = await q.query<FailureRow>(
    'SELECT failures, last_failure_at, blocked_until FROM staff_sign_in_failures WHERE key = $1',
    [key],
  );
  const blockedUntil = rows[0]?.blocked_until;
  if (!blockedUntil) return 0;
  const ms = new Date(blockedUntil).getTime() - now.getTime();
  return ms > 0 ? Math.ceil(ms / 1000) : 0;
}

/** Counts one failure for key and sets its next allowed attempt. */
export async function recordFailure(q: Queryable, kind: ThrottleKind, key: string, now: Date): Promise<void> {
  const { rows } = await q.query<FailureRow>(
    `INSERT INTO staff_sign_in_failures (key, failures, last_failure_at) VALUES ($1, 1, $2)
     ON CONFLICT (key) DO UPDATE SET
       failures = CASE WHEN staff_sign_in_failures.last_failure_at < $3 THEN 1 ELSE staff_sign_in_failures.failures + 1 END,
       last_failure_at = $2
     RETURNING failures, last_failure_at, blocked_until`,
    [key, now, new Date(now.getTime() - THROTTLE.forgetAfterMs)],
  );
  const over = rows[0]!.failures - THROTTLE.freeFailures[kind];
  if (over <= 0) return;
  const delay = Math.min(THROTTLE.maxDelayMs, 1000 * 2 ** (over - 1));
  await q.query('UPDATE staff_sign_in_failures SET blocked_until = $2 WHERE key = $1', [
    key,
    new Date(now.getTime() + delay),
  ]);
}

/** A success clears the key (the person got in). */
export async function clearFailures(q: Queryable, key: string): Promise<void> {
  await q.query('DELETE FROM staff_sign_in_failures WHERE key = $1', [key]);
}

/** Drops records nobody remembers any more (hourly maintenance). */
export async function purgeSignInFailures(q: Queryable, now: Date = new Date()): Promise<void> {
  await q.query('DELETE FROM staff_sign_in_failures WHERE last_failure_at < $1', [
    new Date(now.getTime() - THROTTLE.forgetAfterMs),
  ]);
}

/**
 * Sign-ins being checked right now on this instance, per key. The delay above is only set
 * once a failure is counted, so guesses sent in parallel would all be checked before it;
 * past `limit` at once for a key, the next one is refused (429) instead.
 */
export class InFlight {
  readonly #counts = new Map<string, number>();

  /** Takes a place for every key, or none (false) when one of them is full. */
  enter(keys: Array<[key: string, limit: number]>): boolean {
    if (keys.some(([key, limit]) => (this.#counts.get(key) ?? 0) >= limit)) return false;
    for (const [key] of keys) this.#counts.set(key, (this.#counts.get(key) ?? 0) + 1);
    return true;
  }

  leave(keys: string[]): void {
    for (const key of keys) {
      const left = (this.#counts.get(key) ?? 1) - 1;
      if (left > 0) this.#counts.set(key, left);
      else this.#counts.delete(key);
    }
  }
}
