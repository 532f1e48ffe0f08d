/**
 * The per-reference limit on failed lookups (status lookup, replies), in the database so
 * every instance shares it: each reference, known or not, gets at most N failed tries per
 * UTC day.
 */
import type { Queryable } from '../db/database.js';

/**
 * Counts one attempt on reference as failed before it is checked (given back on
 * success), so concurrent guesses cannot slip past the limit. Returns false when the
 * reference has used its tries today: the counter then stays where it is (no permanent
 * lock from successes that were in flight).
 */
export async function claimLookupAttempt(
  db: Queryable,
  reference: string,
  day: string,
  limit: number,
): Promise<boolean> {
  const { rows } = await db.query(
    `INSERT INTO lookup_failures (reference, day, failures) VALUES ($1, $2, 1)
     ON CONFLICT (reference, day) DO UPDATE SET failures = lookup_failures.failures + 1
     WHERE lookup_failures.failures < $3
     RETURNING failures`,
    [reference, day, limit],
  );
  return rows.length > 0;
}

/** Gives back the attempt claimed by claimLookupAttempt: it succeeded. */
export async function giveBackLookupAttempt(db: Queryable, reference: string, day: string): Promise<void> {
  await db.query(
    'UPDATE lookup_failures SET failures = failures - 1 WHERE reference = $1 AND day = $2 AND failures > 0',
    [reference, day],
  );
}
