/**
 * Versioned SQL migrations (server/db/migrations/NNN_name.sql), applied at start. An
 * advisory lock keeps two instances starting together from racing.
 *
 * A migration runs in one transaction with the others, unless its first line is
 *   -- sila:no-transaction
 * Those run statement by statement outside any transaction, for what PostgreSQL refuses
 * inside one: `CREATE INDEX CONCURRENTLY` (an index built on a live table without blocking
 * writes). Rules for such a file: statements end with `;` at the end of a line, and each
 * can be run again after a failure half-way (`DROP INDEX CONCURRENTLY IF EXISTS x;` before
 * `CREATE INDEX CONCURRENTLY x …`, since a failed concurrent build leaves an invalid index).
 * The embedded database runs them plainly, without CONCURRENTLY (it has one connection:
 * there is nobody to block).
 *
 * Locking: when only transactional migrations are pending, the lock is transaction-level
 * (works through PgBouncer in transaction pooling). When a no-transaction migration is
 * pending, the lock is held by the session for the whole run, on one connection: run that
 * upgrade with DATABASE_URL pointing at PostgreSQL itself or at a session-mode pooler.
 */
import { readFileSync, readdirSync } from 'node:fs';
import type { Database, Queryable } from './database.js';

const MIGRATIONS_DIR = new URL('./migrations/', import.meta.url);
/**
 * The advisory lock every Sila instance takes while migrating: this constant and the
 * schema's name. Advisory locks belong to the whole database: with one key for every
 * schema, an instance waiting for the lock in one schema (inside a statement, so holding
 * a snapshot) and CREATE INDEX CONCURRENTLY run under the lock in another (it waits for
 * every older snapshot) deadlocked each other — several associations in schemas of one
 * database, or the tests and benchmarks, each in a schema of their own.
 */
const MIGRATION_LOCK = 7_349_121;
const LOCK_KEY = `$1, hashtext(current_schema())`;
const NO_TRANSACTION = /^--\s*sila:no-transaction\b/;

export interface Migration {
  version: string;
  sql: string;
}

export function loadMigrations(): Migration[] {
  return readdirSync(MIGRATIONS_DIR)
    .filter((name) => /^\d+_[a-z0-9_]+\.sql$/.test(name))
    .sort()
    .map((name) => ({ version: name.replace(/\.sql$/, ''), sql: readFileSync(new URL(name, MIGRATIONS_DIR), 'utf8') }));
}

export function runsOutsideTransaction(migration: Migration): boolean {
  return NO_TRANSACTION.test(migration.sql.trimStart());
}

/** The statements of a no-transaction migration: split where a line ends with `;`. */
export function statementsOf(sql: string): string[] {
  return sql
    .split(/;[ \t]*(?:\r?\n|$)/)
    .map((statement) =>
      statement
        .split(/\r?\n/)
        .filter((line) => !/^\s*--/.test(line))
        .join('\n')
        .trim(),
    )
    .filter(Boolean);
}

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS schema_migrations (version text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`;

async function appliedVersions(q: Queryable): Promise<Set<string>> {
  await q.exec(CREATE_TABLE);
  const { rows } = await q.query<{ version: string }>('SELECT version FROM schema_migrations');
  return new Set(rows.map((row) => row.version));
}

/** Applies the pending migrations; returns the versions it applied (none on a re-run). */
export async function migrate(db: Database, migrations = loadMigrations()): Promise<string[]> {
  if (!migrations.some(runsOutsideTransaction)) return migrateInOneTransaction(db, migrations);
  // Look without the lock first: an up-to-date database takes the PgBouncer-friendly path.
  const pending = await db.transaction(async (tx) => {
    const applied = await appliedVersions(tx);
    return migrations.filter((migration) => !applied.has(migration.version));
  });
  if (!pending.some(runsOutsideTransaction)) return migrateInOneTransaction(db, migrations);
  return db.session
    ? db.session((connection) => migrateInSession(db, connection, migrations))
    : migrateInSession(db, db, migrations);
}

async function migrateInOneTransaction(db: Database, migrations: Migration[]): Promise<string[]> {
  return db.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(${LOCK_KEY})`, [MIGRATION_LOCK]);
    // Building an index over a million rows takes longer than a request's statement timeout.
    await tx.exec('SET LOCAL statement_timeout = 0');
    const applied = await appliedVersions(tx);
    const done: string[] = [];
    for (const migration of migrations) {
      if (applied.has(migration.version)) continue;
      await tx.exec(migration.sql);
      await tx.query('INSERT INTO schema_migrations (version) VALUES ($1)', [migration.version]);
      done.push(migration.version);
    }
    return done;
  });
}

/**
 * Tries the lock until it is free, without waiting inside a statement: a statement that
 * waits holds a snapshot, and CREATE INDEX CONCURRENTLY in the instance holding the lock
 * waits for every snapshot to go, which would be a deadlock.
 */
async function waitForSessionLock(connection: Queryable): Promise<void> {
  for (;;) {
    const { rows } = await connection.query<{ locked: boolean }>(`SELECT pg_try_advisory_lock(${LOCK_KEY}) AS locked`, [
      MIGRATION_LOCK,
    ]);
    if (rows[0]?.locked) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * One connection, a session-level lock, each migration in order: the usual ones in their
 * own transaction, the marked ones statement by statement.
 */
async function migrateInSession(db: Database, connection: Queryable, migrations: Migration[]): Promise<string[]> {
  await waitForSessionLock(connection);
  try {
    await connection.exec('SET statement_timeout = 0');
    const applied = await appliedVersions(connection);
    const done: string[] = [];
    for (const migration of migrations) {
      if (applied.has(migration.version)) continue;
      if (runsOutsideTransaction(migration)) {
        for (const statement of statementsOf(migration.sql)) {
          await connection.exec(db.kind === 'pglite' ? statement.replace(/\bCONCURRENTLY\b/gi, '') : statement);
        }
        await connection.query('INSERT INTO schema_migrations (version) VALUES ($1)', [migration.version]);
      } else {
        await connection.exec('BEGIN');
        try {
          await connection.exec(migration.sql);
          await connection.query('INSERT INTO schema_migrations (version) VALUES ($1)', [migration.version]);
          await connection.exec('COMMIT');
        } catch (error) {
          await connection.exec('ROLLBACK').catch(() => {});
          throw error;
        }
      }
      done.push(migration.version);
    }
    return done;
  } finally {
    await connection.exec('RESET statement_timeout').catch(() => {});
    await connection.query(`SELECT pg_advisory_unlock(${LOCK_KEY})`, [MIGRATION_LOCK]).catch(() => {});
  }
}
