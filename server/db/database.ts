/**
 * The one small interface every store function talks to, so the same SQL runs on the
 * embedded database (PGlite) and on PostgreSQL. Parameters use $1, $2, …; JSON goes in
 * as text cast to jsonb, timestamps as Date, bytes as Uint8Array.
 */
export interface Queryable {
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<{ rows: Row[] }>;
  /** Runs several statements at once (migrations); no parameters. */
  exec(sql: string): Promise<void>;
}

export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs fn in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /**
   * A query's rows in batches of about `size`, read from a server-side cursor on one
   * connection (PostgreSQL only), so memory stays flat whatever the row count. Leaving the
   * loop early (return/throw) closes the cursor and gives the connection back.
   * Absent on the embedded database: callers page by keyset instead.
   */
  cursor?<Row = Record<string, unknown>>(sql: string, params: readonly unknown[], size: number): AsyncIterable<Row[]>;
  /**
   * Runs fn on one connection, outside any transaction (migrations that cannot run in
   * one, under a session-level lock). Absent on the embedded database: it has only one
   * connection, so the database itself is that session.
   */
  session?<T>(fn: (connection: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** The SQLSTATE of a unique violation. */
export const UNIQUE_VIOLATION = '23505';

export function sqlState(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * True when the error means "the database cannot be reached right now" rather than a bug:
 * the client should retry later (503), not give up (500).
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const code = sqlState(error);
  if (code) {
    // 08: connection exception; 53: insufficient resources; 57P: operator intervention
    // (shutdown, crash recovery); network errors from the socket.
    if (/^(08|53|57P)/.test(code)) return true;
    // 57014: cancelled by SILA_DB_STATEMENT_TIMEOUT_MS, the server overloaded: retry later.
    if (code === '57014') return true;
    if (['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH'].includes(code)) return true;
  }
  const message = error instanceof Error ? error.message : '';
  return /PGlite is closed|Cannot use a pool after calling end|Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(
    message,
  );
}
