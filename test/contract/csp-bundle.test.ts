/**
 * The single-file bundle under a strict Content-Security-Policy with Trusted Types, as a
 * careful host (a government portal, a hardened WordPress) would serve it: every widget
 * must render and the complaint form must send, with not one violation.
 */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { TAGS, root, startHarness, type Harness } from './bundle-harness.js';

const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  'connect-src http://127.0.0.1:*',
  "require-trusted-types-for 'script'",
  'trusted-types lit-html',
].join('; ');

/** No inline script anywhere: configuration comes from a same-origin file, as CSP demands. */
const pageHtml = (script: string) => `<!doctype html>
<html lang="ar" dir="rtl">
<head><meta charset="utf-8"><title>Sila under CSP</title>
<script src="/config.js"></script>
<script src="/${script}"></script>
</head>
<body>
${TAGS.map((tag) => `<${tag}></${tag}>`).join('\n')}
</body>
</html>`;

let harness: Harness;

before(async () => {
  harness = await startHarness(
    (url) => {
      if (url.pathname === '/')
        return { type: 'text/html; charset=utf-8', data: pageHtml(url.searchParams.get('script') ?? 'sila.iife.js') };
      // The per-language files, read when asked (the bilingual one comes from the harness).
      const file = /^\/(sila\.(ar|en)\.iife\.js)$/.exec(url.pathname)?.[1];
      return file ? { type: 'text/javascript', data: readFileSync(`${root}dist/${file}`) } : undefined;
    },
    {
      'Content-Security-Policy': CSP,
    },
  );
});

after(() => harness?.close());

/** Opens the page and collects every CSP violation and console error from the start. */
async function openPage(script = 'sila.iife.js'): Promise<{ page: Page; problems: string[] }> {
  const page = await harness.browser.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  await page.exposeFunction('reportViolation', (text: string) => problems.push(`csp: ${text}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { reportViolation: (text: string) => void }).reportViolation;
      report(
        `${event.effectiveDirective} blocked ${event.blockedURI} at ${event.sourceFile}:${event.lineNumber} ${event.sample}`,
      );
    });
  });
  await page.goto(`${harness.siteUrl}/?script=${script}`);
  return { page, problems };
}

for (const script of ['sila.iife.js', 'sila.ar.iife.js', 'sila.en.iife.js'])
  it(`all four widgets define and render from ${script} under a strict CSP with Trusted Types`, async () => {
    const { page, problems } = await openPage(script);
    try {
      for (const tag of TAGS) {
        await page.waitForFunction(
          (name) => (document.querySelector(name)?.shadowRoot?.childElementCount ?? 0) > 0,
          tag,
        );
        const defined = await page.evaluate((name) => customElements.get(name) !== undefined, tag);
        assert.ok(defined, `${tag} is defined`);
      }
      // The forms fetch their config from the server: let that land and render too.
      await page.locator('sila-complaint-form [name="subject"]').waitFor();
      await page.locator('sila-request-form form, sila-request-form fieldset').first().waitFor();
      assert.deepEqual(problems, []);
    } finally {
      await page.close();
    }
  });

it('the complaint form sends to the reference server under the same CSP and shows a reference', async () => {
  const { page, problems } = await openPage();
  try {
    const started = Date.now();
    const form = page.locator('sila-complaint-form');
    await form.locator('input[name="kind"][value="complaint"]').check();
    await form.locator('[name="category"]').selectOption('delay');
    await form.locator('[name="subject"]').fill('تأخر الرد على طلبي');
    await form.locator('[name="description"]').fill('قدمت طلب مساعدة قبل شهر ولم يصلني أي رد حتى الآن.');
    await form.locator('[name="contact.name"]').fill('محمد عبدالله');
    await form.locator('[name="contact.mobile"]').fill('0551234567');
    await form.locator('input[type=checkbox][name="consent.accepted"]').check();
    // The server's time trap drops forms filled faster than a person can (fake 201).
    await page.waitForTimeout(Math.max(0, 2_000 - (Date.now() - started)));
    await form.locator('button[type=submit]').click();
    const reference = (await form.locator('[data-reference]').textContent({ timeout: 20_000 }))?.trim() ?? '';
    assert.match(reference, /\d/);
    // Really stored: the status lookup by reference and mobile finds it.
    const lookup = await fetch(`${harness.api.url}/v1/status`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ reference, verifier: '4567' }),
    });
    assert.equal(lookup.status, 200, await lookup.text());
    assert.deepEqual(problems, []);
  } finally {
    await page.close();
  }
});
