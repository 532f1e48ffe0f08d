#!/usr/bin/env node
/**
 * npm run bench:scale — the reference server at scale on PostgreSQL (#19). Needs
 * DATABASE_URL (e.g. `eval "$(bash scripts/ci-postgres.sh)"`). In a throw-away schema it
 * loads, with SQL generate_series only, N submissions over three years (all kinds, statuses
 * and channels, names for the search), their history (2–4 entries each) and a rating for
 * every fifth; then starts the real server (server/main.ts, one process) on that schema
 * and measures over HTTP:
 *   staff list (default page and its tab counts), q= search, a deep keyset page,
 *   statistics over the whole range, the CSV of everything (first byte, total, server RSS
 *   peak), public creates p95 alone and while eight staff clients loop on statistics, and
 *   two more instances enforcing one per-IP limit (SILA_RATE_LIMIT_PER_MINUTE=60: where
 *   the first 429 comes). Prints a table; the schema is dropped at the end.
 *
 *   node bench/scale.mjs [--submissions 1000000] [--runs 15] [--root <checkout>] [--keep] [--schema <kept>] [--quick]
 * --quick measures only the statistics and the creates (alone and under staff load).
 * The server's environment passes through (e.g. SILA_STATS_CACHE_MS=0 SILA_STAFF_CONCURRENCY=0).
 * --root runs another checkout's server and migrations on the same load (the "before"
 * figures: a worktree of the commit before #19's work).
 */
import { spawn } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import pg from 'pg';

const { values } = parseArgs({
  options: {
    submissions: { type: 'string', default: '1000000' },
    runs: { type: 'string', default: '15' },
    root: { type: 'string', default: new URL('..', import.meta.url).pathname },
    keep: { type: 'boolean', default: false },
    schema: { type: 'string' },
    // Statistics and the public creates (alone, under staff load) only: for A/B runs.
    quick: { type: 'boolean', default: false },
  },
});
const total = Number(values.submissions);
const runs = Number(values.runs);
const root = resolve(values.root);
const url = process.env.DATABASE_URL;
if (!url) {
  console.error('DATABASE_URL is not set: eval "$(bash scripts/ci-postgres.sh)" first.');
  process.exit(2);
}
const TOKEN = randomBytes(32).toString('hex');

