/**
 * POST /v1/status: reference + verifier → the public view of a submission. The check and
 * its limits (per reference, per client address, progressive slowing that never blocks a
 * correct verifier) live in server/submissions/lookup-gate.ts, shared with replies.
 */
import { Hono } from 'hono';
import { toFieldErrors } from '../../src/contract/issues.js';
import { lookupSchema, type LookupResult } from '../../src/contract/lookup.js';
import { readJson } from '../http/body.js';
import type { AppEnv, AppState } from '../context.js';
import { maskName } from '../mask.js';
import { validationProblem } from '../http/problem.js';
import { loadPublicView } from '../submissions/store.js';
import { lookupNotFound, verifyLookup } from '../submissions/lookup-gate.js';
import { ratingTokenOf } from '../ratings/proof.js';

export function statusRoutes(state: AppState): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.post('/v1/status', async (c) => {
    const parsed = lookupSchema.safeParse(await readJson(c, state.limits));
    if (!parsed.success) throw validationProblem(toFieldErrors(parsed.error.issues));
    const { reference, verifier } = parsed.data;
    c.set('reference', reference);
    await verifyLookup(state, c.get('clientKey'), reference, verifier);
    const view = await loadPublicView(state.db, reference);
    if (!view) throw lookupNotFound(); // deleted in between
    const body: LookupResult = {
      reference: view.reference,
      kind: view.kind as LookupResult['kind'],
      status: view.status as LookupResult['status'],
      receivedAt: view.receivedAt,
      updatedAt: view.updatedAt,
      history: view.history as LookupResult['history'],
      // The committee's date concerns requests; complaints carry their own promise.
      ...(view.kind === 'request' && view.expectedDecisionBy ? { expectedDecisionBy: view.expectedDecisionBy } : {}),
      ...(maskName(view.name) ? { maskedName: maskName(view.name) } : {}),
      rated: view.rated,
      ratingToken: ratingTokenOf(reference, verifier), // lets the embedded rating prove it is theirs
    };
    return c.json(body, 200);
  });
  return app;
}
