#!/usr/bin/env node
// Screenshots of a page in Debian's Chromium at phone and desktop widths, in Arabic and
// English, for looking at what we build: node scripts/screenshot.mjs URL OUTDIR [selector]
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';

const [url, out = 'screenshots'] = process.argv.slice(2);
mkdirSync(out, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
});
for (const lang of ['ar', 'en']) {
  for (const width of [375, 1280]) {
    const page = await browser.newPage({ viewport: { width, height: 900 }, deviceScaleFactor: 1 });
    page.on('console', (m) => m.type() === 'error' && console.error(`[${lang} ${width}]`, m.text()));
    await page.goto(`${url}${url.includes('?') ? '&' : '?'}lang=${lang}`, { waitUntil: 'networkidle' });
    await page.waitForTimeout(300);
    const file = `${out}/${lang}-${width}.png`;
    await page.screenshot({ path: file, fullPage: true });
    console.log(file);
    await page.close();
  }
}
await browser.close();
