/** Reading the parts of a staff request: the reference in the path and a query string checked by its schema. */
import type { Context } from 'hono';
import type * as z from 'zod/mini';
import { REFERENCE_PATTERN, normalizeReference } from '../../src/contract/identifiers.js';
import { toFieldErrors } from '../../src/contract/issues.js';
import type { AppEnv } from '../context.js';
import { HttpProblem, validationProblem } from '../problem.js';

export const caseNotFound = () => new HttpProblem(404, { code: 'not_found', detail: 'No submission has this reference.' });

export function referenceParam(c: Context<AppEnv>): string {
  const reference = normalizeReference(c.req.param('reference') ?? '');
  if (!REFERENCE_PATTERN.test(reference)) throw caseNotFound();
  c.set('reference', reference);
  return reference;
}

export function parseQuery<Schema extends z.ZodMiniType>(schema: Schema, c: Context): z.output<Schema> {
  const parsed = schema.safeParse(c.req.query());
  if (!parsed.success) throw validationProblem(toFieldErrors(parsed.error.issues));
  return parsed.data;
}
