/**
 * The audit log (one row per action, append-only, filters, keyset paging, CSV), the
 * first admin from the environment, and the integration token's rules.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { auditPage } from '../../src/contract/staff-auth.js';
import { ensureFirstAdmin } from '../../server/auth/first-admin.js';
import { THROTTLE } from '../../server/auth/throttle.js';
import { currentTotp } from '../../server/auth/totp.js';
import { weakTokenReason } from '../../server/auth/token.js';
import { writeAudit } from '../../server/audit/audit-log.js';
import { AUDIT_CSV_HEADER } from '../../server/routes/staff-audit.js';
import { ConfigError, readServerConfig } from '../../server/config.js';
import {
  ADMIN_TOKEN,
  assertProblem,
  assertSchema,
  call,
  countRows,
  describeEachDatabase,
  makeApp,
  type TestApp,
} from './helpers.js';
import { asStaff, createStaff, type SignedIn, signIn, signInRequest, type StaffUser } from './staff-auth-helpers.js';

interface AuditRow {
  action: string;
  actor_label: string;
  actor_role: string | null;
  target: string | null;
  details: Record<string, unknown>;
}

describeEachDatabase('audit log', (db) => {
  const now = new Date('2026-02-01T09:00:00Z');
  let app: TestApp;
  let admin: StaffUser;
  let session: SignedIn;

  before(async () => {
    app = makeApp(db(), { now: () => now });
    admin = await createStaff(db(), 'admin', { name: 'مدير النظام' });
    session = await signIn(app, admin);
  });

  /** Runs the action and returns the audit rows it wrote. */
  async function rowsWritten(action: () => Promise<unknown>): Promise<AuditRow[]> {
    const { rows } = await db().query<{ id: string }>('SELECT coalesce(max(id), 0)::text AS id FROM audit_log');
    await action();
    return (await db().query<AuditRow>('SELECT * FROM audit_log WHERE id > $1 ORDER BY id', [rows[0]!.id])).rows;
  }

  it('every action writes exactly one row, with ids and never the personal data', async () => {
    const officer = await createStaff(db(), 'officer', { email: 'huda@charity.example', name: 'هدى الشهري' });
    let officerSession: SignedIn | undefined;
    let createdId = '';
    let secret = '';
    const steps: Array<[string, () => Promise<unknown>]> = [
      ['session.sign_in', async () => (officerSession = await signIn(app, officer))],
      ['session.sign_in_failed', () => signInRequest(app, { email: officer.email, password: 'wrong password here' })],
      [
        'session.sign_in_failed',
        () => signInRequest(app, { email: 'nobody@charity.example', password: 'wrong password here' }),
      ],
      [
        'account.password',
        () =>
          asStaff(app, officerSession!, '/v1/staff/me/password', 'POST', {
            current: officer.password,
            next: 'another long passphrase',
          }),
      ],
      [
        'account.totp',
        async () => {
          secret = (await asStaff(app, officerSession!, '/v1/staff/me/totp', 'POST')).json.secret;
          return asStaff(app, officerSession!, '/v1/staff/me/totp/confirm', 'POST', { code: currentTotp(secret, now) });
        },
      ],
      ['session.sign_out', () => asStaff(app, officerSession!, '/v1/staff/session', 'DELETE')],
      [
        'account.create',
        async () =>
          (createdId = (
            await asStaff(app, session, '/v1/staff/accounts', 'POST', {
              name: 'سلمان',
              email: 'salman@charity.example',
              role: 'committee',
            })
          ).json.account.id),
      ],
      ['account.update', () => asStaff(app, session, `/v1/staff/accounts/${createdId}`, 'PATCH', { role: 'manager' })],
      ['account.reset_password', () => asStaff(app, session, `/v1/staff/accounts/${createdId}/reset-password`, 'POST')],
      ['settings.update', () => asStaff(app, session, '/v1/staff/settings', 'PATCH', {})],
      ['audit.view', () => asStaff(app, session, '/v1/staff/audit?action=session.sign_in')],
      ['audit.export', () => asStaff(app, session, '/v1/staff/audit.csv')],
    ];
    for (const [action, run] of steps) {
      const rows = await rowsWritten(run);
      assert.deepEqual(
        rows.map((row) => row.action),
        [action],
        `${action}: ${JSON.stringify(rows)}`,
      );
      const text = JSON.stringify(rows);
      for (const personal of ['huda@', 'salman@', 'nobody@', 'wrong password', 'passphrase', secret || 'no-secret']) {
        assert.ok(!text.includes(personal), `${action} row carries ${personal}`);
      }
    }
    // Reading and refusals that change nothing write nothing.
    assert.deepEqual(await rowsWritten(() => asStaff(app, session, '/v1/staff/accounts')), []);
    assert.deepEqual(await rowsWritten(() => asStaff(app, session, '/v1/staff/session')), []);
    assert.deepEqual(await rowsWritten(() => call(app, '/v1/staff/accounts')), []);

    const [signInRow] = (
      await db().query<AuditRow>(`SELECT * FROM audit_log WHERE action = 'session.sign_in' AND target = $1`, [
        officer.id,
      ])
    ).rows;
    assert.equal(signInRow!.actor_label, 'هدى الشهري');
    assert.equal(signInRow!.actor_role, 'officer');
    const [failed] = (
      await db().query<AuditRow>(`SELECT * FROM audit_log WHERE action = 'session.sign_in_failed' ORDER BY id LIMIT 1`)
    ).rows;
    assert.equal(failed!.actor_label, 'anonymous');
    assert.equal(failed!.target, officer.id);
  });

  it('the integration token is recorded as api-token', async () => {
    const exported = await call(app, '/v1/staff/export.csv', { headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } });
    assert.equal(exported.status, 200, exported.text);
    const page = await asStaff(app, session, '/v1/staff/audit?actor=api-token');
    assert.deepEqual(
      page.json.items.map((item: { actorLabel: string; actorRole: string; actorId: string | null; action: string }) => [
        item.actorLabel,
        item.actorRole,
        item.actorId,
        item.action,
      ]),
      [['api-token', 'token', null, 'case.export']],
    );
  });

  it('is append-only: UPDATE, DELETE and TRUNCATE fail in the database itself', async () => {
    const before = await countRows(db(), 'audit_log');
    for (const sql of [
      'UPDATE audit_log SET actor_label = $1',
      'DELETE FROM audit_log WHERE actor_label <> $1',
      'TRUNCATE audit_log',
    ]) {
      await assert.rejects(
        db().query(sql, sql.includes('$1') ? ['someone else'] : []),
        (error: Error & { code?: string }) => error.code === '42501' && /append-only/.test(error.message),
        sql,
      );
    }
    await assert.rejects(db().transaction((tx) => tx.query('DELETE FROM audit_log')));
    assert.equal(await countRows(db(), 'audit_log'), before);
  });

  it('lists newest first with filters and a keyset cursor; unknown filters are 400; admins only', async () => {
    const at = (iso: string) => new Date(iso);
    await db().transaction(async (tx) => {
      for (let i = 0; i < 5; i++) {
        await writeAudit(tx, {
          actor: null,
          action: 'report.view',
          target: `R-${i}`,
          ip: '192.0.2.1',
          at: at(`2026-01-1${i}T10:00:00Z`),
        });
      }
    });
    const first = assertSchema(
      auditPage,
      (await asStaff(app, session, '/v1/staff/audit?action=report.view&limit=2')).json,
    );
    assert.deepEqual(
      first.items.map((item) => item.target),
      ['R-4', 'R-3'],
    );
    assert.ok(first.nextCursor);
    const second = assertSchema(
      auditPage,
      (await asStaff(app, session, `/v1/staff/audit?action=report.view&limit=2&cursor=${first.nextCursor}`)).json,
    );
    assert.deepEqual(
      second.items.map((item) => item.target),
      ['R-2', 'R-1'],
    );
    const third = assertSchema(
      auditPage,
      (await asStaff(app, session, `/v1/staff/audit?action=report.view&limit=2&cursor=${second.nextCursor}`)).json,
    );
    assert.deepEqual(
      third.items.map((item) => item.target),
      ['R-0'],
    );
    assert.equal(third.nextCursor, null);
    // Dates are Riyadh days: to=2026-01-12 includes all of the 12th.
    const ranged = (await asStaff(app, session, '/v1/staff/audit?action=report.view&from=2026-01-11&to=2026-01-12'))
      .json;
    assert.deepEqual(
      ranged.items.map((item: { target: string }) => item.target),
      ['R-2', 'R-1'],
    );
    assert.deepEqual(
      (await asStaff(app, session, '/v1/staff/audit?target=R-3')).json.items.map(
        (item: { action: string }) => item.action,
      ),
      ['report.view'],
    );
    assert.ok(
      (await asStaff(app, session, `/v1/staff/audit?actor=${admin.id}`)).json.items.every(
        (item: { actorId: string }) => item.actorId === admin.id,
      ),
    );

    assertProblem(await asStaff(app, session, '/v1/staff/audit?colour=red'), 400, 'invalid_query');
    for (const bad of ['?action=case.delete', '?from=yesterday', '?limit=0', '?cursor=abc']) {
      assertProblem(await asStaff(app, session, `/v1/staff/audit${bad}`), 422, 'invalid_query');
    }
    const officer = await signIn(app, await createStaff(db(), 'officer'));
    assertProblem(await asStaff(app, officer, '/v1/staff/audit'), 403, 'forbidden');
    assertProblem(
      await call(app, '/v1/staff/audit', { headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } }),
      403,
      'forbidden',
    );
  });

  it('exports the same filters as CSV (Riyadh times, formula-safe)', async () => {
    const answer = await asStaff(app, session, '/v1/staff/audit.csv?action=report.view');
    assert.equal(answer.status, 200);
    assert.match(answer.headers.get('content-type') ?? '', /^text\/csv/);
    assert.match(
      answer.headers.get('content-disposition') ?? '',
      /attachment; filename="sila-audit-\d{4}-\d{2}-\d{2}\.csv"/,
    );
    const lines = answer.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    assert.equal(lines[0], AUDIT_CSV_HEADER.join(','));
    assert.equal(lines.length, 6);
    assert.match(lines[1]!, /^\d+,2026-01-14 13:00:00,,anonymous,,report\.view,R-4,192\.0\.2\.1,/);
  });
});

