/**
 * What the WordPress tests do in Chromium: sign in, read what a published page loaded,
 * place a block in the editor as a person would, and fill the request form.
 */
import type { Locator, Page } from 'playwright-core';
import { PASSWORD } from './site.js';

/**
 * Signs in through wp-login.php. WordPress's own login is not under test here: when it
 * answers with an error (seen once in CI, back on wp-login.php with no reason kept), the
 * error is printed and the sign-in tried once more; a second refusal fails with its text.
 */
export async function signIn(page: Page, siteUrl: string, login: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await page.goto(`${siteUrl}/wp-login.php`);
    await page.fill('#user_login', login);
    await page.fill('#user_pass', PASSWORD);
    await page.click('#wp-submit');
    const refused = page.locator('#login_error');
    const signedIn = page.waitForURL(/wp-admin/).then(() => true);
    const shown = refused.waitFor().then(() => false);
    // The outcome that does not come times out later: handled, not an unhandled rejection.
    signedIn.catch(() => undefined);
    shown.catch(() => undefined);
    if (await Promise.race([signedIn, shown])) return;
    const reason = (await refused.textContent())?.trim() ?? '(no message)';
    if (attempt === 2) throw new Error(`WordPress refused the sign-in of ${login} twice: ${reason}`);
    console.warn(`WordPress refused the sign-in of ${login} (${reason}); trying once more`);
  }
}

export interface PageFacts {
  /** src of every script loaded from the plugin's assets. */
  silaScripts: { src: string; defer: boolean; inBody: boolean }[];
  /** Inline scripts that mention Sila (there must be none). */
  inlineSila: number;
  /** Each Sila element: defined, has a shadow root, and its attributes. */
  elements: { tag: string; defined: boolean; shadow: boolean; attributes: Record<string, string>; accent: string }[];
  lang: string;
  dir: string;
}

export async function pageFacts(page: Page): Promise<PageFacts> {
  await page.waitForLoadState('load');
  return page.evaluate(async () => {
    const tags = ['sila-complaint-form', 'sila-request-form', 'sila-rating', 'sila-status-lookup'];
    const found = [...document.querySelectorAll(tags.join(','))];
    await Promise.all(found.map((el) => customElements.whenDefined(el.localName)));
    return {
      silaScripts: [...document.querySelectorAll<HTMLScriptElement>('script[src*="/sila-widgets/assets/"]')].map(
        (script) => ({
          src: script.src,
          defer: script.defer,
          inBody: document.body.contains(script),
        }),
      ),
      inlineSila: [...document.querySelectorAll('script:not([src])')].filter((script) =>
        /sila/i.test(script.textContent ?? ''),
      ).length,
      elements: found.map((el) => ({
        tag: el.localName,
        defined: customElements.get(el.localName) !== undefined,
        shadow: el.shadowRoot !== null && el.shadowRoot.childElementCount > 0,
        attributes: Object.fromEntries([...el.attributes].map((a) => [a.name, a.value])),
        accent: getComputedStyle(el).getPropertyValue('--sila-color-accent').trim(),
      })),
      lang: document.documentElement.lang,
      dir: document.documentElement.dir,
    };
  });
}

/** Horizontal overflow of the page in CSS pixels (0: no sideways scrolling). */
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

async function choose(form: Locator, name: string, value: string): Promise<void> {
  const select = form.locator(`select[name="${name}"]`);
  if (await select.count()) await select.selectOption(value);
  else await form.locator(`input[name="${name}"][value="${value}"]`).check();
}

/** Fills every step of the beneficiary's service request and sends it. */
export async function sendRequest(form: Locator): Promise<void> {
  const step = () => form.locator('#step-title').getAttribute('data-step');
  await form.locator('[name="applicant.fullName"]').waitFor();
  // The server stores nothing from a form filled faster than a person can (its time trap,
  // 1.5 s: a believable reference comes back, nothing is kept). On a quiet machine this
  // script is that fast, so it takes at least a person's minimum before sending.
  const shownAt = Date.now();
  for (let i = 0; i < 8; i++) {
    const current = await step();
    if (current === 'applicant') {
      await form.locator('[name="applicant.fullName"]').fill('فاطمة أحمد');
      await form.locator('[name="applicant.nationalId"]').fill('1087654321');
      await form.locator('[name="applicant.mobile"]').fill('0551234567');
      await form.locator('[name="applicant.city"]').fill('الرياض');
      // Three boxes after a calendar choice (#21.3): 15 May 1990, Gregorian.
      await form.locator('input[name="applicant.birthDate#calendar"][value="gregory"]').check();
      await form.locator('[name="applicant.birthDate#day"]').fill('15');
      await form.locator('[name="applicant.birthDate#month"]').fill('5');
      await form.locator('[name="applicant.birthDate#year"]').fill('1990');
    } else if (current === 'household') {
      await form.locator('[name="household.householdSize"]').fill('5');
      await choose(form, 'household.incomeBracket', 'under_3000');
      await choose(form, 'household.employment', 'unemployed');
      await choose(form, 'household.housing', 'rented');
    } else if (current === 'service') {
      await choose(form, 'service', 'housing_support');
      await form.locator('[name="description"]').fill('أحتاج إلى مساعدة في دفع إيجار المسكن لهذا العام.');
    } else if (current === 'declaration') {
      await form.locator('input[type=checkbox][name="declaration.accepted"]').check();
      await form.locator('input[type=checkbox][name="consent.accepted"]').check();
      await form.page().waitForTimeout(Math.max(0, 2_000 - (Date.now() - shownAt)));
      await form.locator('button[type=submit]').click();
      return;
    }
    await form.locator('button[type=submit]').click();
    await form
      .page()
      .waitForFunction(
        ([el, before]) =>
          (el as Element).shadowRoot?.querySelector('#step-title')?.getAttribute('data-step') !== before,
        [await form.elementHandle(), current] as const,
        { timeout: 10_000 },
      );
  }
  throw new Error('the request form never reached its declaration step');
}
