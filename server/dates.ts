/**
 * Date helpers. Every timestamp in the JSON API leaves the server as an ISO 8601 UTC
 * string; what people read in a spreadsheet (the CSV export) and the statistics' months
 * use the association's local time, ASSOCIATION_TIME_ZONE.
 */
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The association's time zone: statistics count months in it and the CSV export writes
 * its times in it. Saudi Arabia has one time zone and no daylight saving.
 */
export const ASSOCIATION_TIME_ZONE = 'Asia/Riyadh';

const localFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * "2026-11-26 00:08:37": the wall-clock time in `timeZone`, to the second, in the form
 * spreadsheets (Excel, LibreOffice, Google Sheets) read as a date-time.
 */
export function localDateTime(date: Date, timeZone: string = ASSOCIATION_TIME_ZONE): string {
  let format = localFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      numberingSystem: 'latn',
      calendar: 'gregory',
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    localFormats.set(timeZone, format);
  }
  const part: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
  for (const { type, value } of format.formatToParts(date)) part[type] = value;
  // (Some ICU versions wrote midnight as "24" with hour12: false; h23 should not, but be safe.)
  const hour = part.hour === '24' ? '00' : part.hour;
  return `${part.year?.padStart(4, '0')}-${part.month}-${part.day} ${hour}:${part.minute}:${part.second}`;
}

/**
 * Midnight at the start of `day` ("2025-01-31") in `timeZone`, as an instant. The offset
 * is read off the wall clock, so any offset works (Riyadh kept +03:06:52 until 1947) and a
 * day on which the offset changes still starts at its own midnight.
 */
export function startOfLocalDay(day: string, timeZone: string = ASSOCIATION_TIME_ZONE): Date {
  const midnightUtc = Date.parse(`${day}T00:00:00Z`);
  const offsetAt = (instant: number) =>
    Date.parse(`${localDateTime(new Date(instant), timeZone).replace(' ', 'T')}Z`) - instant;
  const first = midnightUtc - offsetAt(midnightUtc);
  return new Date(midnightUtc - offsetAt(first));
}

/** "2025-02-01" after "2025-01-31": calendar arithmetic, no time zone involved. */
export function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
}

/** "2026-11-26": the local calendar day in `timeZone`. */
export function localDay(date: Date, timeZone: string = ASSOCIATION_TIME_ZONE): string {
  return localDateTime(date, timeZone).slice(0, 10);
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

export function iso(value: Date | string): string {
  return (value instanceof Date ? value : new Date(value)).toISOString();
}

/** "2025-01-31": the day lookup failures are counted in. */
export function utcDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function secondsUntilNextUtcDay(date: Date): number {
  const next = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() + 1);
  return Math.max(1, Math.ceil((next - date.getTime()) / 1000));
}
