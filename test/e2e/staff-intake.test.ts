/**
 * The reception desk, end to end (the built console, the real server, Chromium): the
 * admin invites an officer, who signs in with the temporary password, must choose their
 * own, and records a walk-in request. A double click records it once; a field the server
 * refuses shows next to the field and in the summary with nothing typed lost; once the
 * admin disables the account, the officer's next action meets "session ended". The audit
 * log shows it all, filters by action, and its CSV has the rows.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, it } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import {
  ADMIN_LOGIN,
  checkState,
  consoleOf,
  newDesk,
  openView,
  screenshot,
  signIn,
  startStaffHarness,
  storedCases,
  type StaffHarness,
} from './staff-admin-e2e.js';

const OFFICER = { name: 'نورة السبيعي', email: 'noura@example.org', password: 'a long walk to the reception desk' };
const APPLICANT = {
  'applicant.fullName': 'فاطمة أحمد الزهراني',
  'applicant.nationalId': '1087654321',
  'applicant.mobile': '0551234567',
  'applicant.city': 'الرياض',
  // The birth date is three boxes after a calendar choice (#21.3): 20 March 1985, Gregorian.
  'applicant.birthDate#day': '20',
  'applicant.birthDate#month': '3',
  'applicant.birthDate#year': '1985',
  'household.householdSize': '5',
  description: 'أحتاج مساعدة في دفع إيجار المنزل بعد انقطاع دخل الأسرة.',
};

let harness: StaffHarness;
before(async () => {
  harness = await startStaffHarness();
});
after(() => harness?.close());

async function fillWalkInRequest(intake: Locator, service: string): Promise<void> {
  await intake.locator('input[name="channel"][value="walk_in"]').check();
  await intake.locator('input[name="type"][value="request"]').check();
  await intake.locator('input[name="applicant.birthDate#calendar"][value="gregory"]').check();
  for (const [name, value] of Object.entries(APPLICANT)) await intake.locator(`[name="${name}"]`).fill(value);
  await intake.locator('[name="household.incomeBracket"]').selectOption('under_3000');
  await intake.locator('input[name="household.employment"][value="unemployed"]').check();
  await intake.locator('input[name="household.housing"][value="rented"]').check();
  await intake.locator('[name="service"]').selectOption(service);
  await intake.locator('input[name="declaration.accepted"]').check();
  await intake.locator('input[name="consent.accepted"]').check();
}

/** A service the association removed while the page was open: only the server knows. */
async function addRetiredService(intake: Locator): Promise<void> {
  await intake.locator('[name="service"]').evaluate((select) => {
    const option = document.createElement('option');
    option.value = 'retired_service';
    option.textContent = 'Retired service';
    select.append(option);
  });
}

async function inviteOfficer(admin: Page): Promise<string> {
  const accounts = consoleOf(admin).locator('sila-staff-accounts');
  await accounts.locator('[name="name"]').fill(OFFICER.name);
  await accounts.locator('[name="email"]').fill(OFFICER.email);
  await accounts.locator('[name="role"]').selectOption('officer');
  await accounts.locator('form[aria-labelledby="invite-title"] button[type=submit]').click();
  const password = await accounts.locator('[data-temporary-password]').textContent({ timeout: 15_000 });
  assert.ok(password && password.length >= 12, 'a temporary password is shown');
  await accounts.locator(`tr[data-account="${OFFICER.email}"]`).waitFor();
  return password.trim();
}

