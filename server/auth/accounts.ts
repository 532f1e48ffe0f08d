/** Staff accounts in the database: create, find, list, change. Passwords only as scrypt hashes. */
import type { StaffAccount, StaffAccountListItem, StaffRole } from '../../src/contract/staff-auth.js';
import { randomId } from '../crypto.js';
import type { Queryable } from '../db/database.js';
import { UNIQUE_VIOLATION, sqlState } from '../db/database.js';
import { HttpProblem } from '../http/problem.js';
import { hashPassword, temporaryPassword } from './password.js';

export interface AccountRow {
  id: string;
  name: string;
  email: string;
  role: StaffRole;
  active: boolean;
  password_hash: string;
  must_change_password: boolean;
  totp_secret: string | null;
  totp_pending_secret: string | null;
  totp_last_step: string | number | null;
  created_at: Date;
  last_sign_in_at: Date | null;
}

/** E-mail addresses compare without case and surrounding spaces. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function toAccount(row: AccountRow): StaffAccount {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    role: row.role,
    totpEnabled: row.totp_secret !== null,
    mustChangePassword: row.must_change_password,
  };
}

export function toListItem(row: AccountRow): StaffAccountListItem {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    role: row.role,
    active: row.active,
    totpEnabled: row.totp_secret !== null,
    createdAt: new Date(row.created_at).toISOString(),
    lastSignInAt: row.last_sign_in_at ? new Date(row.last_sign_in_at).toISOString() : null,
  };
}

export async function findAccountByEmail(q: Queryable, email: string): Promise<AccountRow | undefined> {
  const { rows } = await q.query<AccountRow>('SELECT * FROM staff_accounts WHERE email = $1', [normalizeEmail(email)]);
  return rows[0];
}

export async function findAccount(q: Queryable, id: string): Promise<AccountRow | undefined> {
  const { rows } = await q.query<AccountRow>('SELECT * FROM staff_accounts WHERE id = $1', [id]);
  return rows[0];
}

export async function listAccounts(q: Queryable): Promise<AccountRow[]> {
  const { rows } = await q.query<AccountRow>('SELECT * FROM staff_accounts ORDER BY active DESC, lower(name), id');
  return rows;
}

/** Creates an account with this password (hashed here); 409 when the e-mail is taken. */
export async function createAccount(
  q: Queryable,
  input: { name: string; email: string; role: StaffRole; password: string; mustChangePassword: boolean },
  now: Date,
): Promise<AccountRow> {
  const passwordHash = await hashPassword(input.password);
  try {
    const { rows } = await q.query<AccountRow>(
      `INSERT INTO staff_accounts (id, name, email, role, password_hash, must_change_password, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *`,
      [randomId(), input.name, normalizeEmail(input.email), input.role, passwordHash, input.mustChangePassword, now],
    );
    return rows[0]!;
  } catch (error) {
    if (sqlState(error) === UNIQUE_VIOLATION) {
      throw new HttpProblem(409, {
        code: 'email_taken',
        detail: 'Another account already uses this e-mail address.',
        errors: [{ path: 'email', code: 'invalid', message: 'Another account already uses this e-mail address.' }],
      });
    }
    throw error;
  }
}

/** Sets a new password; a temporary one must be changed at the next sign-in and clears TOTP. */
export async function setPassword(q: Queryable, id: string, password: string, temporary: boolean): Promise<void> {
  const hash = await hashPassword(password);
  await q.query(
    temporary
      ? `UPDATE staff_accounts SET password_hash = $2, must_change_password = true,
           totp_secret = NULL, totp_pending_secret = NULL, totp_last_step = NULL WHERE id = $1`
      : 'UPDATE staff_accounts SET password_hash = $2, must_change_password = false WHERE id = $1',
    [id, hash],
  );
}

/**
 * The active admins, their rows locked to the end of the transaction: two admins
 * demoting each other at once would otherwise both see the other one and leave none.
 */
export async function countActiveAdmins(q: Queryable): Promise<number> {
  const { rows } = await q.query(`SELECT id FROM staff_accounts WHERE role = 'admin' AND active FOR UPDATE`);
  return rows.length;
}

/** Officers and committee members who can be given a case, by name. */
export async function assignableAccounts(q: Queryable): Promise<Array<{ id: string; name: string; role: StaffRole }>> {
  const { rows } = await q.query<{ id: string; name: string; role: StaffRole }>(
    `SELECT id, name, role FROM staff_accounts WHERE active AND role IN ('officer', 'committee') ORDER BY lower(name), id`,
  );
  return rows;
}

/**
 * Changes name, role or active; 404 for an unknown id, 409 when it would leave no active
 * admin. A disabled account, or one whose role changed, signs in again (its sessions end).
 * Returns the row and what changed (for the audit row: no names, only that it changed).
 */
export async function updateAccount(
  q: Queryable,
  id: string,
  changes: { name?: string; role?: StaffRole; active?: boolean },
): Promise<{ row: AccountRow; details: Record<string, string | boolean> }> {
  const before = await findAccount(q, id);
  if (!before) throw new HttpProblem(404, { code: 'not_found', detail: 'No account has this id.' });
  const after = {
    name: changes.name ?? before.name,
    role: changes.role ?? before.role,
    active: changes.active ?? before.active,
  };
  const losesAdmin = before.role === 'admin' && before.active && (after.role !== 'admin' || !after.active);
  if (losesAdmin && (await countActiveAdmins(q)) <= 1) {
    throw new HttpProblem(409, {
      code: 'last_admin',
      detail: 'This is the only active admin: make another admin first.',
    });
  }
  const { rows } = await q.query<AccountRow>(
    'UPDATE staff_accounts SET name = $2, role = $3, active = $4 WHERE id = $1 RETURNING *',
    [id, after.name, after.role, after.active],
  );
  if (!after.active || after.role !== before.role) await endSessions(q, id);
  const details: Record<string, string | boolean> = {};
  if (after.name !== before.name) details.name = true;
  if (after.role !== before.role) details.role = after.role;
  if (after.active !== before.active) details.active = after.active;
  return { row: rows[0]!, details };
}

/** Ends every session of an account (disabled, role changed, password reset). */
export async function endSessions(q: Queryable, accountId: string): Promise<void> {
  await q.query('DELETE FROM staff_sessions WHERE account_id = $1', [accountId]);
}

/** A new temporary password (returned to be shown once); TOTP is cleared and sessions end. */
export async function resetToTemporaryPassword(q: Queryable, id: string): Promise<string> {
  if (!(await findAccount(q, id))) throw new HttpProblem(404, { code: 'not_found', detail: 'No account has this id.' });
  const password = temporaryPassword();
  await setPassword(q, id, password, true);
  await endSessions(q, id);
  return password;
}
