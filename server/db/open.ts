/** Picks the database from the configuration: PostgreSQL when DATABASE_URL is set, else PGlite. */
import { accessSync, constants, existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Database } from './database.js';
import { backfillSearchColumns } from '../staff/search-index.js';
import { migrate } from './migrate.js';
import { openPglite } from './pglite.js';
import type { PoolSettings } from './pools.js';
import { openPostgres } from './postgres.js';

export const MEMORY = 'memory://';

export interface DatabaseConfig {
  databaseUrl?: string;
  /** Embedded database directory, or 'memory://'. */
  dataDir: string;
  /** PostgreSQL schema to use instead of the default search_path (tests). */
  schema?: string;
  /** PostgreSQL pool size and timeouts (server/db/pools.ts). */
  pools?: PoolSettings;
  /**
   * SILA_MIGRATE_DATABASE_URL: PostgreSQL itself when DATABASE_URL goes through PgBouncer
   * in transaction pooling. Migrations and the start-up backfill run on one connection
   * of their own there (a session-level advisory lock and CREATE INDEX CONCURRENTLY need
   * one server connection throughout), closed once done; the pools use DATABASE_URL.
   */
  migrateUrl?: string;
}

/**
 * Creates SILA_DATA_DIR. A recursive mkdir under a read-only or forbidden parent reports
 * ENOENT; the parent's own refusal (EROFS, EACCES) names the fault for the operator.
 */
function createDataDir(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    let parent = dirname(dir);
    while (!existsSync(parent) && dirname(parent) !== parent) parent = dirname(parent);
    accessSync(parent, constants.W_OK);
    throw error;
  }
}

/** Where the embedded database keeps its files inside SILA_DATA_DIR. */
export function pgliteDir(dataDir: string): string {
  return dataDir === MEMORY ? MEMORY : join(dataDir, 'pgdata');
}

/** Opens the database and brings its schema up to date. */
export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  let db: Database;
  if (config.databaseUrl) {
    db = await openPostgres({
      connectionString: config.databaseUrl,
      schema: config.schema,
      max: config.pools?.pool,
      statementTimeoutMs: config.pools?.statementTimeoutMs,
      poolWaitMs: config.pools?.poolWaitMs,
    });
  } else {
    if (config.dataDir !== MEMORY) createDataDir(config.dataDir);
    db = await openPglite(pgliteDir(config.dataDir));
  }
  try {
    if (config.databaseUrl && config.migrateUrl) {
      const direct = await openPostgres({
        connectionString: config.migrateUrl,
        schema: config.schema,
        max: 1,
        statementTimeoutMs: config.pools?.statementTimeoutMs,
        applicationName: 'sila-migrate',
      });
      try {
        await migrate(direct);
        await backfillSearchColumns(direct);
      } finally {
        await direct.close();
      }
    } else {
      await migrate(db);
      await backfillSearchColumns(db);
    }
  } catch (error) {
    await db.close().catch(() => {});
    throw error;
  }
  return db;
}
