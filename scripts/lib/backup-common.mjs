// Shared by scripts/backup.mjs and scripts/restore.mjs: where things are, and PostgreSQL
// connection details for pg_dump/pg_restore without the password on the command line.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const dataDir = () => resolve(process.env.SILA_DATA_DIR?.trim() || './.data');
export const pgliteDir = (dir) => join(dir, 'pgdata');
export const attachmentsDir = (dir) => join(dir, 'attachments');

/** The pid of a server running on this data directory, or undefined. */
export function runningServer(dir) {
  const file = join(dir, 'server.pid');
  if (!existsSync(file)) return undefined;
  const pid = Number(readFileSync(file, 'utf8').trim());
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    return undefined; // a stale file from a crash
  }
}

/** DATABASE_URL split for libpq tools: the password goes in PGPASSWORD, never in argv. */
export function libpq(databaseUrl) {
  const url = new URL(databaseUrl);
  const password = decodeURIComponent(url.password);
  url.password = '';
  // libpq does not read '+' as a space: percent-encode the query (e.g. options=-c search_path=x).
  const query = [...url.searchParams].map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
  url.search = '';
  return {
    url: `${url.toString()}${query ? `?${query}` : ''}`,
    env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) },
  };
}

export function fail(message) {
  console.error(message);
  process.exit(1);
}
