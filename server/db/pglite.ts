/** The embedded database: PGlite (PostgreSQL compiled to WASM), in memory or on disk. */
import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import type { Database, Queryable } from './database.js';

function wrap(target: Pick<PGlite, 'query' | 'exec'>): Queryable {
  return {
    async query<Row>(sql: string, params: readonly unknown[] = []) {
      const result = await target.query<Row>(sql, params as unknown[]);
      return { rows: result.rows };
    },
    async exec(sql: string) {
      await target.exec(sql);
    },
  };
}

/** The PGlite behind a Database, for what only it can do (online backup). */
const instances = new WeakMap<Database, PGlite>();

export function pgliteOf(db: Database): PGlite | undefined {
  return instances.get(db);
}

/** dataDir: a directory, or 'memory://' for a throw-away database (tests). */
export async function openPglite(dataDir: string): Promise<Database> {
  // Tests only: start a throw-away database from a kept, initialised empty one
  // (scripts/pglite-template.mjs) instead of running initdb again (seconds per process).
  const template = dataDir === 'memory://' ? process.env.SILA_TEST_PGLITE_TEMPLATE : undefined;
  const pg = await PGlite.create(template ? { dataDir, loadDataDir: new Blob([readFileSync(template)]) } : { dataDir });
  const base = wrap(pg);
  const db: Database = {
    kind: 'pglite',
    ...base,
    // PGlite has one connection: its transaction() queues every other query until the
    // transaction ends, which also serializes concurrent requests safely.
    transaction: (fn) => pg.transaction((tx) => fn(wrap(tx))),
    close: () => pg.close(),
  };
  instances.set(db, pg);
  return db;
}
