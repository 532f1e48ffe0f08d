/**
 * The staff console end to end, in Debian's Chromium against a real reference server
 * serving the built console at /staff/: sign-in (errors, TOTP), inbox (counts, filter,
 * Arabic-normalised search), a case (status with a public note, conflict between two
 * pages, referral), the committee's decision reaching the public status lookup, a lapsed
 * session that keeps what was typed, and axe with 0 violations in each state.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { currentTotp } from '../../server/auth/totp.js';
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  APPLICANT,
  ApiSession,
  axeViolations,
  createAccount,
  horizontalOverflow,
  openConsole,
  sendComplaint,
  sendRequest,
  signInThroughPage,
  startConsole,
  type ConsoleHarness,
} from './staff-console-page.js';

let harness: ConsoleHarness;
let admin: ApiSession;
let officer: { id: string; email: string; password: string };
let committee: { id: string; email: string; password: string };
let request: { reference: string };
let complaint: { reference: string };

before(async () => {
  harness = await startConsole();
  admin = await ApiSession.signIn(harness.url, ADMIN_EMAIL, ADMIN_PASSWORD);
  officer = await createAccount(harness.url, admin, 'officer', 'ريم عبدالله');
  committee = await createAccount(harness.url, admin, 'committee', 'خالد الدوسري');
  request = await sendRequest(harness.url);
  complaint = await sendComplaint(harness.url);
  await sendRequest(harness.url, 'فاطمة علي الزهراني');
});
after(() => harness?.close());

async function assertAccessible(page: Page, state: string): Promise<void> {
  assert.deepEqual(await axeViolations(page), [], `axe: ${state}`);
}

/** The element that has focus, through shadow roots: its tag, id, name and text. */
function focused(page: Page): Promise<{ tag: string; id: string; name: string; text: string }> {
  return page.evaluate(() => {
    let element = document.activeElement;
    while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
    return {
      tag: element?.tagName.toLowerCase() ?? '',
      id: element?.id ?? '',
      name: element?.getAttribute('name') ?? '',
      text: element?.textContent?.trim().slice(0, 80) ?? '',
    };
  });
}

async function tabUntil(
  page: Page,
  found: (f: Awaited<ReturnType<typeof focused>>) => boolean,
  limit = 60,
): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if (found(await focused(page))) return;
  }
  assert.fail(`focus never reached the target (last: ${JSON.stringify(await focused(page))})`);
}

async function lookup(reference: string, verifier: string): Promise<any> {
  const answer = await fetch(`${harness.url}/v1/status`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ reference, verifier }),
  });
  assert.equal(answer.status, 200);
  return answer.json();
}

async function openCase(console: Locator, page: Page, reference: string): Promise<Locator> {
  await page.evaluate((ref) => (location.hash = `#/case/${ref}`), reference);
  const view = console.locator('sila-staff-case');
  await view.locator('#status-line').waitFor();
  return view;
}

