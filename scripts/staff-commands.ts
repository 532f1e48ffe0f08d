/**
 * `npm run staff -- <command>`: manage staff accounts from a shell with the server's own
 * modules (same database, same hashing, same audit log). Temporary passwords are printed
 * once and stored only as hashes.
 */
import { parseArgs } from 'node:util';
import { toFieldErrors } from '../src/contract/issues.js';
import { STAFF_ROLES, accountCreateBody } from '../src/contract/staff-auth.js';
import {
  createAccount,
  findAccountByEmail,
  listAccounts,
  resetToTemporaryPassword,
  updateAccount,
} from '../server/auth/accounts.js';
import { temporaryPassword } from '../server/auth/password.js';
import { writeAudit } from '../server/audit/audit-log.js';
import type { Database } from '../server/db/database.js';
import { HttpProblem } from '../server/http/problem.js';

export const USAGE = `Usage: npm run staff -- <command>
  add --email <e-mail> --name <name> --role <${STAFF_ROLES.join('|')}>   create an account; prints a temporary password once
  disable --email <e-mail>          disable an account (its sessions end at once)
  enable --email <e-mail>           enable it again
  reset-password --email <e-mail>   new temporary password (printed once); clears TOTP, ends sessions
  list                              all accounts`;

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** The audit rows of the shell carry this address, so they read "from the server's shell". */
const CLI_IP = 'cli';

function required(value: string | undefined, name: string): string {
  if (!value?.trim()) throw new UsageError(`--${name} is required.\n\n${USAGE}`);
  return value.trim();
}

async function accountId(db: Database, email: string): Promise<string> {
  const account = await findAccountByEmail(db, email);
  if (!account) throw new UsageError(`No account has the e-mail ${email}.`);
  return account.id;
}

/** Runs one command; lines go to `print`. Throws UsageError (or an HttpProblem) on refusal. */
export async function runStaffCommand(
  db: Database,
  argv: string[],
  print: (line: string) => void,
  now: () => Date = () => new Date(),
): Promise<void> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' } },
  });
  const [command, ...extra] = positionals;
  if (extra.length > 0) throw new UsageError(`Unexpected: ${extra.join(' ')}\n\n${USAGE}`);
  const audit = (
    action: 'account.create' | 'account.update' | 'account.reset_password',
    target: string,
    details = {},
  ) => ({ actor: null, action, target, ip: CLI_IP, details: { ...details, via: 'cli' }, at: now() }) as const;

  switch (command) {
    case 'add': {
      // The same checks as POST /v1/staff/accounts.
      const parsed = accountCreateBody.safeParse({
        email: required(values.email, 'email'),
        name: required(values.name, 'name'),
        role: required(values.role, 'role'),
      });
      if (!parsed.success) {
        const problems = toFieldErrors(parsed.error.issues).map((error) => `--${error.path}: ${error.code}`);
        throw new UsageError(`${problems.join('\n')}\n(roles: ${STAFF_ROLES.join(', ')})`);
      }
      const { email, name, role } = parsed.data;
      const password = temporaryPassword();
      const row = await db.transaction(async (tx) => {
        const created = await createAccount(tx, { name, email, role, password, mustChangePassword: true }, now());
        await writeAudit(tx, audit('account.create', created.id, { role }));
        return created;
      });
      print(`Created ${row.role} account ${row.email} (${row.id}).`);
      print(`Temporary password (shown once; to be changed at first sign-in): ${password}`);
      return;
    }
    case 'disable':
    case 'enable': {
      const id = await accountId(db, required(values.email, 'email'));
      await db.transaction(async (tx) => {
        const { details } = await updateAccount(tx, id, { active: command === 'enable' });
        await writeAudit(tx, audit('account.update', id, details));
      });
      print(`${command === 'enable' ? 'Enabled' : 'Disabled'} ${values.email!.trim()}.`);
      return;
    }
    case 'reset-password': {
      const id = await accountId(db, required(values.email, 'email'));
      const password = await db.transaction(async (tx) => {
        const temporary = await resetToTemporaryPassword(tx, id);
        await writeAudit(tx, audit('account.reset_password', id));
        return temporary;
      });
      print(`Temporary password for ${values.email!.trim()} (shown once; TOTP cleared, sessions ended): ${password}`);
      return;
    }
    case 'list': {
      const rows = await listAccounts(db);
      if (rows.length === 0) print('No staff accounts yet.');
      for (const row of rows) {
        const flags = [
          row.active ? 'active' : 'disabled',
          row.totp_secret ? 'totp' : '',
          row.must_change_password ? 'temporary password' : '',
        ].filter(Boolean);
        const last = row.last_sign_in_at ? new Date(row.last_sign_in_at).toISOString() : 'never signed in';
        print(`${row.email}\t${row.role}\t${row.name}\t${flags.join(', ')}\t${last}`);
      }
      return;
    }
    default:
      throw new UsageError(command ? `Unknown command "${command}".\n\n${USAGE}` : USAGE);
  }
}

/** A refusal as one line for the shell. */
export function refusalMessage(error: unknown): string | undefined {
  if (error instanceof UsageError) return error.message;
  if (error instanceof HttpProblem) return error.init.detail ?? error.init.code;
  if (error instanceof TypeError && (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS'))
    return `${error.message}\n\n${USAGE}`;
  return undefined;
}
