#!/usr/bin/env node
// A consistent backup of the reference server's data, while it runs.
//   npm run backup                   # into ./backups/sila-<time>/
//   npm run backup -- /path/to/dir   # into that (new) directory
// PostgreSQL (DATABASE_URL set): pg_dump --format=custom (a consistent snapshot by
// PostgreSQL's own MVCC) into postgres.dump. Embedded database (SILA_DATA_DIR, default
// ./.data): asks the running server for the backup (server/backup/online.ts) or, when
// none runs, opens the database itself; writes pgdata.tar.gz and the attachment files.
// Restore with `npm run restore -- <dir>` (scripts/restore.mjs).
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { attachmentsDir, dataDir, fail, libpq, pgliteDir, runningServer } from './lib/backup-common.mjs';

const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const out = resolve(process.argv[2] ?? join('backups', `sila-${stamp}`));
if (existsSync(out)) fail(`Backup: ${out} exists already; name a new directory.`);
mkdirSync(join(out, '..'), { recursive: true });

async function backupPostgres() {
  const { url, env } = libpq(process.env.DATABASE_URL);
  const partial = `${out}.partial`;
  mkdirSync(partial, { recursive: true });
  // A deployment in its own schema (DATABASE_URL ?options=-c search_path=…) backs up that schema.
  const schema = /search_path=([A-Za-z0-9_]+)/.exec(new URL(url).searchParams.get('options') ?? '')?.[1];
  const args = ['--format=custom', '--no-owner', ...(schema ? [`--schema=${schema}`] : [])];
  const dump = spawnSync('pg_dump', [...args, `--file=${join(partial, 'postgres.dump')}`, url], {
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (dump.error || dump.status !== 0) {
    rmSync(partial, { recursive: true, force: true });
    fail(
      `Backup: pg_dump failed (${dump.error?.message ?? `exit ${dump.status}`}). Is pg_dump installed, of the server's major version or newer?`,
    );
  }
  writeFileSync(
    join(partial, 'manifest.json'),
    `${JSON.stringify({ kind: 'postgres', createdAt: new Date().toISOString() }, null, 2)}\n`,
  );
  renameSync(partial, out);
}

async function backupPgliteOnline(dir, pid) {
  const id = randomUUID();
  const doneFile = join(dir, `backup-${id}.done`);
  writeFileSync(join(dir, 'backup-request.json'), JSON.stringify({ id, out }));
  process.kill(pid, 'SIGUSR2');
  const deadline = Date.now() + 10 * 60_000;
  while (!existsSync(doneFile)) {
    if (Date.now() > deadline) fail('Backup: the server did not answer within 10 minutes (see its log).');
    await new Promise((r) => setTimeout(r, 100));
  }
  const result = JSON.parse(readFileSync(doneFile, 'utf8'));
  rmSync(doneFile, { force: true });
  if (!result.ok) fail(`Backup: the server could not write it: ${result.message}`);
}

async function backupPgliteOffline(dir) {
  const { PGlite } = await import('@electric-sql/pglite');
  if (!existsSync(pgliteDir(dir))) fail(`Backup: no embedded database in ${dir} (set SILA_DATA_DIR).`);
  const partial = `${out}.partial`;
  mkdirSync(partial, { recursive: true });
  const pg = await PGlite.create({ dataDir: pgliteDir(dir) });
  try {
    const dump = await pg.dumpDataDir('gzip');
    writeFileSync(join(partial, 'pgdata.tar.gz'), new Uint8Array(await dump.arrayBuffer()));
  } finally {
    await pg.close();
  }
  if (existsSync(attachmentsDir(dir))) {
    cpSync(attachmentsDir(dir), join(partial, 'attachments'), {
      recursive: true,
      filter: (source) => !source.startsWith(join(attachmentsDir(dir), 'tmp')),
    });
  }
  writeFileSync(
    join(partial, 'manifest.json'),
    `${JSON.stringify({ kind: 'pglite', createdAt: new Date().toISOString() }, null, 2)}\n`,
  );
  renameSync(partial, out);
}

if (process.env.DATABASE_URL?.trim()) await backupPostgres();
else {
  const dir = dataDir();
  const pid = runningServer(dir);
  if (pid) await backupPgliteOnline(dir, pid);
  else await backupPgliteOffline(dir);
}
console.log(`Backup written to ${out}`);
