/** Migrations, durability across restarts, and 503 when the database is gone. */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { loadMigrations, migrate } from '../../server/db/migrate.js';
import { openDatabase } from '../../server/db/open.js';
import {
  assertProblem,
  countRows,
  describeEachDatabase,
  drivers,
  makeApp,
  postJson,
  validComplaint,
  validRequest,
} from './helpers.js';

describeEachDatabase('database', (db, driver) => {
  it('migrations are versioned and a second run changes nothing', async () => {
    const versions = loadMigrations().map((migration) => migration.version);
    assert.ok(versions.length >= 1);
    const { rows } = await db().query<{ version: string }>('SELECT version FROM schema_migrations ORDER BY version');
    assert.deepEqual(
      rows.map((row) => row.version),
      versions,
    );
    assert.deepEqual(await migrate(db()), []);
    assert.deepEqual(await migrate(db()), []);
    assert.equal(await countRows(db(), 'schema_migrations'), versions.length);
  });

  it('a failing migration rolls back entirely', async () => {
    const broken = [
      ...loadMigrations(),
      { version: '999_broken', sql: 'CREATE TABLE half_done (id int); SELECT no_such_function();' },
    ];
    await assert.rejects(migrate(db(), broken));
    const { rows } = await db().query(`SELECT 1 FROM information_schema.tables WHERE table_name = 'half_done'`);
    assert.equal(rows.length, 0);
    assert.equal(await countRows(db(), 'schema_migrations'), loadMigrations().length);
  });

  it('a create is all or nothing: a failure inside the transaction leaves no row', async () => {
    const app = makeApp(db());
    const before = await countRows(db(), 'submissions');
    // Sabotage the last step of the create (the history insert) for this test only.
    await db().exec(`ALTER TABLE submission_history ADD CONSTRAINT sabotage CHECK (status <> 'received')`);
    try {
      const answer = await postJson(app, '/v1/complaints', validComplaint());
      assertProblem(answer, 500, 'internal_error');
    } finally {
      await db().exec('ALTER TABLE submission_history DROP CONSTRAINT sabotage');
    }
    assert.equal(await countRows(db(), 'submissions'), before);
    assert.equal((await db().query('SELECT 1 FROM idempotency_keys WHERE response_status IS NULL')).rows.length, 0);
  });

  it(`answers 503 with Retry-After when the database is unavailable [${driver.name}]`, async () => {
    const own = await driver.open();
    const app = makeApp(own);
    assert.equal((await postJson(app, '/v1/complaints', validComplaint())).status, 201);
    await driver.dispose(own);
    for (const answer of [
      await postJson(app, '/v1/complaints', validComplaint()),
      await postJson(app, '/v1/status', { reference: 'C-4F7K-2M9Q-X3TB', verifier: '1234' }),
    ]) {
      assertProblem(answer, 503, 'service_unavailable');
      assert.equal(answer.headers.get('retry-after'), '5');
    }
  });
});

describe('embedded database durability', () => {
  it('a record survives closing and reopening the data directory', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sila-durability-'));
    try {
      const first = await openDatabase({ dataDir: dir });
      const created = (await postJson(makeApp(first), '/v1/requests', validRequest())).json;
      assert.ok(created.reference);
      await first.close();

      const reopened = await openDatabase({ dataDir: dir });
      try {
        assert.deepEqual(await migrate(reopened), [], 'migrations already applied');
        const lookup = await postJson(makeApp(reopened), '/v1/status', {
          reference: created.reference,
          verifier: '4321',
        });
        assert.equal(lookup.status, 200, lookup.text);
        assert.equal(lookup.json.expectedDecisionBy, created.expectedDecisionBy);
      } finally {
        await reopened.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

// Keep the driver list referenced so a PostgreSQL run is visible in the output.
describe('drivers', () => {
  it('lists the embedded database, and PostgreSQL when DATABASE_URL is set', () => {
    assert.deepEqual(
      drivers().map((driver) => driver.name),
      process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'],
    );
  });
});
