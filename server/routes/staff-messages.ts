/**
 * A case's messages in the staff API (#15): what was sent to the applicant, on which
 * channel, and what the provider answered; and the officer's resend action. The message
 * text and the address never appear here: they are in the case.
 */
import { Hono } from 'hono';
import { staffNoticeSettings, type StaffMessage } from '../../src/contract/notifications.js';
import { requireRole, type StaffActor } from '../auth/actor.js';
import { readCheckedBody } from '../http/checked-body.js';
import { writeAudit } from '../audit/audit-log.js';
import type { AppEnv, AppState } from '../context.js';
import type { Queryable } from '../db/database.js';
import { listMessages, resendMessage } from '../notify/messages.js';
import { readNoticeSettings, writeNoticeSettings } from '../notify/notice-settings.js';
import { HttpProblem } from '../http/problem.js';
import { caseNotFound, referenceParam } from '../staff/params.js';

/** The committee sees the requests referred to it (docs/staff-side.md), nothing else. */
const COMMITTEE_STATUSES = ['referred', 'accepted', 'rejected'];

async function caseVisible(db: Queryable, reference: string, committee: boolean): Promise<boolean> {
  const { rows } = await db.query<{ kind: string; status: string }>(
    'SELECT kind, status FROM submissions WHERE reference = $1',
    [reference],
  );
  const row = rows[0];
  if (!row) return false;
  return !committee || (row.kind === 'request' && COMMITTEE_STATUSES.includes(row.status));
}

export function staffMessageRoutes(state: AppState): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/v1/staff/submissions/:reference/messages', async (c) => {
    const actor = requireRole(c, 'officer', 'committee', 'manager', 'token');
    const reference = referenceParam(c);
    const committee = actor.kind === 'account' && actor.role === 'committee';
    if (!(await caseVisible(state.db, reference, committee))) throw caseNotFound();
    const items: StaffMessage[] = await listMessages(state.db, reference);
    c.header('Cache-Control', 'no-store');
    return c.json({ items });
  });

  app.post('/v1/staff/submissions/:reference/messages/:id/resend', async (c) => {
    const actor = requireRole(c, 'officer');
    const reference = referenceParam(c);
    const id = c.req.param('id');
    const now = state.now();
    const copy = await state.db.transaction(async (tx) => {
      const result = await resendMessage(tx, reference, id);
      if (result === 'not_found')
        throw new HttpProblem(404, { code: 'not_found', detail: 'This case has no such message.' });
      if (result === 'pending') {
        throw new HttpProblem(409, {
          code: 'message_pending',
          detail: 'This message is still being sent; wait for its outcome.',
        });
      }
      await writeAudit(tx, {
        actor,
        action: 'message.resend',
        target: reference,
        ip: c.get('clientIp'),
        details: { messageId: id, copyId: result.id },
        at: now,
      });
      return result;
    });
    return c.json(copy, 202);
  });

  // Notices for the signed-in account itself (never the token: it has no mailbox).
  const noticeRoles = ['officer', 'committee', 'manager'] as const;
  const accountId = (actor: StaffActor) => (actor.kind === 'account' ? actor.id : '');

  app.get('/v1/staff/me/notifications', async (c) => {
    const actor = requireRole(c, ...noticeRoles);
    c.header('Cache-Control', 'no-store');
    return c.json(await readNoticeSettings(state.db, accountId(actor)));
  });

  app.put('/v1/staff/me/notifications', async (c) => {
    const actor = requireRole(c, ...noticeRoles);
    const body = await readCheckedBody(c, state, staffNoticeSettings);
    const now = state.now();
    await state.db.transaction(async (tx) => {
      await writeNoticeSettings(tx, accountId(actor), body, now);
      await writeAudit(tx, {
        actor,
        action: 'account.update',
        target: accountId(actor),
        ip: c.get('clientIp'),
        details: { ...body },
        at: now,
      });
    });
    return c.json(body);
  });
  return app;
}
