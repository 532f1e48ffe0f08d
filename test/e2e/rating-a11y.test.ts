/**
 * The lean rating (#23) keeps the accessibility tree and the keyboard flow of the rating
 * before it (commit 3eaae4d, recorded in rating-aria-3eaae4d.txt with the same script):
 * every role, name and state the same, in Arabic and English, for each scale, display and
 * mode, before and after a keyboard walk (focus the scale, End, one step back). The one
 * change is intended (#21.10): a point's name is no longer a text node beside its radio
 * too, which screen readers read a second time in browse mode.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, it } from 'node:test';
import { startHarness, type Harness } from '../contract/bundle-harness.js';

const CASES = [
  ['csat', 'stars', 'full'],
  ['csat', 'faces', 'full'],
  ['nps', 'stars', 'full'],
  ['ces', 'stars', 'full'],
  ['csat', 'stars', 'inline'],
  ['nps', 'stars', 'inline'],
  ['ces', 'stars', 'inline'],
] as const;

function page(url: URL): string {
  const lang = url.searchParams.get('lang') === 'en' ? 'en' : 'ar';
  const [scale, display, mode] = (url.searchParams.get('case') ?? 'csat stars full').split(' ');
  return `<!doctype html><html lang="${lang}" dir="${lang === 'ar' ? 'rtl' : 'ltr'}"><head><meta charset="utf-8">
<script src="/config.js"></script><script src="/sila.iife.js"></script></head><body>
<sila-rating lang="${lang}" mode="${mode}" scale="${scale}" display="${display}" context="/a11y"></sila-rating></body></html>`;
}

/** The recorded tree without the text node that repeated each radio's name. */
function withoutRepeatedNames(recorded: string): string {
  const lines = recorded.split('\n');
  return lines
    .filter((line, i) => {
      const radio = /^(\s*)- radio "(.*)"/.exec(lines[i - 1] ?? '');
      return !(radio && line === `${radio[1]}- text: ${radio[2]}`);
    })
    .join('\n');
}

let harness: Harness;
before(async () => {
  harness = await startHarness((url) =>
    url.pathname === '/' ? { type: 'text/html; charset=utf-8', data: page(url) } : undefined,
  );
});
after(() => harness?.close());

it(
  'same accessible names, roles, states and keyboard flow as before the lean rating; each point named once',
  { timeout: 120_000 },
  async () => {
    const out: string[] = [];
    for (const lang of ['ar', 'en'])
      for (const c of CASES) {
        const tab = await harness.browser.newPage();
        try {
          await tab.goto(`${harness.siteUrl}/?lang=${lang}&case=${encodeURIComponent(c.join(' '))}`);
          const rating = tab.locator('sila-rating');
          await rating.locator('input[type=radio]').first().waitFor({ state: 'attached' });
          await rating.locator('[role=status]').waitFor({ state: 'attached' });
          out.push(`=== ${lang} ${c.join(' ')}`, await rating.ariaSnapshot());
          await rating.locator('input[type=radio]').first().focus();
          await tab.keyboard.press('End');
          await tab.keyboard.press(lang === 'ar' ? 'ArrowRight' : 'ArrowLeft');
          out.push('--- after End, back one', await rating.ariaSnapshot());
        } finally {
          await tab.close();
        }
      }
    const recorded = readFileSync(new URL('./rating-aria-3eaae4d.txt', import.meta.url), 'utf8').trimEnd();
    // #21.11 renamed the NPS's top end («مرجّح جدًا» read as jargon); nothing else may differ.
    assert.equal(out.join('\n'), withoutRepeatedNames(recorded).replaceAll('مرجّح جدًا', 'محتمل جدًا'));
    const texts = out.filter((line) => /^\s*- text: \d+ (of|من) \d+/.test(line));
    assert.deepEqual(texts, [], 'no point read twice');
  },
);

it(
  'forced colours (#21.10): chosen stars, faces and numbers in system colours, never the brand’s',
  { timeout: 60_000 },
  async () => {
    const tab = await harness.browser.newPage();
    try {
      await tab.emulateMedia({ forcedColors: 'active' });
      await tab.goto(`${harness.siteUrl}/?lang=en&case=${encodeURIComponent('csat stars full')}`);
      await tab.evaluate(() => {
        for (const [display, scale] of [
          ['faces', 'csat'],
          ['numbers', 'nps'],
        ]) {
          const rating = document.createElement('sila-rating');
          rating.setAttribute('display', display!);
          rating.setAttribute('scale', scale!);
          rating.setAttribute('context', `/forced-${display}`);
          document.body.append(rating);
        }
      });
      const ratings = tab.locator('sila-rating');
      await ratings.nth(2).locator('input[type=radio]').first().waitFor({ state: 'attached' });
      await ratings.nth(0).locator('input[value="4"]').click();
      await ratings.nth(1).locator('input[value="5"]').click();
      await ratings.nth(2).locator('input[value="9"]').click();
      await tab.mouse.move(0, 0); // no hover preview
      // No helper functions inside evaluate: tsx would wrap them in a __name() the page lacks.
      const seen = await tab.evaluate(() => {
        const probe = document.createElement('span');
        document.body.append(probe);
        probe.style.color = 'Highlight';
        const highlight = getComputedStyle(probe).color;
        probe.style.color = 'CanvasText';
        const canvasText = getComputedStyle(probe).color;
        probe.remove();
        const [stars, faces, numbers] = [...document.querySelectorAll('sila-rating')].map((el) => el.shadowRoot!);
        return {
          highlight,
          canvasText,
          // A star is drawn by CSS: its fill is the icon's background, its outline the ::after's.
          filledStar: getComputedStyle(stars!.querySelector('.filled .icon')!).backgroundColor,
          emptyStar: getComputedStyle(stars!.querySelector('.option:not(.filled) .icon')!, '::after').backgroundColor,
          chosenFace: getComputedStyle(faces!.querySelector('.filled .face')!).stroke,
          chosenNumber: getComputedStyle(numbers!.querySelector('.filled')!).backgroundColor,
        };
      });
      assert.equal(seen.filledStar, seen.highlight, 'filled star');
      assert.equal(seen.emptyStar, seen.canvasText, 'empty star outline');
      assert.equal(seen.chosenFace, seen.highlight, 'chosen face');
      assert.equal(seen.chosenNumber, seen.highlight, 'chosen number');
    } finally {
      await tab.close();
    }
  },
);
