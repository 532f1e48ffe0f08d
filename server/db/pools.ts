/**
 * The PostgreSQL pools of one instance: the public pool (creates, lookups, every write) and
 * the staff pool (inbox, case view, statistics, reports, export), so a few staff members
 * looping on a whole-range report never take the connections a public create needs. The
 * staff pool may point at a read replica (DATABASE_REPLICA_URL). The embedded database has
 * one connection: there the staff "pool" is the same object as the public one.
 */
import type { Database } from './database.js';
import { DEFAULT_POOL, DEFAULT_POOL_WAIT_MS, DEFAULT_STATEMENT_TIMEOUT_MS, openPostgres } from './postgres.js';

export interface PoolSettings {
  /** SILA_DB_POOL: connections for public work and writes. */
  pool: number;
  /** SILA_DB_STAFF_POOL: connections for staff and report reads. */
  staffPool: number;
  /** SILA_DB_STATEMENT_TIMEOUT_MS: the server cancels longer statements; 0 turns it off. */
  statementTimeoutMs: number;
  /** SILA_DB_POOL_WAIT_MS: how long a query waits for a free connection before a 503. */
  poolWaitMs: number;
  /** DATABASE_REPLICA_URL: a read replica for the staff pool (reads only). */
  replicaUrl?: string;
}

export const DEFAULT_POOL_SETTINGS: PoolSettings = {
  pool: DEFAULT_POOL,
  // Two: on a 2-core host, staff reports can then never hold every core (#19).
  staffPool: 2,
  statementTimeoutMs: DEFAULT_STATEMENT_TIMEOUT_MS,
  poolWaitMs: DEFAULT_POOL_WAIT_MS,
};

/**
 * The staff reads' database: on PostgreSQL its own pool (on the replica when one is set),
 * on the embedded database the same object as `db`. Close it separately when it is not `db`.
 */
export async function openStaffDatabase(
  db: Database,
  options: { databaseUrl?: string; schema?: string; pools?: PoolSettings },
): Promise<Database> {
  if (db.kind !== 'postgres' || !options.databaseUrl) return db;
  const pools = options.pools ?? DEFAULT_POOL_SETTINGS;
  const replica = pools.replicaUrl;
  return openPostgres({
    connectionString: replica ?? options.databaseUrl,
    schema: options.schema,
    max: pools.staffPool,
    statementTimeoutMs: pools.statementTimeoutMs,
    poolWaitMs: pools.poolWaitMs,
    applicationName: 'sila-staff',
    // A replica refuses writes anyway; on the primary the staff pool only reads too, and
    // a read-only transaction makes a mistake in a route fail loudly rather than write.
    readOnly: true,
  });
}
