/**
 * The reports view as a manager uses it, against a real server serving the built console
 * over a database holding the seeded October 2026 (test/server/reports-seed.ts): the
 * numbers on the page equal the counts computed from the seed; axe finds nothing; the
 * A4 print (page.pdf, as "Save as PDF" makes it) in Arabic and English has the
 * association, the period in both calendars, page numbers and the same numbers, and is
 * turned into PNG pages (pdftoppm) for people to look at (SILA_SCREENSHOTS). The visitor
 * log: an error shown next to the field, then an entry recorded.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { createAccount } from '../../server/auth/accounts.js';
import { openDatabase } from '../../server/db/open.js';
import { OCTOBER, expectedFigures, makeSeed, writeSeed } from '../server/reports-seed.js';
import {
  assertAccessible,
  assertNoSidewaysScroll,
  newDesk,
  openView,
  signIn,
  startStaffHarness,
  type StaffHarness,
} from './staff-admin-e2e.js';

const seed = makeSeed();
const want = expectedFigures(seed, OCTOBER);
const MANAGER = { email: 'manager@example.org', password: 'manager password 2026' };
const OFFICER = { email: 'officer@example.org', password: 'officer password 2026' };
const shots = process.env.SILA_SCREENSHOTS;

const number = async (cell: Locator) => Number((await cell.innerText()).replace(/[^\d.]/g, ''));

/** The count a report table shows for one row (tables and rows carry their figure's key). */
const tableCount = (view: Locator, figure: string, key: string) =>
  number(view.locator(`article.report table[data-figure="${figure}"] tr[data-key="${key}"] td.num`).first());

async function showOctober(page: Page): Promise<Locator> {
  const view = await openView(page, 'reports', 'sila-staff-reports');
  await view.locator('[name="month"]').fill('2026-10');
  await view.locator('button[type=submit]').click();
  await view.locator('article.report .report-header .period', { hasText: /2026/ }).waitFor({ timeout: 30_000 });
  await view.locator('.report-header .period', { hasText: /October 2026|أكتوبر 2026/ }).waitFor({ timeout: 30_000 });
  return view;
}

