/**
 * kill -9 of a real server process while it holds an Idempotency-Key claim (#19): the
 * claim's lease is no longer renewed, and a retry of the same key on another process is
 * taken over within the lease (seconds), not after the old two minutes of 409s. The
 * submission is then created once. PostgreSQL only: the test holds the create inside its
 * transaction with a table lock from outside, which the embedded database (one process,
 * one connection) cannot be reached for.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { sha256 } from '../../server/crypto.js';
import { LEASE_SECONDS } from '../../server/idempotency.js';
import { validComplaint } from './helpers.js';

/** A deadline, not a wait: a server starts in seconds, but a busy 2-core machine may take minutes (as scripts/test-server.mjs). */
const START_MS = Number(process.env.SILA_TEST_SERVER_START_MS ?? 240_000);

const root = new URL('../..', import.meta.url).pathname;
const databaseUrl = process.env.DATABASE_URL;

async function start(url: string): Promise<{ child: ChildProcess; base: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      DATABASE_URL: url,
      SILA_DATA_DIR: 'memory://',
      PORT: '0',
      HOST: '127.0.0.1',
      SILA_SERVE_STATIC: '0',
      SILA_RATE_LIMIT_PER_MINUTE: '0',
      SILA_LOOKUP_FAILURES_PER_IP: '0',
      SILA_ADMIN_TOKEN: '',
    },
  });
  let output = '';
  const base = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no listening line within ${START_MS} ms:\n${output}`)), START_MS);
    const read = (chunk: Buffer) => {
      output += chunk;
      const match = output.match(/listening on (http:\/\/\S+)/);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`exited ${code ?? signal} before listening:\n${output}`));
    });
  });
  return { child, base };
}

async function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGKILL');
  await exited;
}

describe(
  'kill -9 while holding an idempotency claim [postgres]',
  { skip: databaseUrl ? false : 'DATABASE_URL is not set' },
  () => {
    const schema = `sila_lease_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
    const admin = new pg.Client({ connectionString: databaseUrl });
    const children: ChildProcess[] = [];
    before(async () => {
      await admin.connect();
      await admin.query(`CREATE SCHEMA "${schema}"`);
    });
    after(async () => {
      for (const child of children) await kill(child);
      await admin.query('ROLLBACK').catch(() => {});
      await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await admin.end();
    });

    it(
      'the retry on another process takes the orphaned claim over within the lease',
      { timeout: 600_000 },
      async () => {
        const url = new URL(databaseUrl!);
        url.searchParams.set('options', `-c search_path=${schema}`);
        const first = await start(url.toString());
        children.push(first.child);

        const key = randomUUID();
        const body = JSON.stringify(validComplaint());
        const send = (base: string) =>
          fetch(`${base}/v1/complaints`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key },
            body,
          });

        // Hold every insert into submissions: the create claims its key, then waits inside its transaction.
        await admin.query('BEGIN');
        await admin.query(`LOCK TABLE "${schema}".submissions IN EXCLUSIVE MODE`);
        const hanging = send(first.base).catch(() => undefined);
        const hash = sha256(`POST /v1/complaints\n${key}`).toString('hex');
        for (;;) {
          const { rows } = await admin.query(`SELECT 1 FROM "${schema}".idempotency_keys WHERE key_hash = $1`, [hash]);
          if (rows.length > 0) break;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        await kill(first.child);
        await admin.query('ROLLBACK');
        await hanging;

        const second = await start(url.toString());
        children.push(second.child);
        const statuses: number[] = [];
        let created: { reference: string } | undefined;
        for (let attempt = 0; attempt < 4 && !created; attempt++) {
          const answer = await send(second.base);
          statuses.push(answer.status);
          const json = (await answer.json()) as { reference: string; code?: string };
          if (answer.status === 201) created = json;
          else {
            assert.equal(answer.status, 409, JSON.stringify(json));
            assert.equal(json.code, 'idempotency_in_progress');
            const wait = Number(answer.headers.get('retry-after'));
            assert.ok(wait >= 1 && wait <= LEASE_SECONDS, `Retry-After ${wait}: the lease, not minutes`);
            await new Promise((resolve) => setTimeout(resolve, wait * 1000));
          }
        }
        assert.ok(created, `taken over after following Retry-After: ${statuses.join(', ')}`);
        const { rows } = await admin.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${schema}".submissions`);
        assert.equal(rows[0]!.n, 1, 'created once: the killed process never committed');
        const replay = await send(second.base);
        assert.equal(replay.headers.get('idempotent-replayed'), 'true');
        assert.equal(((await replay.json()) as { reference: string }).reference, created.reference);
      },
    );
  },
);
