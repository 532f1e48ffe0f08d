/**
 * Role × route matrix: every staff route called by anonymous, each role, a disabled
 * account, an expired session and the integration token, against the status each must
 * get. One line per route: add yours to ROUTES.
 *
 * A line is [route, who is allowed, status when allowed, options?]. Not allowed:
 * anonymous, disabled and expired → 401; a signed-in role or the token → 403. In paths,
 * :reference is a request submitted in before(), :account a spare officer account.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { before, it } from 'node:test';
import type { StaffRole } from '../../src/contract/staff-auth.js';
import { createSession } from '../../server/auth/sessions.js';
import type { Database } from '../../server/db/database.js';
import { ADMIN_TOKEN, call, describeEachDatabase, makeApp, postJson, type TestApp, validRequest } from './helpers.js';
import { createStaff } from './staff-auth-helpers.js';

type Caller = 'anonymous' | StaffRole | 'disabled' | 'expired' | 'token';
const CALLERS: Caller[] = ['anonymous', 'officer', 'committee', 'manager', 'admin', 'disabled', 'expired', 'token'];

interface Context {
  reference: string;
  account: string;
}

interface Options {
  /** JSON body (a function when it must differ per call, e.g. a new e-mail). */
  body?: unknown | ((ctx: Context) => unknown);
  /** Statuses that differ from the rule, per caller. */
  expect?: Partial<Record<Caller, number>>;
}

type Row = [route: string, allowed: Array<StaffRole | 'token'>, ok: number, options?: Options];

const ALL: StaffRole[] = ['officer', 'committee', 'manager', 'admin'];
const unique = () => randomUUID().slice(0, 8);

const ROUTES: Row[] = [
  // Session and own account (S1).
  ['GET /v1/staff/session', ALL, 200],
  ['POST /v1/staff/me/totp', ALL, 200],
  ['POST /v1/staff/me/totp/confirm', ALL, 422, { body: { code: '000000' } }],
  ['POST /v1/staff/me/password', ALL, 422, { body: { current: 'not the password', next: 'a long new passphrase' } }],
  // Accounts, settings, audit (S1).
  ['GET /v1/staff/accounts', ['admin'], 200],
  [
    'POST /v1/staff/accounts',
    ['admin'],
    201,
    { body: () => ({ name: 'موظف جديد', email: `new-${unique()}@charity.example`, role: 'officer' }) },
  ],
  ['PATCH /v1/staff/accounts/:account', ['admin'], 200, { body: { name: 'موظف احتياطي' } }],
  ['POST /v1/staff/accounts/:account/reset-password', ['admin'], 200],
  ['GET /v1/staff/accounts/assignable', ['officer', 'admin'], 200],
  ['GET /v1/staff/settings', ['admin'], 200],
  ['PATCH /v1/staff/settings', ['admin'], 200, { body: {} }],
  ['GET /v1/staff/audit', ['admin'], 200],
  ['GET /v1/staff/audit.csv', ['admin'], 200],
  // Cases (S2). Changes send a stale version: an allowed caller gets 409 and nothing
  // changes, so every caller meets the same case. The committee sees referred requests
  // only (this one is not): 404 where it is allowed.
  ['GET /v1/staff/submissions', ['officer', 'committee', 'manager', 'token'], 200],
  ['GET /v1/staff/submissions/counts', ['officer', 'committee', 'manager', 'token'], 200],
  [
    'GET /v1/staff/submissions/:reference',
    ['officer', 'committee', 'manager', 'token'],
    200,
    { expect: { committee: 404 } },
  ],
  [
    'POST /v1/staff/submissions/:reference/status',
    ['officer', 'committee', 'token'],
    409,
    { body: { status: 'under_review', version: 999 }, expect: { committee: 404 } },
  ],
  ['POST /v1/staff/submissions/:reference/notes', ['officer'], 409, { body: { text: 'ملاحظة داخلية', version: 999 } }],
  ['POST /v1/staff/submissions/:reference/assign', ['officer'], 409, { body: { assigneeId: null, version: 999 } }],
  ['POST /v1/staff/submissions/:reference/refer', ['officer'], 409, { body: { version: 999 } }],
  [
    'POST /v1/staff/submissions/:reference/decision',
    ['committee'],
    404,
    { body: { decision: 'accepted', reason: 'مستحق', version: 999 } },
  ],
  ['GET /v1/staff/submissions/:reference/attachments/:id', ['officer', 'committee', 'token'], 404],
  // Without an Idempotency-Key: 400 once past the role check, nothing created.
  ['POST /v1/staff/intake', ['officer'], 400, { body: { kind: 'request', channel: 'walk_in', payload: {} } }],
  ['GET /v1/staff/export.csv', ['token'], 200],
  ['GET /v1/staff/stats', ['manager', 'admin', 'token'], 200],
  // Messages to the applicant (#15): the committee does not see this (unreferred) case.
  [
    'GET /v1/staff/submissions/:reference/messages',
    ['officer', 'committee', 'manager', 'token'],
    200,
    { expect: { committee: 404 } },
  ],
  ['POST /v1/staff/submissions/:reference/messages/:id/resend', ['officer'], 404],
  // Own notification choices (daily digest, due warnings) for the roles that work cases.
  ['GET /v1/staff/me/notifications', ['officer', 'committee', 'manager'], 200],
  ['PUT /v1/staff/me/notifications', ['officer', 'committee', 'manager'], 422, { body: {} }],
  // Reports and walk-in counts (#16); an empty body is 422 once past the role check.
  ['GET /v1/staff/reports?period=month&at=2026-02', ['manager', 'admin'], 200],
  ['GET /v1/staff/reports.xlsx?period=month&at=2026-02', ['manager', 'admin'], 200],
  ['GET /v1/staff/visitors', ['officer', 'manager', 'admin'], 200],
  ['POST /v1/staff/visitors', ['officer', 'manager', 'admin'], 422, { body: {} }],
  // Personal data rights (#18.12): the admin only. Search and export find nobody here; a
  // correction or erasure with a stale version changes nothing (409).
  ['POST /v1/staff/privacy/search', ['admin'], 200, { body: { nationalId: '2000000006' } }],
  ['POST /v1/staff/privacy/export', ['admin'], 200, { body: { nationalId: '2000000006', format: 'json' } }],
  [
    'POST /v1/staff/privacy/cases/:reference/correct',
    ['admin'],
    409,
    { body: { version: 999, changes: { city: 'جدة' } } },
  ],
  [
    'POST /v1/staff/privacy/cases/:reference/erase',
    ['admin'],
    409,
    { body: (ctx: Context) => ({ version: 999, confirm: ctx.reference }) },
  ],
];

