/**
 * A statement cancelled by SILA_DB_STATEMENT_TIMEOUT_MS means "overloaded, retry later":
 * the client gets 503 with Retry-After, never a 500 that reads as a bug.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { isDatabaseUnavailable } from '../../server/db/database.js';
import { openPostgres } from '../../server/db/postgres.js';

const url = process.env.DATABASE_URL;

it(
  'a statement cancelled by the statement timeout is "unavailable" (503), not a bug (500)',
  { skip: url ? false : 'DATABASE_URL is not set' },
  async () => {
    const db = await openPostgres({ connectionString: url!, statementTimeoutMs: 100, max: 1 });
    try {
      const error = await db.query('SELECT pg_sleep(2)').then(
        () => undefined,
        (caught: unknown) => caught,
      );
      assert.equal((error as { code?: string } | undefined)?.code, '57014', 'the server cancelled the statement');
      assert.equal(isDatabaseUnavailable(error), true);
    } finally {
      await db.close();
    }
  },
);
