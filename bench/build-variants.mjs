#!/usr/bin/env node
// Builds every variant's two pages into bench/dist/<variant>/: peers with the root's vite
// (same target and minifier as Sila's own single file), static pages copied as they are.
import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'vite';
import { FORM_CONFIG, OUT, VARIANTS_DIR } from './paths.mjs';
import { PAGES, VARIANTS } from './variants/index.mjs';
import { expandRepeats } from './repeat-markup.mjs';
import { writeFormConfig } from './form-config.mjs';
import { bundleFor, snapshotSila } from './sila-snapshot.mjs';

const repeatPlugin = { name: 'bench:repeat', transformIndexHtml: { order: 'pre', handler: expandRepeats } };

async function viteBuild(source, out) {
  await build({
    root: source,
    base: './',
    configFile: false,
    publicDir: false,
    logLevel: 'warn',
    plugins: [repeatPlugin],
    build: {
      outDir: out,
      emptyOutDir: true,
      target: 'es2022',
      minify: true,
      chunkSizeWarningLimit: 4096, // SurveyJS is big by design; the bench reports sizes itself
      // The polyfill is for browsers without modulepreload; Chromium has it, so it would be dead weight.
      modulePreload: { polyfill: false },
      rolldownOptions: { input: Object.fromEntries(PAGES.map((page) => [page, join(source, `${page}.html`)])) },
    },
  });
}

function copyStatic(source, out, language) {
  mkdirSync(out, { recursive: true });
  for (const file of readdirSync(source)) {
    if (file.endsWith('.html')) {
      const html = expandRepeats(readFileSync(join(source, file), 'utf8'))
        .replaceAll('FORM_BUNDLE', () => bundleFor('form', language))
        .replaceAll('RATING_BUNDLE', () => bundleFor('ratings', language));
      writeFileSync(join(out, file), html);
    } else {
      copyFileSync(join(source, file), join(out, file));
    }
  }
}

rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
snapshotSila();
for (const variant of VARIANTS) {
  const source = join(VARIANTS_DIR, variant.pages ?? variant.name);
  const out = join(OUT, variant.name);
  if (variant.build === 'vite') await viteBuild(source, out);
  else copyStatic(source, out, variant.language);
  console.log(`bench: built ${variant.name}`);
}
writeFormConfig(FORM_CONFIG);
