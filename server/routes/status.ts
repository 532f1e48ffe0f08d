/**
 * POST /v1/status: reference + verifier → the public view of a submission.
 *
 * No enumeration oracle: an unknown reference and a wrong verifier give the same 404
 * (status, body, length) after the same work — one counter update, one indexed select,
 * one hash and one constant-time compare (against a dummy hash when nothing was found).
 * Each reference, known or not, gets at most N failed tries per UTC day; each IP a few
 * dozen per hour.
 */
import { Hono } from 'hono';
import { toFieldErrors } from '../../src/contract/issues.js';
import { lookupSchema, type LookupResult } from '../../src/contract/lookup.js';
import { readJson } from '../http/body.js';
import type { AppEnv, AppState } from '../context.js';
import { secondsUntilNextUtcDay, utcDay } from '../dates.js';
import { maskName } from '../mask.js';
import { HttpProblem, validationProblem } from '../http/problem.js';
import { findVerifierHash, loadPublicView } from '../submissions/store.js';
import { verifierMatches } from '../submissions/verifier.js';

const NOT_FOUND = new HttpProblem(404, {
  code: 'not_found',
  detail: 'No submission matches this reference number and verification code.',
});

function tooManyAttempts(retryAfterSeconds: number): HttpProblem {
  return new HttpProblem(429, {
    code: 'too_many_attempts',
    detail: 'Too many unsuccessful attempts. Try again later.',
    headers: { 'Retry-After': String(retryAfterSeconds) },
  });
}

export function statusRoutes(state: AppState): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.post('/v1/status', async (c) => {
    const ip = c.get('clientIp');
    const ipWait = state.lookupFailuresPerIp.retryAfter(ip);
    if (ipWait > 0) throw tooManyAttempts(ipWait);

    const parsed = lookupSchema.safeParse(await readJson(c, state.limits));
    if (!parsed.success) throw validationProblem(toFieldErrors(parsed.error.issues));
    const { reference, verifier } = parsed.data;
    c.set('reference', reference);

    // Count the attempt as failed before checking it (given back on success), so that
    // concurrent guesses cannot slip past the limit. The increment only happens while
    // under the limit: no row back means locked, and a locked reference's counter
    // stays where it is (no permanent lock from successes that were in flight).
    const now = state.now();
    const day = utcDay(now);
    const { rows } = await state.db.query(
      `INSERT INTO lookup_failures (reference, day, failures) VALUES ($1, $2, 1)
       ON CONFLICT (reference, day) DO UPDATE SET failures = lookup_failures.failures + 1
       WHERE lookup_failures.failures < $3
       RETURNING failures`,
      [reference, day, state.limits.lookupFailuresPerReferencePerDay],
    );
    if (rows.length === 0) {
      state.lookupFailuresPerIp.hit(ip);
      throw tooManyAttempts(secondsUntilNextUtcDay(now));
    }

    const storedHash = await findVerifierHash(state.db, reference);
    if (!verifierMatches(storedHash, reference, verifier)) {
      state.lookupFailuresPerIp.hit(ip);
      throw NOT_FOUND;
    }

    await state.db.query(
      'UPDATE lookup_failures SET failures = failures - 1 WHERE reference = $1 AND day = $2 AND failures > 0',
      [reference, day],
    );
    const view = await loadPublicView(state.db, reference);
    if (!view) throw NOT_FOUND; // deleted in between
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
    };
    return c.json(body, 200);
  });
  return app;
}
