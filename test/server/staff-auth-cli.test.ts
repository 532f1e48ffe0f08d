/** `npm run staff`: the commands on a real database, and the sign-in they lead to. */
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { USAGE, refusalMessage, runStaffCommand } from '../../scripts/staff-commands.js';
import { DEMO_ADMIN_EMAIL, ensureDemoAdmin } from '../../scripts/staff-demo.js';
import { assertProblem, call, describeEachDatabase, makeApp, type TestApp } from './helpers.js';
import { createStaff, signIn, signInRequest } from './staff-auth-helpers.js';

describeEachDatabase('npm run staff', (db) => {
  let app: TestApp;
  const run = async (...argv: string[]) => {
    const lines: string[] = [];
    await runStaffCommand(db(), argv, (line) => lines.push(line));
    return lines;
  };
  const refusal = async (...argv: string[]) => {
    try {
      await run(...argv);
    } catch (error) {
      return refusalMessage(error);
    }
    assert.fail(`${argv.join(' ')} was not refused`);
  };

  before(() => {
    app = makeApp(db());
  });

  it('add prints a temporary password once; it signs in and must be changed', async () => {
    const lines = await run('add', '--email', 'Reem@Charity.example', '--name', 'ريم الحربي', '--role', 'officer');
    assert.match(lines[0]!, /^Created officer account reem@charity\.example \(/);
    const password = /: ([A-Za-z0-9]{20})$/.exec(lines[1]!)?.[1];
    assert.ok(password, lines.join('\n'));
    const session = await signIn(app, { email: 'reem@charity.example', password });
    assert.equal(session.answer.json.account.mustChangePassword, true);
    const { rows } = await db().query<{ password_hash: string }>(
      `SELECT password_hash FROM staff_accounts WHERE email = 'reem@charity.example'`,
    );
    assert.ok(!rows[0]!.password_hash.includes(password) && rows[0]!.password_hash.startsWith('scrypt$'));
    const audit = await db().query<{ ip: string; details: { via: string } }>(
      `SELECT ip, details FROM audit_log WHERE action = 'account.create'`,
    );
    assert.deepEqual(
      audit.rows.map((row) => [row.ip, row.details.via]),
      [['cli', 'cli']],
    );
  });

  it('list, disable (sessions end), enable, reset-password', async () => {
    const officer = await createStaff(db(), 'officer', { email: 'omar@charity.example', name: 'عمر' });
    const session = await signIn(app, officer);
    const listed = await run('list');
    assert.ok(listed.some((line) => line.startsWith('omar@charity.example\tofficer\tعمر\tactive')));
    assert.deepEqual(await run('disable', '--email', 'OMAR@charity.example'), ['Disabled OMAR@charity.example.']);
    assertProblem(await call(app, '/v1/staff/session', { headers: { Cookie: session.cookie } }), 401);
    assertProblem(
      await signInRequest(app, { email: officer.email, password: officer.password }),
      401,
      'invalid_credentials',
    );
    await run('enable', '--email', 'omar@charity.example');
    const reset = await run('reset-password', '--email', 'omar@charity.example');
    const temporary = /: ([A-Za-z0-9]{20})$/.exec(reset[0]!)?.[1];
    assertProblem(
      await signInRequest(app, { email: officer.email, password: officer.password }),
      401,
      'invalid_credentials',
    );
    assert.equal(
      (await signIn(app, { email: officer.email, password: temporary! })).answer.json.account.mustChangePassword,
      true,
    );
  });

  it('refuses bad input with a message, never a stack trace', async () => {
    assert.equal(await refusal(), USAGE);
    assert.match((await refusal('frob'))!, /Unknown command "frob"/);
    assert.match((await refusal('add', '--email', 'a@b.example', '--name', 'اسم'))!, /--role is required/);
    assert.match(
      (await refusal('add', '--email', 'not-an-email', '--name', 'اسم', '--role', 'officer'))!,
      /--email: invalid_email/,
    );
    assert.match(
      (await refusal('add', '--email', 'a@b.example', '--name', 'اسم', '--role', 'boss'))!,
      /--role: invalid_choice/,
    );
    assert.match(
      (await refusal('add', '--email', 'reem@charity.example', '--name', 'ريم', '--role', 'officer'))!,
      /already uses this e-mail/,
    );
    assert.match((await refusal('disable', '--email', 'ghost@charity.example'))!, /No account has the e-mail/);
    assert.match((await refusal('list', '--colour', 'red'))!, /Unknown option '--colour'/);
    // The only admin cannot be disabled from the shell either.
    const admin = await createStaff(db(), 'admin', { email: 'boss@charity.example' });
    assert.match((await refusal('disable', '--email', admin.email))!, /only active admin/);
  });

  it('npm start: the demo admin gets this run’s password, also on a database from an earlier run', async () => {
    await ensureDemoAdmin(db(), 'first-run-password');
    const earlier = await signIn(app, { email: DEMO_ADMIN_EMAIL, password: 'first-run-password' });
    await ensureDemoAdmin(db(), 'second-run-password');
    // Whoever signed in with the earlier password is out too.
    assertProblem(await call(app, '/v1/staff/session', { headers: { Cookie: earlier.cookie } }), 401, 'unauthorized');
    assertProblem(
      await signInRequest(app, { email: DEMO_ADMIN_EMAIL, password: 'first-run-password' }),
      401,
      'invalid_credentials',
    );
    const session = await signIn(app, { email: DEMO_ADMIN_EMAIL, password: 'second-run-password' });
    assert.equal(session.answer.json.account.role, 'admin');
    await assert.rejects(ensureDemoAdmin(db(), 'short'), /at least 12/);
  });
});
