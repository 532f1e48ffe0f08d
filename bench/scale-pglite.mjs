#!/usr/bin/env node
/**
 * The embedded database (PGlite, one connection) while a staff member downloads the CSV of
 * everything (#19): how long a public create waits. Loads N submissions by SQL into an
 * in-memory PGlite, builds the app as main.ts does, reads the export slowly (as a browser
 * on a slow line would) and sends creates meanwhile; prints their p50/p95/max and the
 * export's own time.
 *
 *   node --import tsx bench/scale-pglite.mjs [--submissions 100000] [--creates 20] [--root <checkout>]
 */
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';

const { values } = parseArgs({
  options: {
    submissions: { type: 'string', default: '100000' },
    creates: { type: 'string', default: '20' },
    root: { type: 'string', default: new URL('..', import.meta.url).pathname },
  },
});
const total = Number(values.submissions);
const root = resolve(values.root);
const load = (path) => import(pathToFileURL(resolve(root, path)).href);
const { openDatabase, MEMORY } = await load('server/db/open.ts');
const { createApp } = await load('server/app.ts');
const serverConfig = await load('server/config.ts');
// Renamed in 0.3 (the browser has its own fetchFormConfig); the --root checkout may be older.
const loadAssociationConfig = serverConfig.loadAssociationConfig ?? serverConfig.loadFormConfig;
const { DEFAULT_LIMITS } = await load('server/limits.ts');
const { sampleComplaint } = await load('scripts/sample-complaint.mjs');

const TOKEN = 'bench-token-0123456789abcdef0123456789abcdef';
const percentile = (list, p) => [...list].sort((a, b) => a - b)[Math.max(0, Math.ceil(p * list.length) - 1)];
const db = await openDatabase({ dataDir: MEMORY });
const app = createApp({
  db,
  formConfig: loadAssociationConfig(serverConfig.DEFAULT_CONFIG_PATH),
  adminToken: TOKEN,
  allowedOrigins: [],
  trustProxy: false,
  limits: { ...DEFAULT_LIMITS, postsPerMinutePerIp: 0, lookupFailuresPerHourPerIp: 0 },
  log: () => {},
  warn: () => {},
});
const create = async () => {
  const start = performance.now();
  const response = await app.request('/v1/complaints', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() },
    body: JSON.stringify({ ...sampleComplaint, client: { ...sampleComplaint.client, hp: '' } }),
  });
  await response.text();
  if (response.status !== 201) throw new Error(`create: ${response.status}`);
  return performance.now() - start;
};
await create();
const key = (await db.query('SELECT search_key_id FROM submissions LIMIT 1')).rows[0].search_key_id;
let start = performance.now();
await db.exec(`
  INSERT INTO submissions (reference, kind, status, channel, payload, verifier_hash, received_at, updated_at, expected_decision_by, search_name, search_key_id)
  SELECT 'B' || lpad(i::text, 12, '0'), 'complaint', 'received', 'website',
         jsonb_build_object('kind', 'complaint', 'category', 'delay', 'subject', 'موضوع ' || i, 'description', 'وصف الملاحظة رقم ' || i,
                            'contact', jsonb_build_object('name', 'نورة سعد القحطاني')),
         'x', t, t, t + interval '7 days', 'نوره سعد القحطاني', '${key}'
    FROM generate_series(1, ${total}) AS i,
         LATERAL (SELECT timestamptz '2024-01-01 00:00:00+03' + (i::float8 / ${total}) * interval '1000 days' AS t) AS at;
  ANALYZE;`);
console.log(
  `embedded database: ${total.toLocaleString('en')} submissions loaded in ${((performance.now() - start) / 1000).toFixed(1)} s`,
);

const alone = [];
for (let i = 0; i < Number(values.creates); i++) alone.push(await create());

start = performance.now();
let exportDone = false;
let rows = 0;
let firstByte;
let headersMs;
// Not awaited: the creates below go out while the export runs (buffered or streamed).
const reading = (async () => {
  const response = await app.request('/v1/staff/export.csv', { headers: { Authorization: `Bearer ${TOKEN}` } });
  headersMs = performance.now() - start;
  const reader = response.body.getReader();
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    firstByte ??= performance.now() - start;
    for (const byte of chunk.value) if (byte === 10) rows++;
    // A slow reader: 5 ms between chunks.
    await new Promise((r) => setTimeout(r, 5));
  }
  rows -= 1;
  exportDone = true;
})();
const during = [];
// One create every 250 ms for as long as the export runs: each waits for whatever holds
// the database (or the event loop) at that moment.
// Measured from when it was due, so a blocked event loop (the database on the main thread)
// counts too, not only the request itself.
let due = performance.now() + 50;
while (!exportDone) {
  await new Promise((r) => setTimeout(r, Math.max(0, due - performance.now())));
  const sent = performance.now();
  const took = await create();
  during.push(sent - due + took);
  due = performance.now() + 250;
}
await reading;
const exportMs = performance.now() - start;
const fmt = (list) =>
  `p50 ${Math.round(percentile(list, 0.5))} ms, p95 ${Math.round(percentile(list, 0.95))} ms, max ${Math.round(Math.max(...list))} ms`;
console.log(`creates alone: ${fmt(alone)}`);
console.log(
  `export: ${rows.toLocaleString('en')} rows, headers after ${Math.round(headersMs)} ms, first byte ${Math.round(firstByte)} ms, total ${(exportMs / 1000).toFixed(1)} s`,
);
console.log(
  `creates during the export (${during.length}): ${during.length ? fmt(during) : 'none: the export held the database'}`,
);
await db.close();
