/**
 * Signing in and out, and the signed-in person's own account: password change and TOTP
 * enrolment. Every outcome that matters is in the audit log.
 */
import { Hono, type Context } from 'hono';
import { passwordChangeBody, signInBody, totpConfirmBody } from '../../src/contract/staff-auth.js';
import { requireRole, type StaffActor } from '../auth/actor.js';
import { type AccountRow, findAccount, findAccountByEmail, setPassword } from '../auth/accounts.js';
import { dummyHash, verifyPassword } from '../auth/password.js';
import { readCheckedBody } from '../http/checked-body.js';
import {
  clearSessionCookie,
  createSession,
  deleteSession,
  isHttps,
  resolveSession,
  sessionBody,
  sessionCookie,
  setSessionCookie,
} from '../auth/sessions.js';
import { readSettings } from '../auth/settings.js';
import {
  accountThrottleKey,
  addressKey,
  clearFailures,
  InFlight,
  recordFailure,
  throttleWait,
} from '../auth/throttle.js';
import { checkTotp, newTotpSecret, otpauthUrl } from '../auth/totp.js';
import { writeAudit } from '../audit/audit-log.js';
import type { AppEnv, AppState } from '../context.js';
import { sha256 } from '../crypto.js';
import { HttpProblem, validationProblem } from '../http/problem.js';

const ALL_ROLES = ['officer', 'committee', 'manager', 'admin'] as const;
/** Sign-ins checked at once from one address (an office behind one NAT signs in at 8 too). */
const IP_IN_FLIGHT = 4;

function tooMany(wait: number): HttpProblem {
  return new HttpProblem(429, {
    code: 'rate_limited',
    detail: 'Too many failed sign-ins. Wait a moment and try again.',
    headers: { 'Retry-After': String(wait) },
  });
}

function accountActor(row: AccountRow): StaffActor {
  return { kind: 'account', id: row.id, name: row.name, role: row.role };
}

/** The signed-in account's row (the middleware already checked the session). */
async function currentAccount(c: Context<AppEnv>, state: AppState): Promise<AccountRow> {
  const actor = requireRole(c, ...ALL_ROLES);
  const row = actor.kind === 'account' ? await findAccount(state.db, actor.id) : undefined;
  if (!row) throw new HttpProblem(401, { code: 'unauthorized', detail: 'Sign in first.' });
  return row;
}

