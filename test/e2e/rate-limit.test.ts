/**
 * The per-IP limit of public POSTs seen from a person's browser: a server of its own
 * allows 3 a minute; the 4th complaint gets the generic 429, and the form says so in
 * Arabic with the time to try again, keeping every answer.
 */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { Response } from 'playwright-core';
import { startHarness, type Harness } from '../contract/bundle-harness.js';
import { clockAtMinuteStart } from '../server/shifted-clock.js';
import { COMPLAINT, complaintForm, fillComplaint, hostPage, OWN_DATABASE, staffList } from './e2e-page.js';

const LIMIT = 3;
// The server's clock starts at the top of a minute: its clock-aligned window is fresh.
const clock = clockAtMinuteStart();

let harness: Harness;
before(async () => {
  harness = await startHarness(
    hostPage('<sila-complaint-form></sila-complaint-form>'),
    {},
    {
      apiEnv: { ...OWN_DATABASE, ...clock.env, SILA_RATE_LIMIT_PER_MINUTE: String(LIMIT) },
    },
  );
});
after(() => harness?.close());

it(
  'over the per-IP limit: a generic 429, the time to retry shown in Arabic, nothing typed lost',
  { timeout: 120_000 },
  async () => {
    // The server counts in clock-aligned one-minute windows (shared between instances): all
    // the posts must fall in one. Its clock started at the top of a minute; only when starting
    // took over 25 s (a very busy machine) is too little of it left, and the next one is awaited.
    const leftMs = clock.leftInWindow();
    if (leftMs < 35_000) await new Promise((resolve) => setTimeout(resolve, leftMs + 250));
    const page = await harness.browser.newPage();
    const posts: Response[] = [];
    page.on('response', (response) => {
      if (response.request().method() === 'POST') posts.push(response);
    });
    try {
      for (let n = 1; n <= LIMIT + 1; n++) {
        await page.goto(harness.siteUrl);
        const form = await complaintForm(page);
        const started = Date.now();
        await fillComplaint(form, { mobile: `055000000${n}` });
        await page.waitForTimeout(Math.max(0, 1_800 - (Date.now() - started))); // the time trap
        await form.locator('button[type=submit]').click();
        if (n <= LIMIT) {
          await form.locator('[data-reference]').waitFor({ timeout: 15_000 });
          continue;
        }
        // The 4th: refused by the limit.
        const notice = form.locator('[part~=status]');
        await notice.waitFor({ timeout: 15_000 });
        const text = (await notice.textContent())?.replace(/\s+/g, ' ').trim() ?? '';
        assert.match(text, /محاولات كثيرة جدًا\. إجاباتك محفوظة، ويمكنك إرسالها مرة أخرى الساعة \d{1,2}:\d{2}/);
        // Focus goes to the notice, so a screen reader user hears it.
        assert.equal(
          await page.evaluate(() => document.querySelector('sila-complaint-form')!.shadowRoot!.activeElement?.id),
          'status-message',
        );
        assert.equal(await form.locator('[name="subject"]').inputValue(), COMPLAINT.subject);
        assert.equal(await form.locator('[name="description"]').inputValue(), COMPLAINT.description);
        assert.equal(await form.locator('[name="contact.name"]').inputValue(), COMPLAINT.name);
        assert.equal(await form.locator('[name="contact.mobile"]').inputValue(), `055000000${n}`);
        assert.equal(await form.locator('input[type=checkbox][name="consent.accepted"]').isChecked(), true);
      }

      const statuses = posts.map((response) => response.status());
      assert.deepEqual(statuses.slice(0, LIMIT), [201, 201, 201]);
      const refused = posts.slice(LIMIT);
      assert.ok(
        refused.length >= 1 && refused.every((response) => response.status() === 429),
        `then 429: ${statuses.join(', ')}`,
      );

      // Generic: the problem type, a code and a fixed sentence; no address, count, limit or echo.
      const answer = refused[0]!;
      const retryAfter = Number(answer.headers()['retry-after']);
      assert.ok(retryAfter > 0 && retryAfter <= 60, `Retry-After ${retryAfter}`);
      assert.match(answer.headers()['content-type'] ?? '', /^application\/problem\+json/);
      const body = (await answer.json()) as Record<string, unknown>;
      assert.deepEqual(Object.keys(body).sort(), ['code', 'detail', 'status', 'title', 'type']);
      assert.equal(body.code, 'rate_limited');
      assert.equal(body.status, 429);
      const raw = await answer.text();
      for (const secret of ['127.0.0.1', '::1', String(LIMIT), 'محمد', '0550000004'])
        assert.ok(!raw.includes(secret), `429 body mentions ${secret}: ${raw}`);

      assert.equal((await staffList(harness)).total, LIMIT, 'only the allowed submissions are stored');
    } finally {
      await page.close();
    }
  },
);
