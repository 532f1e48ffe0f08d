/** Runs a contract schema over a payload and returns what the form controller needs. */
import type * as z from 'zod/mini';
import { toFieldCodes } from '../contract/issues.js';
import type { Validation } from './form-controller.js';

export function validateWith<S extends z.ZodMiniType>(schema: S, payload: unknown): Validation<z.output<S>> {
  const result = schema.safeParse(payload);
  return result.success
    ? { ok: true, payload: result.data, errors: [] }
    : { ok: false, errors: toFieldCodes(result.error.issues) };
}
