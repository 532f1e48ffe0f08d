/** Unicode people (and attackers) send: controls that reorder or hide text, other digits, emoji. */

/** Bidi embeddings/overrides (U+202A–202E) and isolates (U+2066–2069): text spoofing. */
export const BIDI_CONTROLS = ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069'];

/** Zero-width space, non-joiner, joiner and the byte-order mark (zero-width no-break space). */
export const ZERO_WIDTH = ['\u200b', '\u200c', '\u200d', '\ufeff'];

/** Emoji built with zero-width joiners and variation selectors. */
export const EMOJI_ZWJ = ['👨‍👩‍👧‍👦', '🏳️‍🌈', '👩🏽‍💻', '🇸🇦'];

export const NUL = '\u0000';

/** Raw JSON escapes of lone surrogates: JSON.stringify would never produce them from a valid string. */
export const LONE_SURROGATE_ESCAPES = ['\\ud800', '\\udfff', '\\udbffx'];

/** Latin digits as Arabic-Indic (٠–٩) or Persian (۰–۹) digits. */
export function arabicIndicDigits(value: string): string {
  return value.replace(/\d/g, (d) => String.fromCharCode(0x0660 + Number(d)));
}

export function persianDigits(value: string): string {
  return value.replace(/\d/g, (d) => String.fromCharCode(0x06f0 + Number(d)));
}

/** Character names for test titles and messages. */
export function codePoints(value: string): string {
  return [...value].map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`).join(' ');
}

/**
 * Puts a marker string at a dotted path of a JSON body and returns the JSON text, the
 * marker replaced by `raw` unescaped: lets a test send escapes like \ud800 as they are.
 */
export function jsonWithRaw(body: Record<string, unknown>, path: string, raw: string): string {
  const marker = '@@RAW@@';
  const copy = structuredClone(body);
  const keys = path.split('.');
  let target: Record<string, unknown> = copy;
  for (const key of keys.slice(0, -1)) target = target[key] as Record<string, unknown>;
  target[keys.at(-1)!] = marker;
  return JSON.stringify(copy).replace(marker, raw);
}

/** Sets a dotted path in a fresh copy of the body. */
export function withValue(body: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
  const copy = structuredClone(body);
  const keys = path.split('.');
  let target: Record<string, unknown> = copy;
  for (const key of keys.slice(0, -1)) target = target[key] as Record<string, unknown>;
  target[keys.at(-1)!] = value;
  return copy;
}
