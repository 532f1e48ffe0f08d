/**
 * The per-widget single files (dist/sila-<widget>.iife.js) carry only their widget and only
 * its Arabic strings. Each must render exactly what the all-in-one file renders, in Arabic
 * and in English: a string dropped from the Arabic subset would show up as English here.
 * The per-language files (dist/sila.ar.iife.js, dist/sila-rating.en.iife.js, …), built from
 * the same sources with @lit/localize's transform mode, must render what the bilingual file
 * renders in their language, for every widget.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, it } from 'node:test';
import { TAGS, root, startHarness, type Harness } from './bundle-harness.js';

const WIDGETS = TAGS.map((tag) => tag.replace(/^sila-/, ''));

function page(script: string, tag: string, lang: string): string {
  return `<!doctype html>
<html lang="${lang}" dir="${lang === 'ar' ? 'rtl' : 'ltr'}"><head><meta charset="utf-8"><title>${tag}</title>
<script src="/config.js"></script><script src="/${script}"></script></head>
<body><${tag}></${tag}></body></html>`;
}

let harness: Harness;

before(async () => {
  harness = await startHarness((url) => {
    const file = /^\/(sila[a-z.-]*\.iife\.js)$/.exec(url.pathname)?.[1];
    if (file) return { type: 'text/javascript', data: readFileSync(`${root}dist/${file}`) };
    const [script, tag, lang] = [
      url.searchParams.get('script'),
      url.searchParams.get('tag'),
      url.searchParams.get('lang'),
    ];
    if (url.pathname === '/' && script && tag && lang)
      return { type: 'text/html; charset=utf-8', data: page(script, tag, lang) };
    return undefined;
  });
});

after(() => harness?.close());

/** The widget's visible text once its form config has arrived, whitespace normalised. */
async function renderedText(script: string, tag: string, lang: string): Promise<{ text: string; others: string[] }> {
  const tab = await harness.browser.newPage();
  try {
    await tab.goto(`${harness.siteUrl}/?${new URLSearchParams({ script, tag, lang })}`);
    await tab.waitForFunction((name) => (document.querySelector(name)?.shadowRoot?.childElementCount ?? 0) > 0, tag);
    // Forms fetch their config first: wait until the fields (or the rating's options) are there.
    await tab.locator(`${tag} input, ${tag} button`).first().waitFor();
    await tab.waitForLoadState('networkidle');
    // Every text node of the shadow root (hidden ones too: more strings checked), no CSS.
    const text = await tab.evaluate((name) => {
      const shadow = document.querySelector(name)!.shadowRoot!;
      const walker = document.createTreeWalker(shadow, NodeFilter.SHOW_TEXT);
      const parts: string[] = [];
      while (walker.nextNode())
        if (walker.currentNode.parentElement?.localName !== 'style') parts.push(walker.currentNode.textContent ?? '');
      return parts.join(' ');
    }, tag);
    const others = await tab.evaluate((all) => all.filter((name) => customElements.get(name) !== undefined), [...TAGS]);
    return { text: text.replace(/\s+/g, ' ').trim(), others };
  } finally {
    await tab.close();
  }
}

/** What the bilingual all-in-one file renders, once per widget and language. */
const reference = new Map<string, Promise<{ text: string; others: string[] }>>();
function bilingual(tag: string, lang: string): Promise<{ text: string; others: string[] }> {
  const key = `${tag} ${lang}`;
  if (!reference.has(key)) reference.set(key, renderedText('sila.iife.js', tag, lang));
  return reference.get(key)!;
}

const shows = (lang: string) => (lang === 'ar' ? /[\u0621-\u064A]{3}/ : /[A-Za-z]{3}/);

for (const widget of WIDGETS) {
  const tag = `sila-${widget}`;
  it(`sila-${widget}.iife.js renders what the all-in-one file renders, in Arabic and English, and defines only <${tag}>`, async () => {
    for (const lang of ['ar', 'en']) {
      const alone = await renderedText(`sila-${widget}.iife.js`, tag, lang);
      const full = await bilingual(tag, lang);
      assert.match(alone.text, shows(lang), `${tag} shows ${lang} text`);
      assert.equal(alone.text, full.text, `${tag} (${lang}) text`);
      assert.deepEqual(alone.others, [tag]);
    }
  });

  for (const lang of ['ar', 'en']) {
    it(`sila-${widget}.${lang}.iife.js and sila.${lang}.iife.js render <${tag}> as the bilingual file does in ${lang}`, async () => {
      const full = await bilingual(tag, lang);
      const alone = await renderedText(`sila-${widget}.${lang}.iife.js`, tag, lang);
      assert.match(alone.text, shows(lang), `${tag} shows ${lang} text`);
      assert.equal(alone.text, full.text, `sila-${widget}.${lang}.iife.js`);
      assert.deepEqual(alone.others, [tag]);
      const all = await renderedText(`sila.${lang}.iife.js`, tag, lang);
      assert.equal(all.text, full.text, `sila.${lang}.iife.js`);
      assert.deepEqual(all.others, [...TAGS]);
    });
  }
}
