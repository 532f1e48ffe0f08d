/**
 * Last line before storage: no string anywhere in a parsed payload may carry NUL or a
 * lone surrogate. PostgreSQL cannot store either in text/jsonb (it would fail with a
 * 500), and the contract's free-text fields check this, but not every string field does
 * (e.g. the version of an accepted text).
 */
import { hasForbiddenTextChars } from '../src/contract/digits.js';
import type { FieldError } from '../src/contract/problem.js';

export function forbiddenTextErrors(value: unknown, path: string[] = []): FieldError[] {
  if (typeof value === 'string') {
    return hasForbiddenTextChars(value)
      ? [{ path: path.join('.'), code: 'invalid_characters', message: 'Contains characters that are not allowed.' }]
      : [];
  }
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, item]) => forbiddenTextErrors(item, [...path, key]));
}
