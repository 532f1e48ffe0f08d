/**
 * Calendar dates the server can work with: a real Gregorian day (no 30 February, which
 * JavaScript's Date.parse quietly turns into 2 March) within the years the system handles.
 * Outside them (0000-01-01, 9999-12-31) the day after, the association's time zone or the
 * database's timestamps break down; nothing Sila stores is dated outside them.
 */
export const SUPPORTED_YEARS = { min: 1900, max: 2999 } as const;

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** YYYY-MM-DD naming a day that exists, within SUPPORTED_YEARS. */
export function isSupportedDay(value: string): boolean {
  const match = DAY.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < SUPPORTED_YEARS.min || year > SUPPORTED_YEARS.max) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A supported day, or a date-time on a supported day that JavaScript reads as one instant. */
export function isSupportedDayOrInstant(value: string): boolean {
  if (!isSupportedDay(value.slice(0, 10))) return false;
  if (value.length === 10) return true;
  const time = Date.parse(value);
  if (Number.isNaN(time)) return false;
  const year = new Date(time).getUTCFullYear();
  return year >= SUPPORTED_YEARS.min && year <= SUPPORTED_YEARS.max;
}
