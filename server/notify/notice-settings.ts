/** Which staff notices an account asked for (none until it chooses). */
import type { StaffNoticeSettings } from '../../src/contract/notifications.js';
import type { Queryable } from '../db/database.js';

export async function readNoticeSettings(db: Queryable, accountId: string): Promise<StaffNoticeSettings> {
  const { rows } = await db.query<{ daily_digest: boolean; due_warnings: boolean }>(
    'SELECT daily_digest, due_warnings FROM staff_notice_settings WHERE account_id = $1',
    [accountId],
  );
  return { dailyDigest: rows[0]?.daily_digest ?? false, dueWarnings: rows[0]?.due_warnings ?? false };
}

export async function writeNoticeSettings(
  tx: Queryable,
  accountId: string,
  settings: StaffNoticeSettings,
  now: Date,
): Promise<void> {
  await tx.query(
    `INSERT INTO staff_notice_settings (account_id, daily_digest, due_warnings, updated_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (account_id) DO UPDATE SET daily_digest = $2, due_warnings = $3, updated_at = $4`,
    [accountId, settings.dailyDigest, settings.dueWarnings, now],
  );
}
