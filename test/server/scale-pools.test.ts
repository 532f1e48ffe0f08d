/**
 * Pools (#19): size, statement timeout and pool wait from the environment; staff and
 * report reads in their own read-only pool (or on a replica), so staff work that takes
 * every staff connection leaves public creates alone. The embedded database has one
 * connection: there the staff database is the same object.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { ConfigError, readServerConfig } from '../../server/config.js';
import { openStaffDatabase } from '../../server/db/pools.js';
import { staffLane } from '../../server/http/staff-lane.js';
import { Hono } from 'hono';
import { openPostgres } from '../../server/db/postgres.js';
import { ADMIN_TOKEN, describeEachDatabase, makeApp, postJson, staffGet, validComplaint } from './helpers.js';

it('pool settings come from the environment, with defaults, and bad values are refused', () => {
  const defaults = readServerConfig({}).pools;
  assert.deepEqual(defaults, {
    pool: 10,
    staffPool: 2,
    statementTimeoutMs: 30_000,
    poolWaitMs: 5_000,
    replicaUrl: undefined,
  });
  const set = readServerConfig({
    SILA_DB_POOL: '20',
    SILA_DB_STAFF_POOL: '6',
    SILA_DB_STATEMENT_TIMEOUT_MS: '0',
    SILA_DB_POOL_WAIT_MS: '2000',
    DATABASE_REPLICA_URL: 'postgres://reader@replica/sila',
  }).pools;
  assert.deepEqual(set, {
    pool: 20,
    staffPool: 6,
    statementTimeoutMs: 0,
    poolWaitMs: 2000,
    replicaUrl: 'postgres://reader@replica/sila',
  });
  assert.equal(readServerConfig({}).statsCacheMs, 0);
  assert.equal(readServerConfig({ SILA_STATS_CACHE_MS: '5000' }).statsCacheMs, 5_000);
  assert.equal(readServerConfig({}).staffConcurrency, 2);
  assert.equal(readServerConfig({ SILA_STAFF_CONCURRENCY: '0' }).staffConcurrency, 0);
  assert.equal(
    readServerConfig({ SILA_MIGRATE_DATABASE_URL: 'postgres://direct/sila' }).migrateUrl,
    'postgres://direct/sila',
  );
  assert.throws(() => readServerConfig({ SILA_DB_POOL: '0' }), ConfigError);
  assert.throws(() => readServerConfig({ SILA_DB_STAFF_POOL: 'many' }), ConfigError);
  assert.throws(() => readServerConfig({ SILA_DB_STATEMENT_TIMEOUT_MS: '-1' }), ConfigError);
});

it('the staff lane handles at most its number of requests at once, the others in turn', async () => {
  const app = new Hono();
  app.use('*', staffLane(2));
  let open = 0;
  let most = 0;
  const order: number[] = [];
  app.get('/:n', async (c) => {
    open++;
    most = Math.max(most, open);
    await new Promise((resolve) => setImmediate(resolve));
    order.push(Number(c.req.param('n')));
    open--;
    return c.text('ok');
  });
  const answers = await Promise.all([1, 2, 3, 4, 5, 6].map((n) => app.request(`/${n}`)));
  assert.deepEqual(
    answers.map((answer) => answer.status),
    [200, 200, 200, 200, 200, 200],
  );
  assert.equal(most, 2);
  assert.deepEqual(order, [1, 2, 3, 4, 5, 6], 'first come, first served');
});

describeEachDatabase('staff pool', (db, driver) => {
  if (driver.name === 'pglite') {
    it('the embedded database: the staff database is the same one', async () => {
      assert.equal(await openStaffDatabase(db(), { databaseUrl: undefined }), db());
    });
    return;
  }

  const schemaOf = async () => (await db().query<{ s: string }>('SELECT current_schema() AS s')).rows[0]!.s;

  it('is its own pool, read-only', async () => {
    const staffDb = await openStaffDatabase(db(), { databaseUrl: process.env.DATABASE_URL, schema: await schemaOf() });
    try {
      assert.notEqual(staffDb, db());
      assert.equal((await staffDb.query<{ n: number }>('SELECT count(*)::int AS n FROM submissions')).rows.length, 1);
      await assert.rejects(
        staffDb.query(`INSERT INTO lookup_failures (reference, day, failures) VALUES ('X', 'x', 1)`),
        (error: { code?: string }) => error.code === '25006',
        'read-only transaction',
      );
    } finally {
      await staffDb.close();
    }
  });

  it('staff work holding every staff connection leaves public creates alone', async () => {
    const staffDb = await openStaffDatabase(db(), {
      databaseUrl: process.env.DATABASE_URL,
      schema: await schemaOf(),
      pools: { pool: 10, staffPool: 1, statementTimeoutMs: 30_000, poolWaitMs: 300 },
    });
    try {
      const app = makeApp(db(), { staffDb });
      assert.equal((await postJson(app, '/v1/complaints', validComplaint())).status, 201);
      // More rows than a few cursor reads, so the export below is still open when it pauses.
      await db().exec(`
        INSERT INTO submissions (reference, kind, status, channel, payload, verifier_hash, received_at, updated_at)
        SELECT 'P' || lpad(i::text, 12, '0'), 'suggestion', 'received', 'website', '{}'::jsonb, 'x', t, t
          FROM generate_series(1, 10000) AS i, LATERAL (SELECT now() - i * interval '1 minute' AS t) AS at`);
      // An export read half-way holds the staff pool's only connection (its cursor).
      const response = await app.request('/v1/staff/export.csv', {
        headers: { Authorization: `Bearer ${ADMIN_TOKEN}` },
      });
      const reader = response.body!.getReader();
      await reader.read();
      await reader.read();
      const busy = await staffGet(app, '/v1/staff/submissions');
      assert.equal(busy.status, 503, 'the staff pool is full: staff wait, then 503');
      const created = await postJson(app, '/v1/complaints', validComplaint());
      assert.equal(created.status, 201, 'the public pool is not touched');
      await reader.cancel();
      assert.equal((await staffGet(app, '/v1/staff/submissions')).status, 200);
    } finally {
      await staffDb.close();
    }
  });

  it('the statement timeout is the server cancelling a statement', async () => {
    const timed = await openPostgres({
      connectionString: process.env.DATABASE_URL!,
      schema: await schemaOf(),
      statementTimeoutMs: 200,
    });
    try {
      await assert.rejects(timed.query('SELECT pg_sleep(2)'), (error: { code?: string }) => error.code === '57014');
      // Exports lift it for their own transaction only.
      const rows: unknown[] = [];
      for await (const batch of timed.cursor!<{ n: number }>('SELECT 1 AS n FROM pg_sleep(0.4)', [], 10))
        rows.push(...batch);
      assert.equal(rows.length, 1);
    } finally {
      await timed.close();
    }
  });
});
