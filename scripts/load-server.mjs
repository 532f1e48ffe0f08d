#!/usr/bin/env node
// Load runs of the reference server (issue 9), loopback only, embedded PGlite in a fresh
// temp dir shared by all runs (one server process per run, so each run gets its limits):
//   1. steady creates   -c 10  -d 30, per-IP POST limit off          → 0 errors, 0 non-2xx
//   2. steady lookups   -c 50  -d 30, POST limit and IP lookup limit off → 0 errors, 0 non-2xx
//   3. overload creates -c 500 -d 60, default per-IP limit → sheds with 429/503, survives,
//      RSS bounded (VmRSS sampled every second).
// Prints one markdown table; exits 1 when an expectation fails. Same approach as
// scripts/bench-server.mjs (spawn server/main.ts, wait for "listening", unique keys).
//   npm run load:server
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sampleComplaint } from './sample-complaint.mjs';

const root = new URL('..', import.meta.url).pathname;
const runDir = mkdtempSync(join(tmpdir(), 'sila-load-'));
const dataDir = join(runDir, 'data');
const LOOKUP_REFERENCES = 200; // enough that one reference is rarely in flight twice

const complaint = sampleComplaint;
const VERIFIER = '4567'; // last 4 digits of the mobile above

const rssMb = (pid) => {
  try {
    return Math.round(Number(readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/)[1]) / 1024);
  } catch {
    return undefined; // process gone
  }
};

/**
 * Starts server/main.ts with realistic defaults plus `env`; resolves once it listens.
 * Its stdout (one log line per request) goes to a file, not a pipe: Node writes to pipes
 * synchronously, so a pipe drained by this busy process would stall the server itself.
 */
let serverCount = 0;
function startServer(env) {
  const logPath = join(runDir, `server-${++serverCount}.log`);
  const logFd = openSync(logPath, 'w');
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    stdio: ['ignore', logFd, 'pipe'],
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      SILA_DATA_DIR: dataDir,
      SILA_SERVE_STATIC: '0',
      SILA_ADMIN_TOKEN: 'load-admin-token-0123456789',
      SILA_RATE_LIMIT_PER_MINUTE: '60', // the documented defaults, overridden per run
      SILA_LOOKUP_FAILURES_PER_IP: '30',
      ...env,
    },
  });
  const stderr = [];
  child.stderr.on('data', (chunk) => stderr.push(...String(chunk).split('\n').filter(Boolean)));
  closeSync(logFd); // the child holds its own copy
  return new Promise((resolve, reject) => {
    const poll = setInterval(() => {
      const match = readFileSync(logPath, 'utf8').match(/listening on (http:\/\/\S+)/);
      if (!match) return;
      clearInterval(poll);
      child.removeListener('exit', onEarlyExit);
      resolve({ child, url: match[1], stderr });
    }, 100);
    const onEarlyExit = (code) => {
      clearInterval(poll);
      reject(new Error(`server exited with ${code}\n${readFileSync(logPath, 'utf8')}\n${stderr.join('\n')}`));
    };
    child.once('exit', onEarlyExit);
  });
}

async function stopServer(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/** Runs autocannon while sampling the server's RSS once a second. */
async function load(server, { connections, duration, request }) {
  const rss = [rssMb(server.child.pid)];
  const sampler = setInterval(() => rss.push(rssMb(server.child.pid)), 1000);
  try {
    const result = await new Promise((resolve, reject) =>
      autocannon({ url: server.url, connections, duration, requests: [request] }, (error, r) => (error ? reject(error) : resolve(r))),
    );
    await new Promise((resolve) => setTimeout(resolve, 1000)); // let in-flight work settle
    rss.push(rssMb(server.child.pid));
    const seen = rss.filter((value) => value !== undefined);
    return { result, rss: { start: seen[0], peak: Math.max(...seen), end: seen.at(-1) } };
  } finally {
    clearInterval(sampler);
  }
}

const createRequest = {
  method: 'POST',
  path: '/v1/complaints',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(complaint),
  setupRequest: (request) => ({ ...request, headers: { ...request.headers, 'idempotency-key': randomUUID() } }),
};

async function createReferences(url, count) {
  const references = [];
  while (references.length < count) {
    const batch = await Promise.all(
      Array.from({ length: 10 }, async () => {
        const response = await fetch(`${url}/v1/complaints`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
          body: JSON.stringify(complaint),
        });
        if (response.status !== 201) throw new Error(`seeding a reference: HTTP ${response.status}`);
        return (await response.json()).reference;
      }),
    );
    references.push(...batch);
  }
  return references;
}

