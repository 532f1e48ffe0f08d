/**
 * The case routes of the staff API: list, read, change status, download attachments.
 * Authentication is the /v1/staff/* middleware (staff.ts). Answers carry personal data:
 * never cached, never logged.
 */
import type { Hono } from 'hono';
import { toFieldErrors } from '../../src/contract/issues.js';
import { staffListQuery, staffStatusUpdate } from '../../src/contract/staff.js';
import { readJson } from '../body.js';
import type { AppEnv, AppState } from '../context.js';
import { HttpProblem, validationProblem } from '../problem.js';
import { caseNotFound, parseQuery, referenceParam } from '../staff/params.js';
import { changeStatus, getAttachment, getSubmission, listSubmissions } from '../staff/queries.js';
import { forbiddenTextErrors } from '../text-guard.js';

const EXTENSIONS: Record<string, string> = { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png' };

export function staffCaseRoutes(app: Hono<AppEnv>, state: AppState): void {
  app.get('/v1/staff/submissions', async (c) => {
    const query = parseQuery(staffListQuery, c);
    return c.json(await listSubmissions(state.db, query, state.now()));
  });

  app.get('/v1/staff/submissions/:reference', async (c) => {
    const detail = await getSubmission(state.db, referenceParam(c), state.now());
    if (!detail) throw caseNotFound();
    return c.json(detail);
  });

  app.post('/v1/staff/submissions/:reference/status', async (c) => {
    const reference = referenceParam(c);
    const parsed = staffStatusUpdate.safeParse(await readJson(c, state.limits));
    if (!parsed.success) throw validationProblem(toFieldErrors(parsed.error.issues));
    const unsafe = forbiddenTextErrors(parsed.data);
    if (unsafe.length > 0) throw validationProblem(unsafe);
    const now = state.now();
    if (!(await changeStatus(state.db, reference, parsed.data, now))) throw caseNotFound();
    return c.json(await getSubmission(state.db, reference, now));
  });

  app.get('/v1/staff/submissions/:reference/attachments/:id', async (c) => {
    const file = await getAttachment(state.db, referenceParam(c), c.req.param('id'));
    if (!file) throw new HttpProblem(404, { code: 'not_found', detail: 'No such attachment.' });
    const name = `${file.kind}.${EXTENSIONS[file.media_type] ?? 'bin'}`;
    return c.body(new Uint8Array(file.data), 200, {
      'Content-Type': file.media_type,
      // Always a download, never rendered in the staff member's browser.
      'Content-Disposition': `attachment; filename="${name}"`,
      'Content-Security-Policy': "sandbox; default-src 'none'",
    });
  });
}
