/**
 * The widgets on a hostile host page: Bootstrap 5 RTL plus blunt global resets that unset,
 * recolour and hide every form control. Shadow DOM must keep each widget's own controls
 * intact; only inherited properties (font, colour) may cross in, on purpose.
 * It also saves plain-vs-hostile screenshots for a person to compare (in the system's
 * temp folder, or SILA_HOST_CSS_SHOTS=<dir>).
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, it } from 'node:test';
import type { Page } from 'playwright-core';
import { TAGS, root, startHarness, type Harness } from './bundle-harness.js';

const bootstrapPath = `${root}node_modules/bootstrap/dist/css/bootstrap.rtl.min.css`;

const RESETS = `
html { font-size: 10px; }
* { box-sizing: content-box; }
input, button, select, textarea, label { all: unset; font: 30px serif; color: red; background: yellow; margin: 20px; }
button { text-transform: uppercase; }
label { display: none; }
`;

function page(hostile: boolean): string {
  const styles = hostile
    ? '<link rel="stylesheet" href="/bootstrap.css"><link rel="stylesheet" href="/resets.css">'
    : '';
  return `<!doctype html>
<html lang="ar" dir="rtl">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sila on a ${hostile ? 'hostile' : 'plain'} page</title>${styles}
<script src="/config.js"></script>
<script src="/sila.iife.js"></script>
</head>
<body class="container">
<p><label for="host-input">حقل الصفحة</label> <input id="host-input"> <button type="button">host button</button></p>
${TAGS.map((tag) => `<${tag}></${tag}>`).join('\n')}
</body>
</html>`;
}

let harness: Harness;

before(async () => {
  // Optional: Bootstrap is a devDependency only for this test; the resets alone still bite.
  const bootstrap = existsSync(bootstrapPath) ? readFileSync(bootstrapPath) : '';
  harness = await startHarness((url) =>
    url.pathname === '/'
      ? { type: 'text/html; charset=utf-8', data: page(url.searchParams.has('hostile')) }
      : url.pathname === '/bootstrap.css'
        ? { type: 'text/css', data: bootstrap }
        : url.pathname === '/resets.css'
          ? { type: 'text/css', data: RESETS }
          : undefined,
  );
});

after(() => harness?.close());

async function open(hostile: boolean, width = 1280): Promise<Page> {
  const tab = await harness.browser.newPage({ viewport: { width, height: 900 }, deviceScaleFactor: 1 });
  await tab.goto(`${harness.siteUrl}/${hostile ? '?hostile' : ''}`);
  // The forms fetch their config from the server: wait for the real fields.
  await tab.locator('sila-complaint-form [name="subject"]').waitFor();
  await tab.locator('sila-request-form form, sila-request-form fieldset').first().waitFor();
  await tab.locator('sila-rating form').waitFor();
  await tab.locator('sila-status-lookup form[part="form"]').waitFor();
  return tab;
}

/** The computed styles that matter, read inside one widget's shadow root. */
interface Probe {
  hostFontSize: string;
  label?: { display: string; color: string; background: string; fontFamily: string };
  field?: {
    tag: string;
    border: string;
    background: string;
    color: string;
    fontSize: string;
    fontFamily: string;
    margin: string;
    boxSizing: string;
  };
  submit?: { textTransform: string; background: string; color: string; margin: string; fontSize: string; text: string };
}

function probe(tab: Page, tag: string, fieldSelector: string): Promise<Probe> {
  return tab.evaluate(
    // No inner named functions here: tsx would wrap them in a __name helper the page lacks.
    ([name, selector]) => {
      const host = document.querySelector(name)!;
      const shadow = host.shadowRoot!;
      const label = shadow.querySelector('label');
      const field = shadow.querySelector(selector);
      const submit = shadow.querySelector<HTMLButtonElement>('button[type=submit]');
      const l = label ? getComputedStyle(label) : undefined;
      const f = field ? getComputedStyle(field) : undefined;
      const b = submit ? getComputedStyle(submit) : undefined;
      return {
        hostFontSize: getComputedStyle(host).fontSize,
        label: l
          ? { display: l.display, color: l.color, background: l.backgroundColor, fontFamily: l.fontFamily }
          : undefined,
        field: f
          ? {
              tag: field!.localName,
              border: `${f.borderTopWidth} ${f.borderTopStyle}`,
              background: f.backgroundColor,
              color: f.color,
              fontSize: f.fontSize,
              fontFamily: f.fontFamily,
              margin: f.margin,
              boxSizing: f.boxSizing,
            }
          : undefined,
        submit: b
          ? {
              textTransform: b.textTransform,
              background: b.backgroundColor,
              color: b.color,
              margin: b.margin,
              fontSize: b.fontSize,
              text: submit!.innerText,
            }
          : undefined,
      };
    },
    [tag, fieldSelector] as const,
  );
}