export function staffSessionRoutes(state: AppState): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  // Ready before the first unknown e-mail, so that one costs no more than the others.
  void dummyHash();
  const inFlight = new InFlight();

  app.post('/v1/staff/session', async (c) => {
    const body = await readCheckedBody(c, state, signInBody);
    const now = state.now();
    const ip = c.get('clientIp');
    const accountKey = accountThrottleKey(body.email);
    const ipKey = `ip:${addressKey(ip)}`;
    // One guess per account at a time, a few per address: parallel guesses wait their turn.
    if (
      !inFlight.enter([
        [accountKey, 1],
        [ipKey, IP_IN_FLIGHT],
      ])
    )
      throw tooMany(1);
    try {
      const wait = Math.max(await throttleWait(state.db, accountKey, now), await throttleWait(state.db, ipKey, now));
      if (wait > 0) throw tooMany(wait);

      const account = await findAccountByEmail(state.db, body.email);
      // Unknown e-mail: verify against a dummy hash all the same, so both answers take as long.
      const passwordOk = await verifyPassword(body.password, account?.password_hash ?? (await dummyHash()));
      const settings = await readSettings(state.db);
      // The reason is for the admins reading the log; the person always gets the same answer.
      const fail = async (reason: 'credentials' | 'disabled' | 'totp'): Promise<never> => {
        await state.db.transaction(async (tx) => {
          await recordFailure(tx, 'account', accountKey, now);
          await recordFailure(tx, 'ip', ipKey, now);
          await writeAudit(tx, {
            actor: null,
            action: 'session.sign_in_failed',
            ...(account ? { target: account.id } : {}),
            ip,
            details: { reason },
            at: now,
          });
        });
        if (reason === 'totp')
          throw new HttpProblem(401, {
            code: 'invalid_totp',
            detail: 'The code from the authenticator app is not right.',
          });
        throw new HttpProblem(401, { code: 'invalid_credentials', detail: 'Wrong e-mail or password.' });
      };
      if (!account || !passwordOk) return fail('credentials');
      if (!account.active) return fail('disabled');

      let totpStep: number | null = null;
      if (account.totp_secret !== null) {
        if (!body.totp) {
          throw new HttpProblem(401, { code: 'totp_required', detail: 'Enter the code from your authenticator app.' });
        }
        const lastStep = account.totp_last_step === null ? null : Number(account.totp_last_step);
        totpStep = checkTotp(account.totp_secret, body.totp, now, lastStep);
        if (totpStep === null) return fail('totp');
      }

      const previous = sessionCookie(c);
      const started = await state.db.transaction(async (tx) => {
        // The code's step is claimed only if still newer than the last one used: the same
        // code sent twice at once (or to two instances) opens one session.
        const { rows: claimed } = await tx.query(
          `UPDATE staff_accounts SET last_sign_in_at = $2, totp_last_step = COALESCE($3, totp_last_step)
           WHERE id = $1 AND ($3::bigint IS NULL OR totp_last_step IS NULL OR totp_last_step < $3::bigint) RETURNING id`,
          [account.id, now, totpStep],
        );
        if (claimed.length === 0) return undefined;
        // A cookie the browser had before signing in is never reused (session fixation).
        if (previous) await deleteSession(tx, previous);
        const created = await createSession(tx, account.id, now);
        await clearFailures(tx, accountKey);
        await writeAudit(tx, {
          actor: accountActor(account),
          action: 'session.sign_in',
          target: account.id,
          ip,
          details: { totp: totpStep !== null },
          at: now,
        });
        return created;
      });
      if (!started) return fail('totp');
      const { id, row } = started;
      setSessionCookie(c, id, isHttps(c, state.trustProxy));
      return c.json(sessionBody(row, account, settings.requireTotp));
    } finally {
      inFlight.leave([accountKey, ipKey]);
    }
  });

  app.get('/v1/staff/session', async (c) => {
    requireRole(c, ...ALL_ROLES);
    const found = await resolveSession(state.db, sessionCookie(c) ?? '', state.now());
    if (!found) throw new HttpProblem(401, { code: 'unauthorized', detail: 'Sign in first.' });
    const settings = await readSettings(state.db);
    return c.json(sessionBody(found.session, found.account, settings.requireTotp));
  });

  app.delete('/v1/staff/session', async (c) => {
    const actor = c.get('actor');
    const id = sessionCookie(c);
    if (actor?.kind === 'account' && id) {
      await state.db.transaction(async (tx) => {
        await deleteSession(tx, id);
        await writeAudit(tx, {
          actor,
          action: 'session.sign_out',
          target: actor.id,
          ip: c.get('clientIp'),
          at: state.now(),
        });
      });
    }
    clearSessionCookie(c, isHttps(c, state.trustProxy));
    return c.body(null, 204);
  });

  app.post('/v1/staff/me/password', async (c) => {
    const account = await currentAccount(c, state);
    const body = await readCheckedBody(c, state, passwordChangeBody);
    const now = state.now();
    const key = accountThrottleKey(account.email);
    // The same guard as sign-in: one check of the current password at a time.
    if (!inFlight.enter([[key, 1]])) throw tooMany(1);
    try {
      const wait = await throttleWait(state.db, key, now);
      if (wait > 0) throw tooMany(wait);
      if (!(await verifyPassword(body.current, account.password_hash))) {
        await recordFailure(state.db, 'account', key, now);
        throw validationProblem([{ path: 'current', code: 'invalid', message: 'The current password is not right.' }]);
      }
    } finally {
      inFlight.leave([key]);
    }
    if (body.next === body.current) {
      throw validationProblem([
        { path: 'next', code: 'invalid', message: 'Choose a password different from the current one.' },
      ]);
    }
    await state.db.transaction(async (tx) => {
      await setPassword(tx, account.id, body.next, false);
      // Other signed-in browsers of this account end; this one goes on.
      await tx.query('DELETE FROM staff_sessions WHERE account_id = $1 AND id_hash <> $2', [
        account.id,
        sha256(sessionCookie(c) ?? '').toString('hex'),
      ]);
      await writeAudit(tx, {
        actor: accountActor(account),
        action: 'account.password',
        target: account.id,
        ip: c.get('clientIp'),
        at: now,
      });
    });
    return c.body(null, 204);
  });

  app.post('/v1/staff/me/totp', async (c) => {
    const account = await currentAccount(c, state);
    // The cookie alone must not swap the second factor (a stolen session would keep the
    // account for good); a lost phone is an admin's password reset, which clears TOTP.
    if (account.totp_secret !== null) {
      throw new HttpProblem(409, {
        code: 'totp_already_enabled',
        detail: 'Two-step verification is already on; an admin can reset it with a password reset.',
      });
    }
    const secret = newTotpSecret();
    await state.db.query('UPDATE staff_accounts SET totp_pending_secret = $2 WHERE id = $1', [account.id, secret]);
    return c.json({ secret, otpauthUrl: otpauthUrl(secret, account.email) });
  });

  app.post('/v1/staff/me/totp/confirm', async (c) => {
    const account = await currentAccount(c, state);
    const body = await readCheckedBody(c, state, totpConfirmBody);
    const now = state.now();
    if (account.totp_pending_secret === null) {
      throw new HttpProblem(409, {
        code: 'totp_not_started',
        detail: 'Start the set-up first (POST /v1/staff/me/totp).',
      });
    }
    const step = checkTotp(account.totp_pending_secret, body.code, now, null);
    if (step === null) throw validationProblem([{ path: 'code', code: 'invalid', message: 'The code is not right.' }]);
    await state.db.transaction(async (tx) => {
      await tx.query(
        'UPDATE staff_accounts SET totp_secret = totp_pending_secret, totp_pending_secret = NULL, totp_last_step = $2 WHERE id = $1',
        [account.id, step],
      );
      await writeAudit(tx, {
        actor: accountActor(account),
        action: 'account.totp',
        target: account.id,
        ip: c.get('clientIp'),
        details: { enabled: true },
        at: now,
      });
    });
    return c.body(null, 204);
  });
  return app;
}
