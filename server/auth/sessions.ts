/**
 * Sign-in sessions: a random id in the `sila_staff` cookie, stored only as its sha256.
 * Idle expiry 30 min, absolute 12 h; a new id at every sign-in (no fixation); deleted at
 * sign-out, and dead at once when the account is disabled.
 */
import { randomBytes } from 'node:crypto';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { StaffSession } from '../../src/contract/staff-auth.js';
import type { AppEnv } from '../context.js';
import { sha256 } from '../crypto.js';
import type { Queryable } from '../db/database.js';
import { type AccountRow, toAccount } from './accounts.js';

export const SESSION_COOKIE = 'sila_staff';
export const IDLE_MS = 30 * 60_000;
export const ABSOLUTE_MS = 12 * 60 * 60_000;
/** last_seen_at is written at most this often (not on every request). */
const TOUCH_EVERY_MS = 60_000;

export interface SessionRow {
  id_hash: string;
  account_id: string;
  csrf_token: string;
  created_at: Date;
  last_seen_at: Date;
  expires_at: Date;
}

export type SessionWithAccount = { session: SessionRow; account: AccountRow };

function idHash(id: string): string {
  return sha256(id).toString('hex');
}

/** https as the browser sees it: the request itself, or a trusted proxy saying so. */
export function isHttps(c: Context<AppEnv>, trustProxy: boolean): boolean {
  if (new URL(c.req.url).protocol === 'https:') return true;
  // Only when this request came through a listed proxy (not a client reaching the port directly).
  return (
    trustProxy &&
    c.get('viaTrustedProxy') !== false &&
    c.req.header('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase() === 'https'
  );
}

export function sessionCookie(c: Context<AppEnv>): string | undefined {
  const value = getCookie(c, SESSION_COOKIE);
  return value && /^[A-Za-z0-9_-]{20,100}$/.test(value) ? value : undefined;
}

/** Starts a session for the account; returns the cookie value (set it with setSessionCookie). */
export async function createSession(
  q: Queryable,
  accountId: string,
  now: Date,
): Promise<{ id: string; row: SessionRow }> {
  const id = randomBytes(32).toString('base64url');
  const { rows } = await q.query<SessionRow>(
    `INSERT INTO staff_sessions (id_hash, account_id, csrf_token, created_at, last_seen_at, expires_at)
     VALUES ($1, $2, $3, $4, $4, $5) RETURNING *`,
    [idHash(id), accountId, randomBytes(32).toString('base64url'), now, new Date(now.getTime() + ABSOLUTE_MS)],
  );
  return { id, row: rows[0]! };
}

/** A browser-session cookie (no Max-Age): closing the browser on a shared desk ends it too. */
export function setSessionCookie(c: Context<AppEnv>, id: string, secure: boolean): void {
  setCookie(c, SESSION_COOKIE, id, { httpOnly: true, sameSite: 'Strict', path: '/', secure });
}

export function clearSessionCookie(c: Context<AppEnv>, secure: boolean): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure, httpOnly: true, sameSite: 'Strict' });
}

/**
 * The live session behind a cookie value and its active account, or undefined (unknown,
 * idle too long, past 12 h, account disabled). A dead session is deleted on the way.
 */
export async function resolveSession(q: Queryable, id: string, now: Date): Promise<SessionWithAccount | undefined> {
  const hash = idHash(id);
  const { rows } = await q.query<SessionRow & { account: AccountRow }>(
    `SELECT s.*, to_jsonb(a) AS account FROM staff_sessions s JOIN staff_accounts a ON a.id = s.account_id WHERE s.id_hash = $1`,
    [hash],
  );
  const row = rows[0];
  if (!row) return undefined;
  const lastSeen = new Date(row.last_seen_at).getTime();
  const dead =
    !row.account.active || now.getTime() >= new Date(row.expires_at).getTime() || now.getTime() - lastSeen >= IDLE_MS;
  if (dead) {
    await q.query('DELETE FROM staff_sessions WHERE id_hash = $1', [hash]);
    return undefined;
  }
  if (now.getTime() - lastSeen >= TOUCH_EVERY_MS) {
    await q.query('UPDATE staff_sessions SET last_seen_at = $2 WHERE id_hash = $1', [hash, now]);
    row.last_seen_at = now;
  }
  const { account, ...session } = row;
  return {
    session,
    account: {
      ...account,
      created_at: new Date(account.created_at),
      last_sign_in_at: account.last_sign_in_at && new Date(account.last_sign_in_at),
    },
  };
}

export async function deleteSession(q: Queryable, id: string): Promise<void> {
  await q.query('DELETE FROM staff_sessions WHERE id_hash = $1', [idHash(id)]);
}

export async function purgeExpiredSessions(q: Queryable, now: Date = new Date()): Promise<void> {
  await q.query('DELETE FROM staff_sessions WHERE expires_at <= $1 OR last_seen_at <= $2', [
    now,
    new Date(now.getTime() - IDLE_MS),
  ]);
}

/** The body of POST/GET /v1/staff/session. */
export function sessionBody(session: SessionRow, account: AccountRow, requireTotp: boolean): StaffSession {
  const idleEnd = Math.min(new Date(session.last_seen_at).getTime() + IDLE_MS, new Date(session.expires_at).getTime());
  return {
    account: toAccount(account),
    csrfToken: session.csrf_token,
    idleExpiresAt: new Date(idleEnd).toISOString(),
    absoluteExpiresAt: new Date(session.expires_at).toISOString(),
    totpEnrollmentRequired: requireTotp && account.totp_secret === null,
  };
}
