/** Date helpers; every timestamp leaves the server as an ISO 8601 UTC string. */
const DAY_MS = 24 * 60 * 60 * 1000;

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
