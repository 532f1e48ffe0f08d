/** Dates in messages: the Hijri (Umm al-Qura) date with the Gregorian one, in Riyadh time. */
import { ASSOCIATION_TIME_ZONE } from '../dates.js';
import type { MessageLocale } from './recipient.js';

const formats = new Map<string, Intl.DateTimeFormat>();

function format(locale: string, options: Intl.DateTimeFormatOptions): (date: Date) => string {
  const key = `${locale}|${JSON.stringify(options)}`;
  let formatter = formats.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, { timeZone: ASSOCIATION_TIME_ZONE, ...options });
    formats.set(key, formatter);
  }
  // ICU puts right-to-left marks around numeric parts; a text message does not need them.
  return (date) => formatter.format(date).replace(/[\u200e\u200f]/g, '');
}

const LONG: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'long', day: 'numeric' };
const SHORT: Intl.DateTimeFormatOptions = { year: 'numeric', month: '2-digit', day: '2-digit' };

/** "20 جمادى الآخرة 1448 هـ (30 نوفمبر 2026م)" / "20 Jumada II 1448 AH (30 November 2026)". */
export function longDate(date: Date, locale: MessageLocale): string {
  if (locale === 'ar') {
    const hijri = format('ar-SA-u-ca-islamic-umalqura-nu-latn', LONG)(date);
    return `${hijri} (${format('ar-SA-u-ca-gregory-nu-latn', LONG)(date)}م)`;
  }
  return `${format('en-GB-u-ca-islamic-umalqura', LONG)(date)} (${format('en-GB', LONG)(date)})`;
}

/** "20/06/1448 هـ (30/11/2026م)": short enough for a text message. */
export function shortDate(date: Date, locale: MessageLocale): string {
  if (locale === 'ar') {
    return `${format('ar-SA-u-ca-islamic-umalqura-nu-latn', SHORT)(date)} (${format('ar-SA-u-ca-gregory-nu-latn', SHORT)(date)}م)`;
  }
  return `${format('en-GB-u-ca-islamic-umalqura', SHORT)(date)} (${format('en-GB', SHORT)(date)})`;
}
