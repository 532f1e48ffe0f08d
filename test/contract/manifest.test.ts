/**
 * custom-elements.json is what IDEs, Storybook and framework typings read: each tag must
 * lead to its class, with the attributes every Sila element takes (endpoint, lang) and
 * its documented events and parts; it must be valid against the Custom Elements Manifest
 * schema and describe the package as shipped (module paths into dist/, attribute types
 * written out).
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { after, before, it } from 'node:test';
import { Ajv } from 'ajv';
import { TAGS, root } from './bundle-harness.js';
import { ensureFreshBuild } from './fresh-build.js';

interface Declaration {
  kind: string;
  name: string;
  tagName?: string;
  customElement?: boolean;
  attributes?: { name: string; type?: { text: string } }[];
  events?: { name: string; type?: { text: string } }[];
  cssParts?: { name: string }[];
}
interface Module {
  path: string;
  declarations?: Declaration[];
  exports?: { kind: string; name: string; declaration: { name: string; module?: string } }[];
}
interface Manifest {
  modules: Module[];
}

// Analyzed afresh with the project's config (the analyzer takes the folder relative to root).
const outdir = `.test-results/cem-${process.pid}`;
let manifest: Manifest;
let elements: Declaration[];

before(() => {
  execFileSync('npx', ['cem', 'analyze', '--quiet', '--outdir', outdir], { cwd: root, stdio: 'ignore' });
  manifest = JSON.parse(readFileSync(join(root, outdir, 'custom-elements.json'), 'utf8')) as Manifest;
  elements = manifest.modules.flatMap((module) => module.declarations ?? []).filter((item) => item.customElement);
});

after(() => rmSync(join(root, outdir), { recursive: true, force: true }));

it('custom-elements.json names each tag with its class, attributes, events and parts', () => {
  assert.deepEqual(elements.map((item) => item.tagName).sort(), [...TAGS].sort());
  const definitions = manifest.modules
    .flatMap((module) => module.exports ?? [])
    .filter((item) => item.kind === 'custom-element-definition');
  assert.deepEqual(definitions.map((item) => item.name).sort(), [...TAGS].sort());
  for (const element of elements) {
    const attributes = element.attributes?.map((item) => item.name) ?? [];
    assert.ok(
      attributes.includes('endpoint') && attributes.includes('lang'),
      `${element.tagName}: ${attributes.join()}`,
    );
    assert.ok((element.cssParts?.length ?? 0) > 0, `${element.tagName} documents its parts`);
    const definition = definitions.find((item) => item.name === element.tagName);
    assert.equal(definition?.declaration.name, element.name);
  }
  const sending = elements.filter((item) => item.tagName !== 'sila-status-lookup');
  for (const element of sending)
    assert.ok(
      element.events?.some((event) => event.name === 'sila-submitted'),
      `${element.tagName} sila-submitted`,
    );
});

it('custom-elements.json is valid against the Custom Elements Manifest schema', () => {
  const schema = createRequire(import.meta.url)('custom-elements-manifest/schema.json') as object;
  const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
  const valid = validate(manifest);
  assert.ok(valid, JSON.stringify(validate.errors?.slice(0, 5), null, 2));
});

it('every event has a name and the type of the Event class that fires it', () => {
  const expected: Record<string, string> = {
    'sila-submit': 'SilaSubmitEvent',
    'sila-submitted': 'SilaSubmittedEvent',
    'sila-error': 'SilaErrorEvent',
    'sila-rating-change': 'SilaRatingChangeEvent',
    'sila-rate-invite': 'SilaRateInviteEvent',
  };
  for (const element of elements) {
    for (const event of element.events ?? [])
      assert.equal(event.type?.text, expected[event.name], `${element.tagName} ${event.name}`);
  }
  const rating = elements.find((item) => item.tagName === 'sila-rating');
  assert.deepEqual(rating?.events?.map((event) => event.name).sort(), [
    'sila-error',
    'sila-rating-change',
    'sila-submit',
    'sila-submitted',
  ]);
});

it('attribute types are written out as the values the element takes', () => {
  const typeOf = (tag: string, name: string) =>
    elements.find((item) => item.tagName === tag)?.attributes?.find((item) => item.name === name)?.type?.text;
  assert.equal(typeOf('sila-rating', 'scale'), "'csat' | 'nps' | 'ces' | undefined");
  // The property is typed 'stars' | 'faces': NPS and CES are always numbered.
  assert.equal(typeOf('sila-rating', 'display'), "'stars' | 'faces'");
  assert.equal(
    typeOf('sila-complaint-form', 'kind'),
    "'complaint' | 'suggestion' | 'inquiry' | 'compensation' | undefined",
  );
  assert.equal(typeOf('sila-request-form', 'audience'), "'beneficiary' | 'member'");
  for (const element of elements) assert.equal(typeOf(element.tagName!, 'theme'), "'light' | 'dark' | 'auto'");
});

it('module paths lead to files the package ships: the registering entry, or a declaration file', () => {
  ensureFreshBuild(root);
  const referenced = manifest.modules.flatMap((module) => [
    module.path,
    ...(module.exports ?? []).map((item) => item.declaration.module).filter((path): path is string => Boolean(path)),
  ]);
  for (const path of referenced) {
    assert.match(path, /^dist\/([\w-]+\.js|types\/.+\.d\.ts)$/);
    assert.ok(existsSync(join(root, path)), `${path} exists after the build`);
  }
  const rating = manifest.modules.find((module) => module.declarations?.some((item) => item.tagName === 'sila-rating'));
  assert.equal(rating?.path, 'dist/rating.js');
});