describe('sign-in', () => {
  it(
    'a wrong password: one localized error next to the field and in the summary, then the inbox',
    { timeout: 120_000 },
    async () => {
      const { page, console, errors } = await openConsole(harness);
      try {
        assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
        await assertAccessible(page, 'sign-in, empty');
        await console.locator('sila-staff-sign-in button[type="submit"]').click();
        const summary = console.locator('sila-staff-sign-in #error-summary');
        await summary.waitFor();
        assert.match((await summary.textContent()) ?? '', /هذا الحقل مطلوب/);
        await assertAccessible(page, 'sign-in, empty fields');

        await console.locator('input[name="email"]').fill(officer.email);
        await console.locator('input[name="password"]').fill('not the password at all');
        await console.locator('sila-staff-sign-in button[type="submit"]').click();
        const fieldError = console.locator('sila-staff-sign-in #f-password-error');
        await fieldError.waitFor();
        assert.match((await fieldError.textContent()) ?? '', /البريد الإلكتروني أو كلمة المرور غير صحيحة/);
        assert.match((await summary.textContent()) ?? '', /كلمة المرور: البريد الإلكتروني أو كلمة المرور غير صحيحة/);
        assert.equal(await console.locator('input[name="password"]').getAttribute('aria-invalid'), 'true');
        assert.equal((await focused(page)).id, 'error-summary', 'focus goes to the summary');
        await assertAccessible(page, 'sign-in, wrong password');

        await console.locator('input[name="password"]').fill(officer.password);
        await console.locator('sila-staff-sign-in button[type="submit"]').click();
        await console.locator('header.bar').waitFor();
        const who = (await console.locator('header .who').textContent()) ?? '';
        assert.match(who, /ريم عبدالله/);
        assert.match(who, /مسؤول علاقات المستفيدين/);
        assert.deepEqual(errors, []);
      } finally {
        await page.context().close();
      }
    },
  );

  it('an account with two-step verification: the code step, then in', { timeout: 120_000 }, async () => {
    const person = await createAccount(harness.url, admin, 'officer', 'منيرة الحربي');
    const session = await ApiSession.signIn(harness.url, person.email, person.password);
    const enrol = await session.call('/v1/staff/me/totp', 'POST');
    assert.equal(enrol.status, 200);
    const confirmed = await session.call('/v1/staff/me/totp/confirm', 'POST', {
      code: currentTotp(enrol.json.secret, new Date()),
    });
    assert.equal(confirmed.status < 300, true, JSON.stringify(confirmed.json));

    const { page, console } = await openConsole(harness);
    try {
      await console.locator('input[name="email"]').fill(person.email);
      await console.locator('input[name="password"]').fill(person.password);
      await console.locator('sila-staff-sign-in button[type="submit"]').click();
      const code = console.locator('input[name="totp"]');
      await code.waitFor();
      assert.equal((await focused(page)).name, 'totp', 'focus moves to the code');
      assert.equal(await code.getAttribute('autocomplete'), 'one-time-code');
      await assertAccessible(page, 'sign-in, code step');
      await code.fill('000000');
      await console.locator('sila-staff-sign-in button[type="submit"]').click();
      await console.locator('sila-staff-sign-in #f-totp-error').waitFor();
      await assertAccessible(page, 'sign-in, wrong code');
      // The next time step's code (the confirmation used this step's).
      await code.fill(currentTotp(enrol.json.secret, new Date(Date.now() + 30_000)));
      await console.locator('sila-staff-sign-in button[type="submit"]').click();
      await console.locator('header.bar').waitFor();
    } finally {
      await page.context().close();
    }
  });
});

describe('first sign-in', () => {
  it(
    'a temporary password: the console opens "My account" first, whatever the address asked for',
    { timeout: 120_000 },
    async () => {
      const email = `new-officer-${Date.now()}@charity.example`;
      const created = await admin.call('/v1/staff/accounts', 'POST', { name: 'هند السبيعي', email, role: 'officer' });
      assert.equal(created.status, 201);
      const { page, console } = await openConsole(harness);
      try {
        await page.evaluate(() => (location.hash = '#/inbox'));
        await signInThroughPage(console, email, created.json.temporaryPassword);
        await console.locator('sila-staff-account-settings').waitFor();
        assert.equal(await console.locator('sila-staff-inbox').count(), 0);
      } finally {
        await page.context().close();
      }
    },
  );
});

