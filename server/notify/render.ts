/**
 * Fills a template with a case's values and builds the e-mail (plain text + right-to-left
 * HTML) and the SMS. Every value is text: the HTML part escapes everything, template and
 * values alike, so neither a template nor a note can add markup.
 */
import { formatReference } from '../../src/contract/identifiers.js';
import type { MessageTemplate, NotificationEvent, Placeholder } from '../../src/contract/notifications.js';
import { STATUSES } from '../reports/labels.js';
import { longDate, shortDate } from './dates.js';
import type { MessageLocale } from './recipient.js';

/** Status names as the widgets, the console and the reports say them (one table). */
const STATUS_LABELS: Record<MessageLocale, Record<string, string>> = {
  ar: Object.fromEntries(Object.entries(STATUSES).map(([status, name]) => [status, name.ar])),
  en: Object.fromEntries(Object.entries(STATUSES).map(([status, name]) => [status, name.en])),
};

const KIND_LABELS: Record<MessageLocale, Record<string, string>> = {
  ar: {
    request: 'طلب المساعدة',
    complaint: 'الشكوى',
    suggestion: 'الاقتراح',
    inquiry: 'الاستفسار',
    compensation: 'طلب التعويض',
  },
  en: {
    request: 'service request',
    complaint: 'complaint',
    suggestion: 'suggestion',
    inquiry: 'inquiry',
    compensation: 'compensation claim',
  },
};

export interface MessageFacts {
  event: NotificationEvent;
  locale: MessageLocale;
  reference: string;
  kind: string;
  status?: string;
  note?: string;
  at: Date;
  dueDate?: Date;
  name?: string;
  association: string;
  /** The association's follow-up page with ?ref=; absent when not configured. */
  statusUrl?: string;
  /** Identifiers that must never appear in a message, even inside a staff note. */
  secrets?: readonly string[];
}

export interface RenderedMessage {
  subject: string;
  text: string;
  html: string;
  sms: string;
}

const PLACEHOLDER = /\{([a-zA-Z]+)\}/g;

/**
 * Replaces each {name}; a line in which a placeholder comes out empty is left out
 * (no "answer by ." when a complaint has no answer period).
 */
export function fillTemplate(template: string, values: Partial<Record<Placeholder, string>>): string {
  return template
    .split('\n')
    .filter((line) => [...line.matchAll(PLACEHOLDER)].every((match) => (values[match[1] as Placeholder] ?? '') !== ''))
    .map((line) => line.replace(PLACEHOLDER, (_, name: string) => values[name as Placeholder] ?? ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Masks any of the secrets (a national ID, a full mobile number) inside free text. */
export function maskSecrets(text: string, secrets: readonly string[] = []): string {
  let masked = text;
  for (const secret of secrets) {
    if (secret.length >= 6) masked = masked.split(secret).join('•'.repeat(4));
  }
  return masked;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/**
 * The HTML part from the plain text: paragraphs and line breaks, everything escaped; the
 * one link is `link` (a URL from the server's own configuration), wherever it appears.
 */
export function htmlDocument(
  text: string,
  options: {
    locale: MessageLocale;
    subject: string;
    link?: string;
    /** Kept on one line, left to right (the reference). */ unbroken?: string;
  },
): string {
  const dir = options.locale === 'ar' ? 'rtl' : 'ltr';
  const url = options.link ? escapeHtml(options.link) : undefined;
  const unbroken = options.unbroken ? escapeHtml(options.unbroken) : undefined;
  const paragraphs = text
    .split(/\n{2,}/)
    .map((paragraph) => {
      const lines = paragraph.split('\n').map((line) => {
        let html = escapeHtml(line);
        // The one link: the association's own follow-up page from its configuration.
        if (url) html = html.split(url).join(`<a href="${url}" dir="ltr">${url}</a>`);
        // The reference never wraps at its dashes, nor reorders inside Arabic text (not inside the link).
        if (unbroken)
          html = html.replace(
            new RegExp(`${unbroken}(?![^<]*</a>)`, 'g'),
            `<bdi dir="ltr" style="white-space:nowrap">${unbroken}</bdi>`,
          );
        return html;
      });
      return `<p style="margin:0 0 16px">${lines.join('<br>')}</p>`;
    })
    .join('\n');
  return [
    '<!doctype html>',
    `<html lang="${options.locale}" dir="${dir}">`,
    `<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(options.subject)}</title></head>`,
    `<body dir="${dir}" style="padding:16px;background:#f5f6f7;font-family:Tahoma,'Segoe UI',Arial,sans-serif;font-size:16px;line-height:1.7;color:#1f2328">`,
    `<div dir="${dir}" style="max-width:600px;margin-inline:auto;padding:24px;background:#ffffff;border-radius:8px">`,
    paragraphs,
    '</div>',
    '</body>',
    '</html>',
  ].join('\n');
}

export function renderMessage(template: MessageTemplate, facts: MessageFacts): RenderedMessage {
  const { locale } = facts;
  const note = facts.note ? maskSecrets(facts.note, facts.secrets) : '';
  const common = {
    reference: formatReference(facts.reference),
    kind: KIND_LABELS[locale][facts.kind] ?? facts.kind,
    status: facts.status ? (STATUS_LABELS[locale][facts.status] ?? facts.status) : '',
    note,
    association: facts.association,
    name: facts.name ?? '',
    statusUrl: facts.statusUrl ?? '',
  };
  const long = {
    ...common,
    date: longDate(facts.at, locale),
    dueDate: facts.dueDate ? longDate(facts.dueDate, locale) : '',
  };
  const short = {
    ...common,
    date: shortDate(facts.at, locale),
    dueDate: facts.dueDate ? shortDate(facts.dueDate, locale) : '',
  };
  // A subject is one line.
  const subject = fillTemplate(template.subject, long).replace(/\s+/g, ' ');
  const text = fillTemplate(template.email, long);
  return {
    subject,
    text,
    html: htmlDocument(text, { locale, subject, link: facts.statusUrl, unbroken: common.reference }),
    sms: fillTemplate(template.sms, short),
  };
}

/** The follow-up page link: the association's page with ?ref= (never the follow-up code). */
export function statusLink(base: string | undefined, reference: string): string | undefined {
  if (!base) return undefined;
  const url = new URL(base);
  url.searchParams.set('ref', formatReference(reference));
  return url.toString();
}
