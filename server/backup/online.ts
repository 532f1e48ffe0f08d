/**
 * Online backup of the embedded database, taken inside the server process that owns it
 * (PGlite is single-process: no other process may open its directory while it runs).
 *
 * `npm run backup` (scripts/backup.mjs) writes a request file and sends SIGUSR2 to the pid
 * in SILA_DATA_DIR/server.pid; this handler dumps the database with PGlite's
 * dumpDataDir() — taken between two statements under PGlite's own lock, so it is the
 * image a crash at that instant would leave, and committed transactions are in it — then
 * copies the attachment files (content-addressed and never rewritten, so a copy made
 * afterwards contains every file the dump names) and answers in a result file.
 */
import { randomUUID } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from '../db/database.js';
import { pgliteOf } from '../db/pglite.js';

export const PID_FILE = 'server.pid';
export const REQUEST_FILE = 'backup-request.json';

export interface BackupRequest {
  id: string;
  /** The directory to create (absent before). */
  out: string;
}

/** Writes a backup of the embedded database (and attachment files) to a new directory. */
export async function writePgliteBackup(db: Database, out: string, attachmentsDir?: string): Promise<void> {
  const pg = pgliteOf(db);
  if (!pg) throw new Error('not the embedded database');
  const partial = `${out}.partial-${randomUUID().slice(0, 8)}`;
  mkdirSync(partial, { recursive: true });
  try {
    const dump = await pg.dumpDataDir('gzip');
    writeFileSync(join(partial, 'pgdata.tar.gz'), new Uint8Array(await dump.arrayBuffer()));
    if (attachmentsDir && existsSync(attachmentsDir)) {
      cpSync(attachmentsDir, join(partial, 'attachments'), {
        recursive: true,
        filter: (source) => !source.startsWith(join(attachmentsDir, 'tmp')),
      });
    }
    const { rows } = await db.query<{ version: string }>('SELECT max(version) AS version FROM schema_migrations');
    writeFileSync(
      join(partial, 'manifest.json'),
      `${JSON.stringify({ kind: 'pglite', createdAt: new Date().toISOString(), schema: rows[0]?.version }, null, 2)}\n`,
    );
    renameSync(partial, out);
  } catch (error) {
    rmSync(partial, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Lets `npm run backup` reach this process: a pid file, and SIGUSR2 to take the backup a
 * request file asks for. Returns the function that removes the pid file at shutdown.
 */
export function enableOnlineBackup(db: Database, dataDir: string, attachmentsDir?: string): () => void {
  const pidFile = join(dataDir, PID_FILE);
  writeFileSync(pidFile, `${process.pid}\n`);
  let running = false;
  process.on('SIGUSR2', () => {
    if (running) return;
    running = true;
    void (async () => {
      let request: BackupRequest | undefined;
      try {
        request = JSON.parse(readFileSync(join(dataDir, REQUEST_FILE), 'utf8')) as BackupRequest;
        rmSync(join(dataDir, REQUEST_FILE), { force: true });
        await writePgliteBackup(db, request.out, attachmentsDir);
        writeFileSync(join(dataDir, `backup-${request.id}.done`), JSON.stringify({ ok: true }));
        console.log(`Sila server: backup written to ${request.out}`);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        console.error(`Sila server: the backup failed: ${message}`);
        if (request) writeFileSync(join(dataDir, `backup-${request.id}.done`), JSON.stringify({ ok: false, message }));
      } finally {
        running = false;
      }
    })();
  });
  return () => rmSync(pidFile, { force: true });
}
