#!/usr/bin/env node
// Restores a backup made by `npm run backup` (scripts/backup.mjs).
//   npm run restore -- <backup-dir>
// PostgreSQL (DATABASE_URL set): pg_restore --clean --if-exists in one transaction into
// that database (stop the servers first, or they see a half-restored database).
// Embedded database (SILA_DATA_DIR, default ./.data): the server must be stopped; the
// current database is kept beside it as pgdata.replaced-<time>, the backup's database
// and attachment files are put in place.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { attachmentsDir, dataDir, fail, libpq, pgliteDir, runningServer } from './lib/backup-common.mjs';

const from = process.argv[2] ? resolve(process.argv[2]) : fail('Usage: npm run restore -- <backup-dir>');
const manifestFile = join(from, 'manifest.json');
if (!existsSync(manifestFile)) fail(`Restore: ${from} is not a Sila backup (no manifest.json).`);
const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));

if (manifest.kind === 'postgres') {
  if (!process.env.DATABASE_URL?.trim())
    fail('Restore: this is a PostgreSQL backup; set DATABASE_URL to the database to restore into.');
  const { url, env } = libpq(process.env.DATABASE_URL);
  const restore = spawnSync(
    'pg_restore',
    ['--clean', '--if-exists', '--no-owner', '--single-transaction', `--dbname=${url}`, join(from, 'postgres.dump')],
    { env, stdio: ['ignore', 'inherit', 'inherit'] },
  );
  if (restore.error || restore.status !== 0)
    fail(
      `Restore: pg_restore failed (${restore.error?.message ?? `exit ${restore.status}`}); the database is unchanged.`,
    );
} else if (manifest.kind === 'pglite') {
  if (process.env.DATABASE_URL?.trim()) fail('Restore: this is an embedded-database backup; unset DATABASE_URL.');
  const dir = dataDir();
  const pid = runningServer(dir);
  if (pid) fail(`Restore: a server (pid ${pid}) is running on ${dir}; stop it first.`);
  const target = pgliteDir(dir);
  if (existsSync(target)) {
    const aside = `${target}.replaced-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    renameSync(target, aside);
    console.log(`The database that was there is kept in ${aside}.`);
  }
  mkdirSync(dir, { recursive: true });
  const { PGlite } = await import('@electric-sql/pglite');
  const dump = new Blob([readFileSync(join(from, 'pgdata.tar.gz'))]);
  const pg = await PGlite.create({ dataDir: target, loadDataDir: dump });
  await pg.query('SELECT 1');
  await pg.close();
  // Content-addressed: files already there are the same bytes; extra ones are swept.
  if (existsSync(join(from, 'attachments')))
    cpSync(join(from, 'attachments'), attachmentsDir(dir), { recursive: true });
} else fail(`Restore: unknown backup kind ${manifest.kind}.`);
console.log(`Restored ${from}`);