describe('inbox and case, as the officer', () => {
  it('counts per tab, a filter, and search by an unnormalised Arabic name', { timeout: 120_000 }, async () => {
    const { page, console } = await openConsole(harness);
    try {
      await signInThroughPage(console, officer.email, officer.password);
      const inbox = console.locator('sila-staff-inbox');
      await inbox.locator('#tab-unassigned .count').waitFor();
      assert.equal((await inbox.locator('#tab-unassigned .count').textContent())?.trim(), '3');
      assert.equal((await inbox.locator('#tab-mine .count').textContent())?.trim(), '0');
      await inbox.locator('#tab-all').click();
      await inbox.locator('tbody tr').nth(2).waitFor();
      assert.equal(await inbox.locator('tbody tr').count(), 3);
      await assertAccessible(page, 'inbox');

      await inbox.locator('summary').click();
      await inbox.locator('#filter-kind').selectOption('complaint');
      await inbox.locator('details button[type="submit"]').click();
      await page.waitForFunction(() => {
        const root = document
          .querySelector('sila-staff-console')
          ?.shadowRoot?.querySelector('sila-staff-inbox')?.shadowRoot;
        return root?.querySelectorAll('tbody tr').length === 1;
      });
      assert.match((await inbox.locator('tbody').textContent()) ?? '', new RegExp(complaint.reference));
      await assertAccessible(page, 'inbox, filtered');
      await inbox.locator('details .secondary').click();

      // «احمد» without the hamza finds «أحمد».
      await inbox.locator('#filter-q').fill('احمد');
      await inbox.locator('#filter-q').press('Enter');
      await page.waitForFunction(() => {
        const root = document
          .querySelector('sila-staff-console')
          ?.shadowRoot?.querySelector('sila-staff-inbox')?.shadowRoot;
        return root?.querySelectorAll('tbody tr').length === 1;
      });
      const row = (await inbox.locator('tbody tr').textContent()) ?? '';
      assert.match(row, /أحمد إبراهيم الشهري/);
      assert.match(row, new RegExp(request.reference));
      assert.doesNotMatch(page.url(), /احمد|%D8/, 'the search stays out of the address');
    } finally {
      await page.context().close();
    }
  });

  it(
    'a status change with a public note: internal by default, public when ticked, seen in the status lookup',
    { timeout: 120_000 },
    async () => {
      const { page, console } = await openConsole(harness);
      try {
        await signInThroughPage(console, officer.email, officer.password);
        const view = await openCase(console, page, complaint.reference);
        assert.equal((await focused(page)).tag, 'h1', 'focus on the case heading');
        await assertAccessible(page, 'case view');
        const box = view.locator('#f-status-public');
        assert.equal(await box.isChecked(), false, 'a note is internal unless ticked');

        await view.locator('#f-status-status').selectOption('under_review');
        await view.locator('#f-status-note').fill('نراجع ملفك مع قسم الخدمات وسنعود إليك خلال أيام.');
        await box.check();
        await view.locator('#status-submit').click();
        await view.locator('.entry.public').first().waitFor();
        assert.match((await view.locator('#status-line').textContent()) ?? '', /قيد الدراسة/);
        assert.equal(await view.locator('#f-status-note').inputValue(), '', 'the form is emptied once saved');
        await assertAccessible(page, 'case view, after a change');

        const found = await lookup(complaint.reference, '4567');
        assert.equal(found.status, 'under_review');
        assert.ok(
          found.history.some((entry: any) => entry.note === 'نراجع ملفك مع قسم الخدمات وسنعود إليك خلال أيام.'),
        );
      } finally {
        await page.context().close();
      }
    },
  );

  it(
    'two pages change one case: the second gets the conflict, sees what changed, keeps what it typed',
    { timeout: 120_000 },
    async () => {
      const first = await openConsole(harness);
      const second = await openConsole(harness);
      try {
        await signInThroughPage(first.console, officer.email, officer.password);
        await signInThroughPage(second.console, officer.email, officer.password);
        const a = await openCase(first.console, first.page, request.reference);
        const b = await openCase(second.console, second.page, request.reference);

        await b.locator('#f-note-text').fill('اتصلت بالمستفيد وطلبت صورة الهوية.');
        await b.locator('#note-submit').click();
        await b.locator('.entry.internal >> text=اتصلت بالمستفيد').waitFor();

        const typed = 'الملف مكتمل، يُحال إلى اللجنة بعد التحقق.';
        await a.locator('#f-status-status').selectOption('under_review');
        await a.locator('#f-status-note').fill(typed);
        await a.locator('#status-submit').click();
        const conflict = a.locator('#conflict');
        await conflict.waitFor();
        const text = (await conflict.textContent()) ?? '';
        assert.match(text, /عدّل شخص آخر هذه المعاملة/);
        assert.match(text, /اتصلت بالمستفيد وطلبت صورة الهوية/, 'what the other page did');
        assert.equal(await a.locator('#f-status-note').inputValue(), typed, 'nothing typed is lost');
        assert.equal(await a.locator('#f-status-status').inputValue(), 'under_review');
        assert.equal((await focused(first.page)).id, 'conflict');
        await assertAccessible(first.page, 'case view, conflict');

        // Sent again after a look: it goes through on the version now shown.
        await a.locator('#status-submit').click();
        await a.locator('#conflict').waitFor({ state: 'detached' });
        assert.match((await a.locator('#status-line').textContent()) ?? '', /قيد الدراسة/);
      } finally {
        await first.page.context().close();
        await second.page.context().close();
      }
    },
  );

  it('a lapsed session: sign in again in place, the typed note goes through', { timeout: 120_000 }, async () => {
    const { page, console } = await openConsole(harness);
    try {
      await signInThroughPage(console, officer.email, officer.password);
      const view = await openCase(console, page, request.reference);
      const typed = 'ملاحظة كُتبت قبل انتهاء الجلسة.';
      await view.locator('#f-note-text').fill(typed);
      await page.context().clearCookies();
      await view.locator('#note-submit').click();
      const dialog = console.locator('dialog[open] sila-staff-sign-in');
      await dialog.waitFor();
      assert.equal(await dialog.locator('input[name="email"]').inputValue(), officer.email);
      await assertAccessible(page, 'session expired dialog');
      await dialog.locator('input[name="password"]').fill(officer.password);
      await dialog.locator('button[type="submit"]').click();
      await view.locator(`.entry.internal >> text=${typed}`).waitFor();
      assert.equal(await console.locator('dialog[open]').count(), 0);
    } finally {
      await page.context().close();
    }
  });

  it('refer to the committee, which decides; the applicant sees the decision note', { timeout: 120_000 }, async () => {
    const desk = await openConsole(harness);
    try {
      await signInThroughPage(desk.console, officer.email, officer.password);
      const view = await openCase(desk.console, desk.page, request.reference);
      await view.locator('#f-refer-note').fill('الدخل أقل من 3000 ريال والأسرة ستة أفراد.');
      await view.locator('#refer-submit').click();
      await view.locator('#status-line >> text=مُحالة لاتخاذ القرار').waitFor();
      assert.equal(await view.locator('#refer-form').count(), 0, 'no second referral');
    } finally {
      await desk.page.context().close();
    }

    const { page, console } = await openConsole(harness);
    try {
      await signInThroughPage(console, committee.email, committee.password);
      const queue = console.locator('sila-staff-committee');
      await queue.locator('tbody tr').first().waitFor();
      assert.match((await queue.locator('tbody').textContent()) ?? '', new RegExp(request.reference));
      await assertAccessible(page, 'committee queue');
      await queue.locator(`a.case-link >> text=${request.reference}`).click();
      const view = console.locator('sila-staff-case');
      const form = view.locator('#decision-form');
      await form.waitFor();
      // The committee sees the household and income the officer does not.
      assert.match((await view.locator('#submission-title + dl').textContent()) ?? '', /أقل من 3,000/);
      await assertAccessible(page, 'decision form');

      await form.locator('input[value="rejected"]').check();
      await form.locator('#f-decision-reason').fill('الدخل يتجاوز حد الاستحقاق بعد احتساب الضمان.');
      await form.locator('#decision-submit').click();
      await form.locator('#f-decision-publicNote-error').waitFor();
      await assertAccessible(page, 'decision form, errors');
      await form.locator('input[value="accepted"]').check();
      await form.locator('#f-decision-reason').fill('الأسرة مستحقة وفق لائحة الدعم.');
      await form.locator('#f-decision-publicNote').fill('قُبل طلبك، وسنتواصل معك لتحديد موعد الاستلام.');
      await form.locator('#decision-submit').click();
      await view.locator('#decision-title').waitFor();
      assert.match((await view.locator('#status-line').textContent()) ?? '', /مقبول/);

      const found = await lookup(request.reference, APPLICANT.mobile.slice(-4));
      assert.equal(found.status, 'accepted');
      assert.ok(
        found.history.some((entry: any) => entry.note === 'قُبل طلبك، وسنتواصل معك لتحديد موعد الاستلام.'),
        JSON.stringify(found.history),
      );
      assert.ok(!JSON.stringify(found).includes('لائحة الدعم'), 'the internal reason never reaches the applicant');
    } finally {
      await page.context().close();
    }
  });
});

