/**
 * `npm run backup` while submissions are being written, then `npm run restore` into an
 * empty place: every submission answered before the backup started is there (and its
 * document, on the embedded database). The real server process, the real scripts, the
 * real databases: PGlite always, PostgreSQL (pg_dump/pg_restore) when DATABASE_URL is set.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import pg from 'pg';
import { openDatabase } from '../../server/db/open.js';
import { validComplaint, validRequest } from './helpers.js';

const root = new URL('../..', import.meta.url).pathname;
const scratch = mkdtempSync(join(tmpdir(), 'sila-backup-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

function run(script: string, args: string[], env: Record<string, string>) {
  return new Promise<{ code: number | null; output: string }>((resolve) => {
    const child = spawn(process.execPath, [script, ...args], { cwd: root, env: { ...process.env, ...env } });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.once('exit', (code) => resolve({ code, output }));
  });
}

async function startServer(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      SILA_DATA_KEY: 'b'.repeat(64),
      SILA_ADMIN_TOKEN: '',
      SILA_ALLOWED_ORIGINS: '',
      ...env,
    },
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no listening line:\n${output}`)), 180_000);
    child.stdout.on('data', () => {
      const match = output.match(/listening on (http:\/\/\S+)/);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.once('exit', (code) => reject(new Error(`exited ${code}:\n${output}`)));
  });
  return {
    url,
    output: () => output,
    stop: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Writes complaints from 3 clients until stopped; remembers when each was answered. */
function writers(url: string) {
  const answered: { reference: string; at: number }[] = [];
  let running = true;
  const loops = [0, 1, 2].map(async () => {
    while (running) {
      const response = await fetch(`${url}/v1/complaints`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() },
        body: JSON.stringify(validComplaint()),
      }).catch(() => undefined);
      if (response?.status === 201) answered.push({ reference: (await response.json()).reference, at: Date.now() });
      else await response?.arrayBuffer();
    }
  });
  return {
    answered,
    stop: async () => {
      running = false;
      await Promise.all(loops);
    },
  };
}

async function uploadDocument(url: string) {
  const document = randomBytes(64 * 1024);
  document.write('%PDF-1.7\n', 0);
  const form = new FormData();
  form.append('payload', JSON.stringify(validRequest()));
  form.append('attachment:id_copy', new File([document], 'id.pdf', { type: 'application/pdf' }));
  const response = await fetch(`${url}/v1/requests`, {
    method: 'POST',
    headers: { 'Idempotency-Key': randomUUID() },
    body: form,
  });
  assert.equal(response.status, 201, await response.clone().text());
  return {
    reference: (await response.json()).reference as string,
    sha256: createHash('sha256').update(document).digest('hex'),
  };
}

/** Backs up while writing; returns the references answered before the backup started. */
async function backupDuringWrites(url: string, out: string, env: Record<string, string>) {
  const load = writers(url);
  while (load.answered.length < 10) await new Promise((resolve) => setTimeout(resolve, 20));
  const startedAt = Date.now();
  const backup = await run('scripts/backup.mjs', [out], env);
  const countAtEnd = load.answered.length;
  // Writing goes on a little after the backup, too.
  while (load.answered.length < countAtEnd + 5) await new Promise((resolve) => setTimeout(resolve, 20));
  await load.stop();
  assert.equal(backup.code, 0, backup.output);
  const before = load.answered.filter((entry) => entry.at < startedAt).map((entry) => entry.reference);
  assert.ok(before.length >= 10);
  assert.ok(load.answered.length > before.length, 'submissions were written while the backup ran');
  return before;
}

describe('backup and restore', () => {
  // One server on the embedded database (on disk) serves both tests below: starting one on a
  // new directory creates and migrates the database, the slowest step here.
  const dataDir = join(scratch, 'live');
  const env = { SILA_DATA_DIR: dataDir, DATABASE_URL: '' };
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  const running = async () => (server ??= await startServer(env));
  after(() => server?.stop());

  it('embedded database: backup of the running server during writes; restore finds every answered submission and document', async () => {
    const live = await running();
    const out = join(scratch, 'backup-pglite');
    const document = await uploadDocument(live.url);
    const before = await backupDuringWrites(live.url, out, env);
    assert.match(live.output(), /backup written to/);
    assert.ok(existsSync(join(out, 'pgdata.tar.gz')) && existsSync(join(out, 'manifest.json')));

    // Into another directory: the server may go on running on its own.
    const restoredDir = join(scratch, 'restored');
    const restore = await run('scripts/restore.mjs', [out], { SILA_DATA_DIR: restoredDir, DATABASE_URL: '' });
    assert.equal(restore.code, 0, restore.output);
    const db = await openDatabase({ dataDir: restoredDir });
    try {
      const { rows } = await db.query<{ reference: string }>('SELECT reference FROM submissions');
      const present = new Set(rows.map((row) => row.reference));
      const missing = before.filter((reference) => !present.has(reference));
      assert.deepEqual(missing, [], `${missing.length} of ${before.length} answered submissions missing`);
      assert.ok(present.has(document.reference));
      const file = join(restoredDir, 'attachments', document.sha256.slice(0, 2), document.sha256);
      assert.equal(createHash('sha256').update(readFileSync(file)).digest('hex'), document.sha256);
    } finally {
      await db.close();
    }
  });

  it('a restore refuses while a server runs on the directory, and says so', async () => {
    await running();
    const restore = await run('scripts/restore.mjs', [join(scratch, 'backup-pglite')], env);
    assert.equal(restore.code, 1);
    assert.match(restore.output, /a server \(pid \d+\) is running on .*live; stop it first/);
  });

  const baseUrl = process.env.DATABASE_URL;
  if (baseUrl) {
    it('PostgreSQL: pg_dump while writing, schema lost, pg_restore: every answered submission is back', async () => {
      // The deployment's own schema (DATABASE_URL ?options=-c search_path=…): no CREATEDB right needed.
      const schema = `sila_backup_${randomUUID().replace(/-/g, '').slice(0, 10)}`;
      const url = new URL(baseUrl);
      url.searchParams.set('options', `-c search_path=${schema}`);
      const admin = new pg.Client({ connectionString: baseUrl });
      await admin.connect();
      try {
        await admin.query(`CREATE SCHEMA ${schema}`);
        const env = { DATABASE_URL: url.toString(), SILA_DATA_DIR: join(scratch, 'pg-unused') };
        const server = await startServer(env);
        const out = join(scratch, 'backup-postgres');
        let before: string[];
        try {
          before = await backupDuringWrites(server.url, out, env);
        } finally {
          await server.stop();
        }
        await admin.query(`DROP SCHEMA ${schema} CASCADE`);
        const restore = await run('scripts/restore.mjs', [out], { DATABASE_URL: url.toString() });
        assert.equal(restore.code, 0, restore.output);
        const { rows } = await admin.query<{ reference: string }>(`SELECT reference FROM ${schema}.submissions`);
        const present = new Set(rows.map((row) => row.reference));
        assert.deepEqual(
          before.filter((reference) => !present.has(reference)),
          [],
        );
      } finally {
        await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => {});
        await admin.end();
      }
    });
  }
});
