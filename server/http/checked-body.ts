/**
 * Reading a staff JSON body against its contract schema: 422 with field errors
 * otherwise, also for NUL or lone surrogates anywhere (PostgreSQL cannot take them, and
 * an e-mail or password field is looked up or hashed before any storage check).
 */
import type { Context } from 'hono';
import type * as z from 'zod/mini';
import { toFieldErrors } from '../../src/contract/issues.js';
import type { AppEnv, AppState } from '../context.js';
import { forbiddenTextErrors } from '../text-guard.js';
import { readJson } from './body.js';
import { validationProblem } from './problem.js';

export async function readCheckedBody<Schema extends z.ZodMiniType>(
  c: Context<AppEnv>,
  state: AppState,
  schema: Schema,
): Promise<z.output<Schema>> {
  const parsed = schema.safeParse(await readJson(c, state.limits));
  if (!parsed.success) throw validationProblem(toFieldErrors(parsed.error.issues));
  const unsafe = forbiddenTextErrors(parsed.data);
  if (unsafe.length > 0) throw validationProblem(unsafe);
  return parsed.data;
}
