/**
 * The vocabulary of validation error codes. Schemas carry codes, never sentences; the
 * widgets turn a code into a localized message at render time, and the server sends the
 * code (with an English message for developers) in problem+json `errors`.
 */
export const ERROR_CODES = [
  'required',
  'too_short',
  'too_long',
  'too_small',
  'too_large',
  'invalid_email',
  'invalid_mobile',
  'invalid_national_id',
  'invalid_reference',
  'invalid_date',
  'invalid_choice',
  'invalid_number',
  'invalid_characters',
  'must_accept',
  'anonymous_not_allowed',
  'invalid_file_type',
  'file_too_large',
  'invalid',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}
