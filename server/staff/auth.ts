/** Bearer-token check for the staff API: constant time, and closed when no token is configured. */
import type { Context } from 'hono';
import type { AppEnv } from '../context.js';
import { constantTimeEqual } from '../crypto.js';
import { HttpProblem } from '../http/problem.js';

export function bearerToken(c: Context): string | undefined {
  const header = c.req.header('authorization') ?? '';
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1];
}

export function isStaff(c: Context, adminToken: string | undefined): boolean {
  const token = bearerToken(c);
  return adminToken !== undefined && token !== undefined && constantTimeEqual(token, adminToken);
}

export function requireStaff(c: Context, adminToken: string | undefined): void {
  if (adminToken === undefined) {
    throw new HttpProblem(503, {
      code: 'staff_api_not_configured',
      detail: 'Set SILA_ADMIN_TOKEN to enable the staff API.',
    });
  }
  if (!isStaff(c, adminToken)) {
    throw new HttpProblem(401, {
      code: 'unauthorized',
      detail: 'A valid staff bearer token is required.',
      headers: { 'WWW-Authenticate': 'Bearer realm="sila-staff"' },
    });
  }
  // Until the session middleware (server/auth/middleware.ts) takes over: the token's actor.
  (c as Context<AppEnv>).set('actor', { kind: 'token' });
}
