/** Dates and due dates as the console shows them (Riyadh time, Latin digits). */
import { msg, str } from '@lit/localize';
import { formatDays, getLocale } from '../core/i18n.js';

const DAY_MS = 24 * 60 * 60 * 1000;

function tag(): string {
  return getLocale() === 'ar' ? 'ar-SA-u-ca-gregory-nu-latn' : 'en-GB-u-nu-latn';
}

/** "12 Nov 2026" / "12 نوفمبر 2026". */
export function shortDate(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(tag(), {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'Asia/Riyadh',
  }).format(date);
}

/** "12 Nov 2026, 14:05". */
export function dateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(tag(), {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZone: 'Asia/Riyadh',
  }).format(date);
}

export type DueTone = 'late' | 'soon' | 'ok';

/** "Due in 3 days" / "Overdue by 2 days" / "Due today", and how urgent it reads. */
export function dueText(
  dueAt: string,
  overdue: boolean,
  dueSoon: boolean,
  now = Date.now(),
): { text: string; tone: DueTone } {
  const left = Date.parse(dueAt) - now;
  const days = Math.ceil(Math.abs(left) / DAY_MS);
  if (overdue || left < 0) return { text: msg(str`Overdue by ${formatDays(Math.max(1, days))}`), tone: 'late' };
  if (left < DAY_MS) return { text: msg('Due today'), tone: 'soon' };
  return { text: msg(str`Due in ${formatDays(days)}`), tone: dueSoon ? 'soon' : 'ok' };
}
