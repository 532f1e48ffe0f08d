/**
 * "Information needed" answered from the status lookup, seen by staff in the console, in
 * Debian's Chromium against a real reference server: an officer asks for a document,
 * the person looks the request up on the association's page, writes the answer and adds
 * the PDF; the officer opens the case and finds the answer and the document, and the
 * case is under review again.
 */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  APPLICANT,
  ApiSession,
  axeViolations,
  createAccount,
  openConsole,
  sendRequest,
  signInThroughPage,
  startConsole,
  type ConsoleHarness,
} from './staff-console-page.js';

const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n');
const QUESTION = 'أرفق صورة عقد الإيجار من فضلك.';
const ANSWER = 'أرفقت صورة عقد الإيجار، وهو ساري حتى نهاية العام.';

let harness: ConsoleHarness;
let officer: { email: string; password: string };
let reference: string;

before(async () => {
  // The demo page is the association's page here: it embeds the lookup on this origin.
  harness = await startConsole({ SILA_SERVE_STATIC: '1' });
  const admin = await ApiSession.signIn(harness.url, ADMIN_EMAIL, ADMIN_PASSWORD);
  officer = await createAccount(harness.url, admin, 'officer', 'ريم عبدالله');
  reference = (await sendRequest(harness.url)).reference;
  const asOfficer = await ApiSession.signIn(harness.url, officer.email, officer.password);
  const asked = await asOfficer.call(`/v1/staff/submissions/${reference}/status`, 'POST', {
    status: 'needs_info',
    note: QUESTION,
    version: 1,
  });
  assert.equal(asked.status, 200, JSON.stringify(asked.json));
});
after(() => harness?.close());

it(
  'a person answers with a document from the lookup; the officer sees both in the case',
  { timeout: 180_000 },
  async () => {
    const context = await harness.browser.newContext({ viewport: { width: 375, height: 900 }, locale: 'ar-SA' });
    const page = await context.newPage();
    try {
      await page.goto(`${harness.url}/demo/?lang=ar`);
      const lookup = page.locator('sila-status-lookup');
      await lookup.locator('input[name="reference"]').fill(reference);
      await lookup.locator('input[name="verifier"]').fill(APPLICANT.mobile.slice(-4));
      await lookup.locator('button[part~="submit"]').click();
      const form = lookup.locator('[part~="reply-form"]');
      await form.waitFor({ timeout: 20_000 });
      assert.equal((await lookup.locator('[part~="needs-info"] .note').textContent())?.trim(), QUESTION);
      await form.locator('textarea[name="message"]').fill(ANSWER);
      await form
        .locator('input[type=file][name="attachments.reply_1"]')
        .setInputFiles({ name: 'عقد الإيجار.pdf', mimeType: 'application/pdf', buffer: PDF });
      await form.locator('button[part~="reply-submit"]').click();
      await lookup.locator('[part~="reply-sent"]').waitFor({ timeout: 20_000 });
      await lookup.locator('[part~="badge"][data-status="under_review"]').waitFor();
    } finally {
      await context.close();
    }

    const { page: staffPage, console, errors } = await openConsole(harness, { width: 1280 });
    try {
      await signInThroughPage(console, officer.email, officer.password);
      await staffPage.evaluate((ref) => (location.hash = `#/case/${ref}`), reference);
      const view = console.locator('sila-staff-case');
      await view.locator('#status-line').waitFor();
      const reply = view.locator('.entry', { hasText: 'رد من المستفيد' });
      await reply.waitFor();
      assert.ok((await reply.textContent())?.includes(ANSWER), 'the answer in the timeline');
      assert.match((await reply.textContent()) ?? '', /الوثائق المضافة: 1/);
      // The document is among the case's documents, ready to download.
      const download = view.locator('#attachments-title ~ ul a[download]');
      assert.equal(await download.count(), 1);
      assert.match((await view.locator('#status-line').textContent()) ?? '', /قيد الدراسة/);
      assert.deepEqual(await axeViolations(staffPage), [], 'axe: the case with the reply');
      assert.deepEqual(errors, []);
    } finally {
      await staffPage.context().close();
    }
  },
);
