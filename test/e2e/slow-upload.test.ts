/**
 * Slow 3G: a complaint with a 2 MB document over about 400 kbit/s and a 2 s round trip
 * (Chromium's own network emulation, which throttles request bodies too). The upload
 * takes about 40 s; it must succeed once, with the progress bar moving on the way.
 */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { startHarness, type Harness } from '../contract/bundle-harness.js';
import { complaintForm, fillComplaint, hostPage, OWN_DATABASE, staffDetail, staffList } from './e2e-page.js';

/** 400 kbit/s in bytes per second, as CDP wants it. */
const BYTES_PER_SECOND = 400_000 / 8;
const FILE_BYTES = 2 * 1024 * 1024;

/** A 2 MB PDF as the server sniffs it (its first bytes), padded to size. */
function pdfOfSize(size: number): Buffer {
  const head = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\n');
  const tail = Buffer.from('\ntrailer <<>>\n%%EOF\n');
  return Buffer.concat([head, Buffer.alloc(size - head.length - tail.length, 0x20), tail]);
}

let harness: Harness;
before(async () => {
  harness = await startHarness(hostPage('<sila-complaint-form></sila-complaint-form>'), {}, { apiEnv: OWN_DATABASE });
});
after(() => harness?.close());

it(
  'slow 3G (400 kbit/s, 2 s RTT): a 2 MB document is delivered once, with progress shown',
  { timeout: 100_000 },
  async (t) => {
    const page = await harness.browser.newPage();
    try {
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: 2_000,
        downloadThroughput: BYTES_PER_SECOND,
        uploadThroughput: BYTES_PER_SECOND,
      });
      const loadStart = Date.now();
      await page.goto(harness.siteUrl, { timeout: 60_000 });
      const form = await complaintForm(page);
      const loadMs = Date.now() - loadStart;

      const fillStart = Date.now();
      await fillComplaint(form, { mobile: '0557654321' });
      await form
        .locator('input[type=file]')
        .setInputFiles({ name: 'scan.pdf', mimeType: 'application/pdf', buffer: pdfOfSize(FILE_BYTES) });
      await page.waitForTimeout(Math.max(0, 2_000 - (Date.now() - fillStart))); // the server's time trap

      // Samples the progress bar every 100 ms from inside the page, so no value is missed
      // between Playwright round trips.
      await page.evaluate(() => {
        const seen: (number | null)[] = [];
        (window as unknown as { progressSeen: typeof seen }).progressSeen = seen;
        setInterval(() => {
          const bar = document
            .querySelector('sila-complaint-form')
            ?.shadowRoot?.querySelector('[part~=upload-progress] progress');
          if (bar) seen.push(bar.hasAttribute('value') ? Number(bar.getAttribute('value')) : null);
        }, 100);
      });
      const sendStart = Date.now();
      await form.locator('button[type=submit]').click();
      const reference = (await form.locator('[data-reference]').textContent({ timeout: 85_000 }))?.trim() ?? '';
      const sendMs = Date.now() - sendStart;
      assert.match(reference, /^C-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);

      const seen = await page.evaluate(() => (window as unknown as { progressSeen: (number | null)[] }).progressSeen);
      const values = [...new Set(seen.filter((value): value is number => value !== null))];
      t.diagnostic(
        `page + form-config ${loadMs} ms; upload to reference ${sendMs} ms (${((FILE_BYTES * 8) / sendMs).toFixed(0)} kbit/s effective)`,
      );
      t.diagnostic(
        `progress: ${seen.length} samples, ${values.length} distinct values from ${values[0]} to ${values.at(-1)}`,
      );
      assert.ok(
        values.some((value) => value > 0 && value < 100),
        `an intermediate progress value (seen: ${values.join(', ')})`,
      );
      // Really throttled: 2 MB at 400 kbit/s cannot arrive in less than about 40 s.
      assert.ok(sendMs >= (FILE_BYTES / BYTES_PER_SECOND) * 1000 * 0.9, `upload took only ${sendMs} ms: not throttled`);

      const list = await staffList(harness);
      assert.equal(list.total, 1, 'exactly one record');
      const stored = await staffDetail(harness, list.items[0]!.reference);
      assert.equal(stored.reference, reference.replace(/-/g, ''));
      assert.equal(stored.attachments.length, 1);
      assert.equal(stored.attachments[0].size, FILE_BYTES);
    } finally {
      await page.close();
    }
  },
);