it(
  'invite → forced password change → walk-in request once → 422 at the field → disabled → audit and CSV',
  { timeout: 240_000 },
  async () => {
    const { page: admin } = await newDesk(harness, 'en');
    await signIn(admin, ADMIN_LOGIN);
    await openView(admin, 'accounts', 'sila-staff-accounts');
    const temporary = await inviteOfficer(admin);

    // The officer at the reception desk: the temporary password, then their own.
    const { page: desk } = await newDesk(harness, 'ar');
    await signIn(desk, { email: OFFICER.email, password: temporary });
    const settings = await openView(desk, 'account', 'sila-staff-account-settings');
    await settings.locator('[data-must-change]').waitFor();
    await settings.locator('[name="current"]').fill(temporary);
    await settings.locator('[name="next"]').fill(OFFICER.password);
    await settings.locator('form[aria-labelledby="password-title"] button[type=submit]').click();
    await settings.locator('[data-must-change]').waitFor({ state: 'detached' });

    // A walk-in request, sent with a double click: one request on the wire, one case stored.
    const intake = await openView(desk, 'intake', 'sila-staff-intake');
    await intake.locator('input[name="channel"][value="walk_in"]').waitFor();
    await checkState(desk, 'intake empty');
    await screenshot(desk, 'intake-empty');
    await intake.locator('input[name="type"][value="request"]').check();
    await intake.locator('button[type=submit]').click();
    await intake.locator('#error-summary').waitFor();
    assert.equal(
      await intake.evaluate((el) => el.shadowRoot!.activeElement?.id),
      'error-summary',
      'the summary takes focus',
    );
    await checkState(desk, 'intake errors');
    await screenshot(desk, 'intake-errors');

    await fillWalkInRequest(intake, 'housing_support');
    const posts: string[] = [];
    desk.on('request', (request) => {
      if (request.method() === 'POST' && request.url().endsWith('/v1/staff/intake'))
        posts.push(request.headers()['idempotency-key'] ?? '');
    });
    await intake.locator('button[type=submit]').dblclick();
    const reference = (await intake.locator('[data-reference]').first().textContent({ timeout: 20_000 }))!.trim();
    assert.match(reference, /^R-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    assert.equal(posts.length, 1, 'the double click sent the intake once');
    const walkIns = (await storedCases(harness.url)).filter((item) => item.channel === 'walk_in');
    assert.equal(walkIns.length, 1, 'one case stored');
    assert.equal(walkIns[0]!.reference.replace(/-/g, ''), reference.replace(/-/g, ''));
    // What the beneficiary takes home: the reference and how to follow up (never the digits).
    const receipt = (await intake.locator('[data-receipt]').textContent())!;
    assert.ok(receipt.includes(reference));
    assert.ok(!receipt.includes('4567'), 'the follow-up code is not printed on the receipt');
    await checkState(desk, 'intake done');
    await screenshot(desk, 'intake-done');

    // The next one names a service the server no longer offers: 422 at the field.
    await intake.locator('[data-do="another"]').click();
    await fillWalkInRequest(intake, 'food_basket');
    await addRetiredService(intake);
    await intake.locator('[name="service"]').selectOption('retired_service');
    await intake.locator('button[type=submit]').click();
    await intake.locator('#f-service-error').waitFor({ timeout: 15_000 });
    assert.equal(
      await intake.locator('#error-summary a[href="#f-service"]').count(),
      1,
      'the summary links to the field',
    );
    assert.equal(
      await intake.locator('[name="applicant.fullName"]').inputValue(),
      APPLICANT['applicant.fullName'],
      'nothing typed is lost',
    );
    assert.equal(await intake.locator('[name="description"]').inputValue(), APPLICANT.description);
    await checkState(desk, 'intake server error');
    await screenshot(desk, 'intake-server-error');

    // The admin disables the account; the officer's next action meets "session ended".
    const accounts = consoleOf(admin).locator('sila-staff-accounts');
    await accounts.locator(`tr[data-account="${OFFICER.email}"] button`).click();
    await accounts.locator('[data-manage] [data-do="disable"]').click();
    await accounts.locator(`tr[data-account="${OFFICER.email}"] [data-active="false"]`).waitFor();
    await intake.locator('[name="service"]').selectOption('food_basket');
    await intake.locator('button[type=submit]').click();
    const dialog = consoleOf(desk).locator('dialog sila-staff-sign-in[reauth]');
    await dialog.waitFor({ timeout: 15_000 });
    assert.match((await dialog.locator('h2').textContent())!, /انتهت|ended/);
    assert.equal(
      await intake.locator('[name="applicant.fullName"]').inputValue(),
      APPLICANT['applicant.fullName'],
      'kept under the dialog',
    );
    assert.equal((await storedCases(harness.url)).length, 1, 'nothing recorded by a disabled account');

    // The audit log: every step, a filter by action, and the CSV of the filtered rows.
    const audit = await openView(admin, 'audit', 'sila-staff-audit');
    await audit.locator('tr[data-action="case.intake"]').waitFor();
    for (const action of ['account.create', 'account.password', 'account.update', 'session.sign_in']) {
      assert.ok((await audit.locator(`tr[data-action="${action}"]`).count()) >= 1, `${action} is in the log`);
    }
    await audit.locator('[name="action"]').selectOption('case.intake');
    await audit.locator('form.filters button[type=submit]').click();
    await audit.locator('tr[data-action="account.create"]').first().waitFor({ state: 'detached' });
    const actions = await audit
      .locator('tbody tr')
      .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-action')));
    assert.deepEqual(actions, ['case.intake']);
    const download = admin.waitForEvent('download');
    await audit.locator('[data-csv]').click();
    const csv = readFileSync((await (await download).path())!, 'utf8');
    const lines = csv.trim().split(/\r?\n/);
    assert.match(lines[0]!, /action/);
    assert.equal(lines.length, 2, 'the header and the one intake row');
    assert.ok(lines[1]!.includes('case.intake') && lines[1]!.includes(walkIns[0]!.reference.replace(/-/g, '')));
  },
);
