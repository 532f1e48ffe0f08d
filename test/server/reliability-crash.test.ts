/**
 * Crash durability: the real process is SIGKILLed in the middle of a burst of creates,
 * three times, on the same database. Every reference that was answered with a 201 must
 * still be there afterwards (a 201 is sent only after the commit).
 * - Embedded (always): PGlite runs with synchronous_commit=on, so a commit's WAL is
 *   written to the host file system before the answer; fsync is off in PGlite, which
 *   matters for a power cut, not for a killed process.
 * - PostgreSQL (when DATABASE_URL is set): the same, in a fresh schema of its own; here
 *   a kill also leaves open connections and a transaction mid-flight on the server side.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { validComplaint } from './helpers.js';

/** A deadline, not a wait: a server starts in seconds, but a busy 2-core machine may take minutes (as scripts/test-server.mjs). */
const START_MS = Number(process.env.SILA_TEST_SERVER_START_MS ?? 240_000);

const root = new URL('../..', import.meta.url).pathname;
const ROUNDS = 3;
const CONCURRENCY = 5;
/** Creates per round at most; the kill comes after KILL_AFTER of them were answered 201. */
const BURST = 40;
const KILL_AFTER = 12;

interface Server {
  child: ChildProcess;
  url: string;
  /** Everything the process printed (stdout and stderr). */
  output: () => string;
}

/** Where the killed servers keep their data: the environment that selects it. */
interface Target {
  name: 'pglite' | 'postgres';
  env: Record<string, string>;
}

/** What the processes of the current target printed (checked for leaks at the end). */
let outputs: string[] = [];

