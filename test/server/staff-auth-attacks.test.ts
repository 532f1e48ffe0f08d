/**
 * Staff sign-in under attack: parallel guesses, address spreading, second-factor
 * replay and swap. Each test was written failing before its fix.
 */
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { updateAccount } from '../../server/auth/accounts.js';
import { THROTTLE } from '../../server/auth/throttle.js';
import { currentTotp } from '../../server/auth/totp.js';
import { assertProblem, call, describeEachDatabase, makeApp, type TestApp } from './helpers.js';
import { asStaff, createStaff, signIn, signInRequest } from './staff-auth-helpers.js';

describeEachDatabase('staff sign-in under attack', (db) => {
  let now = new Date('2026-02-02T08:00:00Z');
  let app: TestApp;
  let ipCounter = 0;
  const nextIp = () => `198.51.100.${++ipCounter}`;
  const from = (ip: string) => ({ 'X-Forwarded-For': ip });

  before(() => {
    app = makeApp(db(), { now: () => now, trustProxy: true });
  });

  it('a TOTP code sent twice at the same moment opens one session, not two', async () => {
    const officer = await createStaff(db(), 'officer');
    const session = await signIn(app, officer);
    const secret: string = (await asStaff(app, session, '/v1/staff/me/totp', 'POST')).json.secret;
    assert.equal(
      (await asStaff(app, session, '/v1/staff/me/totp/confirm', 'POST', { code: currentTotp(secret, now) })).status,
      204,
    );
    now = new Date(now.getTime() + 60_000);
    const code = currentTotp(secret, now);
    const answers = await Promise.all(
      [1, 2].map(() =>
        signInRequest(app, { email: officer.email, password: officer.password, totp: code }, from(nextIp())),
      ),
    );
    assert.deepEqual(
      answers.map((answer) => answer.status === 200).filter(Boolean).length,
      1,
      answers.map((a) => a.text).join('\n'),
    );
  });

  it('guesses sent in parallel are slowed like guesses sent one after another', async () => {
    const officer = await createStaff(db(), 'officer');
    const guesses = 25;
    const answers = await Promise.all(
      Array.from({ length: guesses }, (_, i) =>
        signInRequest(app, { email: officer.email, password: `parallel guess ${i}` }, from(nextIp())),
      ),
    );
    const checked = answers.filter((answer) => answer.status === 401).length;
    assert.ok(checked <= THROTTLE.freeFailures.account + 1, `${checked} of ${guesses} parallel guesses were checked`);
    assert.ok(answers.every((answer) => answer.status === 401 || answer.status === 429));
  });

  it('an IPv6 client is slowed per /64: spreading over its own network does not help', async () => {
    const free = THROTTLE.freeFailures.ip;
    for (let i = 0; i <= free; i++) {
      const spread = `2001:db8:77:1:${(i + 1).toString(16)}::${(i * 7 + 1).toString(16)}`;
      assertProblem(
        await signInRequest(app, { email: `v6-${i}@charity.example`, password: 'Password123!' }, from(spread)),
        401,
        'invalid_credentials',
      );
    }
    assertProblem(
      await signInRequest(
        app,
        { email: 'v6-last@charity.example', password: 'Password123!' },
        from('2001:db8:77:1:ffff::1'),
      ),
      429,
      'rate_limited',
    );
    // Another /64 is another client.
    assertProblem(
      await signInRequest(
        app,
        { email: 'v6-other@charity.example', password: 'Password123!' },
        from('2001:db8:77:2::1'),
      ),
      401,
      'invalid_credentials',
    );
    // The bearer token's slowing keys the same way.
    const wrong = (ip: string) =>
      call(app, '/v1/staff/session', {
        headers: { Authorization: 'Bearer wrong-token-wrong-token-wrong-token', ...from(ip) },
      });
    for (let i = 0; i <= THROTTLE.freeFailures.token; i++)
      assertProblem(await wrong(`2001:db8:99:1::${(i + 1).toString(16)}`), 401, 'unauthorized');
    assertProblem(await wrong('2001:db8:99:1:abcd::42'), 429, 'rate_limited');
  });

  it('a stolen session cannot replace the account’s second factor', async () => {
    const manager = await createStaff(db(), 'manager');
    const session = await signIn(app, manager);
    const secret: string = (await asStaff(app, session, '/v1/staff/me/totp', 'POST')).json.secret;
    assert.equal(
      (await asStaff(app, session, '/v1/staff/me/totp/confirm', 'POST', { code: currentTotp(secret, now) })).status,
      204,
    );
    // Whoever holds the cookie now (no password, no code) tries to enrol their own authenticator.
    assertProblem(await asStaff(app, session, '/v1/staff/me/totp', 'POST'), 409, 'totp_already_enabled');
    const { rows } = await db().query<{ totp_secret: string; totp_pending_secret: string | null }>(
      'SELECT totp_secret, totp_pending_secret FROM staff_accounts WHERE id = $1',
      [manager.id],
    );
    assert.equal(rows[0]!.totp_secret, secret);
    assert.equal(rows[0]!.totp_pending_secret, null);
  });

  it('a stolen session cannot guess the current password in parallel to take the account', async () => {
    const officer = await createStaff(db(), 'officer');
    const session = await signIn(app, officer);
    const guesses = 25;
    const answers = await Promise.all(
      Array.from({ length: guesses }, (_, i) =>
        asStaff(app, session, '/v1/staff/me/password', 'POST', {
          current: `guess number ${i}`,
          next: 'the thief’s new passphrase',
        }),
      ),
    );
    const checked = answers.filter((answer) => answer.status === 422).length;
    assert.ok(checked <= THROTTLE.freeFailures.account + 1, `${checked} of ${guesses} parallel guesses were checked`);
    assert.ok(answers.every((answer) => answer.status === 422 || answer.status === 429));
  });

  it('two admins disabling each other at the same moment leave one admin, not none', async () => {
    await db().query(`UPDATE staff_accounts SET active = false WHERE role = 'admin'`);
    const [first, second] = [await createStaff(db(), 'admin'), await createStaff(db(), 'admin')];
    // The first change is still open (not committed) when the second one checks.
    const slowFirst = db().transaction(async (tx) => {
      await updateAccount(tx, second.id, { active: false });
      await new Promise((resolve) => setTimeout(resolve, 300));
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const secondChange = db().transaction((tx) => updateAccount(tx, first.id, { active: false }));
    const outcomes = await Promise.allSettled([slowFirst, secondChange]);
    assert.equal(outcomes[0].status, 'fulfilled');
    assert.equal(outcomes[1].status, 'rejected', 'the second admin must be refused: last_admin');
    const { rows } = await db().query<{ n: number }>(
      `SELECT count(*)::int AS n FROM staff_accounts WHERE role = 'admin' AND active`,
    );
    assert.equal(rows[0]!.n, 1);
  });
});
