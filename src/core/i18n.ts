/**
 * The one place that owns the language. @lit/localize keeps a single active locale
 * per page, so every Sila widget on a page speaks the same language: set it with
 * configure({ locale }), a widget's `lang` attribute, or the page's <html lang>.
 * Arabic is the default. The Arabic strings are bundled (no extra request, no flash of
 * English before the first render).
 */
import type { LocalizedText } from '../contract/form-config.js';
// Runtime switching in the bilingual files; a fixed language in the per-language ones.
import { activeLocale, switchLocale } from './locale-live.js';

export type Locale = 'ar' | 'en';
export const DEFAULT_LOCALE: Locale = 'ar';

let ready: Promise<void> = Promise.resolve();
/** Whether a locale was chosen yet: nothing happens at import (SSR imports run without a DOM). */
let chosen = false;

export function toLocale(value: string | null | undefined): Locale | undefined {
  const base = value?.trim().toLowerCase().split(/[-_]/)[0];
  return base === 'ar' || base === 'en' ? base : undefined;
}

/** Locale of the host page's <html lang>, when it is one we ship. */
export function pageLocale(): Locale | undefined {
  return toLocale(globalThis.document?.documentElement.lang);
}

/**
 * Switches every Sila widget on the page to `locale`. The last call wins, even while an
 * earlier one is still loading: @lit/localize compares with the locale being loaded, so
 * no shortcut here (comparing with the active locale dropped a switch to English made
 * while Arabic was still loading).
 */
export function setLocale(locale: Locale): Promise<void> {
  chosen = true;
  ready = switchLocale(locale);
  return ready;
}

/**
 * Chooses the first locale when the first widget connects (or anything asks for the
 * locale in a browser), not at import: the page's <html lang> when we ship it, else
 * Arabic. A setLocale() before that wins. Under Node (SSR) nothing is loaded.
 */
export function ensureLocale(): void {
  if (!chosen && globalThis.window) void setLocale(pageLocale() ?? DEFAULT_LOCALE);
}

export function getLocale(): Locale {
  ensureLocale();
  if (!chosen) return pageLocale() ?? DEFAULT_LOCALE;
  return toLocale(activeLocale()) ?? DEFAULT_LOCALE;
}

/** Resolves once the active locale's strings are in place. */
export function localeReady(): Promise<void> {
  return ready;
}

export function directionOf(locale: Locale): 'rtl' | 'ltr' {
  return locale === 'ar' ? 'rtl' : 'ltr';
}

/** Text an association wrote in both languages, in the active one (Arabic as fallback). */
export function localized(text: LocalizedText | undefined): string {
  if (!text) return '';
  return getLocale() === 'en' ? (text.en ?? text.ar) : text.ar;
}

/** Dates shown in both calendars: Gregorian and Hijri (Umm al-Qura), Latin digits. */
export function formatDate(iso: string, calendar: 'gregory' | 'islamic-umalqura' = 'gregory'): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const tag = `${getLocale() === 'ar' ? 'ar-SA' : 'en-GB'}-u-ca-${calendar}-nu-latn`;
  return new Intl.DateTimeFormat(tag, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Asia/Riyadh',
  }).format(date);
}

/** A time of day on the person's own clock, Latin digits ("14:05" / "2:05 pm"). */
export function formatClockTime(at: number): string {
  const tag = getLocale() === 'ar' ? 'ar-SA-u-nu-latn' : 'en-GB-u-nu-latn';
  return new Intl.DateTimeFormat(tag, { hour: 'numeric', minute: '2-digit' }).format(new Date(at));
}

/** Numbers shown to people: Latin digits in both languages (as Saudi forms use). */
export function formatNumber(value: number): string {
  return new Intl.NumberFormat(getLocale() === 'ar' ? 'ar-SA-u-nu-latn' : 'en', { maximumFractionDigits: 1 }).format(
    value,
  );
}

/** "14 days" / "14 يومًا": Arabic counts need their plural form (Intl.PluralRules). */
export function formatDays(count: number): string {
  if (getLocale() === 'en') return count === 1 ? '1 day' : `${count} days`;
  switch (new Intl.PluralRules('ar').select(count)) {
    case 'one':
      return 'يوم واحد';
    case 'two':
      return 'يومين';
    case 'few':
      return `${count} أيام`;
    case 'many':
      return `${count} يومًا`;
    default:
      return `${count} يوم`;
  }
}
