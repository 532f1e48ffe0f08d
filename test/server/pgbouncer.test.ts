/**
 * The server through PgBouncer in transaction pooling (#19), as docs/deployment.md sets it
 * up: PgBouncer (the Debian package) on a free port in front of the test PostgreSQL,
 * `pool_mode = transaction`, `ignore_startup_parameters = options` (Sila's startup
 * options are dropped there: the schema comes from `connect_query` here, as a role or
 * database setting would give it in production). Through it: migrations of an
 * up-to-date database by two instances at once (the transaction-level advisory lock),
 * a new transactional migration applied once by two racing instances, creates, status
 * lookups, the staff list, statistics and a streamed CSV export; a fresh database is
 * migrated over SILA_MIGRATE_DATABASE_URL (PostgreSQL itself: the no-transaction
 * migrations hold a session lock on one connection).
 *
 * Needs DATABASE_URL (the PostgreSQL tier) and the pgbouncer binary. Installed with
 * apt-get when missing (CI installs it in scripts/ci-postgres.sh); when it cannot be,
 * the suite fails, except on a machine without apt-get, where it is skipped with a line
 * saying why.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { migrate, loadMigrations } from '../../server/db/migrate.js';
import { MEMORY, openDatabase } from '../../server/db/open.js';
import { openStaffDatabase } from '../../server/db/pools.js';
import type { Database } from '../../server/db/database.js';
import { makeApp, postJson, staffGet, validComplaint, validRequest } from './helpers.js';

const DIRECT = process.env.DATABASE_URL;
const BINARIES = ['/usr/sbin/pgbouncer', '/usr/bin/pgbouncer'];
const binary = () => BINARIES.find((path) => existsSync(path));

/** The reason to skip, or null; throws when pgbouncer should be installable and is not. */
function ensurePgbouncer(): string | null {
  if (binary()) return null;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { encoding: 'utf8' }).status === 0;
  if (!hasApt) return 'pgbouncer is not installed and this machine has no apt-get';
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const install = spawnSync(
    'apt-get',
    ['install', '-y', '-qq', '-o', 'DPkg::Lock::Timeout=300', '--no-install-recommends', 'pgbouncer'],
    { env, encoding: 'utf8' },
  );
  if (!binary()) {
    throw new Error(
      `pgbouncer is missing and apt-get could not install it (scripts/ci-postgres.sh installs it): ${(install.stderr || install.stdout || '').trim().split('\n').slice(-3).join(' / ')}`,
    );
  }
  return null;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

// Without DATABASE_URL there is no PostgreSQL to put PgBouncer in front of: like every
// PostgreSQL suite (describeEachDatabase), this one then runs on the PostgreSQL tier only.
const skip = DIRECT ? ensurePgbouncer() : null;
if (skip) console.log(`SKIPPED: PgBouncer suite: ${skip}`);
if (!DIRECT) console.log('PgBouncer suite: not run without DATABASE_URL (the PostgreSQL tier runs it)');

if (DIRECT) defineSuite();

