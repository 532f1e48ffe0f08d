/**
 * "My account": the password change and the TOTP enrolment, checked with the server's own
 * schemas, and the otpauth URL drawn as a QR code (uqr makes the matrix; we draw it as
 * one SVG path so no HTML string is ever injected).
 */
import { msg } from '@lit/localize';
import { encode } from 'uqr';
import { normalizeDigits } from '../../contract/digits.js';
import { PASSWORD_MIN_LENGTH, passwordChangeBody, totpConfirmBody } from '../../contract/staff-auth.js';
import type { FieldError } from '../../contract/problem.js';
import type { FormValues, Validation } from '../../core/form-controller.js';
import { validateWith } from '../../core/validate.js';
import type { SummaryField } from '../../fields/error-summary.js';

export const PASSWORD_FIELDS = ['current', 'next'] as const;
export const EMPTY_PASSWORD: FormValues = { current: '', next: '' };

export const CODE_FIELDS = ['code'] as const;
export const EMPTY_CODE: FormValues = { code: '' };

export function passwordSummaryFields(): Record<string, SummaryField> {
  return {
    current: { label: msg('Current password') },
    next: { label: msg('New password'), minLength: PASSWORD_MIN_LENGTH, maxLength: 200 },
  };
}

export function codeSummaryFields(): Record<string, SummaryField> {
  return { code: { label: msg('Code from the app') } };
}

export function validatePasswordChange(values: FormValues): Validation<unknown> {
  const result = validateWith(passwordChangeBody, { current: values.current, next: values.next });
  if (result.ok && values.current === values.next) {
    return { ok: false, errors: [{ path: 'next', code: 'same_password', message: 'The same as the current one.' }] };
  }
  return result;
}

/** A code as people type it: any digits, with or without the space apps show. */
export function validateCode(values: FormValues): Validation<{ code: string }> {
  const code = normalizeDigits(typeof values.code === 'string' ? values.code : '').replace(/\s+/g, '');
  const result = validateWith(totpConfirmBody, { code });
  // The schema says "invalid"; here that can only mean "not 6 digits".
  return {
    ...result,
    errors: result.errors.map((error) => (error.code === 'invalid' ? { ...error, code: 'invalid_code' } : error)),
  };
}

/**
 * The server says "invalid" for a wrong current password, a reused one and a wrong code:
 * which one it is follows from the field.
 */
export function accountFieldErrors(errors: readonly FieldError[]): FieldError[] {
  const codes: Record<string, string> = { current: 'wrong_password', next: 'same_password', code: 'invalid_code' };
  return errors.map((error) =>
    error.code === 'invalid' && codes[error.path] ? { ...error, code: codes[error.path]! } : error,
  );
}

/**
 * Messages for the codes only these forms meet; anything else falls back to the widgets'
 * messages (core/messages.ts).
 */
export function accountErrorMessage(code: string): string | undefined {
  switch (code) {
    case 'same_password':
      return msg('Choose a password different from the current one.');
    case 'wrong_password':
    case 'invalid_credentials':
      return msg('The current password is not right.');
    case 'invalid_code':
      return msg('Enter the 6-digit code your app shows now.');
    default:
      return undefined;
  }
}

/** The QR code of an otpauth URL as one SVG path over a square of `size` modules. */
export function qrPath(text: string): { size: number; path: string } {
  const qr = encode(text, { ecc: 'M', border: 2 });
  let path = '';
  qr.data.forEach((row, y) =>
    row.forEach((dark, x) => {
      if (dark) path += `M${x} ${y}h1v1h-1z`;
    }),
  );
  return { size: qr.size, path };
}

/** The secret in groups of four, easier to read out and type (apps ignore the spaces). */
export function groupSecret(secret: string): string {
  return secret.replace(/\s+/g, '').replace(/(.{4})(?=.)/g, '$1 ');
}