describe('staff reports in the console', () => {
  let harness: StaffHarness;
  let dataDir: string;
  let out: string;

  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'sila-reports-e2e-'));
    out = shots ?? mkdtempSync(join(tmpdir(), 'sila-reports-pdf-'));
    mkdirSync(out, { recursive: true });
    // The seeded month, written where the server will open it.
    const db = await openDatabase({ dataDir });
    await writeSeed(db, seed);
    for (const [login, role, name] of [
      [MANAGER, 'manager', 'Huda Manager'],
      [OFFICER, 'officer', 'Amal Officer'],
    ] as const) {
      await createAccount(
        db,
        { name, email: login.email, role, password: login.password, mustChangePassword: false },
        new Date(),
      );
    }
    await db.close();
    harness = await startStaffHarness({ SILA_DATA_DIR: dataDir });
  });

  after(async () => {
    await harness?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  for (const locale of ['ar', 'en'] as const) {
    it(`shows October 2026 as the seed has it, prints it on A4 (${locale})`, async () => {
      const { context, page } = await newDesk(harness, locale, 1280);
      try {
        await signIn(page, MANAGER);
        // The console opens in the language the desk chose; switch with its button if not.
        if ((await page.evaluate(() => document.documentElement.lang)) !== locale) {
          await page.locator('sila-staff-console header.bar button[lang]').click();
          await page.waitForFunction((lang) => document.documentElement.lang === lang, locale);
        }
        const view = await showOctober(page);
        // The numbers on the page are the seed's.
        const firstRow = view.locator('table.comparison tbody tr').first();
        assert.equal(await number(firstRow.locator('td.num').first()), want.total);
        for (const [kind, count] of want.byKind)
          assert.equal(await tableCount(view, 'byKind', kind), count, `kind ${kind}`);
        for (const [channel, count] of want.byChannel)
          assert.equal(await tableCount(view, 'byChannel', channel), count, `channel ${channel}`);
        for (const [status, count] of want.byStatus)
          assert.equal(await tableCount(view, 'byStatus', status), count, `status ${status}`);
        assert.equal(
          await tableCount(view, 'byDay', '2026-10-31'),
          want.byDay.get('2026-10-31'),
          'the last day, to 23:30 Riyadh',
        );
        assert.equal(await tableCount(view, 'actions', 'referrals'), want.referrals);
        assert.equal(await tableCount(view, 'actions', 'accepted'), want.accepted);
        assert.equal(await tableCount(view, 'actions', 'rejected'), want.rejected);
        for (const [purpose, count] of want.visitorsByPurpose)
          assert.equal(await tableCount(view, 'visitorsByPurpose', purpose), count, `purpose ${purpose}`);
        const visitorsText = await view.locator('#r-visitors + p').innerText();
        assert.ok(visitorsText.includes(String(want.visitorsTotal)), visitorsText);
        assert.equal((await view.locator('sila-report-chart').count()) > 5, true, 'charts drawn');
        await assertAccessible(page, `reports ${locale}`);
        if (shots) {
          await page.screenshot({ path: `${shots}/staff-reports-${locale}-1280.png` });
          await view.locator('#r-counts').scrollIntoViewIfNeeded();
          await page.screenshot({ path: `${shots}/staff-reports-${locale}-charts-1280.png` });
        }
        await page.setViewportSize({ width: 768, height: 1000 });
        await page.waitForTimeout(500); // Chart.js redraws the charts at the new width
        await assertNoSidewaysScroll(page, `reports ${locale} at 768 px`);
        if (shots) await page.screenshot({ path: `${shots}/staff-reports-${locale}-768.png`, fullPage: false });
        await page.setViewportSize({ width: 1280, height: 900 });

        // The A4 report, as the browser's "Save as PDF" makes it (print media, @page rules).
        const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
        const file = join(out, `staff-report-${locale}.pdf`);
        writeFileSync(file, pdf);
        // pdftotext wraps right-to-left runs in bidi controls: drop them before comparing.
        const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(
          /[\u200e\u200f\u202a-\u202e]/g,
          '',
        );
        const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
        assert.ok(pages >= 2, `${pages} pages`);
        // "Page 1 of N" at the foot of the first page, N the PDF's own page count.
        const footer = new RegExp(locale === 'ar' ? 'صفحة\\s*1\\s*من\\s*(\\d+)' : 'Page\\s+1\\s+of\\s+(\\d+)').exec(
          text,
        );
        assert.equal(Number(footer?.[1]), pages, 'page numbers');
        assert.ok(
          text.includes(locale === 'ar' ? 'جمعية صلة الخيرية' : 'Sila Charity Association'),
          'association name',
        );
        assert.ok(/1448/.test(text), 'Hijri year of the period');
        assert.ok(text.includes(String(want.total)), 'the total');
        // Only the report prints: no navigation of the console.
        assert.ok(!text.includes(locale === 'ar' ? 'تسجيل الخروج' : 'Sign out'), 'no console chrome on paper');
        execFileSync('pdftoppm', ['-png', '-r', '60', file, join(out, `staff-report-${locale}-page`)]);
      } finally {
        await context.close();
      }
    });
  }

  it('the visitor log: an error next to the field, then an entry that the list shows', async () => {
    const { context, page } = await newDesk(harness, 'ar', 1280);
    try {
      await signIn(page, OFFICER);
      const view = await openView(page, 'visitors', 'sila-staff-visitors');
      await view.locator('[name="count"]').fill('صفر');
      await view.locator('button[type=submit]').click();
      await view.locator('#error-summary').waitFor();
      assert.match(await view.locator('.field.has-error .error').first().innerText(), /عدد الزوار/);
      await assertAccessible(page, 'visitor log with an error');
      await view.locator('[name="purpose"]').selectOption('documents');
      await view.locator('[name="count"]').fill('٧');
      await view.locator('button[type=submit]').click();
      await view.locator('tbody tr', { hasText: 'تسليم مستندات' }).waitFor();
      assert.equal(await number(view.locator('tbody tr', { hasText: 'تسليم مستندات' }).first().locator('td.num')), 7);
      await assertAccessible(page, 'visitor log with an entry');
      if (shots) await page.screenshot({ path: `${shots}/staff-visitors-ar-1280.png`, fullPage: true });
    } finally {
      await context.close();
    }
  });
});
