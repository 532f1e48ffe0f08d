/**
 * The single-file bundle under a strict Content-Security-Policy with Trusted Types, as a
 * careful host (a government portal, a hardened WordPress) would serve it: every widget
 * must render and the complaint form must send, with not one violation.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, it } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';

const root = new URL('../..', import.meta.url).pathname;
const bundlePath = `${root}dist/sila.iife.js`;
const TAGS = ['sila-request-form', 'sila-complaint-form', 'sila-rating', 'sila-status-lookup'] as const;

const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  'connect-src http://127.0.0.1:*',
  "require-trusted-types-for 'script'",
  'trusted-types lit-html',
].join('; ');

/** No inline script anywhere: configuration comes from a same-origin file, as CSP demands. */
const PAGE = `<!doctype html>
<html lang="ar" dir="rtl">
<head><meta charset="utf-8"><title>Sila under CSP</title>
<script src="/config.js"></script>
<script src="/sila.iife.js"></script>
</head>
<body>
${TAGS.map((tag) => `<${tag}></${tag}>`).join('\n')}
</body>
</html>`;

interface TestServer {
  url: string;
  stop: () => Promise<void>;
}
type StartTestServer = (root: string, env?: Record<string, string>) => Promise<TestServer>;

let bundle: Buffer;
let api: TestServer;
let site: Server;
let siteUrl: string;
let browser: Browser;

before(async () => {
  if (!existsSync(bundlePath)) execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'ignore' });
  // Read once: a rebuild elsewhere in the tree must not swap the file under the page.
  bundle = readFileSync(bundlePath);
  // A plain .mjs helper without declarations: typed here by hand.
  const helper = '../../scripts/test-server.mjs';
  const { startTestServer } = (await import(helper)) as { startTestServer: StartTestServer };
  api = await startTestServer(root, { SILA_ALLOWED_ORIGINS: '*' });
  site = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const body =
      path === '/' ? { type: 'text/html; charset=utf-8', data: PAGE }
      : path === '/sila.iife.js' ? { type: 'text/javascript', data: bundle }
      : path === '/config.js' ? { type: 'text/javascript', data: `window.SilaConfig = ${JSON.stringify({ endpoint: api.url })};` }
      : undefined;
    if (!body) {
      res.writeHead(404, { 'Content-Security-Policy': CSP }).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': body.type, 'Content-Security-Policy': CSP, 'Cache-Control': 'no-store' }).end(body.data);
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
});

after(async () => {
  await browser?.close();
  await new Promise((resolve) => (site ? site.close(resolve) : resolve(undefined)));
  await api?.stop();
});

/** Opens the page and collects every CSP violation and console error from the start. */
async function openPage(): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  await page.exposeFunction('reportViolation', (text: string) => problems.push(`csp: ${text}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { reportViolation: (text: string) => void }).reportViolation;
      report(`${event.effectiveDirective} blocked ${event.blockedURI} at ${event.sourceFile}:${event.lineNumber} ${event.sample}`);
    });
  });
  await page.goto(siteUrl);
  return { page, problems };
}

it('all four widgets define and render from the single-file bundle under a strict CSP with Trusted Types', async () => {
  const { page, problems } = await openPage();
  try {
    for (const tag of TAGS) {
      await page.waitForFunction((name) => (document.querySelector(name)?.shadowRoot?.childElementCount ?? 0) > 0, tag);
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
    const lookup = await fetch(`${api.url}/v1/status`, {
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
