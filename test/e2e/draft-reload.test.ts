/**
 * A real page reload in the middle of filling every widget (the built bundle on a host
 * page, Chromium, the real server): what was typed comes back; what must not be kept on
 * a shared phone (the national ID by default, the lookup's verifier) does not.
 */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { Locator } from 'playwright-core';
import { startHarness, type Harness } from '../contract/bundle-harness.js';
import { COMPLAINT, complaintForm, hostPage, OWN_DATABASE, rendered } from './e2e-page.js';

const REFERENCE = 'C-4F7K-2M9Q-X3TB';
const APPLICANT = {
  fullName: 'فاطمة أحمد',
  nationalId: '1087654321',
  mobile: '0551234567',
  city: 'الرياض',
  // The birth date field is day / month / year, Hijri by default (20 Shawwal 1410).
  'birthDate#day': '20',
  'birthDate#month': '10',
  'birthDate#year': '1410',
};

let harness: Harness;
before(async () => {
  harness = await startHarness(
    hostPage(`<sila-complaint-form></sila-complaint-form>
<sila-request-form></sila-request-form>
<sila-rating context="/e2e/reload"></sila-rating>
<sila-status-lookup></sila-status-lookup>`),
    {},
    { apiEnv: OWN_DATABASE },
  );
});
after(() => harness?.close());

const stepOf = (request: Locator) => request.locator('#step-title').getAttribute('data-step');
const valueOf = (widget: Locator, name: string) => widget.locator(`[name="${name}"]`).inputValue();

/** Autosave is synchronous on input; let Lit finish rendering before the reload. */
const settle = rendered;

it('a reload mid-form keeps the draft of every widget', { timeout: 60_000 }, async () => {
  const page = await harness.browser.newPage();
  try {
    await page.goto(harness.siteUrl);
    const complaint = await complaintForm(page);
    const request = page.locator('sila-request-form');
    const rating = page.locator('sila-rating');
    const lookup = page.locator('sila-status-lookup');

    // Complaint form: half filled.
    await complaint.locator('input[name="kind"][value="complaint"]').check();
    await complaint.locator('[name="category"]').selectOption('delay');
    await complaint.locator('[name="subject"]').fill(COMPLAINT.subject);
    await complaint.locator('[name="description"]').fill(COMPLAINT.description);

    // Request form: the applicant step done, one answer on the household step.
    await request.locator('[name="applicant.fullName"]').waitFor();
    for (const [name, value] of Object.entries(APPLICANT))
      await request.locator(`[name="applicant.${name}"]`).fill(value);
    await request.locator('button[type=submit]').click();
    await request.locator('#step-title[data-step="household"]').waitFor();
    await request.locator('[name="household.householdSize"]').fill('5');

    // Rating: a point chosen and a comment, not sent.
    await rating.locator('input[name=score][value="4"]').check({ force: true });
    await rating.locator('[name="comment"]').fill('الموظف كان متعاونًا');

    // Status lookup: both fields typed, not looked up.
    await lookup.locator('[name="reference"]').fill(REFERENCE);
    await lookup.locator('[name="verifier"]').fill('9090');
    await settle(page);

    await page.reload();
    await complaintForm(page);

    assert.equal(await complaint.locator('input[name="kind"][value="complaint"]').isChecked(), true);
    assert.equal(await complaint.locator('[name="category"]').inputValue(), 'delay');
    assert.equal(await valueOf(complaint, 'subject'), COMPLAINT.subject);
    assert.equal(await valueOf(complaint, 'description'), COMPLAINT.description);

    // The national ID is not kept by default, so the request form asks for it again on
    // the applicant step, with everything else back; then the household answer is there.
    assert.equal(await stepOf(request), 'applicant');
    assert.equal(await valueOf(request, 'applicant.fullName'), APPLICANT.fullName);
    assert.equal(await valueOf(request, 'applicant.mobile'), APPLICANT.mobile);
    assert.equal(await valueOf(request, 'applicant.nationalId'), '');
    await request.locator('[name="applicant.nationalId"]').fill(APPLICANT.nationalId);
    await request.locator('button[type=submit]').click();
    await request.locator('#step-title[data-step="household"]').waitFor();
    assert.equal(await valueOf(request, 'household.householdSize'), '5');

    assert.equal(await rating.locator('input[name=score]:checked').getAttribute('value'), '4');
    assert.equal(await valueOf(rating, 'comment'), 'الموظف كان متعاونًا');

    // A reference alone opens nothing: it is kept. The verifier is the secret: it is not.
    assert.equal(await valueOf(lookup, 'reference'), REFERENCE);
    assert.equal(await valueOf(lookup, 'verifier'), '');
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }));
    assert.doesNotMatch(stored, /9090/);
    assert.doesNotMatch(stored, new RegExp(APPLICANT.nationalId));
  } finally {
    await page.close();
  }
});

it('a status lookup that found its answer leaves no reference behind', { timeout: 60_000 }, async () => {
  // A real complaint to look up (straight to the API; the time trap wants a realistic fill time).
  const created = await fetch(`${harness.api.url}/v1/complaints`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
    body: JSON.stringify({
      kind: 'complaint',
      category: 'delay',
      subject: COMPLAINT.subject,
      description: COMPLAINT.description,
      contact: { name: COMPLAINT.name, mobile: '0551119876' },
      contactChannel: 'phone',
      consent: { accepted: true, version: 'privacy-v1' },
      channel: 'website',
      client: { locale: 'ar', fillMs: 45_000, hp: '' },
    }),
  });
  assert.equal(created.status, 201);
  const { reference } = (await created.json()) as { reference: string };
  const page = await harness.browser.newPage();
  try {
    await page.goto(harness.siteUrl);
    const lookup = page.locator('sila-status-lookup');
    await lookup.locator('[name="reference"]').fill(reference);
    await lookup.locator('[name="verifier"]').fill('9876');
    await lookup.locator('button[part="submit"]').click();
    await lookup.locator('[part~=result]').waitFor({ timeout: 15_000 });
    await page.reload();
    await lookup.locator('[name="reference"]').waitFor();
    assert.equal(await valueOf(lookup, 'reference'), '');
  } finally {
    await page.close();
  }
});
