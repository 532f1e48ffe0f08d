/**
 * Personal data rights in the console, as an administrator uses them (the built console,
 * the real server, Chromium): find a person by national ID, see what is held, download it
 * as JSON and CSV, correct the mobile (a wrong one refused by the field first), erase a
 * case after typing its reference (a wrong one refused). axe and the 768 px width in every
 * state; screenshots in both languages when SILA_SCREENSHOTS names a folder.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, it } from 'node:test';
import { formatReference } from '../../src/contract/identifiers.js';
import {
  ADMIN_LOGIN,
  checkState,
  newDesk,
  openView,
  screenshot,
  signIn,
  startStaffHarness,
  type StaffHarness,
} from './staff-admin-e2e.js';
import { APPLICANT, sendComplaint, sendRequest } from './staff-console-page.js';

let harness: StaffHarness;
before(async () => {
  harness = await startStaffHarness();
});
after(() => harness?.close());

it('an admin finds a person, downloads, corrects and erases their data', { timeout: 300_000 }, async () => {
  const { reference } = await sendRequest(harness.url);
  const other = await sendComplaint(harness.url);
  const { page } = await newDesk(harness, 'en');
  await signIn(page, ADMIN_LOGIN);
  const view = await openView(page, 'privacy', 'sila-staff-privacy');
  await checkState(page, 'privacy');

  // Nothing typed: the error by the field and in the summary.
  const search = view.locator('form[aria-labelledby="search-title"]');
  await search.locator('button[type=submit]').click();
  await view.locator('#error-summary').waitFor();
  assert.equal(await view.locator('#f-value-error').count(), 1);
  await search.locator('[name="value"]').fill('123');
  await search.locator('button[type=submit]').click();
  await view.locator('#f-value-error').waitFor();
  await checkState(page, 'privacy search error');

  await search.locator('[name="value"]').fill(APPLICANT.nationalId);
  await search.locator('button[type=submit]').click();
  const card = view.locator(`article[data-case="${reference}"]`);
  await card.waitFor();
  assert.equal(await view.locator('article[data-case]').count(), 1, 'only this person’s case');
  assert.equal(await view.locator(`article[data-case="${other.reference}"]`).count(), 0);
  assert.equal((await card.locator('[data-field="nationalId"]').textContent())?.trim(), APPLICANT.nationalId);
  assert.equal((await card.locator('[data-field="mobile"]').textContent())?.trim(), '+966557654321');
  await checkState(page, 'privacy found');
  await screenshot(page, 'privacy-found');

  // Everything held, as files.
  for (const format of ['json', 'csv'] as const) {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      view.locator(`[data-download="${format}"]`).click(),
    ]);
    assert.equal(download.suggestedFilename(), `personal-data.${format}`);
    const text = await readFile((await download.path())!, 'utf8');
    assert.ok(text.includes(APPLICANT.nationalId), `${format} holds the national ID`);
    assert.ok(text.includes(reference), `${format} holds the case`);
  }

  // Correct the mobile: a wrong one is refused by the field, nothing sent.
  await card.locator('[data-do="correct"]').click();
  const correction = card.locator('form[data-correction]');
  await correction.locator('[name="mobile"]').fill('12345');
  await correction.locator('button[type=submit]').click();
  await view.locator('#error-summary').waitFor();
  assert.equal(await view.locator('#f-mobile-error').count(), 1);
  await checkState(page, 'privacy correction error');
  await screenshot(page, 'privacy-correct');
  await correction.locator('[name="mobile"]').fill('0509998877');
  await correction.locator('button[type=submit]').click();
  await card.locator('[data-field="mobile"]', { hasText: '+966509998877' }).waitFor();
  assert.equal(await card.locator('form[data-correction]').count(), 0);

  // Erase: the reference typed wrong is refused; typed right, the case reads empty.
  await card.locator('[data-do="erase"]').click();
  const erasure = card.locator('form[data-erasure]');
  await erasure.locator('[name="confirm"]').fill(formatReference(other.reference));
  await erasure.locator('button[type=submit]').click();
  await view.locator('#f-confirm-error').waitFor();
  await checkState(page, 'privacy erase confirmation');
  await screenshot(page, 'privacy-erase');
  await erasure.locator('[name="confirm"]').fill(formatReference(reference).toLowerCase());
  await erasure.locator('button[type=submit]').click();
  await card.locator('[data-anonymised]').waitFor();
  assert.equal(await card.locator('[data-field]').count(), 0);
  assert.equal(await card.locator('[data-do]').count(), 0, 'nothing left to correct or erase');
  await checkState(page, 'privacy erased');
  await screenshot(page, 'privacy-erased');

  // Searched again by the same number: nothing is held any more.
  await search.locator('button[type=submit]').click();
  await view.locator('[data-results] h2', { hasText: 'Nothing is held' }).waitFor();
});
