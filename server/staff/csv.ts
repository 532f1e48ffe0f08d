import type { FormConfig } from '../../src/contract/form-config.js';
import { ASSOCIATION_TIME_ZONE, localDateTime } from '../dates.js';
import { revealValue } from '../privacy/sealing.js';
import { labelsFor, type Lang } from '../reports/labels.js';

/**
 * CSV for spreadsheet users: UTF-8 with a BOM (so Excel shows Arabic), CRLF lines, and
 * OWASP's rule against formula injection: a cell that does not start with a letter or a
 * digit gets a ' in front. A list of dangerous first characters (= + - @) misses the ones
 * spreadsheets fold or skip: full-width ＝ and ＋, a right-to-left mark, a zero-width space
 * or any other format character, a leading blank. References (S-KR2H-…), dates and numbers
 * start with a letter or digit and stay as they are.
 */
const SAFE_START = /^[\p{L}\p{N}]/u;

export function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (text !== '' && !SAFE_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV line, with its CRLF. */
export function csvLine(cells: readonly unknown[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

/** The UTF-8 byte order mark that makes Excel read the file as UTF-8. */
export const BOM = '\uFEFF';

export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return BOM + [header, ...rows].map(csvLine).join('');
}

/**
 * Times are the association's wall-clock time ("2025-02-01 01:00:00", which spreadsheets
 * read as a date-time), and their columns say which zone: received_at_riyadh, …
 */
const ZONE_SUFFIX = `_${ASSOCIATION_TIME_ZONE.split('/').pop()!.toLowerCase()}`;

/** The export's columns: the machine header (codes, for integrations) and the people's. */
const COLUMNS = [
  ['reference', 'الرقم المرجعي', 'Reference'],
  ['kind', 'النوع', 'Kind'],
  ['status', 'الحالة', 'Status'],
  ['channel', 'القناة', 'Channel'],
  [`received_at${ZONE_SUFFIX}`, 'تاريخ الاستلام (توقيت الرياض)', 'Received (Riyadh time)'],
  [`updated_at${ZONE_SUFFIX}`, 'آخر تحديث (توقيت الرياض)', 'Last updated (Riyadh time)'],
  [`expected_decision_by${ZONE_SUFFIX}`, 'الموعد المستحق (توقيت الرياض)', 'Due (Riyadh time)'],
  ['overdue', 'متأخرة', 'Overdue'],
  ['name', 'الاسم', 'Name'],
  ['mobile', 'الجوال', 'Mobile'],
  ['email', 'البريد الإلكتروني', 'E-mail'],
  ['topic', 'الخدمة أو الفئة', 'Service or category'],
  ['subject', 'الموضوع', 'Subject'],
  ['description', 'الوصف', 'Description'],
  ['rating_scale', 'مقياس التقييم', 'Rating scale'],
  ['rating_score', 'درجة التقييم', 'Rating score'],
] as const;

export const CSV_HEADER = COLUMNS.map(([code]) => code);

export interface CsvExportRow {
  reference: string;
  kind: string;
  status: string;
  channel: string;
  received_at: Date;
  updated_at: Date;
  expected_decision_by: Date | null;
  overdue: boolean;
  name: string | null;
  mobile: string | null;
  email: string | null;
  topic: string | null;
  subject: string | null;
  description: string | null;
  rating_scale: string | null;
  rating_score: number | null;
}

/**
 * The export, written as it is read: `header(lang)` first, then `rows(batch)` for each
 * batch. Without `lang`, codes (kind "request", status "under_review"…) under the machine
 * header, as integrations read it; with `lang=ar` (or en), headers and values in that
 * language. `reference` is already formatted as people read it out.
 */
export function csvExportWriter(lang: Lang | undefined, config: FormConfig) {
  const local = (date: Date | null) => (date ? localDateTime(date, ASSOCIATION_TIME_ZONE) : null);
  const labels = lang ? labelsFor(lang, config) : undefined;
  const name = (value: string, label: ((key: string) => string) | undefined) => (label ? label(value) : value);
  const yes = lang === 'ar' ? 'نعم' : lang ? 'Yes' : 'yes';
  const no = lang === 'ar' ? 'لا' : lang ? 'No' : 'no';
  return {
    header: () => BOM + csvLine(lang ? COLUMNS.map((column) => column[lang === 'ar' ? 1 : 2]) : CSV_HEADER),
    rows: (rows: readonly CsvExportRow[]) =>
      rows
        .map((row) =>
          csvLine([
            row.reference,
            name(row.kind, labels?.kind),
            name(row.status, labels?.status),
            name(row.channel, labels?.channel),
            local(row.received_at),
            local(row.updated_at),
            local(row.expected_decision_by),
            row.overdue ? yes : no,
            row.name,
            // Sealed at rest (SILA_DATA_KEY): opened here, for the people the file is for.
            revealValue(row.mobile),
            row.email,
            labels && row.topic ? labels.topic(row.topic, row.kind) : row.topic,
            row.subject,
            row.description,
            labels && row.rating_scale ? labels.scale(row.rating_scale) : row.rating_scale,
            row.rating_score,
          ]),
        )
        .join(''),
  };
}

/** The whole export as one string (small exports, tests). */
export function exportCsv(rows: readonly CsvExportRow[], lang: Lang | undefined, config: FormConfig): string {
  const writer = csvExportWriter(lang, config);
  return writer.header() + writer.rows(rows);
}
