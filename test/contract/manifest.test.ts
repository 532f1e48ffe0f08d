/**
 * custom-elements.json is what IDEs, Storybook and framework wrappers read: each tag must
 * lead to its class, with the attributes every Sila element takes (endpoint, lang) and
 * its documented events and parts.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';
import { TAGS, root } from './bundle-harness.js';

interface Declaration {
  name: string;
  tagName?: string;
  customElement?: boolean;
  attributes?: { name: string }[];
  events?: { name: string }[];
  cssParts?: { name: string }[];
}
interface Manifest {
  modules: { declarations?: Declaration[]; exports?: { kind: string; name: string; declaration: { name: string } }[] }[];
}

it('custom-elements.json names each tag with its class, attributes, events and parts', () => {
  // Analyzed afresh with the project's config (the analyzer takes the folder relative to root).
  const outdir = `.test-results/cem-${process.pid}`;
  try {
    execFileSync('npx', ['cem', 'analyze', '--quiet', '--outdir', outdir], { cwd: root, stdio: 'ignore' });
    const manifest = JSON.parse(readFileSync(join(root, outdir, 'custom-elements.json'), 'utf8')) as Manifest;
    const elements = manifest.modules.flatMap((module) => module.declarations ?? []).filter((item) => item.customElement);
    assert.deepEqual(elements.map((item) => item.tagName).sort(), [...TAGS].sort());
    const definitions = manifest.modules.flatMap((module) => module.exports ?? []).filter((item) => item.kind === 'custom-element-definition');
    assert.deepEqual(definitions.map((item) => item.name).sort(), [...TAGS].sort());
    for (const element of elements) {
      const attributes = element.attributes?.map((item) => item.name) ?? [];
      assert.ok(attributes.includes('endpoint') && attributes.includes('lang'), `${element.tagName}: ${attributes.join()}`);
      assert.ok((element.cssParts?.length ?? 0) > 0, `${element.tagName} documents its parts`);
      const definition = definitions.find((item) => item.name === element.tagName);
      assert.equal(definition?.declaration.name, element.name);
    }
    const sending = elements.filter((item) => item.tagName !== 'sila-status-lookup');
    for (const element of sending) assert.ok(element.events?.some((event) => event.name === 'sila-submitted'), `${element.tagName} sila-submitted`);
  } finally {
    rmSync(join(root, outdir), { recursive: true, force: true });
  }
});
