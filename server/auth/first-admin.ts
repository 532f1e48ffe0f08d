/**
 * The first admin, from SILA_ADMIN_EMAIL + SILA_ADMIN_PASSWORD, created at start when no
 * admin exists; nothing happens when they are unset. The password is the one the
 * operator chose, so it need not be changed at first sign-in.
 */
import { PASSWORD_MIN_LENGTH } from '../../src/contract/staff-auth.js';
import type { Database } from '../db/database.js';
import { writeAudit } from '../audit/audit-log.js';
import { createAccount, findAccountByEmail } from './accounts.js';

export interface FirstAdmin {
  email: string;
  password: string;
  name?: string;
}

/** Why these settings cannot create the first admin, or undefined when they can. */
export function firstAdminProblem(admin: FirstAdmin): string | undefined {
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(admin.email)) return 'SILA_ADMIN_EMAIL must be an e-mail address';
  if (admin.password.length < PASSWORD_MIN_LENGTH)
    return `SILA_ADMIN_PASSWORD must be at least ${PASSWORD_MIN_LENGTH} characters`;
  return undefined;
}

/** Creates the admin when the association has none; returns true when it did. */
export async function ensureFirstAdmin(db: Database, admin: FirstAdmin, now: Date = new Date()): Promise<boolean> {
  return db.transaction(async (tx) => {
    // One instance at a time (several may start together).
    await tx.query('SELECT pg_advisory_xact_lock($1)', [7_349_122]);
    const { rows } = await tx.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM staff_accounts WHERE role = 'admin'`,
    );
    if (rows[0]!.n > 0) return false;
    if (await findAccountByEmail(tx, admin.email)) return false;
    const created = await createAccount(
      tx,
      {
        name: admin.name ?? 'Administrator',
        email: admin.email,
        role: 'admin',
        password: admin.password,
        mustChangePassword: false,
      },
      now,
    );
    await writeAudit(tx, {
      actor: null,
      action: 'account.create',
      target: created.id,
      ip: 'startup',
      details: { role: 'admin', firstAdmin: true },
      at: now,
    });
    return true;
  });
}
