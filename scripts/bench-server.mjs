#!/usr/bin/env node
// Loopback benchmark of the reference server (issue 8), on the embedded database (PGlite,
// fresh temp dir) and, when DATABASE_URL is set, on PostgreSQL too (a throw-away schema),
// one after the other with the same scenarios so the figures sit side by side:
//   complaint creates and rating creates (a unique Idempotency-Key each), successful status
//   lookups, idempotent replays. Afterwards the staff API must show exactly one stored
//   record per key answered 201: nothing lost, nothing duplicated.
// Prints markdown tables and writes them to bench/server-results.md; exits 1 when a
// check fails or a run had errors, timeouts or non-2xx answers.
//   npm run bench:server                  # 10 connections, 15 s per scenario
//   BENCH_CONNECTIONS=20 BENCH_DURATION=30 BENCH_WARMUP=3 npm run bench:server
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeErrors, runAutocannon } from './lib/autocannon-run.mjs';
import { createLedger } from './lib/create-ledger.mjs';
import { isReplay, lookupRequest, sampleRating, seedComplaints, uniqueKeyCreate } from './lib/requests.mjs';
import { markdownTable } from './lib/markdown-table.mjs';
import { freshSchema } from './lib/pg-schema.mjs';
import { rssMb, startServer, stopServer } from './lib/server-process.mjs';
import { storedCounts } from './lib/staff-counts.mjs';
import { sampleComplaint } from './sample-complaint.mjs';

const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const duration = Number(process.env.BENCH_DURATION ?? 15);
const warmup = Number(process.env.BENCH_WARMUP ?? 3); // JIT and caches, not reported
const ADMIN_TOKEN = 'bench-admin-token-0123456789abcdef';
const LOOKUP_REFERENCES = 200; // enough that one reference is rarely looked up twice at once
const REPLAY_KEYS = 100;
const runDir = mkdtempSync(join(tmpdir(), 'sila-bench-'));
const loadAtStart = loadavg()[0].toFixed(1); // other work on the machine skews the figures

const scenarioRows = [];
const checkRows = [];
const serverRows = [];
const failures = [];

/** A create scenario: runs it, settles the keys left in flight, compares with the staff API. */
async function benchCreates(server, { path, body, count }) {
  const ledger = createLedger();
  const before = (await storedCounts(server.url, ADMIN_TOKEN))[count];
  const run = await runAutocannon(server, { connections, duration, request: uniqueKeyCreate(path, body, ledger) });
  const settled = await ledger.settle(server.url, path, body);
  const stored = (await storedCounts(server.url, ADMIN_TOKEN))[count] - before;
  return { run, check: { ...settled, stored } };
}

async function benchLookups(server) {
  const references = (await seedComplaints(server.url, LOOKUP_REFERENCES)).map((created) => created.reference);
  return runAutocannon(server, { connections, duration, request: lookupRequest(references) });
}

/** Replays of already answered keys: every answer must be the stored 201, nothing new stored. */
async function benchReplays(server) {
  const keys = (await seedComplaints(server.url, REPLAY_KEYS)).map((created) => created.key);
  const before = (await storedCounts(server.url, ADMIN_TOKEN)).complaints;
  let next = 0;
  let replayed = 0;
  const run = await runAutocannon(server, {
    connections,
    duration,
    request: {
      ...uniqueKeyCreate('/v1/complaints', sampleComplaint),
      setupRequest: (request) => ({
        ...request,
        headers: { ...request.headers, 'idempotency-key': keys[next++ % keys.length] },
      }),
      onResponse: (status, _body, _context, headers) => {
        if (status === 201 && isReplay(headers)) replayed++;
      },
    },
  });
  const stored = (await storedCounts(server.url, ADMIN_TOKEN)).complaints - before;
  return { run, replayed, stored };
}

function recordScenario(scenario, database, { result, rss, errorCodes }) {
  const issues = [
    result.errors && `${result.errors} errors (${describeErrors(errorCodes)})`,
    result.timeouts && `${result.timeouts} timeouts`,
    result.non2xx && `${result.non2xx} non-2xx`,
  ].filter(Boolean);
  scenarioRows.push({
    scenario,
    cells: [
      scenario,
      database,
      Math.round(result.requests.average),
      result.latency.p50,
      result.latency.p97_5,
      result.latency.p99,
      result.requests.total,
      result['2xx'],
      result.non2xx,
      result.errors,
      result.timeouts,
      `${rss.start} / ${rss.peak} / ${rss.end}`,
    ],
  });
  if (issues.length) failures.push(`${scenario} (${database}): ${issues.join(', ')}`);
}

function recordCheck(what, database, { created201, settled, expectedStored, stored, replayedFirstSends }) {
  const problems = [
    stored !== expectedStored && `stored ${stored} ≠ ${expectedStored}`,
    replayedFirstSends && `${replayedFirstSends} fresh keys answered as replays`,
  ].filter(Boolean);
  checkRows.push([
    what,
    database,
    created201,
    settled,
    expectedStored,
    stored,
    problems.length ? `FAIL: ${problems.join('; ')}` : 'ok',
  ]);
  if (problems.length) failures.push(`${what} (${database}): ${problems.join('; ')}`);
}

