#!/usr/bin/env node
// Looks at every variant page as a person would: 1280 and 375 px wide, plus the form page
// after pressing submit on the empty form (validation must show). PNGs go to bench/screenshots/.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { BENCH } from './paths.mjs';
import { startServer } from './server.mjs';
import { launchBrowser } from './browser.mjs';
import { PAGES, VARIANTS } from './variants/index.mjs';

// Playwright's CSS locators pierce open shadow roots, so the inner submit buttons are found too.
const SUBMIT = {
  sila: 'sila-complaint-form button[type=submit]',
  'sila-en': 'sila-complaint-form button[type=submit]',
  shoelace: 'sl-button[type=submit]',
  material: 'md-filled-button[type=submit]',
  surveyjs: 'input.sd-navigation__complete-btn, button.sd-navigation__complete-btn',
  floor: 'form.form button[type=submit]',
};

const out = join(BENCH, 'screenshots');
mkdirSync(out, { recursive: true });
const server = await startServer();
const browser = await launchBrowser();
try {
  for (const variant of VARIANTS) {
    for (const page of PAGES) {
      for (const width of [1280, 375]) {
        const context = await browser.newContext({ viewport: { width, height: 900 } });
        const tab = await context.newPage();
        const errors = [];
        tab.on('pageerror', (error) => errors.push(error.message));
        tab.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
        await tab.goto(`${server.origin}/${variant.name}/${page}.html`, { waitUntil: 'load' });
        if (variant.ready === 'probe') await tab.waitForFunction(() => window.__benchReady !== undefined);
        const name = `${variant.name}-${page}-${width}`;
        await tab.screenshot({ path: join(out, `${name}.png`), fullPage: page === 'form' });
        if (page === 'form') {
          const before = tab.url();
          await tab
            .locator(SUBMIT[variant.pages ?? variant.name])
            .first()
            .click();
          await tab.waitForTimeout(400);
          await tab.screenshot({ path: join(out, `${name}-submitted.png`), fullPage: true });
          if (tab.url() !== before) errors.push(`submit of the empty form navigated to ${tab.url()}`);
        }
        console.log(`${name}: ${errors.length ? errors.join(' | ') : 'ok'}`);
        await context.close();
      }
    }
  }
} finally {
  await browser.close();
  await server.close();
}
