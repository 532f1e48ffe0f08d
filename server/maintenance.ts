/** Periodic clean-up of short-lived rows. */
import type { Queryable } from './db/database.js';
import { utcDay } from './dates.js';

/** Lookup failure counters matter for one day; keep two for a margin. */
export async function purgeLookupFailures(db: Queryable, now = new Date()): Promise<void> {
  const yesterday = utcDay(new Date(now.getTime() - 24 * 60 * 60 * 1000));
  await db.query('DELETE FROM lookup_failures WHERE day < $1', [yesterday]);
}
