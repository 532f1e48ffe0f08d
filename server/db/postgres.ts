/**
 * PostgreSQL through a `pg` connection pool (DATABASE_URL, or DATABASE_REPLICA_URL for the
 * staff reads). Everything here works behind PgBouncer in transaction pooling: no session
 * state is kept between statements except inside one transaction (docs/deployment.md).
 */
import pg from 'pg';
import Cursor from 'pg-cursor';
import type { Database, Queryable } from './database.js';

export interface PostgresOptions {
  connectionString: string;
  /** Put every table in this schema (tests use a fresh one per file). */
  schema?: string;
  /** Connections in this pool (SILA_DB_POOL, SILA_DB_STAFF_POOL). */
  max?: number;
  /** Any statement running longer is cancelled by the server (SILA_DB_STATEMENT_TIMEOUT_MS); 0: none. */
  statementTimeoutMs?: number;
  /** How long a query waits for a free connection before it fails (503) (SILA_DB_POOL_WAIT_MS). */
  poolWaitMs?: number;
  /** Shown in pg_stat_activity: which pool a connection belongs to. */
  applicationName?: string;
  /** Every transaction read-only (the staff pool on a replica). */
  readOnly?: boolean;
}

export const DEFAULT_POOL = 10;
export const DEFAULT_POOL_WAIT_MS = 5_000;
export const DEFAULT_STATEMENT_TIMEOUT_MS = 30_000;

function wrap(target: pg.Pool | pg.PoolClient): Queryable {
  return {
    async query<Row>(sql: string, params: readonly unknown[] = []) {
      const result = await target.query(sql, params as unknown[]);
      return { rows: result.rows as Row[] };
    },
    async exec(sql: string) {
      await target.query(sql);
    },
  };
}

/**
 * The connection string without its `options`, and every startup option (-c name=value):
 * those it carried (`?options=-c search_path=…`, kept) and ours. pg lets the connection
 * string's options win over the config's, so they are merged here into one. A pooler in
 * transaction mode may refuse or drop them: docs/deployment.md says what to set instead.
 */
function connectionSettings(options: PostgresOptions): { connectionString: string; startup?: string } {
  const settings: string[] = [];
  let connectionString = options.connectionString;
  try {
    const url = new URL(connectionString);
    const given = url.searchParams.get('options');
    if (given) {
      settings.push(given);
      url.searchParams.delete('options');
      connectionString = url.toString();
    }
  } catch {
    // Not a URL (a key=value string): used as it is.
  }
  if (options.schema) settings.push(`-c search_path=${options.schema}`);
  if (options.statementTimeoutMs) settings.push(`-c statement_timeout=${options.statementTimeoutMs}`);
  if (options.readOnly) settings.push('-c default_transaction_read_only=on');
  return { connectionString, ...(settings.length > 0 ? { startup: settings.join(' ') } : {}) };
}

export async function openPostgres(options: PostgresOptions): Promise<Database> {
  const { connectionString, startup } = connectionSettings(options);
  const pool = new pg.Pool({
    connectionString,
    max: options.max ?? DEFAULT_POOL,
    connectionTimeoutMillis: options.poolWaitMs ?? DEFAULT_POOL_WAIT_MS,
    idleTimeoutMillis: 30_000,
    application_name: options.applicationName ?? 'sila',
    ...(startup ? { options: startup } : {}),
  });
  // An idle client that loses its connection emits 'error' on the pool; without a
  // listener that would crash the process. The next query reports it instead (503).
  pool.on('error', () => {});
  if (options.schema && !options.readOnly) {
    await pool.query(`CREATE SCHEMA IF NOT EXISTS "${options.schema.replace(/"/g, '""')}"`);
  }
  const base = wrap(pool);
  return {
    kind: 'postgres',
    ...base,
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(wrap(client));
        await client.query('COMMIT');
        client.release();
        return result;
      } catch (error) {
        // A connection that cannot even roll back is broken: destroy it, not reuse it.
        const broken = await client.query('ROLLBACK').then(
          () => false,
          () => true,
        );
        client.release(broken);
        throw error;
      }
    },
    async session(fn) {
      const client = await pool.connect();
      let broken = false;
      try {
        return await fn(wrap(client));
      } catch (error) {
        // Whatever state it was left in (an open transaction, a lock), it is not reused.
        broken = true;
        throw error;
      } finally {
        client.release(broken);
      }
    },
    cursor: <Row>(sql: string, params: readonly unknown[], size: number) => readByCursor<Row>(pool, sql, params, size),
    close: () => pool.end(),
  };
}

/**
 * One read-only transaction holding a cursor: the rows come `size` at a time, as the
 * caller asks for them. The statement timeout is lifted for this transaction only (an
 * export of a million rows legitimately runs for minutes; a client that goes away ends
 * the loop, which closes the cursor).
 */
async function* readByCursor<Row>(
  pool: pg.Pool,
  sql: string,
  params: readonly unknown[],
  size: number,
): AsyncGenerator<Row[]> {
  const client = await pool.connect();
  let committed = false;
  let broken = false;
  try {
    await client.query('BEGIN READ ONLY');
    await client.query('SET LOCAL statement_timeout = 0');
    const cursor = client.query(new Cursor<Row>(sql, params as unknown[]));
    try {
      for (;;) {
        const rows = await cursor.read(size);
        if (rows.length === 0) break;
        yield rows;
        if (rows.length < size) break;
      }
    } finally {
      await cursor.close().catch(() => {
        broken = true;
      });
    }
    await client.query('COMMIT');
    committed = true;
  } finally {
    // Left early (the client went away) or failed: end the transaction before the
    // connection goes back; one that cannot even roll back is destroyed, not reused.
    if (!committed && !broken) await client.query('ROLLBACK').catch(() => (broken = true));
    client.release(broken);
  }
}
