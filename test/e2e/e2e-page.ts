/**
 * What the end-to-end tests share: a host page with the built bundle, a person filling
 * the complaint form through Playwright, and the staff API of the harness's server.
 */
import type { Locator, Page } from 'playwright-core';
import type { Harness, Route } from '../contract/bundle-harness.js';

export const ADMIN = { Authorization: 'Bearer test-admin-token-0123456789abcdef' };

/**
 * The API of an e2e test always runs on a fresh in-memory embedded database, even when
 * the suite has DATABASE_URL set (records are counted: nothing else may be in there).
 */
export const OWN_DATABASE = { DATABASE_URL: '', SILA_DATA_DIR: 'memory://' };

/** A host page (Arabic, right-to-left by default) with the given widget markup. */
export function hostPage(body: string, lang: 'ar' | 'en' = 'ar'): Route {
  const html = `<!doctype html>
<html lang="${lang}" dir="${lang === 'ar' ? 'rtl' : 'ltr'}">
<head><meta charset="utf-8"><title>Sila e2e</title>
<script src="/config.js"></script>
<script src="/sila.iife.js"></script>
</head>
<body>
${body}
</body>
</html>`;
  return (url) => (url.pathname === '/' ? { type: 'text/html; charset=utf-8', data: html } : undefined);
}

export const COMPLAINT = {
  subject: 'تأخر الرد على طلبي',
  description: 'قدمت طلب مساعدة قبل شهر ولم يصلني أي رد حتى الآن.',
  name: 'محمد عبدالله',
  mobile: '0551234567',
};

/** Waits for the complaint form and its server form-config (the categories). */
export async function complaintForm(page: Page): Promise<Locator> {
  const form = page.locator('sila-complaint-form');
  await form.locator('[name="category"] option[value="delay"]').waitFor({ state: 'attached', timeout: 30_000 });
  return form;
}

/** Fills every required field the way a person would (real key and click events). */
export async function fillComplaint(form: Locator, values: Partial<typeof COMPLAINT> = {}): Promise<void> {
  const v = { ...COMPLAINT, ...values };
  await form.locator('input[name="kind"][value="complaint"]').check();
  await form.locator('[name="category"]').selectOption('delay');
  await form.locator('[name="subject"]').fill(v.subject);
  await form.locator('[name="description"]').fill(v.description);
  await form.locator('[name="contact.name"]').fill(v.name);
  await form.locator('[name="contact.mobile"]').fill(v.mobile);
  await form.locator('input[type=checkbox][name="consent.accepted"]').check();
}

/** Every stored submission, through the staff API (newest first, every page). */
export async function staffList(harness: Harness): Promise<{ total: number; items: { reference: string }[] }> {
  const items: { reference: string }[] = [];
  let cursor: string | undefined;
  do {
    const answer = await fetch(
      `${harness.api.url}/v1/staff/submissions?limit=100${cursor ? `&cursor=${cursor}` : ''}`,
      { headers: ADMIN },
    );
    if (answer.status !== 200) throw new Error(`staff list: ${answer.status} ${await answer.text()}`);
    const page = (await answer.json()) as { items: { reference: string }[]; nextCursor?: string };
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return { total: items.length, items };
}

export async function staffDetail(harness: Harness, reference: string): Promise<any> {
  const answer = await fetch(`${harness.api.url}/v1/staff/submissions/${reference}`, { headers: ADMIN });
  if (answer.status !== 200) throw new Error(`staff detail: ${answer.status} ${await answer.text()}`);
  return answer.json();
}

/**
 * Waits until every Lit element on the page (inside shadow roots too) has finished its
 * update, then for the next frame: the page as a person would see it, without a fixed wait.
 */
export async function rendered(page: Page): Promise<void> {
  // No named functions inside: tsx would wrap them in a helper the page does not have.
  await page.evaluate(async () => {
    const updates: Promise<unknown>[] = [];
    const roots: (Document | ShadowRoot)[] = [document];
    for (let root = roots.pop(); root; root = roots.pop()) {
      for (const element of root.querySelectorAll('*')) {
        if ('updateComplete' in element) updates.push((element as { updateComplete: Promise<unknown> }).updateComplete);
        if (element.shadowRoot) roots.push(element.shadowRoot);
      }
    }
    await Promise.all(updates);
    await new Promise((resolve) => requestAnimationFrame(resolve));
  });
}
