/** Accounts and association settings (admin), and the assignee picker's list (officers). */
import { Hono, type Context } from 'hono';
import { accountCreateBody, accountUpdateBody, staffSettingsUpdate } from '../../src/contract/staff-auth.js';
import { requireRole } from '../auth/actor.js';
import {
  assignableAccounts,
  createAccount,
  findAccount,
  listAccounts,
  resetToTemporaryPassword,
  toListItem,
  updateAccount,
} from '../auth/accounts.js';
import { temporaryPassword } from '../auth/password.js';
import { readCheckedBody } from '../http/checked-body.js';
import { readSettings, writeSetting } from '../auth/settings.js';
import { writeAudit } from '../audit/audit-log.js';
import type { AppEnv, AppState } from '../context.js';
import { HttpProblem, validationProblem } from '../http/problem.js';

/** Account ids are UUIDs; anything else names no account (and never reaches the database). */
function accountIdParam(c: Context<AppEnv>): string {
  const id = c.req.param('id') ?? '';
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id)) {
    throw new HttpProblem(404, { code: 'not_found', detail: 'No account has this id.' });
  }
  return id;
}

export function staffAccountRoutes(state: AppState): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/v1/staff/accounts', async (c) => {
    requireRole(c, 'admin');
    return c.json({ items: (await listAccounts(state.db)).map(toListItem) });
  });

  app.get('/v1/staff/accounts/assignable', async (c) => {
    requireRole(c, 'officer', 'admin');
    return c.json(await assignableAccounts(state.db));
  });

  app.post('/v1/staff/accounts', async (c) => {
    const actor = requireRole(c, 'admin');
    const body = await readCheckedBody(c, state, accountCreateBody);
    const now = state.now();
    const password = temporaryPassword();
    const row = await state.db.transaction(async (tx) => {
      const created = await createAccount(tx, { ...body, password, mustChangePassword: true }, now);
      await writeAudit(tx, {
        actor,
        action: 'account.create',
        target: created.id,
        ip: c.get('clientIp'),
        details: { role: created.role },
        at: now,
      });
      return created;
    });
    return c.json({ account: toListItem(row), temporaryPassword: password }, 201);
  });

  app.patch('/v1/staff/accounts/:id', async (c) => {
    const actor = requireRole(c, 'admin');
    const body = await readCheckedBody(c, state, accountUpdateBody);
    if (body.name === undefined && body.role === undefined && body.active === undefined) {
      throw validationProblem([{ path: '', code: 'required', message: 'Send name, role or active.' }]);
    }
    const id = accountIdParam(c);
    const now = state.now();
    const row = await state.db.transaction(async (tx) => {
      const { row: updated, details } = await updateAccount(tx, id, body);
      await writeAudit(tx, { actor, action: 'account.update', target: id, ip: c.get('clientIp'), details, at: now });
      return updated;
    });
    return c.json(toListItem(row));
  });

  app.post('/v1/staff/accounts/:id/reset-password', async (c) => {
    const actor = requireRole(c, 'admin');
    const id = accountIdParam(c);
    const password = await state.db.transaction(async (tx) => {
      const temporary = await resetToTemporaryPassword(tx, id);
      await writeAudit(tx, {
        actor,
        action: 'account.reset_password',
        target: id,
        ip: c.get('clientIp'),
        at: state.now(),
      });
      return temporary;
    });
    return c.json({ temporaryPassword: password });
  });

  app.get('/v1/staff/settings', async (c) => {
    requireRole(c, 'admin');
    return c.json(await readSettings(state.db));
  });

  app.patch('/v1/staff/settings', async (c) => {
    const actor = requireRole(c, 'admin');
    const body = await readCheckedBody(c, state, staffSettingsUpdate);
    const now = state.now();
    // Requiring TOTP before having it would shut the admin out of everything but enrolment.
    if (body.requireTotp && actor.kind === 'account' && (await findAccount(state.db, actor.id))?.totp_secret === null) {
      throw new HttpProblem(409, {
        code: 'totp_enrol_first',
        detail: 'Set up your own authenticator (TOTP) before requiring it for everyone.',
      });
    }
    await state.db.transaction(async (tx) => {
      if (body.requireTotp !== undefined) await writeSetting(tx, 'requireTotp', body.requireTotp, now);
      await writeAudit(tx, {
        actor,
        action: 'settings.update',
        target: 'staff',
        ip: c.get('clientIp'),
        details: { ...body },
        at: now,
      });
    });
    return c.json(await readSettings(state.db));
  });
  return app;
}