function defineSuite(): void {
  describe('the server through PgBouncer (transaction pooling)', { skip: skip ?? false }, () => {
    const direct = new URL(DIRECT ?? 'postgres://unused@127.0.0.1/unused');
    const schema = `sila_test_pgb_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
    const dir = mkdtempSync(join(tmpdir(), 'sila-pgbouncer-'));
    let bouncer: ChildProcess | undefined;
    let output = '';
    let bouncerUrl = '';
    let adminUrl = '';
    const opened: Database[] = [];

    before(async () => {
      const admin = new pg.Client({ connectionString: DIRECT });
      await admin.connect();
      await admin.query(`CREATE SCHEMA "${schema}"`);
      await admin.end();
      const port = await freePort();
      const user = decodeURIComponent(direct.username);
      const password = decodeURIComponent(direct.password);
      const database = direct.pathname.slice(1);
      writeFileSync(join(dir, 'userlist.txt'), `"${user}" "${password}"\n`);
      // The settings docs/deployment.md gives, on a free port.
      writeFileSync(
        join(dir, 'pgbouncer.ini'),
        [
          '[databases]',
          `${database} = host=${direct.hostname} port=${direct.port || 5432} dbname=${database} connect_query='SET search_path TO ${schema}'`,
          '[pgbouncer]',
          'listen_addr = 127.0.0.1',
          `listen_port = ${port}`,
          'unix_socket_dir =',
          'auth_type = scram-sha-256',
          `auth_file = ${join(dir, 'userlist.txt')}`,
          `admin_users = ${user}`,
          'pool_mode = transaction',
          'default_pool_size = 4',
          'max_client_conn = 200',
          'ignore_startup_parameters = options, extra_float_digits',
          'server_reset_query =',
          '',
        ].join('\n'),
      );
      // PgBouncer refuses to run as root: -u drops to the postgres user the package created.
      chmodSync(dir, 0o755);
      const asRoot = process.getuid?.() === 0;
      bouncer = spawn(binary()!, [...(asRoot ? ['-u', 'postgres'] : []), join(dir, 'pgbouncer.ini')], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      bouncer.stdout!.on('data', (chunk) => (output += chunk));
      bouncer.stderr!.on('data', (chunk) => (output += chunk));
      const auth = `${encodeURIComponent(user)}:${encodeURIComponent(password)}`;
      bouncerUrl = `postgres://${auth}@127.0.0.1:${port}/${database}`;
      adminUrl = `postgres://${auth}@127.0.0.1:${port}/pgbouncer`;
      for (let tries = 0; ; tries++) {
        const probe = new pg.Client({ connectionString: bouncerUrl });
        try {
          await probe.connect();
          await probe.query('SELECT 1');
          await probe.end();
          break;
        } catch (error) {
          await probe.end().catch(() => {});
          if (tries > 100 || bouncer.exitCode !== null)
            throw new Error(`pgbouncer did not start: ${output}`, { cause: error });
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      }
    });

    after(async () => {
      for (const db of opened) await db.close().catch(() => {});
      bouncer?.kill('SIGTERM');
      const admin = new pg.Client({ connectionString: DIRECT });
      await admin.connect();
      await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await admin.end();
      rmSync(dir, { recursive: true, force: true });
    });

    /** Transactions PgBouncer has carried to PostgreSQL so far (its SHOW STATS). */
    async function transactionsCarried(): Promise<number> {
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      try {
        const { rows } = await admin.query('SHOW STATS');
        return rows.reduce((sum, row) => sum + Number(row.total_xact_count), 0);
      } finally {
        await admin.end();
      }
    }

    async function open(migrateUrl?: string): Promise<Database> {
      const db = await openDatabase({ databaseUrl: bouncerUrl, dataDir: MEMORY, schema, migrateUrl });
      opened.push(db);
      return db;
    }

    let db: Database;

    it('a fresh database migrates over SILA_MIGRATE_DATABASE_URL; then instances start through PgBouncer', async () => {
      const directWithSchema = new URL(DIRECT!);
      directWithSchema.searchParams.set('options', `-c search_path=${schema}`);
      db = await open(directWithSchema.toString());
      const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM schema_migrations');
      assert.equal(rows[0]!.n, loadMigrations().length, 'every migration applied');
      // Two instances starting together through PgBouncer: nothing pending, the transaction-level lock.
      await Promise.all([open(), open()]);
    });

    it('a new transactional migration is applied once by two instances racing through PgBouncer', async () => {
      const probe = {
        version: '999_pgbouncer_probe',
        sql: `CREATE TABLE pgbouncer_probe (id integer); INSERT INTO pgbouncer_probe VALUES (1);`,
      };
      const [a, b] = await Promise.all([open(), open()]);
      const applied = await Promise.all([a, b].map((one) => migrate(one, [...loadMigrations(), probe])));
      assert.deepEqual(applied.flat(), ['999_pgbouncer_probe'], 'applied by exactly one');
      const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM pgbouncer_probe');
      assert.equal(rows[0]!.n, 1);
    });

    it('creates, lookups, the staff list, statistics and the CSV export work through it', async () => {
      const before = await transactionsCarried();
      const staffDb = await openStaffDatabase(db, { databaseUrl: bouncerUrl });
      opened.push(staffDb);
      const app = makeApp(db, { staffDb });
      const created = await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          postJson(app, i % 2 ? '/v1/complaints' : '/v1/requests', i % 2 ? validComplaint() : validRequest()),
        ),
      );
      for (const answer of created) assert.equal(answer.status, 201, answer.text);
      // The same Idempotency-Key again: the stored answer, not a second submission.
      const key = randomUUID();
      const first = await postJson(app, '/v1/requests', validRequest(), { key });
      const replay = await postJson(app, '/v1/requests', validRequest(), { key });
      assert.equal(replay.status, 201);
      assert.equal(replay.json.reference, first.json.reference);

      const request = created.find((answer) => answer.json.reference.startsWith('R'))!;
      const lookup = await postJson(app, '/v1/status', { reference: request.json.reference, verifier: '4321' });
      assert.equal(lookup.status, 200, lookup.text);
      assert.equal(lookup.json.status, 'received');

      const list = await staffGet(app, '/v1/staff/submissions');
      assert.equal(list.status, 200, list.text);
      assert.equal(list.json.items.length, 13);
      const stats = await staffGet(app, '/v1/staff/stats');
      assert.equal(stats.status, 200, stats.text);
      assert.equal(stats.json.total, 13);
      const csv = await staffGet(app, '/v1/staff/export.csv');
      assert.equal(csv.status, 200);
      assert.equal(csv.text.trim().split('\n').length, 14, 'a header and 13 rows');
      assert.ok((await transactionsCarried()) - before >= 20, 'the traffic went through PgBouncer');
    });
  });
}
