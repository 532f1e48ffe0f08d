/** Times shown by the lookup: history entries and "try again after". Latin digits. */
import { getLocale } from '../../core/i18n.js';

function tag(): string {
  return getLocale() === 'ar' ? 'ar-SA-u-ca-gregory-nu-latn' : 'en-GB-u-ca-gregory-nu-latn';
}

/** Time of day of a history entry (several changes can happen on one day), Riyadh time. */
export function formatTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(tag(), { hour: 'numeric', minute: '2-digit', timeZone: 'Asia/Riyadh' }).format(date);
}

/** When a locked lookup opens again, in the person's own clock: "12 May, 03:00". */
export function formatRetryTime(at: Date): string {
  return new Intl.DateTimeFormat(tag(), { day: 'numeric', month: 'long', hour: 'numeric', minute: '2-digit' }).format(
    at,
  );
}