const YELLOW = 'rgb(255, 255, 0)';
const RED = 'rgb(255, 0, 0)';
const FIELDS: Record<(typeof TAGS)[number], string> = {
  'sila-complaint-form': 'input[name="subject"]',
  'sila-request-form': 'input:not([type=radio]):not([type=checkbox]), select, textarea',
  'sila-rating': 'textarea',
  'sila-status-lookup': 'input',
};

it('the hostile styles really apply to the host page’s own controls', async () => {
  const tab = await open(true);
  try {
    const own = await tab.evaluate(() => ({
      input: getComputedStyle(document.querySelector('#host-input')!).backgroundColor,
      label: getComputedStyle(document.querySelector('label')!).display,
      rootFont: getComputedStyle(document.documentElement).fontSize,
    }));
    assert.deepEqual(own, { input: YELLOW, label: 'none', rootFont: '10px' });
  } finally {
    await tab.close();
  }
});

for (const tag of TAGS) {
  it(`${tag} keeps its own controls under Bootstrap RTL and aggressive resets`, async () => {
    const plainTab = await open(false);
    const hostileTab = await open(true);
    try {
      const plain = await probe(plainTab, tag, FIELDS[tag]);
      const hostile = await probe(hostileTab, tag, FIELDS[tag]);
      assert.ok(hostile.label, `${tag} has a label`);
      assert.notEqual(hostile.label.display, 'none', 'labels stay visible');
      assert.notEqual(hostile.label.background, YELLOW);
      assert.notEqual(hostile.label.color, RED);
      assert.ok(hostile.field, `${tag} has a text field`);
      assert.equal(hostile.field.border, '2px solid', 'the widget’s own 2px border');
      assert.notEqual(hostile.field.background, YELLOW);
      assert.notEqual(hostile.field.color, RED);
      assert.equal(hostile.field.margin, '0px');
      assert.equal(hostile.field.boxSizing, 'border-box');
      assert.notEqual(hostile.field.fontSize, '30px');
      assert.doesNotMatch(hostile.field.fontFamily, /^serif$/);
      // Fields follow the widget's own size, which follows the host's root size (rem) by design.
      assert.equal(hostile.field.fontSize, hostile.hostFontSize);
      assert.equal(plain.field?.border, hostile.field.border);
      assert.equal(plain.field?.background, hostile.field.background);
      assert.equal(plain.field?.color, hostile.field.color);
      assert.ok(hostile.submit, `${tag} has a submit button`);
      assert.equal(hostile.submit.textTransform, 'none');
      assert.notEqual(hostile.submit.background, YELLOW);
      assert.equal(hostile.submit.margin, '0px');
      assert.equal(hostile.submit.background, plain.submit?.background);
      assert.equal(hostile.submit.color, plain.submit?.color);
      assert.equal(hostile.submit.text, plain.submit?.text);
    } finally {
      await plainTab.close();
      await hostileTab.close();
    }
  });
}

it('saves plain and hostile screenshots for a person to compare', async () => {
  const dir = process.env.SILA_HOST_CSS_SHOTS ?? join(tmpdir(), 'sila-host-css');
  mkdirSync(dir, { recursive: true });
  for (const width of [375, 1280]) {
    for (const hostile of [false, true]) {
      const tab = await open(hostile, width);
      const name = `${hostile ? 'hostile' : 'plain'}-${width}-ar`;
      await tab.screenshot({ path: `${dir}/${name}.png`, fullPage: true });
      for (const tag of TAGS) await tab.locator(tag).screenshot({ path: `${dir}/${name}-${tag}.png` });
      for (const file of [`${name}.png`, ...TAGS.map((tag) => `${name}-${tag}.png`)]) {
        assert.ok(statSync(join(dir, file)).size > 1000, `${file} is an empty picture`);
      }
      await tab.close();
    }
  }
});
