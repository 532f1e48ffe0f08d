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
 * A staff query string that cannot be used, naming each parameter: 400 when it has a
 * parameter this route does not know (the request is not one it understands), else 422
 * (a known parameter with a value it cannot use: 2025-02-30, 9999-12-31, an unknown
 * status). A filter is never silently ignored.
 */
export function queryProblem(issues: readonly z.core.$ZodIssue[], extra: FieldError[] = []): HttpProblem {
  const errors: FieldError[] = [];
  for (const issue of issues) {
    if (issue.code !== 'unrecognized_keys') continue;
    for (const key of issue.keys)
      errors.push({ path: key, code: 'unknown_parameter', message: 'This list has no such parameter.' });
  }
  const unknown = errors.length > 0;
  errors.push(...toFieldErrors(issues.filter((issue) => issue.code !== 'unrecognized_keys')), ...extra);
  const names = errors.map((error) => error.path).join(', ');
  return new HttpProblem(unknown ? 400 : 422, {
    code: 'invalid_query',
    detail: `Check these query parameters: ${names}.`,
    errors,
  });
}

/** The query string through its schema; anything wrong is queryProblem's 400 or 422. */
export function parseQuery<Schema extends z.ZodMiniType>(schema: Schema, c: Context): z.output<Schema> {
  const parsed = schema.safeParse(c.req.query());
  if (parsed.success) return parsed.data;
  throw queryProblem(parsed.error.issues);
}
