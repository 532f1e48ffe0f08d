import { it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { openApiDocument } from '../../scripts/openapi.js';

it('docs/openapi.json matches the zod contract (run npm run openapi when this fails)', () => {
  const committed = JSON.parse(readFileSync(new URL('../../docs/openapi.json', import.meta.url), 'utf8'));
  assert.deepEqual(committed, JSON.parse(JSON.stringify(openApiDocument)));
  assert.equal(committed.openapi, '3.1.0');
  assert.ok(committed.components.schemas.Complaint.properties.contact);
});
