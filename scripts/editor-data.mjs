#!/usr/bin/env node
// After `cem analyze` (npm run build): the editor data and framework typings, all from
// custom-elements.json.
// - vscode.html-custom-data.json / vscode.css-custom-data.json: VS Code's HTML and CSS
//   completion (a project points its `html.customData` / `css.customData` setting at them);
// - web-types.json: JetBrains IDEs (found through package.json "web-types");
// - dist/types/frameworks/: React 19 JSX per element, Vue GlobalComponents, Svelte 5
//   svelte/elements; dist/types/entries/: each entry's types with its elements' JSX.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { generateVsCodeCustomElementData } from 'custom-element-vs-code-integration';
import { generateJetBrainsWebTypes } from 'custom-element-jet-brains-integration';
import { attributesFile, entryFile, reactFile, readElements, svelteFile, vueFile } from './lib/framework-types.mjs';

const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
const quiet = { hideLogs: true };

generateVsCodeCustomElementData(manifest, {
  ...quiet,
  outdir: '.',
  htmlFileName: 'vscode.html-custom-data.json',
  cssFileName: 'vscode.css-custom-data.json',
});
generateJetBrainsWebTypes(manifest, { ...quiet, outdir: '.', webTypesFileName: 'web-types.json' });

function write(path, text) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

const { classes, elements } = readElements(manifest);
write('dist/types/frameworks/attributes.d.ts', attributesFile(elements));
for (const element of elements) {
  const file = `dist/types/frameworks/react/${element.tagName}.d.ts`;
  write(file, reactFile(file, element, classes));
}
write('dist/types/frameworks/vue.d.ts', vueFile('dist/types/frameworks/vue.d.ts', elements, classes));
write('dist/types/frameworks/svelte.d.ts', svelteFile('dist/types/frameworks/svelte.d.ts', elements, classes));

// Each entry's types (package.json "exports" point here): importing rating.js alone
// is enough for <sila-rating> in JSX.
const tags = elements.map((element) => element.tagName);
const ENTRIES = {
  index: ['dist/types/index.d.ts', tags],
  react: ['dist/types/react/index.d.ts', tags],
  ...Object.fromEntries(
    tags.map((tag) => {
      const widget = tag.replace(/^sila-/, '');
      return [widget, [`dist/types/widgets/${widget}/${widget}.d.ts`, [tag]]];
    }),
  ),
};
for (const [name, [source, entryTags]] of Object.entries(ENTRIES)) {
  const file = `dist/types/entries/${name}.d.ts`;
  write(file, entryFile(file, source, entryTags));
}