async function start(target: Target): Promise<Server> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      ...target.env,
      PORT: '0',
      HOST: '127.0.0.1',
      SILA_SERVE_STATIC: '0',
      SILA_RATE_LIMIT_PER_MINUTE: '0',
      SILA_LOOKUP_FAILURES_PER_IP: '0',
      SILA_ADMIN_TOKEN: '',
    },
  });
  let output = '';
  const index = outputs.push('') - 1;
  const append = (chunk: Buffer) => {
    output += chunk;
    outputs[index] = output;
  };
  child.stdout!.on('data', append);
  child.stderr!.on('data', append);
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no listening line within ${START_MS} ms:\n${output}`)), START_MS);
    child.stdout!.on('data', () => {
      const match = output.match(/listening on (http:\/\/\S+)/);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`exited ${code ?? signal} before listening:\n${output}`));
    });
  });
  return { child, url, output: () => output };
}

async function kill(server: Server): Promise<void> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  const exited = once(server.child, 'exit');
  server.child.kill('SIGKILL');
  await exited;
}

/** A Saudi mobile unique to this create, so its last 4 digits verify the lookup. */
function mobileFor(n: number): string {
  return `05${String(50_000_000 + n).padStart(8, '0')}`;
}

interface Created {
  reference: string;
  mobile: string;
  key: string;
}

async function crashRounds(target: Target, t: { diagnostic: (message: string) => void }): Promise<void> {
  outputs = [];
  const created: Created[] = [];
  const interrupted: { key: string; mobile: string; body: unknown }[] = [];
  let serial = 0;
  let serverErrors = 0;
  /** Creates sent but not answered when a kill was sent: the kill really came mid-burst. */
  let inFlightAtKill = 0;

  for (let round = 0; round < ROUNDS; round++) {
    const server = await start(target);
    try {
      let answered = 0;
      let pending = 0;
      let next = 0;
      const worker = async () => {
        while (next < BURST && server.child.exitCode === null && server.child.signalCode === null) {
          next++;
          const mobile = mobileFor(serial++);
          const key = randomUUID();
          const body = validComplaint({ contact: { name: 'عميل اختبار', mobile } });
          pending++;
          try {
            const response = await fetch(`${server.url}/v1/complaints`, {
              method: 'POST',
              headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key },
              body: JSON.stringify(body),
            });
            const text = await response.text();
            pending--;
            if (response.status === 201) {
              created.push({ reference: JSON.parse(text).reference, mobile, key });
              if (++answered === KILL_AFTER) {
                inFlightAtKill += pending;
                void kill(server);
              }
            } else {
              if (response.status >= 500) serverErrors++;
              interrupted.push({ key, mobile, body });
            }
          } catch {
            pending--;
            // The connection died with the process: no answer, so no promise was made.
            interrupted.push({ key, mobile, body });
          }
        }
      };
      await Promise.all(Array.from({ length: CONCURRENCY }, worker));
      assert.ok(answered >= KILL_AFTER, `round ${round}: only ${answered} creates answered before the kill`);
    } finally {
      await kill(server);
    }
  }
  assert.equal(serverErrors, 0, 'no 5xx during the bursts');
  assert.ok(created.length >= ROUNDS * KILL_AFTER);
  assert.ok(inFlightAtKill > 0, 'the kills came while creates were in flight');
  t.diagnostic(
    `${target.name}: ${created.length} creates answered 201, ${inFlightAtKill} in flight at the kills, ${interrupted.length} without an answer`,
  );

  const server = await start(target);
  try {
    const lost: string[] = [];
    for (const { reference, mobile } of created) {
      const response = await fetch(`${server.url}/v1/status`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ reference, verifier: mobile.slice(-4) }),
      });
      await response.text();
      if (response.status !== 200) lost.push(`${reference} (${response.status})`);
    }
    assert.deepEqual(lost, [], `references answered 201 but gone after SIGKILL + restart: ${lost.join(', ')}`);

    // A client that never got its answer retries with the same key after the restart:
    // a replay of the stored answer, a fresh create, or "still in progress" for a claim
    // the dead process left behind; never an error, and a 201 is then really stored.
    const replay = created[0]!;
    const again = await fetch(`${server.url}/v1/complaints`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': replay.key },
      body: JSON.stringify(validComplaint({ contact: { name: 'عميل اختبار', mobile: replay.mobile } })),
    });
    assert.equal(again.status, 201);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    assert.equal((await again.json()).reference, replay.reference);
    for (const { key, mobile, body } of interrupted) {
      const retry = await fetch(`${server.url}/v1/complaints`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key },
        body: JSON.stringify(body),
      });
      const text = await retry.text();
      assert.ok([201, 409].includes(retry.status), `retry of an interrupted create: ${retry.status} ${text}`);
      if (retry.status !== 201) continue;
      const lookup = await fetch(`${server.url}/v1/status`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ reference: JSON.parse(text).reference, verifier: mobile.slice(-4) }),
      });
      assert.equal(lookup.status, 200);
      await lookup.text();
    }
  } finally {
    await kill(server);
  }

  // The processes' output (request log, errors) names no mobile number and no name.
  const printed = outputs.join('\n');
  assert.doesNotMatch(printed, /عميل اختبار/);
  for (const { mobile } of [...created, ...interrupted]) {
    assert.ok(!printed.includes(mobile.slice(1)), `log leaks ${mobile}`);
  }
}

describe('SIGKILL mid-burst [pglite]', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'sila-crash-'));
  after(() => rmSync(dataDir, { recursive: true, force: true }));
  it('three times: every reference answered 201 survives', { timeout: 600_000 }, (t) =>
    crashRounds({ name: 'pglite', env: { DATABASE_URL: '', SILA_DATA_DIR: dataDir } }, t),
  );
});

const databaseUrl = process.env.DATABASE_URL;
describe('SIGKILL mid-burst [postgres]', { skip: databaseUrl ? false : 'DATABASE_URL is not set' }, () => {
  // A fresh schema for this file, chosen through the connection string as any
  // deployment could (libpq `options`), so the server itself runs unchanged.
  const schema = `sila_crash_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  const admin = () => new pg.Client({ connectionString: databaseUrl });
  before(async () => {
    const client = admin();
    await client.connect();
    await client.query(`CREATE SCHEMA "${schema}"`);
    await client.end();
  });
  after(async () => {
    const client = admin();
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await client.end();
  });
  it('three times: every reference answered 201 survives', { timeout: 600_000 }, (t) => {
    const url = new URL(databaseUrl!);
    url.searchParams.set('options', `-c search_path=${schema}`);
    return crashRounds({ name: 'postgres', env: { DATABASE_URL: url.toString(), SILA_DATA_DIR: 'memory://' } }, t);
  });
});
