/** Staff accounts in the database: create, find, list, change. Passwords only as scrypt hashes. */
import type { StaffAccount, StaffAccountListItem, StaffRole } from '../../src/contract/staff-auth.js';
import { randomId } from '../crypto.js';
import type { Queryable } from '../db/database.js';
import { UNIQUE_VIOLATION, sqlState } from '../db/database.js';
import { HttpProblem } from '../problem.js';
import { hashPassword } from './password.js';

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

export async function countActiveAdmins(q: Queryable): Promise<number> {
  const { rows } = await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM staff_accounts WHERE role = 'admin' AND active`);
  return rows[0]!.n;
}

/** Officers and committee members who can be given a case, by name. */
export async function assignableAccounts(q: Queryable): Promise<Array<{ id: string; name: string; role: StaffRole }>> {
  const { rows } = await q.query<{ id: string; name: string; role: StaffRole }>(
    `SELECT id, name, role FROM staff_accounts WHERE active AND role IN ('officer', 'committee') ORDER BY lower(name), id`,
  );
  return rows;
}