/** Routes that need no session: what each caller gets. */
const PUBLIC_ROUTES: Array<[route: string, expect: Record<Caller, number>, options?: Options]> = [
  // Signing in with a wrong password: the same answer for everyone (the token is not a person).
  [
    'POST /v1/staff/session',
    { anonymous: 401, officer: 401, committee: 401, manager: 401, admin: 401, disabled: 401, expired: 401, token: 401 },
    { body: () => ({ email: `nobody-${unique()}@charity.example`, password: 'wrong password' }) },
  ],
  // Signing out: always 204 (clears the cookie; the token has no session to end).
  [
    'DELETE /v1/staff/session',
    { anonymous: 204, officer: 204, committee: 204, manager: 204, admin: 204, disabled: 204, expired: 204, token: 204 },
  ],
];

function expected(caller: Caller, allowed: Row[1], ok: number, options: Options = {}): number {
  const override = options.expect?.[caller];
  if (override !== undefined) return override;
  if (caller === 'anonymous' || caller === 'disabled' || caller === 'expired') return 401;
  return (allowed as string[]).includes(caller) ? ok : 403;
}

describeEachDatabase('role × route matrix', (db) => {
  const now = new Date('2026-03-01T08:00:00Z');
  let app: TestApp;
  const ctx: Context = { reference: '', account: '' };
  const credentials = new Map<Caller, { cookie?: string; csrf?: string; token?: string }>();

  /** A session straight in the database (the matrix is about roles, not signing in). */
  async function sessionFor(database: Database, role: StaffRole, at: Date) {
    const user = await createStaff(database, role);
    const { id, row } = await createSession(database, user.id, at);
    return { user, cookie: `sila_staff=${id}`, csrf: row.csrf_token };
  }

  before(async () => {
    app = makeApp(db(), { now: () => now });
    const submitted = await postJson(app, '/v1/requests', validRequest());
    assert.equal(submitted.status, 201, submitted.text);
    ctx.reference = submitted.json.reference;
    ctx.account = (await createStaff(db(), 'officer', { name: 'موظف احتياطي' })).id;
    for (const role of ALL) credentials.set(role, await sessionFor(db(), role, now));
    const disabled = await sessionFor(db(), 'officer', now);
    await db().query('UPDATE staff_accounts SET active = false WHERE id = $1', [disabled.user.id]);
    credentials.set('disabled', disabled);
    credentials.set('expired', await sessionFor(db(), 'admin', new Date(now.getTime() - 31 * 60_000)));
    credentials.set('anonymous', {});
    credentials.set('token', { token: ADMIN_TOKEN });
  });

  async function request(caller: Caller, route: string, options: Options = {}) {
    const [method, template] = route.split(' ') as [string, string];
    const path = template
      .replace(':reference', ctx.reference)
      .replace(':account', ctx.account)
      .replace(':id', 'no-such-file');
    const auth = credentials.get(caller)!;
    const headers: Record<string, string> = {};
    if (auth.cookie) headers.Cookie = auth.cookie;
    if (auth.csrf && method !== 'GET') headers['X-CSRF-Token'] = auth.csrf;
    if (auth.token) headers.Authorization = `Bearer ${auth.token}`;
    const body = typeof options.body === 'function' ? (options.body as (ctx: Context) => unknown)(ctx) : options.body;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    return call(app, path, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
  }

  it('every staff route answers each caller as its roles say', async () => {
    const wrong: string[] = [];
    for (const [route, allowed, ok, options] of ROUTES) {
      for (const caller of CALLERS) {
        const want = expected(caller, allowed, ok, options);
        const answer = await request(caller, route, options);
        if (answer.status !== want)
          wrong.push(`${route} as ${caller}: ${answer.status} (want ${want}) ${answer.text.slice(0, 120)}`);
      }
    }
    for (const [route, expect, options] of PUBLIC_ROUTES) {
      for (const caller of CALLERS) {
        const answer = await request(caller, route, options);
        if (answer.status !== expect[caller])
          wrong.push(`${route} as ${caller}: ${answer.status} (want ${expect[caller]})`);
      }
    }
    assert.deepEqual(wrong, []);
  });

  it('the matrix covers every /v1/staff route the app has', () => {
    const listed = new Set(
      [...ROUTES.map((row) => row[0]), ...PUBLIC_ROUTES.map((row) => row[0])].map((route) =>
        route.replace(/\?.*$/, '').replace(/:\w+/g, ':'),
      ),
    );
    const missing = app.routes
      .filter((route) => route.path.startsWith('/v1/staff/') && route.method !== 'ALL')
      .map((route) => `${route.method} ${route.path.replace(/:\w+/g, ':')}`)
      .filter((route) => !listed.has(route));
    assert.deepEqual([...new Set(missing)], [], 'routes without a line in the matrix');
  });
});
