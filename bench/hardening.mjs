#!/usr/bin/env node
// Issue 18, "measured, not assumed": while one client attacks, another client's
// GET /v1/form-config and status lookups are timed (p50/p99), and the server's RSS peak
// is sampled, on the embedded database (PGlite on disk) and on PostgreSQL.
//   attacks: one 15 MiB upload (three 5 MiB documents), 30 concurrent 5 MiB uploads
//   (30 addresses), a 14 MB multipart body of 100 000 parts, 1 MB JSON bodies at the
//   rate limit (two senders).
// Attackers and the measured client use different loopback addresses (127.0.0.0/8), as
// different people would. A request still unanswered when its scenario ends counts with
// the time it has waited so far (a stall is not hidden by ending the clock early).
//   npm run bench:hardening                                # this tree, PGlite (+ PostgreSQL with DATABASE_URL)
//   node bench/hardening.mjs --root /tmp/before --label before --json before.json
//   node bench/hardening.mjs --report before.json after.json > bench/hardening-results.md
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import pg from 'pg';
import { sampleComplaint } from '../scripts/sample-complaint.mjs';

const { values: args, positionals } = parseArgs({
  options: {
    root: { type: 'string', default: new URL('..', import.meta.url).pathname },
    label: { type: 'string', default: 'after' },
    json: { type: 'string' },
    db: { type: 'string' }, // pglite | postgres | both (default: both when DATABASE_URL is set)
    report: { type: 'boolean', default: false },
    seconds: { type: 'string', default: '8' },
  },
  allowPositionals: true,
});

const MiB = 1024 * 1024;
const VICTIM = '127.0.0.3';
const LOOKUP_ADDRESSES = Array.from({ length: 20 }, (_, i) => `127.0.0.${10 + i}`);
const SCENARIO_TIMEOUT_MS = 120_000;
const MIN_SCENARIO_MS = Number(args.seconds) * 1000;
const VERIFIER = '4567';
const sampleRequest = {
  audience: 'beneficiary',
  applicant: {
    fullName: 'نورة سعد القحطاني',
    nationalId: '1000000008',
    mobile: '+966 55 765 4321',
    email: 'noura@example.com',
    city: 'الرياض',
    birthDate: '1990-05-17',
  },
  household: { householdSize: '5', incomeBracket: 'under_3000', employment: 'unemployed', housing: 'rented' },
  service: 'food_basket',
  description: 'أسرة من خمسة أفراد بحاجة إلى سلة غذائية شهرية.',
  declaration: { accepted: true, version: 'declaration-v1' },
  consent: { accepted: true, version: 'privacy-v1' },
  client: { locale: 'ar', fillMs: 120000 },
};

// ---------------------------------------------------------------- HTTP

const agents = new Map();
function agentFor(address) {
  if (!agents.has(address)) agents.set(address, new http.Agent({ keepAlive: true, localAddress: address }));
  return agents.get(address);
}

const quieted = new WeakSet();

/** One request; resolves { status, ms, body } (status 0 on a network error). */
function send(url, { method = 'GET', path, headers = {}, body, from, signal }) {
  const started = performance.now();
  return new Promise((resolvePromise) => {
    const request = http.request(
      new URL(path, url),
      {
        method,
        headers: { ...headers, ...(body ? { 'content-length': body.byteLength } : {}) },
        agent: agentFor(from),
        signal,
      },
      (response) => {
        const chunks = [];
        response.on('data', (chunk) => chunks.push(chunk));
        response.on('end', () =>
          resolvePromise({ status: response.statusCode, ms: performance.now() - started, body: Buffer.concat(chunks) }),
        );
        response.on('error', () => resolvePromise({ status: 0, ms: performance.now() - started }));
      },
    );
    request.on('error', () => resolvePromise({ status: 0, ms: performance.now() - started }));
    // A server that answers early (413, 503) closes while we still write: not a crash here.
    request.on('socket', (socket) => {
      if (quieted.has(socket)) return;
      quieted.add(socket);
      socket.on('error', () => {});
    });
    if (body) request.end(body);
    else request.end();
  });
}

