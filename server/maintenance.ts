/** Periodic clean-up of short-lived rows, and the daily retention job. */
import type { Database, Queryable } from './db/database.js';
import { applyRetention, type RetentionReport, type RetentionRules } from './privacy/retention.js';
import { utcDay } from './dates.js';

/** Lookup failure counters matter for one day; keep two for a margin. */
export async function purgeLookupFailures(db: Queryable, now = new Date()): Promise<void> {
  const yesterday = utcDay(new Date(now.getTime() - 24 * 60 * 60 * 1000));
  await db.query('DELETE FROM lookup_failures WHERE day < $1', [yesterday]);
}

/**
 * The retention rules of the association config (`retention`), once a day whichever
 * instance gets there first (server/privacy/retention.ts). Called with the hourly clean-up.
 */
export async function dailyRetention(
  db: Database,
  rules: RetentionRules | undefined,
  now = new Date(),
): Promise<RetentionReport | undefined> {
  const report = await applyRetention(db, rules, now);
  if (report && (report.anonymised > 0 || report.attachmentsDeleted > 0)) {
    // Counts only: the audit log names the cases.
    console.log(
      JSON.stringify({
        job: 'retention',
        anonymised: report.anonymised,
        attachmentsDeleted: report.attachmentsDeleted,
      }),
    );
  }
  return report;
}