describe('messages to the beneficiary', () => {
  it(
    'no channel configured: the receipt shows "not sent", the officer resends it once (double click), axe stays clean',
    { timeout: 120_000 },
    async () => {
      const answer = await fetch(`${harness.url}/v1/complaints`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() },
        body: JSON.stringify({
          kind: 'complaint',
          category: 'delay',
          subject: 'لم يصلني رد',
          description: 'أرسلت طلبًا ولم يصلني أي رد على بريدي حتى الآن.',
          contactChannel: 'email',
          contact: { name: 'نورة سعد القحطاني', mobile: '0559876543', email: 'noura@example.com' },
          consent: { accepted: true, version: 'privacy-v1' },
          client: { locale: 'ar', fillMs: 45_000, hp: '' },
        }),
      });
      const { reference } = (await answer.json()) as { reference: string };
      assert.equal(answer.status, 201);
      const api = await ApiSession.signIn(harness.url, officer.email, officer.password);
      const messages = async () => (await api.call(`/v1/staff/submissions/${reference}/messages`)).json.items as any[];
      // The sender looks at the outbox every second; wait for its verdict on the receipt.
      for (let i = 0; i < 60 && (await messages())[0]?.state !== 'not_configured'; i++)
        await new Promise((done) => setTimeout(done, 250));
      const [receipt] = await messages();
      assert.equal(receipt.state, 'not_configured', JSON.stringify(receipt));
      assert.equal(receipt.channel, 'email');

      const { page, console, errors } = await openConsole(harness);
      try {
        await signInThroughPage(console, officer.email, officer.password);
        const view = await openCase(console, page, reference);
        const section = view.locator('#messages');
        const first = section.locator(`li[data-id="${receipt.id}"]`);
        await first.waitFor();
        assert.match((await section.locator('h2').textContent()) ?? '', /الرسائل المرسلة إلى المستفيد/);
        const line = (await first.textContent()) ?? '';
        assert.match(line, /إشعار الاستلام/);
        assert.match(line, /بريد إلكتروني/);
        assert.match(line, /لم تُرسل: لم تُضبط قناة إرسال/);
        assert.ok(!line.includes('noura@example.com'), 'no address in the list');
        await assertAccessible(page, 'case view, a message not sent');
        await page.screenshot({ path: '/tmp/sila-case-messages-ar.png', fullPage: true });

        // The route queues a copy of a not-configured message (202); a double click makes one copy only.
        await first.locator('button.resend').dblclick();
        await section.locator('li.message').nth(1).waitFor();
        const copy = section.locator('li.message').first();
        assert.match((await copy.textContent()) ?? '', /نسخة مُعاد إرسالها/);
        assert.equal(
          await first
            .locator('button.resend')
            .textContent()
            .then((t) => t?.trim()),
          'إعادة الإرسال',
          'the button is back once done',
        );
        const after = await messages();
        assert.equal(after.length, 2, JSON.stringify(after));
        assert.equal(after[1].resendOf, receipt.id);
        await assertAccessible(page, 'case view, after a resend');
        await page.screenshot({ path: '/tmp/sila-case-messages-resent-ar.png', fullPage: true });
        assert.deepEqual(errors, []);
      } finally {
        await page.context().close();
      }
    },
  );
});

