/**
 * A report or statistics query string checked by its schema: an unknown parameter or a
 * value out of range is 400 with the field errors (docs/staff-side.md), never ignored.
 */
import type { Context } from 'hono';
import type * as z from 'zod/mini';
import { toFieldErrors } from '../../src/contract/issues.js';
import { HttpProblem } from '../http/problem.js';

export function parseStrictQuery<Schema extends z.ZodMiniType>(schema: Schema, c: Context): z.output<Schema> {
  const parsed = schema.safeParse(c.req.query());
  if (parsed.success) return parsed.data;
  const errors = toFieldErrors(parsed.error.issues).map((error) => {
    // An unknown parameter is reported at the root: name it.
    const unknown = parsed.error.issues.find((issue) => issue.code === 'unrecognized_keys');
    return error.path === '' && unknown && 'keys' in unknown
      ? { ...error, path: unknown.keys.join(','), message: 'Unknown parameter.' }
      : error;
  });
  throw new HttpProblem(400, { code: 'invalid_query', detail: 'Some query parameters are not valid.', errors });
}