const rows = [];
const failures = [];
const count = (result, code) => result.statusCodeStats?.[code]?.count ?? 0;
function record(name, shape, { result, rss }, verdict) {
  rows.push([
    name,
    shape,
    result.requests.total,
    Math.round(result.requests.average),
    result.latency.p50,
    result.latency.p99,
    result['2xx'],
    result.non2xx,
    `${count(result, 429)} / ${count(result, 503)}`,
    result.errors,
    result.timeouts,
    `${rss.start} / ${rss.peak} / ${rss.end}`,
    verdict.length ? `FAIL: ${verdict.join('; ')}` : 'ok',
  ]);
  if (verdict.length) failures.push(`${name}: ${verdict.join('; ')}`);
}
const steadyVerdict = ({ result }) => [
  ...(result.errors ? [`${result.errors} errors`] : []),
  ...(result.timeouts ? [`${result.timeouts} timeouts`] : []),
  ...(result.non2xx ? [`${result.non2xx} non-2xx`] : []),
];

// Hard stop whatever happens: the three runs take ~2.5 min plus three start-ups.
let current;
const watchdog = setTimeout(async () => {
  console.error('load-server: watchdog expired after 6 min, stopping');
  if (current) await stopServer(current.child);
  rmSync(runDir, { recursive: true, force: true });
  process.exit(2);
}, 6 * 60_000);
watchdog.unref();

const serverErrors = [];
try {
  // 1. Steady creates, per-IP POST limit lifted (all traffic comes from one address).
  current = await startServer({ SILA_RATE_LIMIT_PER_MINUTE: '0' });
  const creates = await load(current, { connections: 10, duration: 30, request: createRequest });
  record('steady creates', '-c 10 -d 30', creates, steadyVerdict(creates));
  await stopServer(current.child);
  serverErrors.push(...current.stderr);

  // 2. Steady lookups of existing references with their right verifier.
  current = await startServer({ SILA_RATE_LIMIT_PER_MINUTE: '0', SILA_LOOKUP_FAILURES_PER_IP: '0' });
  const references = await createReferences(current.url, LOOKUP_REFERENCES);
  let next = 0;
  const lookups = await load(current, {
    connections: 50,
    duration: 30,
    request: {
      method: 'POST',
      path: '/v1/status',
      headers: { 'content-type': 'application/json' },
      setupRequest: (request) => ({
        ...request,
        body: JSON.stringify({ reference: references[next++ % references.length], verifier: VERIFIER }),
      }),
    },
  });
  record('steady lookups', '-c 50 -d 30', lookups, steadyVerdict(lookups));
  await stopServer(current.child);
  serverErrors.push(...current.stderr);

  // 3. Overload with the default per-IP POST limit on.
  current = await startServer({});
  const overload = await load(current, { connections: 500, duration: 60, request: createRequest });
  const alive = current.child.exitCode === null && current.child.signalCode === null;
  const formConfig = alive ? await fetch(`${current.url}/v1/form-config`).then((r) => r.status, () => 'no answer') : 'exited';
  const shed = count(overload.result, 429) + count(overload.result, 503);
  const verdict = [
    ...(alive ? [] : [`server exited (${current.child.exitCode ?? current.child.signalCode})`]),
    ...(formConfig === 200 ? [] : [`GET /v1/form-config afterwards: ${formConfig}`]),
    ...(shed > 0 ? [] : ['no 429/503 shedding']),
    // Bounded: PGlite's documented ceiling is ~850 MB; flag anything beyond 1.5 GB.
    ...(overload.rss.peak <= 1536 ? [] : [`peak RSS ${overload.rss.peak} MB`]),
  ];
  record('overload creates', '-c 500 -d 60', overload, verdict);
  serverErrors.push(...current.stderr);
  await stopServer(current.child);
  current = undefined;
} finally {
  if (current) await stopServer(current.child);
  rmSync(runDir, { recursive: true, force: true });
}

const header = ['run', 'load', 'requests', 'req/s', 'p50 ms', 'p99 ms', '2xx', 'non-2xx', '429 / 503', 'errors', 'timeouts', 'RSS MB start / peak / end', 'verdict'];
console.log(`\nSila server load runs — embedded PGlite, loopback, node ${process.version}\n`);
console.log(`| ${header.join(' | ')} |\n|${header.map(() => ' --- ').join('|')}|`);
for (const row of rows) console.log(`| ${row.join(' | ')} |`);
if (serverErrors.length) console.log(`\nserver stderr (${serverErrors.length} lines, last 5):\n${serverErrors.slice(-5).join('\n')}`);
if (failures.length) {
  console.log(`\nFAILED:\n- ${failures.join('\n- ')}`);
  process.exitCode = 1;
}
