/**
 * Day, month and year typed in the Hijri (Umm al-Qura) or Gregorian calendar, checked and
 * turned into the contract's ISO (Gregorian) date. Intl does the calendar work: a Hijri date
 * is found by formatting the few Gregorian days around an estimate until one matches.
 */
import { normalizeDigits } from '../contract/digits.js';

export type CalendarId = 'hijri' | 'gregory';

export interface DateParts {
  calendar: CalendarId;
  day: string;
  month: string;
  year: string;
}

/** What is wrong with the typed parts; `undefined` means they name a real date. */
export type DatePartsProblem =
  | 'required'
  | 'date_incomplete'
  | 'invalid_day'
  | 'invalid_month'
  | 'invalid_year'
  | 'invalid_date'
  | 'date_in_future'
  | 'date_too_early';

const DAY_MS = 86_400_000;
/** 1 Muharram 1 AH (16 July 622), as days since 1970: the estimate's anchor. */
const HIJRI_EPOCH_DAYS = Date.UTC(622, 6, 16) / DAY_MS;
const HIJRI_YEAR_DAYS = 354.36667;
const HIJRI_MONTH_DAYS = 29.530589;
/** Earliest birth dates accepted: 1900-01-01 and its Hijri year. */
const EARLIEST_ISO = '1900-01-01';
const EARLIEST_HIJRI_YEAR = 1317;

let hijriFormat: Intl.DateTimeFormat | undefined;

/** Hijri day, month and year of a UTC day, in Latin digits. */
export function hijriPartsOf(date: Date): { day: number; month: number; year: number } {
  hijriFormat ??= new Intl.DateTimeFormat('en-u-ca-islamic-umalqura-nu-latn', {
    day: 'numeric',
    month: 'numeric',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const parts = Object.fromEntries(hijriFormat.formatToParts(date).map((part) => [part.type, part.value]));
  return { day: Number(parts.day), month: Number(parts.month), year: Number.parseInt(parts.year ?? '', 10) };
}

/** The Gregorian day (UTC midnight) of a Hijri date, or undefined when it does not exist. */
export function gregorianOfHijri(year: number, month: number, day: number): Date | undefined {
  const estimate = Math.round(
    HIJRI_EPOCH_DAYS + (year - 1) * HIJRI_YEAR_DAYS + (month - 1) * HIJRI_MONTH_DAYS + day - 1,
  );
  // The mean-length estimate is within a few days of the truth; search outwards from it.
  for (let offset = 0; offset <= 6; offset += 1) {
    for (const sign of offset === 0 ? [0] : [-1, 1]) {
      const candidate = new Date((estimate + sign * offset) * DAY_MS);
      const found = hijriPartsOf(candidate);
      if (found.year === year && found.month === month && found.day === day) return candidate;
    }
  }
  return undefined;
}

/** "2024-03-05" for a UTC day. */
export function isoOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Today in Riyadh, as an ISO date: a birth date may be today, never tomorrow. */
function todayIso(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Riyadh' }).format(now);
}

const number = (value: string) => (/^\d{1,4}$/.test(value) ? Number(value) : Number.NaN);

/** Checks typed parts; returns the ISO date or what is wrong with them. */
export function readDateParts(
  parts: DateParts,
  now = new Date(),
): { iso: string; problem?: undefined } | { iso?: undefined; problem: DatePartsProblem } {
  const day = normalizeDigits(parts.day.trim());
  const month = normalizeDigits(parts.month.trim());
  const year = normalizeDigits(parts.year.trim());
  if (!day && !month && !year) return { problem: 'required' };
  if (!day || !month || !year) return { problem: 'date_incomplete' };
  const [d, m, y] = [number(day), number(month), number(year)];
  const hijri = parts.calendar === 'hijri';
  if (!Number.isInteger(m) || m < 1 || m > 12) return { problem: 'invalid_month' };
  if (!Number.isInteger(d) || d < 1 || d > (hijri ? 30 : 31)) return { problem: 'invalid_day' };
  if (!Number.isInteger(y) || year.length !== 4) return { problem: 'invalid_year' };
  if (hijri ? y < EARLIEST_HIJRI_YEAR : y < 1900) return { problem: 'date_too_early' };
  let iso: string;
  if (hijri) {
    if (y > hijriPartsOf(now).year + 1) return { problem: 'date_in_future' };
    const date = gregorianOfHijri(y, m, d);
    // Day 30 of a 29-day month: the month is right, the day is not.
    if (!date) return { problem: 'invalid_day' };
    iso = isoOf(date);
  } else {
    const date = new Date(Date.UTC(y, m - 1, d));
    if (date.getUTCDate() !== d) return { problem: 'invalid_day' };
    iso = isoOf(date);
  }
  if (iso < EARLIEST_ISO) return { problem: 'date_too_early' };
  if (iso > todayIso(now)) return { problem: 'date_in_future' };
  return { iso };
}

/** The parts of an ISO date in a calendar (to fill the inputs from a saved value). */
export function partsOfIso(iso: string, calendar: CalendarId): DateParts | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return undefined;
  const date = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return undefined;
  if (calendar === 'gregory') {
    return {
      calendar,
      day: String(date.getUTCDate()),
      month: String(date.getUTCMonth() + 1),
      year: String(date.getUTCFullYear()),
    };
  }
  const hijri = hijriPartsOf(date);
  return { calendar, day: String(hijri.day), month: String(hijri.month), year: String(hijri.year) };
}
