/**
 * The admin's views and "My account", end to end (the built console, the real server,
 * Chromium): accounts (invite with errors, the temporary password shown once, a role
 * change, a password reset, the "require two-step verification" setting), the audit log
 * (filter by action, keyset "more"), and setting up two-step verification with a code
 * computed here by the same TOTP library the server uses, after which signing in asks
 * for a code. axe and the 768 px width in every state; screenshots when asked.
 */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { Secret, TOTP } from 'otpauth';
import {
  ADMIN_LOGIN,
  checkState,
  consoleOf,
  newDesk,
  openView,
  screenshot,
  signIn,
  startStaffHarness,
  type StaffHarness,
} from './staff-admin-e2e.js';

let harness: StaffHarness;
before(async () => {
  harness = await startStaffHarness();
});
after(() => harness?.close());

/** The code an authenticator app would show `offsetSteps` periods from now. */
function codeFor(secret: string, offsetSteps = 0): string {
  const totp = new TOTP({
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    secret: Secret.fromBase32(secret.replace(/\s+/g, '')),
  });
  return totp.generate({ timestamp: Date.now() + offsetSteps * 30_000 });
}

/** Signs in over the API (cookie and CSRF token), for the setup the UI is not being tested on. */
async function apiSession(): Promise<{ get: (path: string) => Promise<Response> }> {
  const answer = await fetch(`${harness.url}/v1/staff/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(ADMIN_LOGIN),
  });
  assert.equal(answer.status, 200);
  const cookie = /(sila_staff=[^;]*)/.exec(answer.headers.get('set-cookie') ?? '')![1]!;
  return { get: (path) => fetch(`${harness.url}${path}`, { headers: { Cookie: cookie } }) };
}

it(
  'accounts: invite with errors, temporary password once, role change, reset, require TOTP',
  { timeout: 240_000 },
  async () => {
    const { page } = await newDesk(harness, 'en');
    await signIn(page, ADMIN_LOGIN);
    const accounts = await openView(page, 'accounts', 'sila-staff-accounts');
    await accounts.locator(`tr[data-account="${ADMIN_LOGIN.email}"]`).waitFor();
    await checkState(page, 'accounts');
    await screenshot(page, 'accounts');

    // Nothing typed: every error next to its field and in the summary.
    const invite = accounts.locator('form[aria-labelledby="invite-title"]');
    await invite.locator('button[type=submit]').click();
    await accounts.locator('#error-summary').waitFor();
    assert.equal(await accounts.locator('#error-summary li').count(), 3);
    await invite.locator('[name="email"]').fill('not an address');
    assert.equal(await accounts.locator('#f-email-error').count(), 1);
    await checkState(page, 'accounts invite errors');

    await invite.locator('[name="name"]').fill('خالد العمري');
    await invite.locator('[name="email"]').fill('khalid@example.org');
    await invite.locator('[name="role"]').selectOption('committee');
    await invite.locator('button[type=submit]').click();
    const first = (await accounts.locator('[data-temporary-password]').textContent({ timeout: 15_000 }))!.trim();
    assert.ok(first.length >= 12);
    const row = accounts.locator('tr[data-account="khalid@example.org"]');
    await row.waitFor();
    await checkState(page, 'accounts temporary password');
    await screenshot(page, 'accounts-handover');

    // A role change, then a reset: a new temporary password, shown once.
    await row.locator('button').click();
    const manage = accounts.locator('[data-manage]');
    await manage.locator('[name="manage-role"]').selectOption('manager');
    await manage.locator('[data-do="role"]').click();
    await row.locator('td', { hasText: 'Manager' }).waitFor();
    await manage.locator('[data-do="reset"]').click();
    await checkState(page, 'accounts reset question');
    await screenshot(page, 'accounts-manage');
    await manage.locator('[data-do="confirm-reset"]').click();
    await accounts.locator('[data-temporary-password]').filter({ hasNotText: first }).waitFor({ timeout: 15_000 });
    const signInWithOld = await fetch(`${harness.url}/v1/staff/session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'khalid@example.org', password: first }),
    });
    assert.equal(signInWithOld.status, 401, 'the first temporary password no longer works');

    // Requiring two-step verification before having it would shut the admin out: refused, said why.
    await accounts.locator('input[name="requireTotp"]').click();
    await accounts.locator('[data-failure]').waitFor();
    assert.ok((await accounts.locator('[data-failure]').textContent())!.includes('My account'));
    assert.equal(await accounts.locator('input[name="requireTotp"]').isChecked(), false);
    await checkState(page, 'accounts setting refused');
  },
);

