/**
 * Staff sign-in and sessions: cookie, one answer for wrong e-mail or password, TOTP,
 * expiry, fixation, CSRF, slowing, disabled accounts, temporary passwords, CORS.
 */
import assert from 'node:assert/strict';
import { before, beforeEach, it } from 'node:test';
import { staffSession } from '../../src/contract/staff-auth.js';
import { currentTotp } from '../../server/auth/totp.js';
import { THROTTLE } from '../../server/auth/throttle.js';
import {
  type Answer,
  assertProblem,
  assertSchema,
  call,
  describeEachDatabase,
  makeApp,
  type TestApp,
} from './helpers.js';
import {
  asStaff,
  createStaff,
  type SignedIn,
  sessionCookieOf,
  signIn,
  signInRequest,
  type StaffUser,
} from './staff-auth-helpers.js';

const MINUTE = 60_000;

describeEachDatabase('staff sign-in and sessions', (db) => {
  let now = new Date('2026-01-05T08:00:00Z');
  let app: TestApp;
  let admin: StaffUser;
  let adminSession: SignedIn;
  /** A fresh client address per test, so the per-IP slowing of one test does not leak into another. */
  let ipCounter = 0;
  const nextIp = () => `198.51.100.${++ipCounter}`;
  const from = (ip: string) => ({ 'X-Forwarded-For': ip });

  before(async () => {
    app = makeApp(db(), { now: () => now, trustProxy: true, allowedOrigins: ['*'] });
    admin = await createStaff(db(), 'admin');
  });
  // Tests move the clock by hours: each starts with a fresh admin session.
  beforeEach(async () => {
    adminSession = await signIn(app, admin);
  });

  it('signs in: session body, HttpOnly SameSite=Strict cookie (Secure over https), GET session, sign-out', async () => {
    const officer = await createStaff(db(), 'officer', { name: 'فاطمة العتيبي' });
    const session = await signIn(app, officer);
    const body = assertSchema(staffSession, session.answer.json);
    assert.equal(body.account.role, 'officer');
    assert.equal(body.account.name, 'فاطمة العتيبي');
    assert.equal(body.absoluteExpiresAt, new Date(now.getTime() + 12 * 60 * MINUTE).toISOString());
    assert.equal(body.idleExpiresAt, new Date(now.getTime() + 30 * MINUTE).toISOString());
    const cookie = session.answer.headers.get('set-cookie')!;
    assert.match(cookie, /^sila_staff=[A-Za-z0-9_-]{43};/);
    assert.match(cookie, /; HttpOnly/);
    assert.match(cookie, /; SameSite=Strict/);
    assert.match(cookie, /; Path=\//);
    assert.doesNotMatch(cookie, /Max-Age|Expires/, 'a browser-session cookie: closing the browser ends it');
    assert.doesNotMatch(cookie, /Secure/, 'plain http: no Secure flag');
    assert.equal(session.answer.headers.get('cache-control'), 'no-store');

    // Behind https, or a trusted proxy saying so: Secure.
    const https = await call(app, 'https://sila.example/v1/staff/session', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: officer.email, password: officer.password }),
    });
    assert.match(https.headers.get('set-cookie') ?? '', /; Secure/);
    const proxied = await signInRequest(
      app,
      { email: officer.email, password: officer.password },
      { 'X-Forwarded-Proto': 'https' },
    );
    assert.match(proxied.headers.get('set-cookie') ?? '', /; Secure/);
    // Without SILA_TRUST_PROXY the header is anyone's to send: ignored.
    const untrusted = await signInRequest(
      makeApp(db(), { now: () => now }),
      { email: officer.email, password: officer.password },
      { 'X-Forwarded-Proto': 'https' },
    );
    assert.equal(untrusted.status, 200);
    assert.doesNotMatch(untrusted.headers.get('set-cookie') ?? '', /Secure/);

    const me = await asStaff(app, session, '/v1/staff/session');
    assert.equal(me.status, 200);
    assert.equal(me.json.account.id, officer.id);
    assert.equal(me.json.csrfToken, session.csrf);

    const out = await asStaff(app, session, '/v1/staff/session', 'DELETE');
    assert.equal(out.status, 204);
    assert.match(out.headers.get('set-cookie') ?? '', /sila_staff=;.*Max-Age=0/);
    assertProblem(await asStaff(app, session, '/v1/staff/session'), 401, 'unauthorized');
    // Signing out again (no session) still answers 204 and clears the cookie.
    assert.equal((await call(app, '/v1/staff/session', { method: 'DELETE' })).status, 204);
  });

  it('wrong e-mail and wrong password get the same answer, in about the same time', async () => {
    const officer = await createStaff(db(), 'officer');
    const strip = (answer: Answer) => ({
      status: answer.status,
      body: answer.text,
      type: answer.headers.get('content-type'),
      cookie: answer.headers.get('set-cookie'),
    });
    const wrongPassword = await signInRequest(
      app,
      { email: officer.email, password: 'not the password at all' },
      from(nextIp()),
    );
    const wrongEmail = await signInRequest(
      app,
      { email: 'nobody@charity.example', password: officer.password },
      from(nextIp()),
    );
    assertProblem(wrongPassword, 401, 'invalid_credentials');
    assert.deepEqual(strip(wrongEmail), strip(wrongPassword));
    // E-mail case and spaces do not matter; a disabled account is "wrong" too (no hint it exists).
    assert.equal(
      (
        await signInRequest(
          app,
          { email: ` ${officer.email.toUpperCase()} `, password: officer.password },
          from(nextIp()),
        )
      ).status,
      200,
    );

    // Timing: an unknown e-mail is checked against a dummy scrypt hash, so it is not faster.
    const time = async (email: string) => {
      const start = performance.now();
      await signInRequest(app, { email, password: 'still not the password' }, from(nextIp()));
      return performance.now() - start;
    };
    const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 5; i++) {
      const other = await createStaff(db(), 'officer');
      known.push(await time(other.email));
      unknown.push(await time(`ghost-${i}@charity.example`));
    }
    assert.ok(
      median(unknown) > median(known) * 0.5,
      `unknown e-mail ${median(unknown)} ms vs wrong password ${median(known)} ms`,
    );
    assert.ok(median(unknown) > 5, `an unknown e-mail still costs a hash (${median(unknown)} ms)`);
  });

  it('TOTP: enrol, then the code is required, a wrong or replayed code refused', async () => {
    const committee = await createStaff(db(), 'committee');
    const session = await signIn(app, committee);
    const start = await asStaff(app, session, '/v1/staff/me/totp', 'POST');
    assert.equal(start.status, 200, start.text);
    assert.match(start.json.otpauthUrl, /^otpauth:\/\/totp\/Sila:.*secret=/);
    const secret: string = start.json.secret;
    assertProblem(await asStaff(app, session, '/v1/staff/me/totp/confirm', 'POST', { code: '000000' }), 422);
    assert.equal(
      (await asStaff(app, session, '/v1/staff/me/totp/confirm', 'POST', { code: currentTotp(secret, now) })).status,
      204,
    );

    now = new Date(now.getTime() + MINUTE);
    const ip = nextIp();
    assertProblem(
      await signInRequest(app, { email: committee.email, password: committee.password }, from(ip)),
      401,
      'totp_required',
    );
    const wrong = currentTotp(secret, new Date(now.getTime() + 10 * MINUTE));
    assertProblem(
      await signInRequest(app, { email: committee.email, password: committee.password, totp: wrong }, from(ip)),
      401,
      'invalid_totp',
    );
    // A wrong password with a right code is still just "wrong e-mail or password".
    const code = currentTotp(secret, now);
    assertProblem(
      await signInRequest(app, { email: committee.email, password: 'wrong wrong wrong', totp: code }, from(ip)),
      401,
      'invalid_credentials',
    );
    const ok = await signIn(app, committee, code.replace(/^(\d{3})/, '$1 '));
    assert.equal(ok.answer.json.account.totpEnabled, true);
    // The same code again (someone who saw it over a shoulder): refused.
    assertProblem(
      await signInRequest(app, { email: committee.email, password: committee.password, totp: code }, from(ip)),
      401,
      'invalid_totp',
    );
  });

  it('the admin can require TOTP (after enrolling themselves): an account without it may only enrol', async () => {
    const officer = await createStaff(db(), 'officer');
    assertProblem(
      await asStaff(app, adminSession, '/v1/staff/settings', 'PATCH', { requireTotp: true }),
      409,
      'totp_enrol_first',
    );
    const secondAdmin = await createStaff(db(), 'admin');
    const second = await signIn(app, secondAdmin);
    const enrol = await asStaff(app, second, '/v1/staff/me/totp', 'POST');
    assert.equal(
      (await asStaff(app, second, '/v1/staff/me/totp/confirm', 'POST', { code: currentTotp(enrol.json.secret, now) }))
        .status,
      204,
    );
    const on = await asStaff(app, second, '/v1/staff/settings', 'PATCH', { requireTotp: true });
    assert.deepEqual(on.json, { requireTotp: true });
    try {
      const session = await signIn(app, officer);
      assert.equal(session.answer.json.totpEnrollmentRequired, true);
      assertProblem(await asStaff(app, session, '/v1/staff/accounts/assignable'), 403, 'totp_enrollment_required');
      const start = await asStaff(app, session, '/v1/staff/me/totp', 'POST');
      assert.equal(
        (
          await asStaff(app, session, '/v1/staff/me/totp/confirm', 'POST', {
            code: currentTotp(start.json.secret, now),
          })
        ).status,
        204,
      );
      assert.equal((await asStaff(app, session, '/v1/staff/accounts/assignable')).status, 200);
    } finally {
      assert.equal((await asStaff(app, second, '/v1/staff/settings', 'PATCH', { requireTotp: false })).status, 200);
      assert.equal(
        (await asStaff(app, second, `/v1/staff/accounts/${secondAdmin.id}`, 'PATCH', { active: false })).status,
        200,
      );
    }
  });

  it('idle expiry after 30 minutes, absolute after 12 hours however active', async () => {
    const manager = await createStaff(db(), 'manager');
    const idle = await signIn(app, manager);
    now = new Date(now.getTime() + 29 * MINUTE);
    assert.equal((await asStaff(app, idle, '/v1/staff/session')).status, 200, 'still alive at 29 min');
    now = new Date(now.getTime() + 29 * MINUTE);
    assert.equal((await asStaff(app, idle, '/v1/staff/session')).status, 200, 'activity moved the idle limit');
    now = new Date(now.getTime() + 30 * MINUTE);
    assertProblem(await asStaff(app, idle, '/v1/staff/session'), 401, 'unauthorized');

    const busy = await signIn(app, manager);
    const signedInAt = now.getTime();
    for (let minutes = 25; minutes < 12 * 60; minutes += 25) {
      now = new Date(signedInAt + minutes * MINUTE);
      assert.equal((await asStaff(app, busy, '/v1/staff/session')).status, 200, `alive at ${minutes} min`);
    }
    now = new Date(signedInAt + 12 * 60 * MINUTE);
    assertProblem(await asStaff(app, busy, '/v1/staff/session'), 401);
    // Dead sessions are gone from the database, not just refused.
    const { rows } = await db().query<{ n: number }>(
      `SELECT count(*)::int AS n FROM staff_sessions s JOIN staff_accounts a ON a.id = s.account_id WHERE a.email = $1`,
      [manager.email],
    );
    assert.equal(rows[0]!.n, 0);
  });

  it('session fixation: a new id at every sign-in; a cookie set before sign-in is never honoured', async () => {
    const officer = await createStaff(db(), 'officer');
    const planted = 'sila_staff=PlantedByAnAttacker0123456789abcdefghijk';
    const answer = await signInRequest(app, { email: officer.email, password: officer.password }, { Cookie: planted });
    assert.equal(answer.status, 200);
    const issued = sessionCookieOf(answer)!;
    assert.notEqual(issued, planted);
    assertProblem(await call(app, '/v1/staff/session', { headers: { Cookie: planted } }), 401);

    // Signing in again while signed in: another id, and the old one stops working.
    const again = await signInRequest(app, { email: officer.email, password: officer.password }, { Cookie: issued });
    const second = sessionCookieOf(again)!;
    assert.notEqual(second, issued);
    assertProblem(await call(app, '/v1/staff/session', { headers: { Cookie: issued } }), 401);
    assert.equal((await call(app, '/v1/staff/session', { headers: { Cookie: second } })).status, 200);
    // Only the hash is stored: the cookie value is nowhere in the table.
    const { rows } = await db().query<{ id_hash: string }>('SELECT id_hash FROM staff_sessions');
    assert.ok(rows.every((row) => !second.includes(row.id_hash) && /^[0-9a-f]{64}$/.test(row.id_hash)));
  });

  it('CSRF: a change with the cookie needs the token and this server’s origin; the bearer token is exempt', async () => {
    const body = (name: string) => JSON.stringify({ name, email: `${name}@charity.example`, role: 'officer' });
    const post = (headers: Record<string, string>, name: string) =>
      call(app, '/v1/staff/accounts', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Cookie: adminSession.cookie, ...headers },
        body: body(name),
      });
    assertProblem(await post({}, 'csrf-a'), 403, 'csrf_failed');
    assertProblem(await post({ 'X-CSRF-Token': 'not-the-token' }, 'csrf-b'), 403, 'csrf_failed');
    assertProblem(
      await post({ 'X-CSRF-Token': adminSession.csrf, Origin: 'https://evil.example' }, 'csrf-c'),
      403,
      'origin_refused',
    );
    assertProblem(
      await post({ 'X-CSRF-Token': adminSession.csrf, 'Sec-Fetch-Site': 'cross-site' }, 'csrf-d'),
      403,
      'origin_refused',
    );
    assert.equal(
      (
        await post(
          { 'X-CSRF-Token': adminSession.csrf, Origin: 'http://localhost', 'Sec-Fetch-Site': 'same-origin' },
          'csrf-e',
        )
      ).status,
      201,
    );
    // Signing in from another site's page is refused too (login CSRF).
    assertProblem(
      await signInRequest(app, { email: admin.email, password: admin.password }, { Origin: 'https://evil.example' }),
      403,
      'origin_refused',
    );
    // Bearer: no cookie, no ambient authority, no CSRF token needed (it cannot create accounts, though: 403 by role).
    const bearer = await call(app, '/v1/staff/accounts', {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Authorization: 'Bearer test-admin-token-0123456789abcdef',
        Origin: 'https://evil.example',
      },
      body: body('csrf-f'),
    });
    assertProblem(bearer, 403, 'forbidden');
    const created = await db().query<{ n: number }>(
      `SELECT count(*)::int AS n FROM staff_accounts WHERE email LIKE 'csrf-%'`,
    );
    assert.equal(created.rows[0]!.n, 1);
  });

  it('slows failed sign-ins per account (growing delay, 429 + Retry-After); the real person gets in after the wait', async () => {
    const officer = await createStaff(db(), 'officer');
    const free = THROTTLE.freeFailures.account;
    for (let i = 0; i < free; i++) {
      assertProblem(
        await signInRequest(app, { email: officer.email, password: `guess ${i} guess` }, from(nextIp())),
        401,
        'invalid_credentials',
      );
    }
    const waits: number[] = [];
    for (let i = 0; i < 4; i++) {
      assertProblem(
        await signInRequest(app, { email: officer.email, password: 'one more guess' }, from(nextIp())),
        401,
        'invalid_credentials',
      );
      // Even the right password waits: nothing is checked before the delay ends.
      const blocked = await signInRequest(app, { email: officer.email, password: officer.password }, from(nextIp()));
      assertProblem(blocked, 429, 'rate_limited');
      const wait = Number(blocked.headers.get('retry-after'));
      waits.push(wait);
      now = new Date(now.getTime() + wait * 1000);
    }
    assert.deepEqual(waits, [1, 2, 4, 8]);
    // After the wait the real person signs in, and the count starts afresh.
    await signIn(app, officer);
    assertProblem(
      await signInRequest(app, { email: officer.email, password: 'typo in it' }, from(nextIp())),
      401,
      'invalid_credentials',
    );
  });

  it('slows failed sign-ins per client address, whatever e-mail they try; other addresses are not affected', async () => {
    const ip = nextIp();
    const free = THROTTLE.freeFailures.ip;
    for (let i = 0; i < free + 1; i++) {
      assertProblem(
        await signInRequest(app, { email: `spray-${i}@charity.example`, password: 'Password123!' }, from(ip)),
        401,
        'invalid_credentials',
      );
    }
    const blocked = await signInRequest(app, { email: admin.email, password: admin.password }, from(ip));
    assertProblem(blocked, 429, 'rate_limited');
    assert.equal(blocked.headers.get('retry-after'), '1');
    assert.equal(
      (await signInRequest(app, { email: admin.email, password: admin.password }, from(nextIp()))).status,
      200,
    );
    now = new Date(now.getTime() + 1000);
    assert.equal((await signInRequest(app, { email: admin.email, password: admin.password }, from(ip))).status, 200);
  });

  it('a disabled account is out at once: its sessions die, sign-in fails like a wrong password', async () => {
    const officer = await createStaff(db(), 'officer');
    const session = await signIn(app, officer);
    const patched = await asStaff(app, adminSession, `/v1/staff/accounts/${officer.id}`, 'PATCH', { active: false });
    assert.equal(patched.status, 200, patched.text);
    assert.equal(patched.json.active, false);
    assertProblem(await asStaff(app, session, '/v1/staff/session'), 401);
    assertProblem(
      await signInRequest(app, { email: officer.email, password: officer.password }, from(nextIp())),
      401,
      'invalid_credentials',
    );
    // The admins' log says why; the person was told nothing more.
    const { rows } = await db().query<{ reason: string }>(
      `SELECT details->>'reason' AS reason FROM audit_log WHERE action = 'session.sign_in_failed' AND target = $1`,
      [officer.id],
    );
    assert.deepEqual(rows, [{ reason: 'disabled' }]);
    assert.equal(
      (await asStaff(app, adminSession, `/v1/staff/accounts/${officer.id}`, 'PATCH', { active: true })).status,
      200,
    );
    await signIn(app, officer);
  });

  it('a new account has a temporary password: only the password change works until it is changed', async () => {
    const created = await asStaff(app, adminSession, '/v1/staff/accounts', 'POST', {
      name: 'خالد الدوسري',
      email: 'Khalid@Charity.example',
      role: 'officer',
    });
    assert.equal(created.status, 201, created.text);
    const temporary: string = created.json.temporaryPassword;
    assert.match(temporary, /^[A-Za-z0-9]{20}$/);
    assert.equal(created.json.account.email, 'khalid@charity.example');
    assertProblem(
      await asStaff(app, adminSession, '/v1/staff/accounts', 'POST', {
        name: 'آخر',
        email: 'KHALID@charity.example',
        role: 'officer',
      }),
      409,
      'email_taken',
    );

    const session = await signIn(app, { email: 'khalid@charity.example', password: temporary });
    assert.equal(session.answer.json.account.mustChangePassword, true);
    assertProblem(await asStaff(app, session, '/v1/staff/accounts/assignable'), 403, 'password_change_required');
    assertProblem(
      await asStaff(app, session, '/v1/staff/me/password', 'POST', {
        current: 'wrong',
        next: 'a brand new passphrase',
      }),
      422,
    );
    assertProblem(
      await asStaff(app, session, '/v1/staff/me/password', 'POST', { current: temporary, next: 'short' }),
      422,
    );
    assert.equal(
      (
        await asStaff(app, session, '/v1/staff/me/password', 'POST', {
          current: temporary,
          next: 'a brand new passphrase',
        })
      ).status,
      204,
    );
    assert.equal((await asStaff(app, session, '/v1/staff/accounts/assignable')).status, 200);
    // The admin resets it: a new temporary password, the old sessions end.
    const reset = await asStaff(
      app,
      adminSession,
      `/v1/staff/accounts/${created.json.account.id}/reset-password`,
      'POST',
    );
    assert.equal(reset.status, 200);
    assertProblem(await asStaff(app, session, '/v1/staff/session'), 401);
    assertProblem(
      await signInRequest(app, { email: 'khalid@charity.example', password: 'a brand new passphrase' }, from(nextIp())),
      401,
      'invalid_credentials',
    );
    assert.equal(
      (await signIn(app, { email: 'khalid@charity.example', password: reset.json.temporaryPassword })).answer.json
        .account.mustChangePassword,
      true,
    );
  });

  it('keeps one active admin: the last one cannot be demoted or disabled', async () => {
    const { rows } = await db().query<{ id: string }>(`SELECT id FROM staff_accounts WHERE role = 'admin' AND active`);
    assert.equal(rows.length, 1);
    assertProblem(
      await asStaff(app, adminSession, `/v1/staff/accounts/${admin.id}`, 'PATCH', { role: 'officer' }),
      409,
      'last_admin',
    );
    assertProblem(
      await asStaff(app, adminSession, `/v1/staff/accounts/${admin.id}`, 'PATCH', { active: false }),
      409,
      'last_admin',
    );
    assertProblem(await asStaff(app, adminSession, `/v1/staff/accounts/${admin.id}`, 'PATCH', {}), 422);
    assertProblem(await asStaff(app, adminSession, '/v1/staff/accounts/no-such-id', 'PATCH', { name: 'اسم' }), 404);
    assertProblem(await asStaff(app, adminSession, '/v1/staff/accounts/%00/reset-password', 'POST'), 404);
  });

  it('staff routes never answer CORS, even with SILA_ALLOWED_ORIGINS=*', async () => {
    const origin = { Origin: 'https://any-site.example' };
    const preflight = await call(app, '/v1/staff/session', {
      method: 'OPTIONS',
      headers: { ...origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' },
    });
    const get = await call(app, '/v1/staff/session', { headers: { ...origin, Cookie: adminSession.cookie } });
    for (const answer of [preflight, get]) {
      assert.deepEqual(
        [...answer.headers.keys()].filter((name) => name.startsWith('access-control-')),
        [],
      );
    }
    // The public API still does.
    const publicAnswer = await call(app, '/v1/form-config', { headers: origin });
    assert.equal(publicAnswer.headers.get('access-control-allow-origin'), '*');
  });

  it('bad sign-in bodies are 422 with field errors, never 5xx', async () => {
    assertProblem(await signInRequest(app, { email: '', password: '' }), 422);
    assertProblem(await signInRequest(app, { email: admin.email, password: 'x'.repeat(201) }), 422);
    assertProblem(await signInRequest(app, { email: admin.email, password: admin.password, totp: 'abcdef' }), 422);
    // NUL or a lone surrogate never reaches the database (it would be a 500 there).
    assertProblem(await signInRequest(app, { email: 'a\u0000@charity.example', password: admin.password }), 422);
    assertProblem(await signInRequest(app, { email: '\ud800@charity.example', password: admin.password }), 422);
    assertProblem(await asStaff(app, adminSession, '/v1/staff/audit?actor=%00'), 422, 'invalid_query');
    // Bytes that are not UTF-8 in the query string: read as replacement characters, no 5xx.
    assert.equal((await asStaff(app, adminSession, '/v1/staff/audit?target=%ED%A0%80')).status, 200);
    const notJson = await call(app, '/v1/staff/session', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{',
    });
    assert.equal(notJson.status, 400);
  });
});