const json = (value) => Buffer.from(JSON.stringify(value));

function multipart(payload, files, boundary = `bench${randomUUID()}`) {
  const parts = [
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="payload"\r\n\r\n`),
    json(payload),
    Buffer.from('\r\n'),
  ];
  for (const [field, bytes] of files) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="f.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
      ),
      bytes,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), type: `multipart/form-data; boundary=${boundary}` };
}

/** A PDF of `size` bytes (signature, then noise that compresses badly, as a scan does). */
function pdf(size) {
  const bytes = randomBytes(size);
  bytes.write('%PDF-1.7\n', 0);
  return bytes;
}

// ---------------------------------------------------------------- server

function rssKb(pid) {
  try {
    return Number(readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/)[1]);
  } catch {
    return 0;
  }
}

async function startServer(root, env) {
  // BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof": where the server spends its time.
  const nodeArgs = process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      SILA_SERVE_STATIC: '0',
      SILA_ADMIN_TOKEN: '',
      SILA_DATA_KEY: randomBytes(32).toString('hex'),
      SILA_ALLOWED_ORIGINS: '',
      ...env,
    },
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  // Its stdout (a log line per request) is not read: a busy server must never wait on our
  // pipe. The port it listens on comes from /proc instead.
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited ${child.exitCode}: ${stderr}`);
    const port = listeningPort(child.pid);
    if (port) return { child, url: `http://127.0.0.1:${port}`, stderr: () => stderr };
    if (Date.now() - started > 300_000) {
      child.kill('SIGKILL');
      throw new Error(`server did not listen within 5 minutes: ${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The TCP port a process listens on, from /proc (no output parsing of the server). */
function listeningPort(pid) {
  try {
    const inodes = new Set();
    for (const fd of readdirSafe(`/proc/${pid}/fd`)) {
      try {
        const link = readlinkSync(`/proc/${pid}/fd/${fd}`);
        const match = link.match(/^socket:\[(\d+)\]$/);
        if (match) inodes.add(match[1]);
      } catch {
        /* gone */
      }
    }
    for (const line of readFileSync('/proc/net/tcp', 'utf8').split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      if (cols[3] === '0A' && inodes.has(cols[9])) return parseInt(cols[1].split(':')[1], 16);
    }
  } catch {
    /* not yet */
  }
  return undefined;
}

function readdirSafe(path) {
  try {
    return readdirSync(path);
  } catch {
    return [];
  }
}

async function stopServer(child) {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

// ---------------------------------------------------------------- the measured client

/**
 * The measured client runs in its own thread: the attacker's work in this one (writing
 * 150 MiB to sockets) must not be what delays it. Only the server is shared.
 */
function measuredClient(url, references) {
  const worker = new Worker(new URL(import.meta.url), { workerData: { url, references } });
  return {
    stop: () =>
      new Promise((resolvePromise) => {
        worker.once('message', (result) => {
          void worker.terminate();
          resolvePromise(result);
        });
        worker.postMessage('stop');
      }),
  };
}

/** Runs until stop(): form-config every 50 ms, a status lookup every 200 ms. */
function clientLoops(url, references) {
  const samples = { config: [], lookup: [] };
  const pending = new Set();
  let running = true;
  let next = 0;
  const loop = async (kind, everyMs, request) => {
    while (running) {
      const started = performance.now();
      const entry = { started };
      pending.add(entry);
      const answer = await request();
      pending.delete(entry);
      if (!running && answer.status === 0) break;
      samples[kind].push({ ms: answer.ms, ok: answer.status === 200 });
      const wait = everyMs - (performance.now() - started);
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    }
  };
  const loops = [
    loop('config', 50, () => send(url, { path: '/v1/form-config', from: VICTIM })),
    loop('lookup', 200, () => {
      const i = next++;
      return send(url, {
        method: 'POST',
        path: '/v1/status',
        headers: { 'content-type': 'application/json' },
        body: json({ reference: references[i % references.length], verifier: VERIFIER }),
        from: LOOKUP_ADDRESSES[i % LOOKUP_ADDRESSES.length],
      });
    }),
  ];
  return {
    async stop() {
      running = false;
      // Requests still waiting count with the wait so far (then are left to finish).
      const now = performance.now();
      const stalled = [...pending].map((entry) => now - entry.started);
      await Promise.race([Promise.all(loops), new Promise((r) => setTimeout(r, 2000))]);
      return { samples, stalled };
    },
  };
}

function percentile(values, p) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

// ---------------------------------------------------------------- attacks

// Each attack builds its bodies first (prepare), outside the measured time: building
// 150 MiB of uploads must not be what delays the measured client.
const attacks = {
  'one 15 MiB upload (3 × 5 MiB)': () => {
    const files = [1, 2, 3].map((i) => [`attachment:doc${i}`, pdf(5 * MiB - 4096)]);
    const { body, type } = multipart(sampleRequest, files);
    return async (url) => {
      const answer = await send(url, {
        method: 'POST',
        path: '/v1/requests',
        headers: { 'content-type': type, 'idempotency-key': randomUUID() },
        body,
        from: '127.0.0.4',
      });
      return [answer.status];
    };
  },
  '30 concurrent 5 MiB uploads': () => {
    const bodies = Array.from({ length: 30 }, () =>
      multipart(sampleRequest, [['attachment:id_copy', pdf(5 * MiB - 4096)]]),
    );
    return async (url) => {
      const answers = await Promise.all(
        bodies.map(({ body, type }, i) => {
          return send(url, {
            method: 'POST',
            path: '/v1/requests',
            headers: { 'content-type': type, 'idempotency-key': randomUUID() },
            body,
            from: `127.0.1.${i + 1}`,
          });
        }),
      );
      return answers.map((answer) => answer.status);
    };
  },
  '14 MB multipart of 100 000 parts': () => {
    const boundary = 'benchparts';
    const part = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="attachment:x"; filename="a"\r\n\r\n${'A'.repeat(40)}\r\n`,
    );
    const head = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="payload"\r\n\r\n${JSON.stringify(sampleRequest)}\r\n`,
    );
    const body = Buffer.concat([
      head,
      ...Array.from({ length: 100_000 }, () => part),
      Buffer.from(`--${boundary}--\r\n`),
    ]);
    return async (url) => {
      const answer = await send(url, {
        method: 'POST',
        path: '/v1/requests',
        headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'idempotency-key': randomUUID() },
        body,
        from: '127.0.0.4',
      });
      return [answer.status, `${(body.byteLength / 1e6).toFixed(1)} MB`];
    };
  },
  '1 MB JSON bodies at the rate limit (2 senders)': () => {
    // An array of zeros just under 1 MB: the costliest JSON a body limit lets through.
    const zeros = Buffer.from(`[${new Array(500_000).fill(0).join(',')}]`);
    return async (url, { until }) => {
      const statuses = {};
      await Promise.all(
        ['127.0.0.5', '127.0.0.6'].map(async (from) => {
          while (performance.now() < until) {
            const answer = await send(url, {
              method: 'POST',
              path: '/v1/complaints',
              headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
              body: zeros,
              from,
            });
            statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
          }
        }),
      );
      return Object.entries(statuses).map(([status, n]) => `${n}×${status}`);
    };
  },
};

async function runDatabase(database) {
  const runDir = mkdtempSync(join(tmpdir(), 'sila-hardening-'));
  let dropDatabase = async () => {};
  const env = { SILA_DATA_DIR: join(runDir, 'data'), DATABASE_URL: '' };
  if (database === 'postgres') {
    // A throw-away schema (the bench needs no CREATEDB right): every pooled connection
    // gets its search_path through libpq's `options`.
    const schema = `sila_hardening_${randomUUID().replace(/-/g, '').slice(0, 10)}`;
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    await admin.end();
    const url = new URL(process.env.DATABASE_URL);
    url.searchParams.set('options', `-c search_path=${schema}`);
    env.DATABASE_URL = url.toString();
    dropDatabase = async () => {
      const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.end();
    };
  }
  const server = await startServer(resolve(args.root), env);
  const rows = [];
  let peakKb = 0;
  const sampler = setInterval(() => (peakKb = Math.max(peakKb, rssKb(server.child.pid))), 50);
  try {
    // Status lookups need references: 20 complaints, one per lookup address.
    const references = [];
    for (const from of LOOKUP_ADDRESSES) {
      const answer = await send(server.url, {
        method: 'POST',
        path: '/v1/complaints',
        headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
        body: json(sampleComplaint),
        from,
      });
      if (answer.status !== 201) throw new Error(`seeding: HTTP ${answer.status} ${answer.body}`);
      references.push(JSON.parse(answer.body).reference);
    }
    // Warm-up: JIT, caches (not reported).
    const warm = measuredClient(server.url, references);
    await new Promise((r) => setTimeout(r, 2000));
    await warm.stop();

    for (const [name, prepare] of Object.entries(attacks)) {
      const attack = prepare();
      peakKb = rssKb(server.child.pid);
      const started = performance.now();
      const client = measuredClient(server.url, references);
      const until = started + MIN_SCENARIO_MS;
      const outcome = await Promise.race([
        attack(server.url, { until }),
        new Promise((r) => setTimeout(() => r(['timed out']), SCENARIO_TIMEOUT_MS)),
      ]);
      const attackMs = performance.now() - started;
      const rest = until - performance.now();
      if (rest > 0) await new Promise((r) => setTimeout(r, rest));
      const { samples, stalled } = await client.stop();
      const config = [...samples.config.map((s) => s.ms), ...stalled];
      const lookup = samples.lookup.map((s) => s.ms);
      rows.push({
        database,
        scenario: name,
        attack: outcome.join(' '),
        attackSeconds: attackMs / 1000,
        config: {
          n: config.length,
          p50: percentile(config, 50),
          p99: percentile(config, 99),
          max: Math.max(...config),
        },
        lookup: {
          n: lookup.length,
          p50: percentile(lookup, 50),
          p99: percentile(lookup, 99),
          max: Math.max(...lookup),
          failed: samples.lookup.filter((s) => !s.ok).length,
        },
        rssPeakMb: Math.round(Math.max(peakKb, rssKb(server.child.pid)) / 1024),
      });
      console.error(`${database} · ${name}: ${JSON.stringify(rows.at(-1))}`);
      // Let the server settle (uploads refused mid-body, sockets closing).
      await new Promise((r) => setTimeout(r, 1000));
    }
  } finally {
    clearInterval(sampler);
    await stopServer(server.child);
    await dropDatabase().catch(() => {});
    rmSync(runDir, { recursive: true, force: true });
  }
  return rows;
}

// ---------------------------------------------------------------- report

/** "201 201 503 …" → "2×201 1×503"; other outcomes as they are. */
function summarize(attack) {
  const tokens = attack.split(' ');
  if (tokens.length < 4 || !tokens.every((token) => /^\d{3}$/.test(token))) return attack;
  const counts = {};
  for (const token of tokens) counts[token] = (counts[token] ?? 0) + 1;
  return Object.entries(counts)
    .map(([status, n]) => `${n}×${status}`)
    .join(' ');
}

const ms = (value) => (Number.isFinite(value) ? `${Math.round(value)}` : '–');

function report(files) {
  const runs = files.map((file) => JSON.parse(readFileSync(file, 'utf8')));
  const lines = [
    '# Hardening under attack: another client’s latency and the server’s memory (issue 18)',
    '',
    'Produced by `npm run bench:hardening` (bench/hardening.mjs); the "before" column is commit',
    `3eaae4d run by the same script. Machine: ${runs[0].machine}; load average (1 min) during the`,
    `runs: ${runs.map((run) => `${run.label} ${run.load}`).join(', ')} (the machine is shared). Times in ms; a request still`,
    'unanswered at the end of a scenario counts with its wait so far. Target: p99 ≤ 250 ms, RSS < 1 GB.',
    '',
  ];
  for (const database of ['pglite', 'postgres']) {
    const scenarios = runs[0].rows.filter((row) => row.database === database).map((row) => row.scenario);
    if (scenarios.length === 0) continue;
    lines.push(`## ${database === 'pglite' ? 'Embedded database (PGlite on disk)' : 'PostgreSQL'}`, '');
    lines.push(
      `| Attack | ${runs.map((run) => `${run.label}: form-config p50 / p99`).join(' | ')} | ${runs.map((run) => `${run.label}: lookup p50 / p99`).join(' | ')} | ${runs.map((run) => `${run.label}: RSS peak MB`).join(' | ')} | ${runs.map((run) => `${run.label}: attack answered`).join(' | ')} |`,
      `|---|${runs.map(() => '---:').join('|')}|${runs.map(() => '---:').join('|')}|${runs.map(() => '---:').join('|')}|${runs.map(() => '---').join('|')}|`,
    );
    for (const scenario of scenarios) {
      const cells = runs.map((run) => run.rows.find((row) => row.database === database && row.scenario === scenario));
      lines.push(
        `| ${scenario} | ${cells.map((c) => (c ? `${ms(c.config.p50)} / ${ms(c.config.p99)}` : '–')).join(' | ')} | ${cells.map((c) => (c ? `${ms(c.lookup.p50)} / ${ms(c.lookup.p99)}${c.lookup.failed ? ` (${c.lookup.failed} not 200)` : ''}` : '–')).join(' | ')} | ${cells.map((c) => (c ? c.rssPeakMb : '–')).join(' | ')} | ${cells.map((c) => (c ? `${summarize(c.attack)} in ${c.attackSeconds.toFixed(1)} s` : '–')).join(' | ')} |`,
      );
    }
    lines.push('');
  }
  return lines.join('\n');
}

