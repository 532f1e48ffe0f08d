/**
 * A charity puts the form on its own site but the service does not allow that site
 * (CORS; SILA_ALLOWED_ORIGINS on the reference server). The browser hides the reason
 * from the page, so: the person must not be told they are offline (their connection
 * works), their complaint waits in the browser, and the site's developer finds the cause
 * in the console.
 */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { startHarness, type Harness } from '../contract/bundle-harness.js';
import { COMPLAINT, complaintForm, fillComplaint, hostPage, OWN_DATABASE, staffList } from './e2e-page.js';

let harness: Harness;
before(async () => {
  harness = await startHarness(
    hostPage('<sila-complaint-form></sila-complaint-form>'),
    {},
    {
      apiEnv: { ...OWN_DATABASE, SILA_ALLOWED_ORIGINS: 'https://another-charity.example' },
    },
  );
});
after(() => harness?.close());

it(
  'a site the service does not allow: "not answering", never "offline"; the answers wait; the console names the setting',
  { timeout: 60_000 },
  async () => {
    const page = await harness.browser.newPage();
    const warnings: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'warning') warnings.push(message.text());
    });
    // The widget's beacon to the service: text/plain, so no preflight, and it gets there.
    const reports: { body: string | null; type: string | undefined }[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/v1/client-reports'))
        reports.push({ body: request.postData(), type: request.headers()['content-type'] });
    });
    try {
      await page.goto(harness.siteUrl);
      const form = await complaintForm(page);
      const started = Date.now();
      await fillComplaint(form);
      await page.waitForTimeout(Math.max(0, 1_800 - (Date.now() - started))); // the time trap
      await form.locator('button[type=submit]').click();

      const notice = form.locator('[part~=status]');
      await notice.waitFor({ timeout: 30_000 });
      const text = (await notice.textContent())?.replace(/\s+/g, ' ').trim() ?? '';
      assert.match(text, /بانتظار الإرسال/);
      // The truth: not sent, kept on this device, and what to do when it keeps failing.
      assert.match(text, /لم تُرسَل بعد: الخدمة لم تستجب لهذا الموقع/);
      assert.match(text, /تواصل مع الجمعية/);
      assert.doesNotMatch(text, /غير متصل/);
      assert.equal(await page.evaluate(() => navigator.onLine), true);

      const hint = warnings.filter((warning) => warning.startsWith('Sila:'));
      assert.equal(hint.length, 1, `one hint: ${JSON.stringify(warnings)}`);
      assert.ok(
        hint[0]!.includes(harness.api.url) &&
          hint[0]!.includes(harness.siteUrl) &&
          hint[0]!.includes('SILA_ALLOWED_ORIGINS'),
        hint[0],
      );

      // Kept in the browser's outbox (idb-keyval: database "sila", store "outbox") to go out later.
      const waiting = await page.evaluate(async () => {
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const request = indexedDB.open('sila');
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        const count = await new Promise<number>((resolve, reject) => {
          const request = db.transaction('outbox').objectStore('outbox').count();
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        db.close();
        return count;
      });
      assert.equal(waiting, 1);
      assert.equal(await form.locator('[name="subject"]').inputValue(), COMPLAINT.subject);
      assert.equal((await staffList(harness)).total, 0, 'nothing reached the service');

      // The service heard of the refused site all the same (it logs the origin).
      // (The server's side, 204 and the origin logged once an hour: test/server/client-reports.test.ts.)
      for (let i = 0; i < 50 && reports.length === 0; i++) await page.waitForTimeout(100);
      assert.equal(reports.length, 1, JSON.stringify(reports));
      assert.equal(reports[0]!.body, '{"reason":"unreachable"}');
      assert.match(reports[0]!.type ?? '', /^text\/plain/);
    } finally {
      await page.close();
    }
  },
);
