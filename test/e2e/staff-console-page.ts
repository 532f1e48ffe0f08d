/**
 * What the staff console's end-to-end tests share: a real reference server serving the
 * built console at /staff/ (first admin from SILA_ADMIN_EMAIL/PASSWORD), Debian's
 * Chromium, accounts made through the API as the admin, cases sent through the public
 * API, and axe run in the page.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { ensureFreshBuild } from '../contract/fresh-build.js';
import { root } from '../contract/bundle-harness.js';
import { OWN_DATABASE } from './e2e-page.js';

export const ADMIN_EMAIL = 'admin@charity.example';
export const ADMIN_PASSWORD = 'first-admin-password-2026';
export const STAFF_PASSWORD = 'a long staff password 2026';

interface TestServer {
  url: string;
  stop: () => Promise<void>;
}

export interface ConsoleHarness {
  url: string;
  browser: Browser;
  close: () => Promise<void>;
}

/** `fresh: false` skips the stale-build check (a look at a console just built by hand). */
export async function startConsole(env: Record<string, string> = {}, { fresh = true } = {}): Promise<ConsoleHarness> {
  if (fresh) ensureFreshBuild(root);
  const helper = '../../scripts/test-server.mjs';
  const { startTestServer } = (await import(helper)) as {
    startTestServer: (root: string, env?: Record<string, string>) => Promise<TestServer>;
  };
  const server = await startTestServer(root, {
    ...OWN_DATABASE,
    SILA_ALLOWED_ORIGINS: '',
    SILA_ADMIN_EMAIL: ADMIN_EMAIL,
    SILA_ADMIN_PASSWORD: ADMIN_PASSWORD,
    ...env,
  });
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  return {
    url: server.url,
    browser,
    close: async () => {
      await browser.close();
      await server.stop();
    },
  };
}

/** A signed-in API session, as the console holds it: cookie and CSRF token. */
export class ApiSession {
  private constructor(
    private readonly base: string,
    private readonly cookie: string,
    private readonly csrf: string,
    readonly account: { id: string; name: string; role: string },
  ) {}

  static async signIn(base: string, email: string, password: string): Promise<ApiSession> {
    const answer = await fetch(`${base}/v1/staff/session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    const body = (await answer.json()) as any;
    assert.equal(answer.status, 200, JSON.stringify(body));
    const cookie = /(sila_staff=[^;]*)/.exec(answer.headers.get('set-cookie') ?? '')?.[1];
    assert.ok(cookie, 'session cookie');
    return new ApiSession(base, cookie, body.csrfToken, body.account);
  }

  async call(path: string, method = 'GET', body?: unknown): Promise<{ status: number; json: any }> {
    const answer = await fetch(`${this.base}${path}`, {
      method,
      headers: {
        Cookie: this.cookie,
        ...(method === 'GET' ? {} : { 'X-CSRF-Token': this.csrf }),
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await answer.text();
    return { status: answer.status, json: text ? JSON.parse(text) : undefined };
  }
}

/** An account made by the admin, its temporary password already changed (ready to sign in). */
export async function createAccount(
  base: string,
  admin: ApiSession,
  role: string,
  name: string,
): Promise<{ id: string; email: string; password: string }> {
  const email = `${role}-${randomUUID().slice(0, 6)}@charity.example`;
  const created = await admin.call('/v1/staff/accounts', 'POST', { name, email, role });
  assert.equal(created.status, 201, JSON.stringify(created.json));
  const first = await ApiSession.signIn(base, email, created.json.temporaryPassword);
  const changed = await first.call('/v1/staff/me/password', 'POST', {
    current: created.json.temporaryPassword,
    next: STAFF_PASSWORD,
  });
  assert.equal(changed.status, 204, JSON.stringify(changed.json));
  return { id: created.json.account.id, email, password: STAFF_PASSWORD };
}

async function publicPost(base: string, path: string, body: unknown): Promise<any> {
  const answer = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() },
    body: JSON.stringify(body),
  });
  const json = await answer.json();
  assert.equal(answer.status, 201, JSON.stringify(json));
  return json;
}

export const APPLICANT = { name: 'أحمد إبراهيم الشهري', mobile: '0557654321', nationalId: '1000000008' };

export function sendRequest(base: string, fullName = APPLICANT.name): Promise<{ reference: string }> {
  return publicPost(base, '/v1/requests', {
    audience: 'beneficiary',
    applicant: {
      fullName,
      nationalId: APPLICANT.nationalId,
      mobile: APPLICANT.mobile,
      email: 'ahmad@example.com',
      city: 'الرياض',
      birthDate: '1985-03-02',
    },
    household: { householdSize: '6', incomeBracket: 'under_3000', employment: 'unemployed', housing: 'rented' },
    service: 'food_basket',
    description: 'أسرة من ستة أفراد بحاجة إلى سلة غذائية شهرية بعد توقف دخل رب الأسرة.',
    declaration: { accepted: true, version: 'declaration-v1' },
    consent: { accepted: true, version: 'privacy-v1' },
    client: { locale: 'ar', fillMs: 120_000, hp: '' },
  });
}

export function sendComplaint(base: string, name = 'سارة محمد العتيبي'): Promise<{ reference: string }> {
  return publicPost(base, '/v1/complaints', {
    kind: 'complaint',
    category: 'delay',
    subject: 'تأخر الرد على طلبي',
    description: 'قدمت طلبًا منذ شهر ولم يصلني أي رد حتى الآن.',
    contactChannel: 'phone',
    contact: { name, mobile: '0551234567' },
    consent: { accepted: true, version: 'privacy-v1' },
    client: { locale: 'ar', fillMs: 45_000, hp: '' },
  });
}

/** A page of the console at the given width, in the given language, with its errors collected. */
export async function openConsole(
  harness: ConsoleHarness,
  { width = 1280, lang = 'ar' as 'ar' | 'en' } = {},
): Promise<{ page: Page; console: Locator; errors: string[] }> {
  const context = await harness.browser.newContext({
    viewport: { width, height: 900 },
    locale: lang === 'ar' ? 'ar-SA' : 'en-GB',
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    // 401s of "am I signed in" and wrong passwords are expected; a CSP refusal is not.
    if (message.type() === 'error' && !/status of 40[139]/.test(message.text())) errors.push(message.text());
  });
  await page.goto(`${harness.url}/staff/`);
  if (lang === 'en') await page.evaluate(() => localStorage.setItem('sila-staff-locale', 'en'));
  if (lang === 'en') await page.reload();
  const element = page.locator('sila-staff-console');
  await element.locator('input[name="email"], header').first().waitFor({ timeout: 30_000 });
  return { page, console: element, errors };
}

export async function signInThroughPage(console: Locator, email: string, password: string): Promise<void> {
  await console.locator('input[name="email"]').fill(email);
  await console.locator('input[name="password"]').fill(password);
  await console.locator('sila-staff-sign-in button[type="submit"]').click();
  await console.locator('header.bar').waitFor();
}

const AXE = readFileSync(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');

/** axe-core over the whole page, shadow roots included; the violations, described. */
export async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol, which the page's CSP does not govern.
  await page.evaluate(AXE);
  const violations = await page.evaluate(async () => {
    const result = await (window as any).axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map(
      (v: any) => `${v.id}: ${v.help} (${v.nodes.map((n: any) => JSON.stringify(n.target)).join(', ')})`,
    );
  });
  return violations as string[];
}

/** Whether anything sticks out sideways (the page scrolls horizontally). */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}
