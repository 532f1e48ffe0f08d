/**
 * The case routes of the staff API (docs/staff-side.md, "Cases"): inbox, tab counts, one
 * case shaped for the caller's role, its changes, attachment downloads and intake.
 * Authentication is the /v1/staff/* middleware; each route names the roles it admits.
 * Answers carry personal data: never cached, never logged.
 */
import { Hono, type Context } from 'hono';
import * as z from 'zod/mini';
import {
  staffAssignBody,
  staffDecisionBody,
  staffListQuery,
  staffNoteBody,
  staffReferBody,
  staffStatusUpdate,
} from '../../src/contract/staff.js';
import { requireRole, type StaffActor } from '../auth/actor.js';
import { writeAudit } from '../audit/audit-log.js';
import type { AppEnv, AppState } from '../context.js';
import { HttpProblem, PROBLEM_CONTENT_TYPE, problemBody } from '../http/problem.js';
import {
  type ActionContext,
  VersionConflict,
  addNote,
  assignCase,
  changeStatus,
  decideCase,
  referCase,
} from '../staff/actions.js';
import { ATTACHMENT_READERS, CASE_READERS } from '../staff/case-view.js';
import { intakeSpec } from '../staff/intake.js';
import { caseNotFound, parseQuery, referenceParam } from '../staff/params.js';
import { attachmentBytes } from '../storage/attachment-rows.js';
import { caseCounts, getAttachment, getCase, listSubmissions, scopeOf, timeline } from '../staff/queries.js';
import { readCheckedBody } from '../http/checked-body.js';
import { createHandler } from './create.js';

const NO_PARAMETERS = z.strictObject({});
const EXTENSIONS: Record<string, string> = { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png' };

export function staffCaseRoutes(state: AppState): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/v1/staff/submissions', async (c) => {
    const actor = requireRole(c, ...CASE_READERS);
    const query = parseQuery(staffListQuery, c);
    return c.json(await listSubmissions(state.staffDb, query, scopeOf(actor, state.now())));
  });

  app.get('/v1/staff/submissions/counts', async (c) => {
    const actor = requireRole(c, ...CASE_READERS);
    parseQuery(NO_PARAMETERS, c);
    return c.json(await caseCounts(state.staffDb, scopeOf(actor, state.now())));
  });

  app.get('/v1/staff/submissions/:reference', async (c) => {
    const actor = requireRole(c, ...CASE_READERS);
    const reference = referenceParam(c);
    const detail = await getCase(state.staffDb, reference, actor, state.now());
    if (!detail) throw caseNotFound();
    await writeAudit(state.db, {
      actor,
      action: 'case.view',
      target: reference,
      ip: c.get('clientIp'),
      at: state.now(),
    });
    return c.json(detail);
  });

  /** Runs one change; answers the case as it now is, or 409 with it and what changed since. */
  const change = <Schema extends z.ZodMiniType<{ version: number }>>(
    path: string,
    roles: Parameters<typeof requireRole>[1][],
    schema: Schema,
    run: (ctx: ActionContext, reference: string, body: z.output<Schema>) => Promise<void>,
  ) =>
    app.post(`/v1/staff/submissions/:reference/${path}`, async (c) => {
      const actor = requireRole(c, ...roles);
      const reference = referenceParam(c);
      const body = await readCheckedBody(c, state, schema);
      const now = state.now();
      try {
        await run({ db: state.db, actor, ip: c.get('clientIp'), now }, reference, body);
      } catch (error) {
        if (error instanceof VersionConflict) return conflict(c, actor, reference, error.sentVersion);
        throw error;
      }
      return c.json(await getCase(state.db, reference, actor, now));
    });

  async function conflict(c: Context<AppEnv>, actor: StaffActor, reference: string, sentVersion: number) {
    const current = await getCase(state.db, reference, actor, state.now());
    if (!current) throw caseNotFound();
    const body = {
      ...problemBody(409, {
        code: 'version_conflict',
        detail: `Someone changed this case since version ${sentVersion}; it is now at version ${current.version}. Nothing was saved.`,
      }),
      current,
      changes: await timeline(state.db, reference, sentVersion),
    };
    return c.body(JSON.stringify(body), 409, { 'Content-Type': PROBLEM_CONTENT_TYPE, 'Cache-Control': 'no-store' });
  }

  // The committee's only status move is asking a question about a referred request.
  change('status', ['officer', 'committee', 'token'], staffStatusUpdate, changeStatus);
  change('notes', ['officer'], staffNoteBody, addNote);
  change('assign', ['officer'], staffAssignBody, assignCase);
  change('refer', ['officer'], staffReferBody, referCase);
  change('decision', ['committee'], staffDecisionBody, decideCase);

  app.get('/v1/staff/submissions/:reference/attachments/:id', async (c) => {
    const actor = requireRole(c, ...ATTACHMENT_READERS);
    const reference = referenceParam(c);
    const id = c.req.param('id');
    const file = await getAttachment(state.db, reference, id, actor);
    if (!file) throw new HttpProblem(404, { code: 'not_found', detail: 'No such attachment.' });
    const bytes = await attachmentBytes(file, state.attachmentFiles);
    await writeAudit(state.db, {
      actor,
      action: 'case.attachment',
      target: reference,
      ip: c.get('clientIp'),
      details: { attachmentId: id },
      at: state.now(),
    });
    const name = `${file.kind}.${EXTENSIONS[file.media_type] ?? 'bin'}`;
    return c.body(new Uint8Array(bytes), 200, {
      'Content-Type': file.media_type,
      // Always a download, never rendered in the staff member's browser.
      'Content-Disposition': `attachment; filename="${name}"`,
      'Content-Security-Policy': "sandbox; default-src 'none'",
    });
  });

  app.post('/v1/staff/intake', async (c) => {
    const actor = requireRole(c, 'officer');
    return createHandler(state, intakeSpec(state, c, actor))(c);
  });
  return app;
}
