/**
 * Encryption at rest: rows written before it (plain national ID and mobile) are sealed at
 * start-up, safely again and again; a new SILA_DATA_KEY with the old one in
 * SILA_DATA_KEY_PREVIOUS seals every case again; an unknown key is reported, not guessed;
 * a production server without a key refuses to start and says why.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { it } from 'node:test';
import { dataKeyProblem } from '../../server/privacy/data-key.js';
import { isSealed, revealPayload, sealStoredIdentifiers } from '../../server/privacy/sealing.js';
import { backfillSearchColumns, nationalIdSearchHash } from '../../server/staff/search-index.js';
import { describeEachDatabase } from './helpers.js';

const KEY_A = 'key-a-0123456789abcdef0123456789abcdef';
const KEY_B = 'key-b-0123456789abcdef0123456789abcdef';
const KEY_C = 'key-c-0123456789abcdef0123456789abcdef';

function withKeys<T>(current: string | undefined, previous: string | undefined, run: () => Promise<T>): Promise<T> {
  const saved = [process.env.SILA_DATA_KEY, process.env.SILA_DATA_KEY_PREVIOUS];
  const set = (name: string, value: string | undefined) => {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  };
  set('SILA_DATA_KEY', current);
  set('SILA_DATA_KEY_PREVIOUS', previous);
  return run().finally(() => {
    set('SILA_DATA_KEY', saved[0]);
    set('SILA_DATA_KEY_PREVIOUS', saved[1]);
  });
}

describeEachDatabase('sealing at start-up', (db) => {
  const applicant = { fullName: 'إبراهيم الشهري', nationalId: '1234567897', mobile: '+966501112233' };

  const stored = async () =>
    (
      await db().query<{ payload: Record<string, any>; data_key_id: string | null; national_id_hash: string | null }>(
        `SELECT payload, data_key_id, national_id_hash FROM submissions WHERE reference = 'R00000000000A'`,
      )
    ).rows[0]!;

  it('seals rows written before encryption, once, and reads them back', async () => {
    await withKeys(KEY_A, undefined, async () => {
      // As a case written before migration 009: plain numbers, no key id.
      await db().query(
        `INSERT INTO submissions (reference, kind, status, channel, payload, verifier_hash, received_at, updated_at)
         VALUES ('R00000000000A', 'request', 'received', 'website', $1::jsonb, 'x', now(), now()),
                ('S00000000000B', 'suggestion', 'received', 'website', '{"anonymous": true}'::jsonb, 'x', now(), now())`,
        [JSON.stringify({ applicant, service: 'food_basket' })],
      );
      assert.equal(await backfillSearchColumns(db()), 2);
      const row = await stored();
      assert.ok(isSealed(row.payload.applicant.nationalId));
      assert.ok(isSealed(row.payload.applicant.mobile));
      assert.equal(row.payload.applicant.fullName, applicant.fullName, 'only the national ID and mobile are sealed');
      assert.deepEqual(revealPayload(row.payload).applicant, applicant);
      assert.equal(row.national_id_hash, nationalIdSearchHash('1234567897'));
      // Again: nothing left to do, nothing sealed twice.
      assert.deepEqual(await sealStoredIdentifiers(db()), { sealed: 0, unreadable: 0 });
      assert.deepEqual((await stored()).payload, row.payload);
    });
  });

  it('a new key with the old one as previous seals every case again', async () => {
    const before = await stored();
    await withKeys(KEY_B, KEY_A, async () => {
      assert.deepEqual(await sealStoredIdentifiers(db()), { sealed: 2, unreadable: 0 });
      const after = await stored();
      assert.notEqual(after.data_key_id, before.data_key_id);
      assert.notEqual(after.payload.applicant.nationalId, before.payload.applicant.nationalId);
      assert.deepEqual(revealPayload(after.payload).applicant, applicant);
    });
  });

  it('a key nobody gave is reported and the value left alone, not lost', async () => {
    await withKeys(KEY_C, undefined, async () => {
      assert.deepEqual(await sealStoredIdentifiers(db()), { sealed: 1, unreadable: 1 });
      const row = await stored();
      assert.match(row.data_key_id ?? '', /^unreadable:/);
      assert.equal((revealPayload(row.payload).applicant as Record<string, unknown>).nationalId, undefined);
    });
    // The right key back as previous: readable again at the next start.
    await withKeys(KEY_C, KEY_B, async () => {
      // Only the unreadable row: the other is already under this key.
      assert.deepEqual(await sealStoredIdentifiers(db()), { sealed: 1, unreadable: 0 });
      assert.deepEqual(revealPayload((await stored()).payload).applicant, applicant);
    });
  });
});

it('production needs a real SILA_DATA_KEY', async () => {
  assert.match(dataKeyProblem({ NODE_ENV: 'production' }) ?? '', /SILA_DATA_KEY is not set/);
  assert.match(dataKeyProblem({ NODE_ENV: 'production', SILA_DATA_KEY: 'short' }) ?? '', /shorter than 32/);
  assert.equal(dataKeyProblem({ NODE_ENV: 'production', SILA_DATA_KEY: KEY_A }), undefined);
  assert.equal(dataKeyProblem({ NODE_ENV: 'development' }), undefined, 'elsewhere: a warning, not a refusal');

  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: new URL('../..', import.meta.url).pathname,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      SILA_DATA_KEY: '',
      DATABASE_URL: '',
      SILA_DATA_DIR: 'memory://',
      PORT: '0',
    },
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const [code] = await once(child, 'exit');
  assert.equal(code, 1, output);
  assert.match(output, /Sila server: SILA_DATA_KEY is not set\. In production it is required/);
  assert.doesNotMatch(output, /listening/);
});