describe('keyboard and tablet', () => {
  it('keyboard only: sign-in → inbox → case → an action, focus following each step', { timeout: 120_000 }, async () => {
    const target = await sendComplaint(harness.url, 'عبدالرحمن القرني');
    const { page } = await openConsole(harness, { lang: 'en' });
    try {
      await tabUntil(page, (f) => f.name === 'email');
      await page.keyboard.type(officer.email);
      await page.keyboard.press('Tab');
      assert.equal((await focused(page)).name, 'password');
      await page.keyboard.type(officer.password);
      await page.keyboard.press('Enter');
      await page.waitForFunction(() =>
        document.querySelector('sila-staff-console')?.shadowRoot?.querySelector('sila-staff-inbox'),
      );
      await page.waitForFunction(() => {
        let element = document.activeElement;
        while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
        return element?.tagName === 'H1';
      });
      assert.equal((await focused(page)).text, 'Inbox');

      await tabUntil(page, (f) => f.id === 'tab-mine');
      await page.keyboard.press('ArrowRight');
      assert.equal((await focused(page)).id, 'tab-unassigned', 'arrow keys move between tabs');
      await tabUntil(page, (f) => f.tag === 'a' && f.text === target.reference);
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => {
        let element = document.activeElement;
        while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
        return element?.tagName === 'H1' && element.textContent?.includes('Complaint');
      });

      await tabUntil(page, (f) => f.id === 'f-status-status');
      await page.keyboard.press('ArrowDown'); // "Under review"
      await page.keyboard.press('Tab');
      assert.equal((await focused(page)).id, 'f-status-note');
      await page.keyboard.type('Checked with the services department.');
      await page.keyboard.press('Tab');
      assert.equal((await focused(page)).id, 'f-status-public');
      await page.keyboard.press('Tab');
      assert.equal((await focused(page)).id, 'status-submit');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => {
        let element = document.activeElement;
        while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
        return element?.id === 'status-line';
      });
      assert.match((await focused(page)).text, /Under review/);
    } finally {
      await page.context().close();
    }
  });

  it('768 px, both languages: nothing scrolls sideways, axe stays clean', { timeout: 120_000 }, async () => {
    for (const lang of ['ar', 'en'] as const) {
      const { page, console } = await openConsole(harness, { width: 768, lang });
      try {
        assert.equal(await horizontalOverflow(page), 0, `${lang}: sign-in`);
        await signInThroughPage(console, officer.email, officer.password);
        await console.locator('sila-staff-inbox #tab-all').click();
        await console.locator('sila-staff-inbox tbody tr').first().waitFor();
        assert.equal(await horizontalOverflow(page), 0, `${lang}: inbox`);
        await assertAccessible(page, `${lang} 768: inbox`);
        await openCase(console, page, complaint.reference);
        assert.equal(await horizontalOverflow(page), 0, `${lang}: case`);
        await assertAccessible(page, `${lang} 768: case`);
      } finally {
        await page.context().close();
      }
    }
  });
});

