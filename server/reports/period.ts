/**
 * A report's period: the days it covers in the association's time zone, the instants
 * that bound it, its Gregorian and Hijri (Umm al-Qura) labels, and the two periods it
 * is compared with (the one before, and the same one a year earlier).
 */
import type { ReportPeriod, ReportQuery } from '../../src/contract/reports.js';
import { ASSOCIATION_TIME_ZONE, iso, nextDay, startOfLocalDay } from '../dates.js';

export interface Period {
  kind: ReportQuery['period'];
  /** First and last day, both included (YYYY-MM-DD). */
  from: string;
  to: string;
  start: Date;
  end: Date;
}

const pad = (n: number) => String(n).padStart(2, '0');
const dayOf = (year: number, month: number, date: number) => {
  // Date.UTC normalises overflow (month 13 → next January, day 0 → last day of the month before).
  const d = new Date(Date.UTC(year, month - 1, date));
  return `${String(d.getUTCFullYear()).padStart(4, '0')}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
};

function make(kind: Period['kind'], from: string, to: string): Period {
  return {
    kind,
    from,
    to,
    start: startOfLocalDay(from, ASSOCIATION_TIME_ZONE),
    end: startOfLocalDay(nextDay(to), ASSOCIATION_TIME_ZONE),
  };
}

/** Months from year/month, `length` months long. */
function months(kind: Period['kind'], year: number, month: number, length: number): Period {
  return make(kind, dayOf(year, month, 1), dayOf(year, month + length, 0));
}

export function resolvePeriod(query: Pick<ReportQuery, 'period' | 'at' | 'from' | 'to'>): Period {
  if (query.period === 'custom') return make('custom', query.from!, query.to!);
  const at = query.at!;
  const year = Number(at.slice(0, 4));
  if (query.period === 'year') return months('year', year, 1, 12);
  if (query.period === 'quarter') return months('quarter', year, (Number(at.slice(6)) - 1) * 3 + 1, 3);
  return months('month', year, Number(at.slice(5, 7)), 1);
}

const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

/** The period just before: the previous month, quarter or year; a custom range of the same length. */
export function previousPeriod(period: Period): Period {
  const [year, month] = [Number(period.from.slice(0, 4)), Number(period.from.slice(5, 7))];
  if (period.kind === 'year') return months('year', year - 1, 1, 12);
  if (period.kind === 'quarter') return months('quarter', year, month - 3, 3);
  if (period.kind === 'month') return months('month', year, month - 1, 1);
  const length = daysBetween(period.from, period.to);
  const to = dayOf(year, month, Number(period.from.slice(8)) - 1);
  return make('custom', dayOf(Number(to.slice(0, 4)), Number(to.slice(5, 7)), Number(to.slice(8)) - length), to);
}

/** The same period a year earlier (29 February becomes 28 February). */
export function samePeriodLastYear(period: Period): Period {
  const shift = (day: string) => {
    const [y, m, d] = [Number(day.slice(0, 4)) - 1, Number(day.slice(5, 7)), Number(day.slice(8))];
    return dayOf(y, m, Math.min(d, Number(dayOf(y, m + 1, 0).slice(8))));
  };
  if (period.kind === 'custom') return make('custom', shift(period.from), shift(period.to));
  const year = Number(period.from.slice(0, 4)) - 1;
  const month = Number(period.from.slice(5, 7));
  return months(period.kind, year, month, period.kind === 'year' ? 12 : period.kind === 'quarter' ? 3 : 1);
}

const formats = new Map<string, Intl.DateTimeFormat>();
function format(locale: 'ar' | 'en', calendar: 'gregory' | 'islamic-umalqura', withDay: boolean): Intl.DateTimeFormat {
  const key = `${locale}/${calendar}/${withDay}`;
  let result = formats.get(key);
  if (!result) {
    result = new Intl.DateTimeFormat(`${locale === 'ar' ? 'ar-SA' : 'en-GB'}-u-ca-${calendar}-nu-latn`, {
      timeZone: 'UTC',
      ...(withDay ? { day: 'numeric' } : {}),
      month: 'long',
      year: 'numeric',
    });
    formats.set(key, result);
  }
  return result;
}

const QUARTERS = {
  ar: ['الربع الأول', 'الربع الثاني', 'الربع الثالث', 'الربع الرابع'],
  en: ['First quarter', 'Second quarter', 'Third quarter', 'Fourth quarter'],
};

/** Noon UTC of a day: the same calendar day in every zone from UTC−11 to UTC+11. */
const noon = (day: string) => new Date(`${day}T12:00:00Z`);

function gregorianLabel(period: Period, locale: 'ar' | 'en'): string {
  const first = noon(period.from);
  const last = noon(period.to);
  const year = period.from.slice(0, 4);
  switch (period.kind) {
    case 'month':
      return format(locale, 'gregory', false).format(first);
    case 'quarter':
      return `${QUARTERS[locale][Math.floor(first.getUTCMonth() / 3)]} ${year} (${format(locale, 'gregory', false).formatRange(first, last)})`;
    case 'year':
      return year;
    default:
      return format(locale, 'gregory', true).formatRange(first, last);
  }
}

/** The Hijri months (or, for a custom range, days) the period spans. */
function hijriLabel(period: Period, locale: 'ar' | 'en'): string {
  return format(locale, 'islamic-umalqura', period.kind === 'custom').formatRange(noon(period.from), noon(period.to));
}

export function describePeriod(period: Period): ReportPeriod {
  const labels = (locale: 'ar' | 'en') => ({
    gregorian: gregorianLabel(period, locale),
    hijri: hijriLabel(period, locale),
  });
  return {
    from: period.from,
    to: period.to,
    start: iso(period.start),
    end: iso(period.end),
    labels: { ar: labels('ar'), en: labels('en') },
  };
}

/** "30 November 2026 (19 Jumada II 1448 AH)": a date of issue in both calendars. */
export function issueDate(now: Date, locale: 'ar' | 'en'): string {
  const options = { timeZone: ASSOCIATION_TIME_ZONE, day: 'numeric', month: 'long', year: 'numeric' } as const;
  const tag = locale === 'ar' ? 'ar-SA' : 'en-GB';
  const gregorian = new Intl.DateTimeFormat(`${tag}-u-ca-gregory-nu-latn`, options).format(now);
  const hijri = new Intl.DateTimeFormat(`${tag}-u-ca-islamic-umalqura-nu-latn`, options).format(now);
  return `${gregorian} (${hijri})`;
}
