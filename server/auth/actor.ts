/**
 * Who is calling the staff API: a named account (from the session cookie) or the
 * integration token. The /v1/staff/* middleware sets c.get('actor'); every route then
 * says which roles it admits with requireRole().
 */
import type { Context } from 'hono';
import type { StaffRole } from '../../src/contract/staff-auth.js';
import type { AppEnv } from '../context.js';
import { HttpProblem } from '../http/problem.js';

export type { StaffRole } from '../../src/contract/staff-auth.js';

export type StaffActor = { kind: 'account'; id: string; name: string; role: StaffRole } | { kind: 'token' };

/** The label history and audit rows carry: the account's name, or 'api-token'. */
export function actorLabel(actor: StaffActor): string {
  return actor.kind === 'account' ? actor.name : 'api-token';
}

/** 401 when nobody is signed in (or the session expired). */
export function unauthorized(detail = 'Sign in first (or send the staff bearer token).'): HttpProblem {
  return new HttpProblem(401, {
    code: 'unauthorized',
    detail,
    headers: { 'WWW-Authenticate': 'Bearer realm="sila-staff"' },
  });
}

/**
 * The caller, when it holds one of `roles` ('token' admits the integration token);
 * otherwise 401 (no or expired session) or 403 `forbidden` (signed in, wrong role).
 */
export function requireRole(c: Context<AppEnv>, ...roles: Array<StaffRole | 'token'>): StaffActor {
  const actor = c.get('actor');
  if (!actor) throw unauthorized();
  const allowed = actor.kind === 'token' ? roles.includes('token') : roles.includes(actor.role);
  if (!allowed) throw new HttpProblem(403, { code: 'forbidden', detail: 'Your role does not allow this.' });
  return actor;
}
