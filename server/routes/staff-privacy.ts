/**
 * Personal data rights in the staff API (docs/staff-side.md, "Personal data rights and
 * retention"): find what is held about a person, export it, correct it, erase it. The
 * admin only: these read every field unmasked and change what a case says about someone.
 * The person is sent in a POST body, never in the URL; every call writes an audit row
 * naming what the search was by and the cases, never the values.
 */
import { Hono, type Context } from 'hono';
import * as z from 'zod/mini';
import { toFieldErrors } from '../../src/contract/issues.js';
import {
  privacyCorrectBody,
  privacyEraseBody,
  privacyExportBody,
  privacySearchBody,
  type PrivacySearchBody,
} from '../../src/contract/privacy.js';
import { requireRole, type StaffActor } from '../auth/actor.js';
import { writeAudit } from '../audit/audit-log.js';
import type { AppEnv, AppState } from '../context.js';
import { PROBLEM_CONTENT_TYPE, problemBody, validationProblem } from '../http/problem.js';
import { correctCase } from '../privacy/correct.js';
import { eraseOnRequest } from '../privacy/erase-request.js';
import { exportPerson, personExportCsv } from '../privacy/export.js';
import { findReferences, loadPrivacyCases, searchedBy } from '../privacy/find.js';
import { VersionConflict } from '../staff/actions.js';
import { caseNotFound, referenceParam } from '../staff/params.js';
import { readCheckedBody } from '../http/checked-body.js';

/** The privacy role: see docs/staff-side.md's roles table. */
const PRIVACY_ROLES = ['admin'] as const;
const NO_STORE = { 'Cache-Control': 'no-store' };

export function staffPrivacyRoutes(state: AppState): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  const audit = (
    c: Context<AppEnv>,
    actor: StaffActor,
    action: 'privacy.search' | 'privacy.export',
    body: PrivacySearchBody,
    references: string[],
    extra: Record<string, string> = {},
  ) =>
    writeAudit(state.db, {
      actor,
      action,
      // One case: its reference, so the case's own audit trail shows it.
      ...(references.length === 1 ? { target: references[0] } : {}),
      ip: c.get('clientIp'),
      details: { by: searchedBy(body), found: references.length, references: references.join(' '), ...extra },
      at: state.now(),
    });

  app.post('/v1/staff/privacy/search', async (c) => {
    const actor = requireRole(c, ...PRIVACY_ROLES);
    const body = await readCheckedBody(c, state, privacySearchBody);
    const references = await findReferences(state.db, body);
    await audit(c, actor, 'privacy.search', body, references);
    return c.json({ cases: await loadPrivacyCases(state.db, references) }, 200, NO_STORE);
  });

  app.post('/v1/staff/privacy/export', async (c) => {
    const actor = requireRole(c, ...PRIVACY_ROLES);
    const { format, ...search } = await readCheckedBody(c, state, privacyExportBody);
    const parsed = privacySearchBody.safeParse(search);
    if (!parsed.success) throw validationProblem(toFieldErrors(parsed.error.issues));
    const references = await findReferences(state.db, parsed.data);
    const data = await exportPerson(state.db, references, state.now());
    await audit(c, actor, 'privacy.export', parsed.data, references, { format });
    const name = `personal-data-${state.now().toISOString().slice(0, 10)}.${format}`;
    const headers = { ...NO_STORE, 'Content-Disposition': `attachment; filename="${name}"` };
    if (format === 'csv')
      return c.body(personExportCsv(data), 200, { ...headers, 'Content-Type': 'text/csv; charset=utf-8' });
    return c.body(JSON.stringify(data, null, 2), 200, {
      ...headers,
      'Content-Type': 'application/json; charset=utf-8',
    });
  });

  /** A change to one case; answers the case as the privacy view lists it, or 409. */
  const change = <Schema extends z.ZodMiniType<{ version: number }>>(
    path: string,
    schema: Schema,
    run: typeof correctCase | typeof eraseOnRequest,
  ) =>
    app.post(`/v1/staff/privacy/cases/:reference/${path}`, async (c) => {
      const actor = requireRole(c, ...PRIVACY_ROLES);
      const reference = referenceParam(c);
      const body = await readCheckedBody(c, state, schema);
      const ctx = { db: state.db, actor, ip: c.get('clientIp'), now: state.now() };
      try {
        await (run as (ctx: unknown, reference: string, body: unknown) => Promise<void>)(ctx, reference, body);
      } catch (error) {
        if (!(error instanceof VersionConflict)) throw error;
        const [current] = await loadPrivacyCases(state.db, [reference]);
        const conflict = {
          ...problemBody(409, {
            code: 'version_conflict',
            detail: `Someone changed this case since version ${error.sentVersion}; it is now at version ${current?.version}. Nothing was saved.`,
          }),
          current,
        };
        return c.body(JSON.stringify(conflict), 409, { ...NO_STORE, 'Content-Type': PROBLEM_CONTENT_TYPE });
      }
      const [current] = await loadPrivacyCases(state.db, [reference]);
      if (!current) throw caseNotFound();
      return c.json(current, 200, NO_STORE);
    });

  change('correct', privacyCorrectBody, correctCase);
  change('erase', privacyEraseBody, eraseOnRequest);
  return app;
}