describe('a long list', () => {
  it(
    'keyset paging: "Show more" adds the next page and moves focus to its first case; sort oldest first',
    { timeout: 180_000 },
    async () => {
      for (let i = 0; i < 26; i++) await sendComplaint(harness.url, `مراجع رقم ${i + 1}`);
      const { page, console } = await openConsole(harness);
      try {
        await signInThroughPage(console, officer.email, officer.password);
        const inbox = console.locator('sila-staff-inbox');
        await inbox.locator('#tab-all').click();
        await inbox.locator('tbody tr').nth(24).waitFor();
        assert.equal(await inbox.locator('tbody tr').count(), 25, 'one page');
        const more = inbox.locator('#cases .actions button');
        await more.click();
        await inbox.locator('tbody tr').nth(25).waitFor();
        const total = await inbox.locator('tbody tr').count();
        assert.ok(total > 25 && total <= 50, `${total} rows`);
        const refs = await inbox.locator('a.case-link').allTextContents();
        assert.equal(new Set(refs).size, refs.length, 'no case twice across pages');
        assert.equal((await focused(page)).text, refs[25], 'focus on the first new case');

        await inbox.locator('summary').click();
        await inbox.locator('#filter-sort').selectOption('received');
        await inbox.locator('details button[type="submit"]').click();
        await page.waitForFunction((first) => {
          const root = document
            .querySelector('sila-staff-console')
            ?.shadowRoot?.querySelector('sila-staff-inbox')?.shadowRoot;
          return root?.querySelector('a.case-link')?.textContent === first;
        }, request.reference);
      } finally {
        await page.context().close();
      }
    },
  );
});
