/** Reading a staff JSON body against its contract schema: 422 with field errors otherwise. */
import type { Context } from 'hono';
import type * as z from 'zod/mini';
import { toFieldErrors } from '../../src/contract/issues.js';
import { readJson } from '../body.js';
import type { AppEnv, AppState } from '../context.js';
import { validationProblem } from '../problem.js';

export async function parseBody<Schema extends z.ZodMiniType>(c: Context<AppEnv>, state: AppState, schema: Schema): Promise<z.output<Schema>> {
  const parsed = schema.safeParse(await readJson(c, state.limits));
  if (!parsed.success) throw validationProblem(toFieldErrors(parsed.error.issues));
  return parsed.data;
}
