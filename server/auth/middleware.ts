/**
 * Authentication of /v1/staff/*: the bearer token (integrations) or the session cookie
 * (people) sets c.get('actor'); anonymous requests get 401, except signing in and out.
 * State changes made with the cookie need the session's X-CSRF-Token and, when the
 * browser names one, this server's own Origin. An account with a temporary password (or
 * without the TOTP the association requires) may only fix that first.
 */
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv, AppState } from '../context.js';
import { constantTimeEqual } from '../crypto.js';
import { HttpProblem } from '../http/problem.js';
import { bearerToken } from '../staff/auth.js';
import { unauthorized } from './actor.js';
import { isHttps, resolveSession, sessionCookie } from './sessions.js';
import { readSettings } from './settings.js';
import { addressKey, recordFailure, throttleWait } from './throttle.js';
import { isAdminToken } from './token.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const SESSION_PATH = '/v1/staff/session';
/** What an account that must change its password or enrol TOTP may still do. */
const FIRST_STEPS = new Set([
  `GET ${SESSION_PATH}`,
  `DELETE ${SESSION_PATH}`,
  'POST /v1/staff/me/password',
  'POST /v1/staff/me/totp',
  'POST /v1/staff/me/totp/confirm',
]);

function forbidden(code: string, detail: string): HttpProblem {
  return new HttpProblem(403, { code, detail });
}

/** This server's origin as the browser sees it (behind a trusted TLS proxy: https). */
function ownOrigin(c: Context<AppEnv>, trustProxy: boolean): string {
  const url = new URL(c.req.url);
  const host =
    (trustProxy && c.get('viaTrustedProxy') !== false && c.req.header('x-forwarded-host')?.split(',')[0]?.trim()) ||
    c.req.header('host') ||
    url.host;
  return `${isHttps(c, trustProxy) ? 'https' : 'http'}://${host}`;
}

/** Refuses a state change a page on another site started (the cookie alone proves nothing). */
function checkOrigin(c: Context<AppEnv>, trustProxy: boolean): void {
  const origin = c.req.header('origin');
  const fetchSite = c.req.header('sec-fetch-site');
  if (
    (origin && origin !== ownOrigin(c, trustProxy)) ||
    (fetchSite && fetchSite !== 'same-origin' && fetchSite !== 'none')
  ) {
    throw forbidden('origin_refused', 'Staff changes are only accepted from pages of this server.');
  }
}

async function tokenActor(c: Context<AppEnv>, state: AppState, token: string): Promise<void> {
  if (state.adminToken === undefined) {
    throw new HttpProblem(503, {
      code: 'staff_api_not_configured',
      detail: 'Token access is off: set SILA_ADMIN_TOKEN to enable it (people sign in with their accounts).',
    });
  }
  const ip = c.get('clientIp');
  const now = state.now();
  const key = `token-ip:${addressKey(ip)}`;
  const wait = await throttleWait(state.db, key, now);
  if (wait > 0) {
    throw new HttpProblem(429, {
      code: 'rate_limited',
      detail: 'Too many failed attempts. Try again later.',
      headers: { 'Retry-After': String(wait) },
    });
  }
  if (!isAdminToken(token, state.adminToken)) {
    await recordFailure(state.db, 'token', key, now);
    throw unauthorized('The bearer token is not valid.');
  }
  c.set('actor', { kind: 'token' });
  c.set('staff', true);
}

export function staffAuth(state: AppState): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const method = c.req.method;
    const route = `${method} ${c.req.path}`;
    const token = bearerToken(c);
    if (token !== undefined) {
      await tokenActor(c, state, token);
      await next();
      return;
    }
    // Everything below is a browser with (or without) the cookie.
    if (!SAFE_METHODS.has(method)) checkOrigin(c, state.trustProxy);
    const id = sessionCookie(c);
    const found = id ? await resolveSession(state.db, id, state.now()) : undefined;
    if (!found) {
      // Signing in needs no session; signing out without one just clears the cookie.
      if (route === `POST ${SESSION_PATH}` || route === `DELETE ${SESSION_PATH}`) return next();
      throw unauthorized(id ? 'The session has expired. Sign in again.' : undefined);
    }
    const { session, account } = found;
    if (!SAFE_METHODS.has(method) && route !== `POST ${SESSION_PATH}`) {
      const sent = c.req.header('x-csrf-token') ?? '';
      if (!constantTimeEqual(sent, session.csrf_token)) {
        throw forbidden('csrf_failed', 'Send the X-CSRF-Token header from the sign-in answer with every change.');
      }
    }
    if (!FIRST_STEPS.has(route) && route !== `POST ${SESSION_PATH}`) {
      if (account.must_change_password) {
        throw forbidden(
          'password_change_required',
          'Change the temporary password first (POST /v1/staff/me/password).',
        );
      }
      if (account.totp_secret === null && (await readSettings(state.db)).requireTotp) {
        throw forbidden(
          'totp_enrollment_required',
          'The association requires a second factor: set up TOTP first (POST /v1/staff/me/totp).',
        );
      }
    }
    c.set('actor', { kind: 'account', id: account.id, name: account.name, role: account.role });
    await next();
  };
}