describeEachDatabase('first admin and the integration token', (db) => {
  let app: TestApp;

  before(() => {
    app = makeApp(db());
  });

  it('creates the first admin from the environment once, and only when no admin exists', async () => {
    assert.equal(
      await ensureFirstAdmin(db(), { email: 'Director@Charity.example', password: 'a long enough secret' }),
      true,
    );
    assert.equal(
      await ensureFirstAdmin(db(), { email: 'other@charity.example', password: 'a long enough secret' }),
      false,
    );
    const { rows } = await db().query<{ email: string; role: string; must_change_password: boolean }>(
      'SELECT email, role, must_change_password FROM staff_accounts',
    );
    assert.deepEqual(rows, [{ email: 'director@charity.example', role: 'admin', must_change_password: false }]);
    const session = await signIn(app, { email: 'director@charity.example', password: 'a long enough secret' });
    assert.equal(session.answer.json.account.role, 'admin');
    assert.equal(
      (await db().query(`SELECT 1 FROM audit_log WHERE action = 'account.create' AND details->>'firstAdmin' = 'true'`))
        .rows.length,
      1,
    );
  });

  it('the environment: unset creates nothing; a short password or a weak token stops the start', () => {
    assert.equal(readServerConfig({}).firstAdmin, undefined);
    assert.deepEqual(
      readServerConfig({ SILA_ADMIN_EMAIL: 'a@b.example', SILA_ADMIN_PASSWORD: 'twelve chars' }).firstAdmin,
      { email: 'a@b.example', password: 'twelve chars' },
    );
    assert.throws(
      () => readServerConfig({ SILA_ADMIN_EMAIL: 'a@b.example', SILA_ADMIN_PASSWORD: 'eleven char' }),
      /at least 12/,
    );
    assert.throws(() => readServerConfig({ SILA_ADMIN_EMAIL: 'a@b.example' }), ConfigError);
    assert.throws(() => readServerConfig({ SILA_ADMIN_PASSWORD: 'a long enough secret' }), /SILA_ADMIN_EMAIL/);

    assert.throws(() => readServerConfig({ SILA_ADMIN_TOKEN: 'a'.repeat(31) }), /at least 32 characters/);
    assert.throws(() => readServerConfig({ SILA_ADMIN_TOKEN: 'x'.repeat(40) }), /different characters/);
    assert.throws(() => readServerConfig({ SILA_ADMIN_TOKEN: 'abcdefghijkl'.repeat(3) }), /repeated/);
    assert.match(weakTokenReason('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaabcdefghij') ?? '', /repetitive/);
    assert.equal(weakTokenReason('3f9c1e7a0b5d48c2a6e1f0d9b7c3a5e8f1d2c4b6a8e0f9d1c3b5a7e9f0d2c4b6'), undefined);
    assert.equal(readServerConfig({ SILA_ADMIN_TOKEN: ADMIN_TOKEN }).adminToken, ADMIN_TOKEN);
  });

  it('slows repeated wrong bearer tokens from one address (429), the right token still works elsewhere', async () => {
    const proxied = makeApp(db(), { trustProxy: true });
    const wrong = { Authorization: 'Bearer wrong-token-wrong-token-wrong-token', 'X-Forwarded-For': '203.0.113.50' };
    for (let i = 0; i <= THROTTLE.freeFailures.token; i++) {
      assertProblem(await call(proxied, '/v1/staff/session', { headers: wrong }), 401, 'unauthorized');
    }
    const slowed = await call(proxied, '/v1/staff/session', { headers: wrong });
    assertProblem(slowed, 429, 'rate_limited');
    assert.ok(Number(slowed.headers.get('retry-after')) >= 1);
    // The token is not the account type of actor that has a session: 403 on this route, but it got past authentication.
    assertProblem(
      await call(proxied, '/v1/staff/session', {
        headers: { Authorization: `Bearer ${ADMIN_TOKEN}`, 'X-Forwarded-For': '203.0.113.51' },
      }),
      403,
      'forbidden',
    );
  });
});

describe('audit actions', () => {
  it('the contract lists the actions docs/staff-side.md names', async () => {
    const { readFileSync } = await import('node:fs');
    const doc = readFileSync(new URL('../../docs/staff-side.md', import.meta.url), 'utf8');
    const section = doc.slice(doc.indexOf('Actions:'), doc.indexOf('- `GET /v1/staff/audit'));
    const named = [...section.matchAll(/`([a-z_]+\.[a-z_]+)`/g)].map((match) => match[1]);
    const { AUDIT_ACTIONS } = await import('../../src/contract/staff-auth.js');
    assert.deepEqual([...AUDIT_ACTIONS].sort(), named.sort());
  });
});
