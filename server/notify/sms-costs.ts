/** What each event's SMS costs with sample values: printed by `npm run notify:check`. */
import { NOTIFICATION_EVENTS } from '../../src/contract/notifications.js';
import type { Templates } from './config.js';
import type { MessageLocale } from './recipient.js';
import { renderMessage, statusLink } from './render.js';
import { countSegments } from './segments.js';

const SAMPLE_REFERENCE = 'C4F7K2M9QX3TB';

export interface SegmentLine {
  event: string;
  locale: MessageLocale;
  encoding: string;
  characters: number;
  segments: number;
  /** The template has {note}: the count is for the text without it. */
  plusNote: boolean;
}

/** Each event's SMS with sample values (a real reference, the association's name, today). */
export function smsSegmentTable(
  templates: Templates,
  association: { ar: string; en?: string },
  statusPageUrl?: string,
): SegmentLine[] {
  const lines: SegmentLine[] = [];
  const now = new Date();
  for (const event of NOTIFICATION_EVENTS) {
    for (const locale of ['ar', 'en'] as const) {
      const template = templates[event][locale];
      const { sms } = renderMessage(template, {
        event,
        locale,
        reference: SAMPLE_REFERENCE,
        kind: 'complaint',
        status:
          event === 'decision'
            ? 'accepted'
            : event === 'needs_info'
              ? 'needs_info'
              : event === 'closed'
                ? 'closed'
                : 'under_review',
        at: now,
        dueDate: now,
        name: locale === 'ar' ? 'محمد عبدالله العتيبي' : 'Mohammed Alotaibi',
        association: association[locale] ?? association.ar,
        statusUrl: statusLink(statusPageUrl, SAMPLE_REFERENCE),
      });
      const count = countSegments(sms);
      lines.push({
        event,
        locale,
        encoding: count.encoding,
        characters: count.units,
        segments: count.segments,
        plusNote: template.sms.includes('{note}'),
      });
    }
  }
  return lines;
}