it('audit log: names in words, filter by action, keyset "more"', { timeout: 240_000 }, async () => {
  // 60 reads of the log by the API: 60 audit.view rows, more than a page.
  const api = await apiSession();
  for (let i = 0; i < 60; i++) assert.equal((await api.get('/v1/staff/audit?limit=1')).status, 200);

  const { page } = await newDesk(harness, 'en');
  await signIn(page, ADMIN_LOGIN);
  const audit = await openView(page, 'audit', 'sila-staff-audit');
  await audit.locator('tbody tr').first().waitFor();
  await checkState(page, 'audit');
  await screenshot(page, 'audit');

  await audit.locator('[name="action"]').selectOption('account.update');
  await audit.locator('form.filters button[type=submit]').click();
  await audit.locator('tr[data-action="audit.view"]').first().waitFor({ state: 'detached' });
  const updates = await audit
    .locator('tbody tr')
    .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-action')));
  assert.ok(updates.length >= 1 && updates.every((action) => action === 'account.update'), JSON.stringify(updates));
  assert.ok(
    (await audit.locator('tbody tr').first().textContent())!.includes('Changed an account'),
    'the action in words',
  );

  await audit.locator('[name="action"]').selectOption('audit.view');
  await audit.locator('form.filters button[type=submit]').click();
  await audit.locator('tr[data-action="account.update"]').first().waitFor({ state: 'detached' });
  assert.equal(await audit.locator('tbody tr').count(), 50);
  await audit.getByRole('button', { name: 'Show more' }).click();
  await assertEventually(async () => (await audit.locator('tbody tr').count()) > 60);
  const ids = await audit.locator('tbody tr').count();
  assert.ok(ids > 60, `${ids} rows after "more"`);

  // A date range the wrong way round is refused next to the field, before any request.
  await audit.locator('[name="from"]').fill('2026-02-10');
  await audit.locator('[name="to"]').fill('2026-02-01');
  await audit.locator('form.filters button[type=submit]').click();
  await audit.locator('#f-to-error').waitFor();
  await checkState(page, 'audit filter error');
});

it(
  'a view asked for while the home view still loads stays open (the later view wins)',
  { timeout: 120_000 },
  async () => {
    const { context, page } = await newDesk(harness, 'en');
    // The first view code fetched after signing in (the home view) is held until released.
    let held: string | undefined;
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    await page.route(
      (url) => url.pathname.startsWith('/staff/') && url.pathname.endsWith('.js'),
      async (route) => {
        if (!held) {
          held = route.request().url();
          await released;
        }
        await route.continue();
      },
    );
    await signIn(page, ADMIN_LOGIN);
    assert.ok(held, 'the home view was fetched after signing in');
    // «My account» is asked for (as a link click does) while the home view is still on its way.
    const settings = await openView(page, 'account', 'sila-staff-account-settings');
    const homeArrived = page.waitForResponse(held!);
    release();
    await homeArrived;
    // The late home view's code has run: it must not have replaced the view asked for after it.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve))));
    await settings.locator('h1').waitFor();
    assert.equal(await consoleOf(page).locator('main > *').count(), 1, 'one view on screen');
    assert.equal(new URL(page.url()).hash, '#/account');
    await context.close();
  },
);

it('my account: TOTP set-up with a computed code, then signing in asks for one', { timeout: 240_000 }, async () => {
  const { context, page } = await newDesk(harness, 'ar');
  await signIn(page, ADMIN_LOGIN);
  const settings = await openView(page, 'account', 'sila-staff-account-settings');
  await checkState(page, 'my account');
  await screenshot(page, 'account');

  await settings.locator('section[aria-labelledby="totp-title"] button').click();
  const secret = (await settings.locator('[data-secret]').textContent({ timeout: 15_000 }))!;
  assert.equal(await settings.locator('svg.qr path').count(), 1, 'the QR code is drawn');
  await settings.locator('form[aria-labelledby="enrol-title"] button[type=submit]').click();
  await settings.locator('#f-code-error').waitFor();
  await checkState(page, 'my account TOTP set-up');
  await screenshot(page, 'account-totp');
  await settings.locator('[name="code"]').fill(codeFor(secret));
  await settings.locator('form[aria-labelledby="enrol-title"] button[type=submit]').click();
  await settings.locator('[data-totp-on]').waitFor({ timeout: 15_000 });

  // Signing in again now takes a code (the next period's: a code works once).
  await consoleOf(page).locator('header.bar .tools button:not([lang])').click();
  await consoleOf(page).locator('sila-staff-sign-in [name="email"]').waitFor();
  await signIn(page, ADMIN_LOGIN, () => codeFor(secret, 1));

  // Now the admin may require it for everyone; the setting is saved at once.
  const accounts = await openView(page, 'accounts', 'sila-staff-accounts');
  await accounts.locator('input[name="requireTotp"]:not([disabled])').check();
  await accounts.locator('input[name="requireTotp"]:not([disabled])').waitFor();
  await openView(page, 'account', 'sila-staff-account-settings');
  const again = await openView(page, 'accounts', 'sila-staff-accounts');
  await again.locator('input[name="requireTotp"]:checked:not([disabled])').waitFor({ timeout: 10_000 });
  await context.close();
});

async function assertEventually(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) assert.fail('the condition did not become true in time');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
