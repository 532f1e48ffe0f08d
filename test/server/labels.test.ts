/**
 * The server writes status and kind names itself (XLSX and CSV reports, notification
 * messages). They must read exactly as the widgets and the console say them, whose Arabic
 * lives in scripts/translations/ar/*.json: one word per thing (docs/glossary.ar.md).
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { it } from 'node:test';
import { KINDS, STATUSES } from '../../server/reports/labels.js';

const dir = new URL('../../scripts/translations/ar/', import.meta.url);
// The same merge as scripts/translate-xliff.py: files in name order, later keys win.
const catalog: Record<string, string> = Object.assign(
  {},
  ...readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => JSON.parse(readFileSync(new URL(name, dir), 'utf8')) as Record<string, string>),
);

it('status names: the server says what the widgets and the console say', () => {
  for (const [status, name] of Object.entries(STATUSES)) {
    assert.equal(name.ar, catalog[name.en], `${status}: «${name.ar}» on the server, «${catalog[name.en]}» on screen`);
  }
});

it('kind names: the server says what the widgets and the console say', () => {
  for (const [kind, name] of Object.entries(KINDS)) {
    assert.equal(name.ar, catalog[name.en], `${kind}: «${name.ar}» on the server, «${catalog[name.en]}» on screen`);
  }
});
