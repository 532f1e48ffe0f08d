#!/usr/bin/env node
// Loopback benchmark of the reference server: starts it on a fresh temporary data dir
// (or DATABASE_URL when set), measures start-up time and RSS, runs autocannon against
// creates (a unique Idempotency-Key per request) and successful status lookups, prints
// a table and stops the server.
//   node scripts/bench-server.mjs            # 10 connections, 10 s per scenario
//   BENCH_CONNECTIONS=20 BENCH_DURATION=20 node scripts/bench-server.mjs
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sampleComplaint } from './sample-complaint.mjs';

const root = new URL('..', import.meta.url).pathname;
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const duration = Number(process.env.BENCH_DURATION ?? 10);
const dataDir = mkdtempSync(join(tmpdir(), 'sila-bench-'));

function rssMb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(status.match(/VmRSS:\s+(\d+)/)[1]) / 1024);
}

function startServer() {
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      SILA_DATA_DIR: dataDir,
      SILA_SERVE_STATIC: '0',
      // One client hammers the server: lift the per-IP limit for the measurement.
      SILA_RATE_LIMIT_PER_MINUTE: '0',
      SILA_ADMIN_TOKEN: 'bench-admin-token-0123456789',
    },
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk) => {
      output += chunk;
      const match = output.match(/listening on (http:\/\/\S+)/);
      if (match) {
        child.stdout.off('data', onData);
        child.stdout.resume(); // drop the request log
        resolve({ child, url: match[1], startupMs: Math.round(performance.now() - started) });
      }
    };
    child.stdout.on('data', onData);
    child.once('exit', (code) => reject(new Error(`server exited with ${code}\n${output}`)));
  });
}

const complaint = sampleComplaint;

function run(title, url, request) {
  return new Promise((resolve, reject) => {
    autocannon({ url, connections, duration, requests: [request] }, (error, result) => {
      if (error) reject(error);
      else resolve({ title, result });
    });
  });
}

const { child, url, startupMs } = await startServer();
try {
  await new Promise((resolve) => setTimeout(resolve, 500));
  const idleRss = rssMb(child.pid);

  const creates = await run('POST /v1/complaints (unique keys)', url, {
    method: 'POST',
    path: '/v1/complaints',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(complaint),
    setupRequest: (request) => ({ ...request, headers: { ...request.headers, 'idempotency-key': randomUUID() } }),
  });

  // Many references, so that concurrent lookups of one reference stay rare (as in real
  // life: more than 5 in flight at once for one reference are throttled on purpose).
  const references = [];
  for (let i = 0; i < 50; i++) {
    const created = await fetch(`${url}/v1/complaints`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
      body: JSON.stringify(complaint),
    }).then((response) => response.json());
    references.push(created.reference);
  }
  let next = 0;
  const lookups = await run('POST /v1/status (found)', url, {
    method: 'POST',
    path: '/v1/status',
    headers: { 'content-type': 'application/json' },
    setupRequest: (request) => ({
      ...request,
      body: JSON.stringify({ reference: references[next++ % references.length], verifier: '4567' }),
    }),
  });
  const loadedRss = rssMb(child.pid);

  console.log(`\nSila server benchmark — ${process.env.DATABASE_URL ? 'PostgreSQL' : 'embedded PGlite (file-backed)'}, ${connections} connections, ${duration} s each`);
  console.log(`start-up to "listening": ${startupMs} ms; RSS after start: ${idleRss} MB; after load: ${loadedRss} MB\n`);
  console.table(
    [creates, lookups].map(({ title, result }) => ({
      scenario: title,
      'req/s (avg)': Math.round(result.requests.average),
      'p50 ms': result.latency.p50,
      'p99 ms': result.latency.p99,
      requests: result.requests.total,
      '2xx': result['2xx'],
      'non-2xx': result.non2xx,
      errors: result.errors,
      timeouts: result.timeouts,
    })),
  );
} finally {
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
  rmSync(dataDir, { recursive: true, force: true });
}
