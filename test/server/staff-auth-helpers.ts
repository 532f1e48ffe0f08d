/**
 * Test helpers for the staff side: accounts made straight in the database, sign-in
 * through the real route, and requests carrying the session cookie and CSRF token.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { StaffRole } from '../../src/contract/staff-auth.js';
import { createAccount } from '../../server/auth/accounts.js';
import type { Database } from '../../server/db/database.js';
import { type Answer, type TestApp, call } from './helpers.js';

export const STAFF_PASSWORD = 'correct horse battery staple';

export interface StaffUser {
  id: string;
  email: string;
  password: string;
  role: StaffRole;
  name: string;
}

export interface SignedIn {
  cookie: string;
  csrf: string;
  answer: Answer;
}

export async function createStaff(
  db: Database,
  role: StaffRole,
  overrides: Partial<StaffUser> & { mustChangePassword?: boolean } = {},
): Promise<StaffUser> {
  const email = overrides.email ?? `${role}-${randomUUID().slice(0, 8)}@charity.example`;
  const name = overrides.name ?? `Test ${role}`;
  const password = overrides.password ?? STAFF_PASSWORD;
  const row = await createAccount(
    db,
    { name, email, role, password, mustChangePassword: overrides.mustChangePassword ?? false },
    new Date(),
  );
  return { id: row.id, email, password, role, name };
}

/** The `name=value` of the session cookie in a Set-Cookie header, or undefined. */
export function sessionCookieOf(answer: Answer): string | undefined {
  const header = answer.headers.get('set-cookie') ?? '';
  return /(?:^|,\s*)(sila_staff=[^;]*)/.exec(header)?.[1];
}

export function signInRequest(
  app: TestApp,
  body: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<Answer> {
  return call(app, '/v1/staff/session', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

export async function signIn(
  app: TestApp,
  user: Pick<StaffUser, 'email' | 'password'>,
  totp?: string,
): Promise<SignedIn> {
  const answer = await signInRequest(app, { email: user.email, password: user.password, ...(totp ? { totp } : {}) });
  assert.equal(answer.status, 200, answer.text);
  const cookie = sessionCookieOf(answer);
  assert.ok(cookie, 'no session cookie');
  return { cookie, csrf: answer.json.csrfToken, answer };
}

/** A request as the console makes it: cookie, CSRF token (changes only), JSON. */
export function asStaff(
  app: TestApp,
  session: Pick<SignedIn, 'cookie' | 'csrf'>,
  path: string,
  method = 'GET',
  body?: unknown,
): Promise<Answer> {
  const headers: Record<string, string> = { Cookie: session.cookie };
  if (method !== 'GET') headers['X-CSRF-Token'] = session.csrf;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  return call(app, path, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
}
