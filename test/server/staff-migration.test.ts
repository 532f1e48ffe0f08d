/**
 * Migration 003 on a database that already holds cases: versions, referrals, channels and
 * timeline entries are filled in by the migration, the search columns at start-up.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import type { Database } from '../../server/db/database.js';
import { loadMigrations, migrate } from '../../server/db/migrate.js';
import { openPglite } from '../../server/db/pglite.js';
import { openPostgres } from '../../server/db/postgres.js';
import { backfillSearchColumns, nationalIdSearchHash } from '../../server/staff/search-index.js';

const engines: Array<[string, () => Promise<{ db: Database; dispose: () => Promise<void> }>]> = [
  [
    'pglite',
    async () => {
      const db = await openPglite('memory://');
      return { db, dispose: () => db.close() };
    },
  ],
];
const url = process.env.DATABASE_URL;
if (url) {
  engines.push([
    'postgres',
    async () => {
      const schema = `sila_test_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
      const db = await openPostgres({ connectionString: url, schema });
      return {
        db,
        dispose: async () => {
          await db.exec(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
          await db.close();
        },
      };
    },
  ]);
}

for (const [name, open] of engines) {
  describe(`migration 003 over existing cases [${name}]`, () => {
    it('fills version, referral, channel and timeline numbers; search columns at start', async () => {
      const { db, dispose } = await open();
      try {
        const all = loadMigrations();
        await migrate(
          db,
          all.filter((migration) => migration.version < '003'),
        );
        const payload = JSON.stringify({
          applicant: { fullName: 'إبراهيم الشهري', nationalId: '1234567897', mobile: '+966501112233' },
        });
        await db.query(
          `INSERT INTO submissions (reference, kind, status, channel, payload, verifier_hash, received_at, updated_at, expected_decision_by)
           VALUES ('R00000000000A', 'request', 'accepted', 'branch', $1::jsonb, 'x', '2025-01-01T08:00:00Z', '2025-01-09T08:00:00Z', '2025-01-15T08:00:00Z'),
                  ('C00000000000B', 'complaint', 'received', 'website', '{}'::jsonb, 'x', '2025-01-02T08:00:00Z', '2025-01-02T08:00:00Z', NULL)`,
          [payload],
        );
        await db.query(
          `INSERT INTO submission_history (reference, status, note, note_public, actor, at) VALUES
             ('R00000000000A', 'received', NULL, false, 'applicant', '2025-01-01T08:00:00Z'),
             ('R00000000000A', 'referred', NULL, false, 'staff', '2025-01-05T08:00:00Z'),
             ('R00000000000A', 'accepted', 'تمت الموافقة', true, 'staff', '2025-01-09T08:00:00Z'),
             ('C00000000000B', 'received', NULL, false, 'applicant', '2025-01-02T08:00:00Z')`,
        );
        await migrate(db, all);
        const { rows } = await db.query<{
          reference: string;
          version: number;
          channel: string;
          referred_at: Date | null;
          search_key_id: string | null;
        }>('SELECT reference, version, channel, referred_at, search_key_id FROM submissions ORDER BY reference');
        assert.deepEqual(
          rows.map((row) => [
            row.reference,
            row.version,
            row.channel,
            row.referred_at?.toISOString() ?? null,
            row.search_key_id,
          ]),
          [
            ['C00000000000B', 1, 'website', null, null],
            ['R00000000000A', 3, 'walk_in', '2025-01-05T08:00:00.000Z', null],
          ],
        );
        const history = await db.query<{ version: number; type: string }>(
          `SELECT version, type FROM submission_history WHERE reference = 'R00000000000A' ORDER BY id`,
        );
        assert.deepEqual(
          history.rows.map((row) => [row.version, row.type]),
          [
            [1, 'status'],
            [2, 'status'],
            [3, 'status'],
          ],
        );

        assert.equal(await backfillSearchColumns(db), 2);
        const search = await db.query<{ search_name: string; national_id_hash: string }>(
          `SELECT search_name, national_id_hash FROM submissions WHERE reference = 'R00000000000A'`,
        );
        assert.deepEqual(search.rows[0], {
          search_name: 'ابراهيم الشهري',
          national_id_hash: nationalIdSearchHash('1234567897'),
        });
        assert.equal(await backfillSearchColumns(db), 0, 'nothing left the second time');
        // Another SILA_DATA_KEY: every case is hashed again, once.
        const saved = process.env.SILA_DATA_KEY;
        process.env.SILA_DATA_KEY = 'another-data-key-for-this-test-0123456789';
        try {
          const rekeyed = nationalIdSearchHash('1234567897');
          assert.equal(await backfillSearchColumns(db), 2);
          assert.equal(await backfillSearchColumns(db), 0);
          const after = await db.query<{ national_id_hash: string }>(
            `SELECT national_id_hash FROM submissions WHERE reference = 'R00000000000A'`,
          );
          assert.equal(after.rows[0]!.national_id_hash, rekeyed);
        } finally {
          if (saved === undefined) delete process.env.SILA_DATA_KEY;
          else process.env.SILA_DATA_KEY = saved;
        }
        // An unknown channel cannot be stored any more.
        await assert.rejects(db.query(`UPDATE submissions SET channel = 'fax' WHERE reference = 'C00000000000B'`));
      } finally {
        await dispose();
      }
    });
  });
}