let current; // the running server, for the watchdog
async function benchDatabase({ name, env }) {
  const server = (current = await startServer({
    logPath: join(runDir, `${name}.log`),
    env: { ...env, SILA_ADMIN_TOKEN: ADMIN_TOKEN },
  }));
  try {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const idleRss = rssMb(server.child.pid);
    if (warmup > 0) {
      const ledger = createLedger();
      await runAutocannon(server, {
        connections,
        duration: warmup,
        request: uniqueKeyCreate('/v1/complaints', sampleComplaint, ledger),
      });
      await ledger.settle(server.url, '/v1/complaints', sampleComplaint); // nothing left to commit during the next scenario
    }

    const complaints = await benchCreates(server, {
      path: '/v1/complaints',
      body: sampleComplaint,
      count: 'complaints',
    });
    recordScenario('complaint creates', name, complaints.run);
    recordCheck('complaint creates', name, complaints.check);

    const ratings = await benchCreates(server, { path: '/v1/ratings', body: sampleRating, count: 'ratings' });
    recordScenario('rating creates', name, ratings.run);
    recordCheck('rating creates', name, ratings.check);

    recordScenario('status lookups (found)', name, await benchLookups(server));

    const replays = await benchReplays(server);
    recordScenario('idempotent replays', name, replays.run);
    const answers = replays.run.result.requests.total;
    // requests.total can count a few sent but unanswered at stop; every answer must be a replay.
    const replayProblems = [
      replays.stored !== 0 && `${replays.stored} stored`,
      replays.replayed !== replays.run.result['2xx'] &&
        `${replays.run.result['2xx'] - replays.replayed} 2xx without Idempotent-Replayed`,
    ].filter(Boolean);
    checkRows.push([
      'idempotent replays',
      name,
      `${replays.replayed} replayed of ${answers}`,
      '–',
      0,
      replays.stored,
      replayProblems.length ? `FAIL: ${replayProblems.join('; ')}` : 'ok',
    ]);
    if (replayProblems.length) failures.push(`idempotent replays (${name}): ${replayProblems.join('; ')}`);

    serverRows.push([name, server.startupMs, idleRss, rssMb(server.child.pid), server.stderr.length]);
  } finally {
    await stopServer(server.child);
    current = undefined;
  }
  if (server.stderr.length)
    console.error(`server stderr (${name}), last 5 lines:\n${server.stderr.slice(-5).join('\n')}`);
}

// Hard stop whatever happens (each database: warm-up, four scenarios, seeding, start-up).
const databaseCount = process.env.DATABASE_URL ? 2 : 1;
const watchdog = setTimeout(
  () => {
    console.error('bench-server: watchdog expired, stopping');
    current?.child.kill('SIGKILL');
    rmSync(runDir, { recursive: true, force: true });
    process.exit(2);
  },
  databaseCount * (warmup + 4 * duration + 120) * 1000,
);
watchdog.unref();

const limitsOff = {
  SILA_RATE_LIMIT_PER_MINUTE: '0',
  SILA_LOOKUP_FAILURES_PER_IP: '0',
  SILA_MAX_IN_FLIGHT_PER_CLIENT: '0',
}; // one client IP does all the traffic
let pgSchema;
try {
  await benchDatabase({ name: 'PGlite', env: { ...limitsOff, DATABASE_URL: '', SILA_DATA_DIR: join(runDir, 'data') } });
  if (process.env.DATABASE_URL) {
    pgSchema = await freshSchema(process.env.DATABASE_URL);
    await benchDatabase({ name: 'PostgreSQL', env: { ...limitsOff, DATABASE_URL: pgSchema.url } });
  }
} finally {
  await pgSchema?.drop().catch((error) => console.error(`dropping schema ${pgSchema.schema}: ${error.message}`));
  rmSync(runDir, { recursive: true, force: true });
  clearTimeout(watchdog);
}

const cpu = cpus();
// Same scenario on both databases on adjacent rows, scenarios in the order they ran.
const scenarioOrder = [...new Set(scenarioRows.map((row) => row.scenario))];
const byScenario = scenarioOrder.flatMap((scenario) => scenarioRows.filter((row) => row.scenario === scenario));
const report = [
  '# Sila reference server benchmark',
  '',
  `${new Date().toISOString().slice(0, 10)} · loopback · node ${process.version} · ${cpu.length} × ${cpu[0]?.model.trim()} · autocannon -c ${connections} -d ${duration} per scenario (after a ${warmup} s warm-up) · 1-min load average ${loadAtStart} at start, ${loadavg()[0].toFixed(1)} at end · server log to a file · rate limits off · \`npm run bench:server\``,
  '',
  markdownTable(
    [
      'scenario',
      'database',
      'req/s',
      'p50 ms',
      'p97.5 ms',
      'p99 ms',
      'requests',
      '2xx',
      'non-2xx',
      'errors',
      'timeouts',
      'server RSS MB before / peak / after',
    ],
    byScenario.map((row) => row.cells),
  ),
  '',
  'Stored records, counted through the staff API (`GET /v1/staff/stats`) before and after each run. Requests still in flight when autocannon stopped are resent with the same key and body (as a widget would), then every key answered 201 must be exactly one record.',
  '',
  markdownTable(
    ['run', 'database', '201 during run', 'in flight at stop, resent', 'expected stored', 'stored', 'verdict'],
    checkRows,
  ),
  '',
  markdownTable(
    ['database', 'start-up to listening ms', 'RSS idle MB', 'RSS at end MB', 'server stderr lines'],
    serverRows,
  ),
  '',
  `Fresh data each run: PGlite in a new temp dir, PostgreSQL in a throw-away schema${process.env.DATABASE_URL ? '' : ' (skipped: DATABASE_URL not set)'}. Load generator, server and database share this machine's CPUs.`,
  ...(failures.length ? ['', '**Failed:**', '', ...failures.map((failure) => `- ${failure}`)] : []),
  '',
].join('\n');

console.log(`\n${report}`);
const benchDir = new URL('../bench/', import.meta.url).pathname;
mkdirSync(benchDir, { recursive: true });
writeFileSync(join(benchDir, 'server-results.md'), report);
console.log('written to bench/server-results.md');
if (failures.length) process.exitCode = 1;
