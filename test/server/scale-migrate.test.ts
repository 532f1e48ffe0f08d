/**
 * Migrations marked `-- sila:no-transaction` run outside a transaction (#19), so an index
 * can be built with CREATE INDEX CONCURRENTLY on a live PostgreSQL table; the embedded
 * database runs them plainly. The advisory lock still keeps two instances from racing.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import {
  loadMigrations,
  migrate,
  runsOutsideTransaction,
  statementsOf,
  type Migration,
} from '../../server/db/migrate.js';
import { openDatabase, MEMORY } from '../../server/db/open.js';
import { describeEachDatabase } from './helpers.js';

const table: Migration = {
  version: '990_scale_test_table',
  sql: `CREATE TABLE scale_migration_test (id int PRIMARY KEY, label text NOT NULL);
        INSERT INTO scale_migration_test SELECT i, 'label ' || i FROM generate_series(1, 2000) AS i;`,
};
const index: Migration = {
  version: '991_scale_test_index',
  sql: `-- sila:no-transaction
-- An index built without blocking writes; dropped first in case a failed build left it invalid.
DROP INDEX CONCURRENTLY IF EXISTS scale_migration_test_label_idx;
CREATE INDEX CONCURRENTLY scale_migration_test_label_idx
    ON scale_migration_test (label);
`,
};

it('the marker and the statement split', () => {
  assert.equal(runsOutsideTransaction(index), true);
  assert.equal(runsOutsideTransaction(table), false);
  assert.equal(
    loadMigrations().some((migration) => migration.sql.includes('CONCURRENTLY') && !runsOutsideTransaction(migration)),
    false,
    'every shipped migration using CONCURRENTLY is marked',
  );
  assert.deepEqual(statementsOf(index.sql), [
    'DROP INDEX CONCURRENTLY IF EXISTS scale_migration_test_label_idx',
    'CREATE INDEX CONCURRENTLY scale_migration_test_label_idx\n    ON scale_migration_test (label)',
  ]);
});

describeEachDatabase('migrations outside a transaction', (db, driver) => {
  it('CREATE INDEX CONCURRENTLY runs (PostgreSQL refuses it in a transaction), once', async () => {
    const all = [...loadMigrations(), table, index];
    assert.deepEqual(await migrate(db(), all), [table.version, index.version]);
    const { rows } = await db().query<{ valid: boolean }>(
      `SELECT i.indisvalid AS valid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
        WHERE c.relname = 'scale_migration_test_label_idx'`,
    );
    assert.deepEqual(rows, [{ valid: true }]);
    assert.deepEqual(await migrate(db(), all), [], 'a re-run applies nothing');
    // The connection is usable afterwards, in and out of transactions.
    assert.equal((await db().transaction((tx) => tx.query<{ n: number }>('SELECT 1 AS n'))).rows[0]!.n, 1);
  });

  if (driver.name === 'postgres')
    it('two instances migrating at once: each migration applied once (session-level lock)', async () => {
      const { rows } = await db().query<{ schema: string }>('SELECT current_schema() AS schema');
      const other = await openDatabase({
        databaseUrl: process.env.DATABASE_URL,
        dataDir: MEMORY,
        schema: rows[0]!.schema,
      });
      try {
        const second: Migration = { ...index, version: '992_scale_test_index_again' };
        const third: Migration = {
          version: '993_scale_test_after',
          sql: 'ALTER TABLE scale_migration_test ADD COLUMN note text;',
        };
        const all = [...loadMigrations(), table, index, second, third];
        const [a, b] = await Promise.all([migrate(db(), all), migrate(other, all)]);
        assert.deepEqual([...a, ...b].sort(), [second.version, third.version]);
        const applied = await db().query<{ n: number }>(
          `SELECT count(*)::int AS n FROM schema_migrations WHERE version IN ($1, $2)`,
          [second.version, third.version],
        );
        assert.equal(applied.rows[0]!.n, 2);
      } finally {
        await other.close();
      }
    });

  if (driver.name === 'postgres')
    it('the lock is per schema: a migration held in one schema does not hold up another', async () => {
      // Another association's (or test's) schema in the same database, mid-migration: it
      // holds its lock. Before the key had the schema in it, this start waited for it, and
      // with CREATE INDEX CONCURRENTLY in the other schema the two deadlocked.
      const { rows } = await db().query<{ schema: string }>('SELECT current_schema() AS schema');
      const holder = await db().session!(async (connection) => {
        await connection.query('SELECT pg_advisory_lock(7349121, hashtext($1))', [rows[0]!.schema]);
        try {
          const elsewhere = await openDatabase({
            databaseUrl: process.env.DATABASE_URL,
            dataDir: MEMORY,
            schema: `${rows[0]!.schema}_other`,
          });
          try {
            return await elsewhere.query<{ n: number }>('SELECT count(*)::int AS n FROM schema_migrations');
          } finally {
            await elsewhere.exec(`DROP SCHEMA "${rows[0]!.schema}_other" CASCADE`);
            await elsewhere.close();
          }
        } finally {
          await connection.query('SELECT pg_advisory_unlock(7349121, hashtext($1))', [rows[0]!.schema]);
        }
      });
      assert.equal(holder.rows[0]!.n, loadMigrations().length, 'the other schema migrated meanwhile');
    });
});