/** --schema: measure again on a schema a --keep run left loaded (no load, kept at the end). */
const reuse = values.schema;
const schema = reuse ?? `sila_bench_scale_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
// Derived from the schema: a --schema run must use the key the rows were sealed and hashed
// with, or the server would re-seal and re-hash every row at start.
const DATA_KEY = createHash('sha256').update(`sila-bench:${schema}`).digest('hex');
const schemaUrl = (() => {
  const u = new URL(url);
  u.searchParams.set('options', `-c search_path=${schema}`);
  return u.toString();
})();
const sampleComplaint = JSON.parse(
  JSON.stringify((await import(pathToFileURL(resolve(root, 'scripts/sample-complaint.mjs')).href)).sampleComplaint),
);

const admin = new pg.Client({ connectionString: url });
await admin.connect();
const seconds = (start) => ((performance.now() - start) / 1000).toFixed(1);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function percentile(list, p) {
  const sorted = [...list].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}
const fmt = (ms) =>
  ms === undefined ? '–' : ms >= 1000 ? `${Math.round(ms).toLocaleString('en')}` : `${Math.round(ms)}`;

/** RSS and its peak (VmHWM) of a process, in MB. */
function memory(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (name) => Number(status.match(new RegExp(`${name}:\\s+(\\d+)`))?.[1] ?? 0);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

const servers = [];
async function startServer(extraEnv = {}) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      DATABASE_URL: schemaUrl,
      SILA_DATA_DIR: 'memory://',
      SILA_DATA_KEY: DATA_KEY,
      SILA_ADMIN_TOKEN: TOKEN,
      PORT: '0',
      HOST: '127.0.0.1',
      SILA_SERVE_STATIC: '0',
      SILA_RATE_LIMIT_PER_MINUTE: '0',
      SILA_LOOKUP_FAILURES_PER_IP: '0',
      NODE_ENV: 'production',
      ...extraEnv,
    },
  });
  servers.push(child);
  let output = '';
  child.stdout.on('data', (chunk) => {
    // The request log: only the start-up lines matter here.
    if (output.length < 20_000) output += chunk;
  });
  child.stderr.on('data', (chunk) => {
    if (output.length < 20_000) output += chunk;
  });
  const base = await new Promise((resolveBase, reject) => {
    const timer = setTimeout(() => reject(new Error(`no listening line in 10 min:\n${output}`)), 600_000);
    const check = () => {
      const match = output.match(/listening on (http:\/\/\S+)/);
      if (match) {
        clearTimeout(timer);
        resolveBase(match[1]);
      }
    };
    child.stdout.on('data', check);
    child.once('exit', (code) => reject(new Error(`server exited ${code}:\n${output}`)));
  });
  return { child, base };
}

const staffHeaders = { Authorization: `Bearer ${TOKEN}` };
async function timed(fn) {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}
async function staffCall(base, path) {
  const response = await fetch(`${base}${path}`, { headers: staffHeaders });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`${path}: ${response.status} ${text.slice(0, 200)}`);
  return text;
}
async function series(label, fn, count = runs) {
  await fn(); // warm-up (plans, caches)
  const ms = [];
  for (let i = 0; i < count; i++) ms.push(await timed(fn));
  const row = { label, p50: percentile(ms, 0.5), p95: percentile(ms, 0.95) };
  console.log(`${label}: p50 ${fmt(row.p50)} ms, p95 ${fmt(row.p95)} ms`);
  return row;
}

let created = 0;
async function createOne(base) {
  const body = { ...sampleComplaint, client: { ...sampleComplaint.client, hp: '' } };
  const response = await fetch(`${base}/v1/complaints`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() },
    body: JSON.stringify(body),
  });
  await response.text();
  if (response.status === 201) created++;
  return response.status;
}
async function creates(base, count, concurrency) {
  const ms = [];
  const statuses = new Map();
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        next++;
        const start = performance.now();
        const status = await createOne(base);
        ms.push(performance.now() - start);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }
    }),
  );
  return { p50: percentile(ms, 0.5), p95: percentile(ms, 0.95), statuses: Object.fromEntries(statuses) };
}

const results = [];
async function staffCalls(base) {
  results.push(await series('staff list, default page', () => staffCall(base, '/v1/staff/submissions')));
  results.push(await series('staff tab counts', () => staffCall(base, '/v1/staff/submissions/counts')));
  results.push(
    await series('search q= (name part)', () =>
      staffCall(base, `/v1/staff/submissions?q=${encodeURIComponent('الزهراني 77')}`),
    ),
  );
  // Page 500 of 25: the key of row 12,475 as the cursor the list gives (keyset), or ?page= before.
  const deep = (
    await admin.query(
      `SELECT received_at::text AS key, reference FROM submissions ORDER BY received_at DESC, reference DESC OFFSET 12475 LIMIT 1`,
    )
  ).rows[0];
  const cursor = Buffer.from(JSON.stringify(['-received', deep.key, deep.reference])).toString('base64url');
  const probe = await fetch(`${base}/v1/staff/submissions?cursor=${cursor}`, { headers: staffHeaders });
  await probe.text();
  const deepPath = probe.status === 200 ? `/v1/staff/submissions?cursor=${cursor}` : '/v1/staff/submissions?page=500';
  results.push(
    await series(`page 500 (${probe.status === 200 ? 'keyset cursor' : 'offset'})`, () => staffCall(base, deepPath)),
  );
}

async function exportCsv(base, pid) {
  // The CSV of everything: first byte, total, and the server's memory meanwhile.
  {
    const before = memory(pid);
    let peak = before.rss;
    const sampler = setInterval(() => {
      try {
        peak = Math.max(peak, memory(pid).rss);
      } catch {}
    }, 100);
    const begin = performance.now();
    const response = await fetch(`${base}/v1/staff/export.csv`, { headers: staffHeaders });
    const reader = response.body.getReader();
    let first;
    let bytes = 0;
    let lines = 0;
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      if (first === undefined) first = performance.now() - begin;
      bytes += chunk.value.byteLength;
      for (const byte of chunk.value) if (byte === 10) lines++;
    }
    const totalMs = performance.now() - begin;
    clearInterval(sampler);
    const row = {
      label: 'CSV, everything',
      firstByte: first,
      total: totalMs,
      rssBefore: before.rss,
      rssPeak: peak,
      rows: lines - 1,
      mb: bytes / 1024 / 1024,
    };
    results.push(row);
    console.log(
      `CSV: ${row.rows.toLocaleString('en')} rows, ${row.mb.toFixed(0)} MB, first byte ${fmt(first)} ms, total ${(totalMs / 1000).toFixed(1)} s, server RSS ${before.rss.toFixed(0)} → peak ${peak.toFixed(0)} MB`,
    );
  }
}

try {
  if (!reuse) {
    // The schema and its migrations, by the checkout's own code (a server started once).
    await admin.query(`CREATE SCHEMA "${schema}"`);
    let start = performance.now();
    {
      const { child, base } = await startServer();
      // One real create: the search and data key ids the load copies (no start-up backfill).
      if ((await createOne(base)) !== 201) throw new Error('the first create failed');
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
    console.log(`schema ${schema} migrated in ${seconds(start)} s`);

    const columns = (
      await admin.query(
        `SELECT column_name FROM information_schema.columns WHERE table_schema = $1 AND table_name = 'submissions'`,
        [schema],
      )
    ).rows.map((row) => row.column_name);
    const dataKey = columns.includes('data_key_id');
    await admin.query(`SET search_path = "${schema}"`);
    const triggers = (
      await admin.query(
        `SELECT c.relname AS table, t.tgname AS name FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND NOT t.tgisinternal
         AND c.relname IN ('submissions', 'submission_history', 'report_cases', 'ratings')`,
        [schema],
      )
    ).rows;
    const switchTriggers = async (on) => {
      for (const t of triggers)
        await admin.query(`ALTER TABLE "${t.table}" ${on ? 'ENABLE' : 'DISABLE'} TRIGGER "${t.name}"`);
    };
    await switchTriggers(false);
    start = performance.now();
    // Three years to 30 November 2026; names from a short list (the search finds some of many).
    await admin.query(`
    INSERT INTO submissions (reference, kind, status, channel, payload, verifier_hash, received_at, updated_at, expected_decision_by,
                             search_name, search_key_id${dataKey ? ', data_key_id' : ''})
    SELECT 'B' || lpad(i::text, 12, '0'), k.kind,
           (ARRAY['received','under_review','needs_info','referred','accepted','rejected','resolved','closed'])[1 + (i * 7) % 8],
           (ARRAY['website','website','website','walk_in','phone','email','social','letter'])[1 + (i * 3) % 8],
           CASE WHEN k.kind = 'request'
                THEN jsonb_build_object('service', (ARRAY['financial_aid','food_basket','housing_support','medical_support'])[1 + (i / 6) % 4],
                                        'applicant', jsonb_build_object('fullName', nm.name), 'description', 'طلب رقم ' || i)
                ELSE jsonb_build_object('kind', k.kind, 'category', (ARRAY['service_quality','staff_conduct','delay','other'])[1 + (i / 6) % 4],
                                        'subject', 'موضوع ' || i, 'description', 'وصف الملاحظة رقم ' || i,
                                        'contact', jsonb_build_object('name', nm.name)) END,
           'x', t, t, t + CASE WHEN k.kind = 'request' THEN interval '14 days' ELSE interval '7 days' END,
           nm.name, key.search_key_id${dataKey ? ', key.data_key_id' : ''}
      FROM generate_series(1, ${total}) AS i,
           LATERAL (SELECT (ARRAY['request','request','complaint','suggestion','inquiry','compensation'])[1 + i % 6] AS kind) AS k,
           LATERAL (SELECT (ARRAY['نورة سعد القحطاني','محمد عبدالله العتيبي','فاطمة علي الزهراني','عبدالرحمن خالد الشهري','سارة ناصر الدوسري',
                                  'خالد ابراهيم الغامدي','ريم فهد المطيري','سلطان حمد الحربي'])[1 + (i / 7) % 8]
                        || ' ' || (i % 9973)::text AS name) AS nm,
           LATERAL (SELECT timestamptz '2023-12-01 00:00:00+03' + (i::float8 / ${total}) * interval '1095 days' AS t) AS at,
           (SELECT search_key_id${dataKey ? ', data_key_id' : ''} FROM submissions LIMIT 1) AS key`);
    console.log(`submissions: ${total.toLocaleString('en')} in ${seconds(start)} s`);
    start = performance.now();
    await admin.query(`
    INSERT INTO submission_history (reference, status, actor, at)
    SELECT reference, 'received', 'applicant', received_at FROM submissions WHERE reference LIKE 'B%';
    INSERT INTO submission_history (reference, status, actor, at)
    SELECT s.reference, (ARRAY['under_review','referred','accepted','resolved'])[step], 'Officer',
           s.received_at + (step * (1 + (hashtext(s.reference) & 255))) * interval '1 hour'
      FROM submissions s, generate_series(1, 3) AS step
     WHERE s.reference LIKE 'B%' AND step <= 1 + (hashtext(s.reference) & 3) % 3;
    INSERT INTO ratings (id, reference, scale, score, created_at)
    SELECT 'rt' || i, 'B' || lpad((i * 5)::text, 12, '0'), (ARRAY['csat','nps','ces'])[1 + i % 3],
           CASE i % 3 WHEN 0 THEN 1 + i % 5 WHEN 1 THEN i % 11 ELSE 1 + i % 7 END,
           timestamptz '2023-12-03 00:00:00+03' + (i::float8 / ${Math.floor(total / 5)}) * interval '1095 days'
      FROM generate_series(1, ${Math.floor(total / 5)}) AS i;`);
    console.log(`history and ratings in ${seconds(start)} s`);
    start = performance.now();
    const rollups = await admin.query(
      `SELECT 1 FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = $1 AND p.proname = 'report_rebuild'`,
      [schema],
    );
    // Statistics first: without them the rebuild's joins are planned as nested loops.
    await admin.query('ANALYZE');
    if (rollups.rows.length > 0) await admin.query('SELECT report_rebuild()');
    await switchTriggers(true);
    // As autovacuum leaves a table that has been there a while: statistics and visibility map.
    await admin.query('VACUUM ANALYZE');
    const size = (
      await admin.query(
        `SELECT pg_size_pretty(sum(pg_total_relation_size(c.oid))) AS size FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relkind = 'r'`,
        [schema],
      )
    ).rows[0].size;
    console.log(`rollups and VACUUM ANALYZE in ${seconds(start)} s; schema size ${size}`);
  }
  await admin.query(`SET search_path = "${schema}"`);
  // One instance, as deployed: the measurements go through HTTP.
  const server = await startServer();
  const pid = server.child.pid;
  await sleep(1000);
  const idle = memory(pid);
  console.log(`server RSS at start: ${idle.rss.toFixed(0)} MB`);
  const base = server.base;

  if (!values.quick) await staffCalls(base);
  results.push(await series('statistics, whole range', () => staffCall(base, '/v1/staff/stats'), Math.min(runs, 7)));
  if (!values.quick) await exportCsv(base, pid);

  // Public creates alone, then while eight staff clients loop on the whole-range statistics.
  const alone = await creates(base, 60, 2);
  console.log(`creates alone: p50 ${fmt(alone.p50)} ms, p95 ${fmt(alone.p95)} ms ${JSON.stringify(alone.statuses)}`);
  results.push({ label: 'public creates, alone', ...alone });
  {
    let stop = false;
    let staffCalls = 0;
    let staffErrors = 0;
    const loops = Array.from({ length: 8 }, async () => {
      while (!stop) {
        const response = await fetch(`${base}/v1/staff/stats`, { headers: staffHeaders }).catch(() => undefined);
        if (!response) {
          staffErrors++;
          continue;
        }
        await response.text();
        if (response.status === 200) staffCalls++;
        else staffErrors++;
      }
    });
    await sleep(2000);
    const loaded = await creates(base, 100, 2);
    stop = true;
    await Promise.all(loops);
    console.log(
      `creates under 8 staff loops: p50 ${fmt(loaded.p50)} ms, p95 ${fmt(loaded.p95)} ms ${JSON.stringify(loaded.statuses)}; staff calls ${staffCalls} ok, ${staffErrors} failed`,
    );
    results.push({ label: 'public creates, 8 staff loops on statistics', ...loaded, staffCalls, staffErrors });
  }
  const after = memory(pid);
  results.push({ label: 'memory', idle: idle.rss, after: after.rss, peak: after.peak });
  console.log(
    `server RSS: start ${idle.rss.toFixed(0)} MB, now ${after.rss.toFixed(0)} MB, peak ${after.peak.toFixed(0)} MB`,
  );
  server.child.kill('SIGTERM');
  await new Promise((r) => server.child.once('exit', r));

  // Two instances, one per-IP limit of 60 a minute: alternate creates until the first 429.
  if (!values.quick) {
    const limited = { SILA_RATE_LIMIT_PER_MINUTE: '60' };
    const [a, b] = await Promise.all([startServer(limited), startServer(limited)]);
    let first429;
    for (let n = 1; n <= 200 && !first429; n++) {
      if ((await createOne(n % 2 ? a.base : b.base)) === 429) first429 = n;
    }
    console.log(`two instances, limit 60/min per IP: first 429 at create #${first429 ?? '>200'}`);
    results.push({ label: 'two instances, per-IP limit 60', first429 });
    for (const s of [a, b]) s.child.kill('SIGTERM');
  }

  console.log('\n| call | p50 / p95 (ms) |\n|---|---|');
  for (const row of results) {
    if (row.p50 !== undefined) console.log(`| ${row.label} | ${fmt(row.p50)} / ${fmt(row.p95)} |`);
  }
  const csv = results.find((row) => row.label === 'CSV, everything');
  if (csv)
    console.log(
      `| CSV, everything (${csv.rows.toLocaleString('en')} rows, ${csv.mb.toFixed(0)} MB) | first byte ${fmt(csv.firstByte)} ms, total ${(csv.total / 1000).toFixed(1)} s, RSS ${csv.rssBefore.toFixed(0)} → ${csv.rssPeak.toFixed(0)} MB |`,
    );
  const mem = results.find((row) => row.label === 'memory');
  console.log(
    `| one instance's memory (RSS) | ${mem.idle.toFixed(0)} MB at start, ${mem.after.toFixed(0)} MB after, peak ${mem.peak.toFixed(0)} MB |`,
  );
  const two = results.find((row) => row.label.startsWith('two instances'));
  if (two) console.log(`| two instances, 60/min per IP | first 429 at #${two.first429 ?? '>200'} |`);
} finally {
  for (const child of servers) if (child.exitCode === null) child.kill('SIGKILL');
  if (values.keep || reuse) console.log(`schema kept: ${schema}`);
  else await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).catch((error) => console.error(error.message));
  await admin.end();
}
