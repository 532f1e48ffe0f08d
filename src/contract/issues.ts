/** Turns zod issues into the contract's field errors (code per dotted path). */
import type * as z from 'zod/mini';
import { isErrorCode, type ErrorCode } from './codes.js';
import type { FieldError } from './problem.js';

type Issue = z.core.$ZodIssue;

function codeOf(issue: Issue): ErrorCode {
  if (isErrorCode(issue.message)) return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined || issue.input === null ? 'required' : 'invalid';
    case 'too_small':
      return issue.origin === 'string' ? 'too_short' : 'too_small';
    case 'too_big':
      return issue.origin === 'string' ? 'too_long' : 'too_large';
    case 'invalid_value':
      return 'invalid_choice';
    case 'invalid_format':
      return issue.format === 'email' ? 'invalid_email' : 'invalid';
    default:
      return 'invalid';
  }
}

const ENGLISH: Record<ErrorCode, string> = {
  required: 'This field is required.',
  too_short: 'Too short.',
  too_long: 'Too long.',
  too_small: 'Too small.',
  too_large: 'Too large.',
  invalid_email: 'Not a valid e-mail address.',
  invalid_mobile: 'Not a valid Saudi mobile number.',
  invalid_national_id: 'Not a valid national ID or iqama number.',
  invalid_reference: 'Not a valid reference number.',
  invalid_date: 'Not a valid date.',
  invalid_choice: 'Not one of the allowed values.',
  invalid_number: 'Not a whole number.',
  invalid_characters: 'Contains characters that are not allowed.',
  must_accept: 'Must be accepted.',
  anonymous_not_allowed: 'Only suggestions may be sent anonymously.',
  invalid_file_type: 'This type of file is not accepted.',
  file_too_large: 'This file is too large.',
  invalid: 'Invalid value.',
};

/** Codes whose message names a bound ("Enter no more than 120 characters."). */
const BOUNDED = new Set<ErrorCode>(['too_short', 'too_long', 'too_small', 'too_large']);

/** The bound zod reports (its own checks) or a refinement names in its params (text()). */
function boundsOf(issue: Issue): Pick<FieldError, 'minimum' | 'maximum'> {
  const bound = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);
  if (issue.code === 'too_small') return { minimum: bound(issue.minimum) };
  if (issue.code === 'too_big') return { maximum: bound(issue.maximum) };
  if (issue.code === 'custom') return { minimum: bound(issue.params?.minimum), maximum: bound(issue.params?.maximum) };
  return {};
}

/** One error per path (the first), in the order the schema reported them; with the server's English message. */
export function toFieldErrors(issues: readonly Issue[]): FieldError[] {
  return toFieldCodes(issues).map(({ path, code, ...bounds }) => ({
    path,
    code,
    message: ENGLISH[code as ErrorCode],
    ...bounds,
  }));
}

/**
 * The same errors without a message: what a widget needs (it words each code itself, in
 * its language), so the browser's files carry no English error table.
 */
export function toFieldCodes(issues: readonly Issue[]): FieldError[] {
  const seen = new Set<string>();
  const errors: FieldError[] = [];
  for (const issue of issues) {
    // A union reports each branch's issues; our unions are "empty or <validator>", so
    // the last branch holds the useful one.
    const inner = issue.code === 'invalid_union' ? (issue.errors.at(-1) ?? null) : null;
    const source = inner ? inner.map((nested) => ({ ...nested, path: [...issue.path, ...nested.path] })) : [issue];
    for (const item of source) {
      const path = item.path.map(String).join('.');
      if (seen.has(path)) continue;
      seen.add(path);
      const code = codeOf(item as Issue);
      const { minimum, maximum } = BOUNDED.has(code) ? boundsOf(item as Issue) : {};
      errors.push({
        path,
        code,
        ...(minimum === undefined ? {} : { minimum }),
        ...(maximum === undefined ? {} : { maximum }),
      });
    }
  }
  return errors;
}
