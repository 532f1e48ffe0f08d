/**
 * Validators for the identifiers a Saudi association collects. Pure functions, no zod,
 * so they can be reused by any backend and tested on their own.
 */
import { normalizeDigits } from './digits.js';

/** Removes what people type between digits: spaces, dashes, dots, parentheses. */
function stripSeparators(value: string): string {
  return value.replace(/[\s\-.()\u00a0_]/g, '');
}

/**
 * Saudi national ID (starts with 1) or iqama (starts with 2): 10 digits whose last
 * digit is a Luhn check digit.
 */
export function isSaudiNationalId(value: string): boolean {
  const id = stripSeparators(normalizeDigits(value));
  if (!/^[12]\d{9}$/.test(id)) return false;
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    let digit = Number(id[i]);
    if (i % 2 === 0) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** The national ID in Latin digits without separators (call after validating). */
export function normalizeNationalId(value: string): string {
  return stripSeparators(normalizeDigits(value));
}

/**
 * A Saudi mobile number in any common form (05XXXXXXXX, 5XXXXXXXX, +9665XXXXXXXX,
 * 009665XXXXXXXX, 9665XXXXXXXX) as E.164 (+9665XXXXXXXX), or null when it is not one.
 */
export function toSaudiMobileE164(value: string): string | null {
  let digits = stripSeparators(normalizeDigits(value));
  if (digits.startsWith('+')) digits = digits.slice(1);
  else if (digits.startsWith('00')) digits = digits.slice(2);
  else if (digits.startsWith('0')) digits = digits.slice(1);
  if (digits.startsWith('966')) digits = digits.slice(3);
  return /^5\d{8}$/.test(digits) ? `+966${digits}` : null;
}

export function isSaudiMobile(value: string): boolean {
  return toSaudiMobileE164(value) !== null;
}

/** The last four digits of a mobile number: the verifier for status lookups. */
export function mobileVerifier(e164: string): string {
  return e164.slice(-4);
}

/*
 * Reference numbers: a kind letter and 12 Crockford base32 symbols (60 random bits),
 * shown as C-4F7K-2M9Q-X3TB and stored without dashes. Crockford's alphabet leaves out
 * I, L, O and U, so misread letters can be mapped back when people type them.
 */
export const REFERENCE_KINDS = {
  request: 'R',
  complaint: 'C',
  suggestion: 'S',
  inquiry: 'Q',
  compensation: 'K',
} as const;
export type ReferenceKind = keyof typeof REFERENCE_KINDS;
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const REFERENCE_PATTERN = /^[RCSQK][0-9A-HJKMNP-TV-Z]{12}$/;

/** Upper-cases, drops separators, maps Arabic digits and look-alike letters (O→0, I/L→1). */
export function normalizeReference(value: string): string {
  const compact = stripSeparators(normalizeDigits(value)).replace(/[\/#]/g, '').toUpperCase();
  if (compact.length === 0) return compact;
  // The first letter is the kind; only the code part is Crockford-decoded.
  const [kind, code] = [compact[0]!, compact.slice(1)];
  return kind + code.replace(/O/g, '0').replace(/[IL]/g, '1');
}

export function isReference(value: string): boolean {
  return REFERENCE_PATTERN.test(normalizeReference(value));
}

/** C4F7K2M9QX3TB → C-4F7K-2M9Q-X3TB (for people; the API takes either). */
export function formatReference(reference: string): string {
  const ref = normalizeReference(reference);
  if (!REFERENCE_PATTERN.test(ref)) return reference;
  return `${ref[0]}-${ref.slice(1, 5)}-${ref.slice(5, 9)}-${ref.slice(9)}`;
}

/** Makes a new reference from 60 random bits (Web Crypto, in browsers and Node alike). */
export function generateReference(kind: ReferenceKind): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  let code = '';
  for (const byte of bytes) code += CROCKFORD[byte & 31];
  return REFERENCE_KINDS[kind] + code;
}
