/**
 * The editor data generated from custom-elements.json (npm run build): VS Code's HTML
 * completion offers each element, its attributes and their values; JetBrains' web-types
 * lists the same; package.json points at both, and the framework typings exist.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, it } from 'node:test';
import { TAGS, root } from './bundle-harness.js';
import { ensureFreshBuild } from './fresh-build.js';

interface VsCodeData {
  version: number;
  tags: { name: string; description?: string; attributes: { name: string; values?: { name: string }[] }[] }[];
}
interface WebTypes {
  name: string;
  contributions: {
    html: { elements: { name: string; attributes: { name: string }[]; js?: { events?: { name: string }[] } }[] };
  };
}

const read = <T>(file: string): T => JSON.parse(readFileSync(join(root, file), 'utf8')) as T;

before(() => ensureFreshBuild(root));

it('vscode.html-custom-data.json offers every element with its attributes and their values', () => {
  const data = read<VsCodeData>('vscode.html-custom-data.json');
  assert.equal(data.version, 1.1);
  assert.deepEqual(data.tags.map((tag) => tag.name).sort(), [...TAGS].sort());
  const values = (tag: string, attribute: string) =>
    data.tags
      .find((item) => item.name === tag)
      ?.attributes.find((item) => item.name === attribute)
      ?.values?.map((value) => value.name);
  assert.deepEqual(values('sila-rating', 'scale'), ['csat', 'nps', 'ces']);
  assert.deepEqual(values('sila-rating', 'display'), ['stars', 'faces']);
  assert.deepEqual(values('sila-rating', 'mode'), ['full', 'inline']);
  assert.deepEqual(values('sila-complaint-form', 'kind'), ['complaint', 'suggestion', 'inquiry', 'compensation']);
  assert.deepEqual(values('sila-request-form', 'audience'), ['beneficiary', 'member']);
  for (const tag of data.tags) {
    const names = tag.attributes.map((item) => item.name);
    for (const common of ['endpoint', 'lang', 'theme'])
      assert.ok(names.includes(common), `${tag.name} offers ${common}`);
    assert.deepEqual(values(tag.name, 'theme'), ['light', 'dark', 'auto']);
    assert.ok(tag.description, `${tag.name} has a description`);
  }
  const rating = data.tags.find((tag) => tag.name === 'sila-rating')!;
  for (const name of ['follow-up', 'no-comment', 'reference', 'context', 'question']) {
    assert.ok(
      rating.attributes.some((item) => item.name === name),
      `sila-rating offers ${name}`,
    );
  }
});

it('web-types.json lists the same elements with attributes and events, and package.json points at the data', () => {
  const webTypes = read<WebTypes>('web-types.json');
  assert.equal(webTypes.name, 'sila-widgets');
  const elements = webTypes.contributions.html.elements;
  assert.deepEqual(elements.map((item) => item.name).sort(), [...TAGS].sort());
  const rating = elements.find((item) => item.name === 'sila-rating')!;
  assert.ok(rating.attributes.some((item) => item.name === 'scale'));
  assert.ok(rating.js?.events?.some((item) => item.name === 'sila-rating-change'));

  const manifest = read<{
    customElements: string;
    'web-types': string;
    files: string[];
    exports: Record<string, unknown>;
  }>('package.json');
  assert.ok(existsSync(join(root, manifest.customElements)));
  assert.ok(existsSync(join(root, manifest['web-types'])));
  for (const file of [
    'custom-elements.json',
    'web-types.json',
    'vscode.html-custom-data.json',
    'vscode.css-custom-data.json',
  ]) {
    assert.ok(manifest.files.includes(file), `${file} is published`);
    assert.ok(
      `./${file}` in manifest.exports,
      `${file} is exported (a setting can name node_modules/sila-widgets/${file})`,
    );
  }
});

it('the framework typings are generated: React JSX per entry, Vue and Svelte', () => {
  const rating = readFileSync(join(root, 'dist/types/entries/rating.d.ts'), 'utf8');
  assert.match(rating, /react\/sila-rating\.js/);
  const jsx = readFileSync(join(root, 'dist/types/frameworks/react/sila-rating.d.ts'), 'utf8');
  assert.match(jsx, /'sila-rating': DetailedHTMLProps<HTMLAttributes<SilaRating>, SilaRating>/);
  assert.match(jsx, /'onsila-rating-change'\?: \(event: SilaRatingChangeEvent\) => void/);
  assert.match(readFileSync(join(root, 'dist/types/frameworks/vue.d.ts'), 'utf8'), /interface GlobalComponents/);
  assert.match(
    readFileSync(join(root, 'dist/types/frameworks/svelte.d.ts'), 'utf8'),
    /declare module 'svelte\/elements'/,
  );
});
