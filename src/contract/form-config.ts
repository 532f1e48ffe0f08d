/**
 * What an association configures once and every widget reads from
 * GET {endpoint}/v1/form-config. Every field is optional for the widgets: they fall
 * back to DEFAULT_FORM_CONFIG so they work against a backend that has no such route.
 */
import * as z from 'zod/mini';
import { lazy } from './lazy.js';
import { AUDIENCES, COMPLAINT_KINDS } from './kinds.js';

const FINAL_STATUSES_TUPLE = ['accepted', 'rejected', 'resolved', 'closed'] as const;
/** Where the lookup invites a rating when the association says nothing. */
export const DEFAULT_RATE_AFTER: readonly (typeof FINAL_STATUSES_TUPLE)[number][] = ['resolved', 'closed'];

/** Text the association writes in both languages. */
export const localizedText = /* @__PURE__ */ lazy(() => {
  const text = z.string();
  return z.object({ ar: text, en: z.optional(text) });
});
export type LocalizedText = z.output<typeof localizedText>;

/**
 * Every widget parses this once at start, so it is built then: zod schemas are immutable,
 * and the ones that repeat are built once and shared (a third fewer to build, same checks).
 */
export const formConfigSchema = /* @__PURE__ */ lazy(() => {
  const text = z.string();
  const optionalText = z.optional(text);
  const optionalLocalized = z.optional(localizedText);
  const count = z.number();
  const months = z.optional(/* @__PURE__ */ z.number().check(z.int(), z.gte(1), z.lte(600)));
  return z.object({
    association: z.object({
      name: localizedText,
      logoUrl: optionalText,
      privacyNoticeUrl: optionalText,
      /** Short privacy notice shown next to the consent box. */
      privacyNotice: optionalLocalized,
      /**
       * How people reach the association: shown wherever a widget says "contact the
       * association" (information needed, a late decision, a service that does not answer).
       */
      contact: z.optional(
        z.object({
          phone: optionalText,
          email: optionalText,
          address: optionalLocalized,
          openingHours: optionalLocalized,
        }),
      ),
    }),
    services: z.array(z.object({ id: text, label: localizedText, audiences: z.optional(z.array(z.enum(AUDIENCES))) })),
    complaintCategories: z.array(
      z.object({ id: text, label: localizedText, kinds: z.optional(z.array(z.enum(COMPLAINT_KINDS))) }),
    ),
    /** The research committee's answer period for requests, in days (14 or 30 in the seeds). */
    reviewPeriodDays: count,
    /** The period in which complaints are answered, in days. */
    complaintResponseDays: z.optional(count),
    attachments: z.object({
      enabled: z.boolean(),
      maxFileBytes: count,
      maxTotalBytes: count,
      maxFiles: count,
      types: z.array(text),
      /** Attachment kinds a request must carry (e.g. id_copy). */
      requiredForRequests: z.optional(z.array(text)),
    }),
    ratingScales: z.array(z.enum(['csat', 'nps', 'ces'])),
    /**
     * The statuses after which the status lookup invites a rating (default: resolved and
     * closed, once the service is delivered, not at "accepted").
     */
    rateAfter: z.optional(z.array(z.enum(FINAL_STATUSES_TUPLE))),
    /** Versions of the texts the applicant agrees to, recorded with each submission. */
    textVersions: z.optional(z.object({ declaration: text, consent: text })),
    /**
     * How long personal data is kept (PDPL), applied by the server's daily job: closed cases
     * anonymised this many months after they closed, their attachments deleted after that
     * many. Absent: kept until erased on request (docs/staff-side.md).
     */
    retention: z.optional(z.object({ anonymiseClosedAfterMonths: months, deleteAttachmentsAfterMonths: months })),
  });
});
export type FormConfig = z.output<typeof formConfigSchema>;

export const DEFAULT_FORM_CONFIG: FormConfig = {
  association: { name: { ar: 'الجمعية', en: 'The association' } },
  services: [
    { id: 'financial_aid', label: { ar: 'مساعدة مالية', en: 'Financial aid' } },
    { id: 'food_basket', label: { ar: 'سلة غذائية', en: 'Food basket' } },
    { id: 'housing_support', label: { ar: 'دعم السكن', en: 'Housing support' } },
    { id: 'medical_support', label: { ar: 'دعم علاجي', en: 'Medical support' } },
    { id: 'training', label: { ar: 'تدريب وتأهيل', en: 'Training and rehabilitation' } },
    { id: 'other', label: { ar: 'خدمة أخرى', en: 'Other service' } },
  ],
  complaintCategories: [
    { id: 'service_quality', label: { ar: 'جودة الخدمة', en: 'Quality of service' } },
    { id: 'staff_conduct', label: { ar: 'تعامل الموظفين', en: 'Staff conduct' } },
    { id: 'delay', label: { ar: 'تأخر في الرد أو الإنجاز', en: 'Delay in response or completion' } },
    { id: 'eligibility', label: { ar: 'قرار الأهلية أو الدعم', en: 'Eligibility or support decision' } },
    { id: 'website', label: { ar: 'الموقع الإلكتروني', en: 'Website' } },
    { id: 'other', label: { ar: 'أخرى', en: 'Other' } },
  ],
  reviewPeriodDays: 14,
  complaintResponseDays: 7,
  attachments: {
    enabled: false,
    maxFileBytes: 5 * 1024 * 1024,
    maxTotalBytes: 15 * 1024 * 1024,
    maxFiles: 5,
    types: ['application/pdf', 'image/jpeg', 'image/png'],
  },
  ratingScales: ['csat', 'nps', 'ces'],
  textVersions: { declaration: 'declaration-v1', consent: 'privacy-v1' },
};
