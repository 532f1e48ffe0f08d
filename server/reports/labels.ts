/**
 * Names of kinds, statuses, channels and visit purposes for what the server itself writes
 * in a language (the XLSX workbook, the CSV with lang=ar). The wording is the one the
 * widgets and the console use (scripts/translations/ar/*.json), so a spreadsheet and the
 * screen call a status the same thing. Services and categories come from the
 * association's own form configuration.
 */
import type { FormConfig } from '../../src/contract/form-config.js';

export type Lang = 'ar' | 'en';
type Names = Record<string, { ar: string; en: string }>;

export const KINDS: Names = {
  request: { ar: 'طلب مساعدة', en: 'Service request' },
  complaint: { ar: 'شكوى', en: 'Complaint' },
  suggestion: { ar: 'اقتراح', en: 'Suggestion' },
  inquiry: { ar: 'استفسار', en: 'Inquiry' },
  compensation: { ar: 'طلب تعويض', en: 'Compensation claim' },
};

/** The one server-side table of status names: reports, CSV and notification messages. */
export const STATUSES: Names = {
  received: { ar: 'تم الاستلام', en: 'Received' },
  under_review: { ar: 'قيد الدراسة', en: 'Under review' },
  needs_info: { ar: 'معلومات مطلوبة', en: 'Information needed' },
  referred: { ar: 'مُحالة لاتخاذ القرار', en: 'Referred for a decision' },
  accepted: { ar: 'مقبولة', en: 'Accepted' },
  rejected: { ar: 'غير مقبولة', en: 'Not accepted' },
  resolved: { ar: 'تمت المعالجة', en: 'Resolved' },
  closed: { ar: 'مغلقة', en: 'Closed' },
};

const CHANNELS: Names = {
  website: { ar: 'الموقع الإلكتروني', en: 'Website' },
  walk_in: { ar: 'حضور شخصي', en: 'Walk-in' },
  phone: { ar: 'اتصال هاتفي', en: 'Phone call' },
  email: { ar: 'البريد الإلكتروني', en: 'E-mail' },
  social: { ar: 'وسائل التواصل الاجتماعي', en: 'Social media' },
  letter: { ar: 'خطاب', en: 'Letter' },
};

const PURPOSES: Names = {
  new_request: { ar: 'تقديم طلب جديد', en: 'New request' },
  follow_up: { ar: 'متابعة طلب', en: 'Follow-up' },
  complaint: { ar: 'شكوى أو اقتراح', en: 'Complaint or suggestion' },
  inquiry: { ar: 'استفسار', en: 'Inquiry' },
  documents: { ar: 'تسليم مستندات', en: 'Handing in documents' },
  other: { ar: 'أخرى', en: 'Other' },
};

const SCALES: Names = {
  csat: { ar: 'الرضا (CSAT)', en: 'Satisfaction (CSAT)' },
  nps: { ar: 'التوصية (NPS)', en: 'Recommendation (NPS)' },
  ces: { ar: 'سهولة الإجراء (CES)', en: 'Effort (CES)' },
};

const SOURCES: Names = {
  service: { ar: 'تقييم الخدمة', en: 'Service rating' },
  website: { ar: 'تقييم صفحة الموقع', en: 'Website page rating' },
};

const pick = (names: Names, key: string | null | undefined, lang: Lang) => (key ? (names[key]?.[lang] ?? key) : '');

export interface Labels {
  kind(key: string | null | undefined): string;
  status(key: string | null | undefined): string;
  channel(key: string | null | undefined): string;
  purpose(key: string | null | undefined): string;
  scale(key: string | null | undefined): string;
  source(key: string | null | undefined): string;
  /** A requested service (kind 'request') or a complaint category, by its id. */
  topic(key: string | null | undefined, kind?: string | null): string;
}

export function labelsFor(lang: Lang, config: FormConfig): Labels {
  const names = (items: FormConfig['services']) =>
    new Map(items.map((item) => [item.id, lang === 'ar' ? item.label.ar : (item.label.en ?? item.label.ar)]));
  const services = names(config.services);
  const categories = names(config.complaintCategories);
  return {
    kind: (key) => pick(KINDS, key, lang),
    status: (key) => pick(STATUSES, key, lang),
    channel: (key) => pick(CHANNELS, key, lang),
    purpose: (key) => pick(PURPOSES, key, lang),
    scale: (key) => pick(SCALES, key, lang),
    source: (key) => pick(SOURCES, key, lang),
    topic: (key, kind) => {
      if (!key) return '';
      if (kind === 'request') return services.get(key) ?? key;
      return categories.get(key) ?? (kind ? undefined : services.get(key)) ?? key;
    },
  };
}
