/** Reading the parts of a staff request: the reference in the path and a query string checked by its schema. */
import type { Context } from 'hono';
import type * as z from 'zod/mini';
import { REFERENCE_PATTERN, normalizeReference } from '../../src/contract/identifiers.js';
import { toFieldErrors } from '../../src/contract/issues.js';
import type { AppEnv } from '../context.js';
import type { FieldError } from '../../src/contract/problem.js';
import { HttpProblem } from '../http/problem.js';

export const caseNotFound = () =>
  new HttpProblem(404, { code: 'not_found', detail: 'No submission has this reference.' });

export function referenceParam(c: Context<AppEnv>): string {
  const reference = normalizeReference(c.req.param('reference') ?? '');
  if (!REFERENCE_PATTERN.test(reference)) throw caseNotFound();
  c.set('reference', reference);
  return reference;
}

/**
 * The query string through its schema. Anything wrong — an unknown parameter or value — is
 * a 400 naming the parameter: a filter is never silently ignored.
 */
export function parseQuery<Schema extends z.ZodMiniType>(schema: Schema, c: Context): z.output<Schema> {
  const parsed = schema.safeParse(c.req.query());
  if (parsed.success) return parsed.data;
  const errors: FieldError[] = [];
  for (const issue of parsed.error.issues) {
    if (issue.code !== 'unrecognized_keys') continue;
    for (const key of issue.keys)
      errors.push({ path: key, code: 'unknown_parameter', message: 'This list has no such parameter.' });
  }
  errors.push(...toFieldErrors(parsed.error.issues.filter((issue) => issue.code !== 'unrecognized_keys')));
  const names = errors.map((error) => error.path).join(', ');
  throw new HttpProblem(400, { code: 'invalid_query', detail: `Check these query parameters: ${names}.`, errors });
}
