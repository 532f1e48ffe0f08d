/**
 * What the staff console's admin and intake end-to-end tests share, on top of the console
 * harness (staff-console-page.ts): signing in like a person (with the TOTP step), opening
 * a view, axe and the 768 px width in every state, screenshots in both languages.
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { rendered } from './e2e-page.js';
import { axeViolations, horizontalOverflow, startConsole, type ConsoleHarness } from './staff-console-page.js';

export const ADMIN_LOGIN = { email: 'admin@example.org', password: 'correct horse battery staple' };
export const TOKEN = { Authorization: 'Bearer test-admin-token-0123456789abcdef' };

export type StaffHarness = ConsoleHarness;

/** C1's console harness (staff-console-page.ts) with this suite's first admin. */
export function startStaffHarness(env: Record<string, string> = {}): Promise<StaffHarness> {
  return startConsole({ SILA_ADMIN_EMAIL: ADMIN_LOGIN.email, SILA_ADMIN_PASSWORD: ADMIN_LOGIN.password, ...env });
}

/**
 * A browser profile of its own (its own cookie jar: one person at one desk), in a language.
 */
export async function newDesk(
  harness: StaffHarness,
  locale: 'ar' | 'en' = 'en',
  width = 1280,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await harness.browser.newContext({ viewport: { width, height: 900 }, acceptDownloads: true });
  await context.addInitScript((value) => localStorage.setItem('sila-staff-locale', value), locale);
  const page = await context.newPage();
  await page.goto(`${harness.url}/staff/`);
  return { context, page };
}

export function consoleOf(page: Page): Locator {
  return page.locator('sila-staff-console');
}

/** Signs in through the form (the TOTP step when asked) and waits for the navigation. */
export async function signIn(
  page: Page,
  login: { email: string; password: string },
  totp?: () => string,
): Promise<void> {
  const form = page.locator('sila-staff-sign-in').first();
  await form.locator('[name="email"]').fill(login.email);
  await form.locator('[name="password"]').fill(login.password);
  await form.locator('button[type=submit]').click();
  if (totp) {
    await form.locator('[name="totp"]').waitFor();
    await form.locator('[name="totp"]').fill(totp());
    await form.locator('button[type=submit]').click();
  }
  await consoleOf(page).locator('header.bar').waitFor({ timeout: 20_000 });
}

/** Opens a view from the address (as the navigation links do) and waits for its heading. */
export async function openView(page: Page, id: string, tag: string): Promise<Locator> {
  await page.evaluate((hash) => (location.hash = hash), `#/${id}`);
  const view = consoleOf(page).locator(tag);
  await view.locator('h1').waitFor({ timeout: 20_000 });
  return view;
}

/** axe over the whole page (open shadow roots included): no violation. */
export async function assertAccessible(page: Page, state: string): Promise<void> {
  assert.deepEqual(await axeViolations(page), [], `axe violations in ${state}`);
}

/** Nothing wider than the window (a 768 px reception tablet scrolls only downwards). */
export async function assertNoSidewaysScroll(page: Page, state: string): Promise<void> {
  assert.equal(await horizontalOverflow(page), 0, `${state}: the page scrolls sideways`);
}

/** Switches the console's language with its own button (a no-op when it is already on). */
export async function useLanguage(page: Page, lang: 'ar' | 'en'): Promise<void> {
  if ((await page.evaluate(() => document.documentElement.lang)) === lang) return;
  await consoleOf(page).locator(`header.bar button[lang="${lang}"]`).click();
  await page.waitForFunction((value) => document.documentElement.lang === value, lang);
}

/**
 * When SILA_SCREENSHOTS names a folder: full-page screenshots of the current state in
 * Arabic and English, at 1280 and 768 px (name-ar-1280.png …); the page is left as found.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  const dir = process.env.SILA_SCREENSHOTS;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  const lang = (await page.evaluate(() => document.documentElement.lang)) as 'ar' | 'en';
  const viewport = page.viewportSize() ?? { width: 1280, height: 900 };
  for (const shown of [lang, lang === 'ar' ? 'en' : 'ar'] as const) {
    await useLanguage(page, shown);
    for (const width of [1280, 768]) {
      await page.setViewportSize({ width, height: 900 });
      await rendered(page);
      // Long lists are cut at 2400 px: the top says what the view looks like.
      const height = Math.min(2400, await page.evaluate(() => document.documentElement.scrollHeight));
      await page.screenshot({
        path: `${dir}/${name}-${shown}-${width}.png`,
        fullPage: true,
        clip: { x: 0, y: 0, width, height },
      });
    }
  }
  await useLanguage(page, lang);
  await page.setViewportSize(viewport);
}

/** Every state check at once: axe, no sideways scroll at 768 px, and the screenshot. */
export async function checkState(page: Page, name: string): Promise<void> {
  await rendered(page);
  await assertAccessible(page, name);
  const width = page.viewportSize()?.width ?? 1280;
  await page.setViewportSize({ width: 768, height: 900 });
  await assertNoSidewaysScroll(page, `${name} at 768 px`);
  await page.setViewportSize({ width, height: 900 });
}

/** Cases stored on the server, through the integration token (what the server really has). */
export async function storedCases(url: string): Promise<{ reference: string; channel: string }[]> {
  const answer = await fetch(`${url}/v1/staff/submissions?limit=100`, { headers: TOKEN });
  assert.equal(answer.status, 200, await answer.clone().text());
  return ((await answer.json()) as { items: { reference: string; channel: string }[] }).items;
}
