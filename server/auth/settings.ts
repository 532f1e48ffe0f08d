/** The association's staff settings (key → JSON value), with their defaults. */
import type { StaffSettings } from '../../src/contract/staff-auth.js';
import type { Queryable } from '../db/database.js';

export const DEFAULT_SETTINGS: StaffSettings = { requireTotp: false };

export async function readSettings(q: Queryable): Promise<StaffSettings> {
  const { rows } = await q.query<{ key: string; value: unknown }>('SELECT key, value FROM staff_settings');
  const settings = { ...DEFAULT_SETTINGS };
  for (const row of rows) {
    if (row.key === 'requireTotp' && typeof row.value === 'boolean') settings.requireTotp = row.value;
  }
  return settings;
}

export async function writeSetting(
  q: Queryable,
  key: keyof StaffSettings,
  value: StaffSettings[typeof key],
  now: Date,
): Promise<void> {
  await q.query(
    `INSERT INTO staff_settings (key, value, updated_at) VALUES ($1, $2::jsonb, $3)
     ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = EXCLUDED.updated_at`,
    [key, JSON.stringify(value), now],
  );
}
