#!/usr/bin/env node
// Load runs of the reference server (issue 9), loopback only, embedded PGlite in a fresh
// temp dir shared by all runs (one server process per run, so each run gets its limits):
//   1. steady creates   -c 10  -d 30, per-IP POST limit off          → 0 errors, 0 non-2xx
//   2. steady lookups   -c 50  -d 30, POST limit and IP lookup limit off → 0 errors, 0 non-2xx
//   3. overload creates -c 500 -d 60, default per-IP limit → sheds with 429/503, survives,
//      RSS bounded (VmRSS sampled every 250 ms).
// Prints one markdown table; exits 1 when an expectation fails. Server start-up, RSS
// sampling and unique-key creates are shared with scripts/bench-server.mjs (scripts/lib/).
//   npm run load:server
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeErrors, runAutocannon as load, statusCount as count } from './lib/autocannon-run.mjs';
import { lookupRequest, seedComplaints, uniqueKeyCreate } from './lib/requests.mjs';
import { markdownTable } from './lib/markdown-table.mjs';
import { startServer as startServerProcess, stopServer } from './lib/server-process.mjs';
import { sampleComplaint } from './sample-complaint.mjs';

const runDir = mkdtempSync(join(tmpdir(), 'sila-load-'));
const dataDir = join(runDir, 'data');
const LOOKUP_REFERENCES = 200; // enough that one reference is rarely in flight twice

/** Starts the server with realistic defaults plus `env`, logging to a file in runDir. */
let serverCount = 0;
function startServer(env) {
  return startServerProcess({
    logPath: join(runDir, `server-${++serverCount}.log`),
    env: {
      DATABASE_URL: '', // these runs are about the embedded database
      SILA_DATA_DIR: dataDir,
      SILA_ADMIN_TOKEN: 'load-admin-token-0123456789abcdef',
      SILA_RATE_LIMIT_PER_MINUTE: '60', // the documented defaults, overridden per run
      SILA_LOOKUP_FAILURES_PER_IP: '30',
      // The load comes from one address with many connections; the cap has its own tests.
      SILA_MAX_IN_FLIGHT_PER_CLIENT: '0',
      ...env,
    },
  });
}

const createRequest = uniqueKeyCreate('/v1/complaints', sampleComplaint);

const rows = [];
const failures = [];
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
const steadyVerdict = ({ result, errorCodes }) => [
  ...(result.errors ? [`${result.errors} errors (${describeErrors(errorCodes)})`] : []),
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
  const references = (await seedComplaints(current.url, LOOKUP_REFERENCES)).map((created) => created.reference);
  const lookups = await load(current, { connections: 50, duration: 30, request: lookupRequest(references) });
  record('steady lookups', '-c 50 -d 30', lookups, steadyVerdict(lookups));
  await stopServer(current.child);
  serverErrors.push(...current.stderr);

  // 3. Overload with the default per-IP POST limit on.
  current = await startServer({});
  const overload = await load(current, { connections: 500, duration: 60, request: createRequest });
  const alive = current.child.exitCode === null && current.child.signalCode === null;
  const formConfig = alive
    ? await fetch(`${current.url}/v1/form-config`).then(
        (r) => r.status,
        () => 'no answer',
      )
    : 'exited';
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

const header = [
  'run',
  'load',
  'requests',
  'req/s',
  'p50 ms',
  'p99 ms',
  '2xx',
  'non-2xx',
  '429 / 503',
  'errors',
  'timeouts',
  'RSS MB start / peak / end',
  'verdict',
];
console.log(`\nSila server load runs — embedded PGlite, loopback, node ${process.version}\n`);
console.log(markdownTable(header, rows));
if (serverErrors.length)
  console.log(`\nserver stderr (${serverErrors.length} lines, last 5):\n${serverErrors.slice(-5).join('\n')}`);
if (failures.length) {
  console.log(`\nFAILED:\n- ${failures.join('\n- ')}`);
  process.exitCode = 1;
}
