/**
 * Digit and character normalization shared by widgets and server.
 * People in Saudi Arabia type Arabic-Indic (٠-٩) or Persian (۰-۹) digits as often as
 * Latin ones; every number is accepted in any of the three and stored in Latin digits.
 */

const ARABIC_INDIC_ZERO = 0x0660;
const PERSIAN_ZERO = 0x06f0;

/** Replaces Arabic-Indic and Persian digits with Latin digits. */
export function normalizeDigits(value: string): string {
  return value.replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (digit) => {
    const code = digit.charCodeAt(0);
    const zero = code >= PERSIAN_ZERO ? PERSIAN_ZERO : ARABIC_INDIC_ZERO;
    return String(code - zero);
  });
}

/** Bidi embedding/override/isolate controls (U+202A–202E, U+2066–2069) and NUL. */
const IDENTIFIER_FORBIDDEN = /[\u202a-\u202e\u2066-\u2069\u0000]/;

/** True when an identifier (name, ID, phone, e-mail, reference) hides bidi controls or NUL. */
export function hasForbiddenIdentifierChars(value: string): boolean {
  return IDENTIFIER_FORBIDDEN.test(value);
}

/** NUL anywhere, or a UTF-16 surrogate that is not part of a pair. */
const TEXT_FORBIDDEN = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** True when free text carries characters that cannot be stored or shown safely. */
export function hasForbiddenTextChars(value: string): boolean {
  return TEXT_FORBIDDEN.test(value);
}
