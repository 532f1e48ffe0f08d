/**
 * Search normalization for names (staff search): the same function runs when a case is
 * written (the stored search column) and when staff type a query, so «احمد» finds «أحمد»
 * and «فاطمه» finds «فاطمة».
 */
import { normalizeDigits } from './digits.js';

/** Harakat, tanween, shadda, sukun, Quranic marks, the superscript alef, and tatweel. */
const MARKS = /[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed\u0640]/g;
/** Zero-width and bidi formatting characters that can sit inside a typed or pasted name. */
const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/g;

/**
 * أ إ آ ٱ → ا, ة → ه, ى → ي; diacritics and tatweel removed; Arabic-Indic and Persian digits
 * → Latin; Latin letters lower-cased; runs of spaces → one space; trimmed. NFKC first folds
 * presentation forms (ﻷ, ﷲ) into ordinary letters.
 */
export function normalizeArabic(value: string): string {
  return normalizeDigits(value.normalize('NFKC'))
    .replace(INVISIBLE, '')
    .replace(MARKS, '')
    .replace(/[\u0623\u0625\u0622\u0671]/g, '\u0627')
    .replace(/\u0629/g, '\u0647')
    .replace(/\u0649/g, '\u064a')
    .toLowerCase()
    .replace(/\s+/gu, ' ')
    .trim();
}
