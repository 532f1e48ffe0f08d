/**
 * `npm start` only: makes sure the demo admin exists with this run's random password
 * (SILA_DEMO_ADMIN_PASSWORD, passed in the environment, never on the command line), so
 * the printed password always works, also on a database kept from an earlier run.
 */
import { PASSWORD_MIN_LENGTH } from '../src/contract/staff-auth.js';
import { createAccount, endSessions, findAccountByEmail, setPassword, updateAccount } from '../server/auth/accounts.js';
import { writeAudit } from '../server/audit/audit-log.js';
import { readServerConfig } from '../server/config.js';
import type { Database } from '../server/db/database.js';
import { openDatabase } from '../server/db/open.js';

export const DEMO_ADMIN_EMAIL = 'demo-admin@sila.example';

export async function ensureDemoAdmin(db: Database, password: string, now = new Date()): Promise<void> {
  if (password.length < PASSWORD_MIN_LENGTH)
    throw new Error(`the demo password must be at least ${PASSWORD_MIN_LENGTH} characters`);
  await db.transaction(async (tx) => {
    const existing = await findAccountByEmail(tx, DEMO_ADMIN_EMAIL);
    const base = { actor: null, ip: 'cli', at: now } as const;
    if (!existing) {
      const row = await createAccount(
        tx,
        { name: 'Demo admin', email: DEMO_ADMIN_EMAIL, role: 'admin', password, mustChangePassword: false },
        now,
      );
      await writeAudit(tx, {
        ...base,
        action: 'account.create',
        target: row.id,
        details: { role: 'admin', via: 'npm start' },
      });
      return;
    }
    if (existing.role !== 'admin' || !existing.active)
      await updateAccount(tx, existing.id, { role: 'admin', active: true });
    await setPassword(tx, existing.id, password, false);
    // A new password ends the sessions opened with the old one, as any reset does.
    await endSessions(tx, existing.id);
    await writeAudit(tx, {
      ...base,
      action: 'account.reset_password',
      target: existing.id,
      details: { via: 'npm start' },
    });
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const config = readServerConfig();
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await ensureDemoAdmin(db, process.env.SILA_DEMO_ADMIN_PASSWORD ?? '');
  } finally {
    await db.close();
  }
}