if (!isMainThread) {
  const client = clientLoops(workerData.url, workerData.references);
  parentPort.once('message', async () => {
    parentPort.postMessage(await client.stop());
    for (const agent of agents.values()) agent.destroy();
  });
} else if (args.report) {
  process.stdout.write(`${report(positionals)}\n`);
} else {
  const databases = args.db
    ? args.db === 'both'
      ? ['pglite', 'postgres']
      : [args.db]
    : process.env.DATABASE_URL
      ? ['pglite', 'postgres']
      : ['pglite'];
  const rows = [];
  const loadBefore = loadavg()[0];
  const result = {
    label: args.label,
    load: '',
    root: resolve(args.root),
    machine: `${cpus().length} cores, ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`,
    rows,
  };
  for (const database of databases) {
    try {
      rows.push(...(await runDatabase(database)));
    } catch (error) {
      console.error(`${database}: ${error.stack ?? error}`);
      process.exitCode = 1;
    }
    // Other work on the machine skews every figure: said beside them.
    result.load = `${loadBefore.toFixed(1)} → ${loadavg()[0].toFixed(1)}`;
    // Written after each database, so a failure on the next keeps these figures.
    if (args.json) writeFileSync(args.json, JSON.stringify(result, null, 2));
  }
  process.stdout.write(`${report([args.json ?? writeTemp(result)])}\n`);
  for (const agent of agents.values()) agent.destroy();
}

function writeTemp(result) {
  const file = join(tmpdir(), `sila-hardening-${process.pid}.json`);
  writeFileSync(file, JSON.stringify(result));
  return file;
}
