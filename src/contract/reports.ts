/**
 * Reports for the general manager (staff roles manager and admin): a period's figures,
 * compared with the previous period and the same period a year before, and the daily
 * visitor log the officers keep. No personal data in any of it.
 */
import * as z from 'zod/mini';
import { lazy } from './lazy.js';
import { isSupportedDay } from './dates.js';
import { SUBMISSION_KINDS, type Satisfaction, satisfaction, staffExportQuery, staffStatsQuery } from './staff.js';

export const REPORT_PERIODS = ['month', 'quarter', 'year', 'custom'] as const;
export type ReportPeriodKind = (typeof REPORT_PERIODS)[number];

/** Why people came in, as the officer records it. */
export const VISIT_PURPOSES = ['new_request', 'follow_up', 'complaint', 'inquiry', 'documents', 'other'] as const;
export type VisitPurpose = (typeof VISIT_PURPOSES)[number];

const day = /* @__PURE__ */ lazy(() =>
  z
    .string()
    .check(
      z.regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'invalid_date' }),
      z.refine(isSupportedDay, { error: 'invalid_date' }),
    ),
);

/**
 * Query of GET /v1/staff/reports and /v1/staff/reports.xlsx. `at` names the period:
 * 2026-10 (month), 2026-Q4 (quarter), 2026 (year); a custom period takes `from` and `to`
 * (days in the association's time zone, both included). Unknown parameters are refused.
 */
export const reportQuery = /* @__PURE__ */ lazy(() =>
  z
    .strictObject({
      period: z.enum(REPORT_PERIODS, { error: 'invalid_choice' }),
      at: z.optional(
        z.string().check(
          z.regex(/^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$/, { error: 'invalid_date' }),
          z.refine((value) => isSupportedDay(`${value.slice(0, 4)}-01-01`), { error: 'invalid_date' }),
        ),
      ),
      from: z.optional(day),
      to: z.optional(day),
      kind: z.optional(z.enum(SUBMISSION_KINDS, { error: 'invalid_choice' })),
      /** Language of the XLSX headers and labels (the JSON answer carries keys). */
      lang: z.optional(z.enum(['ar', 'en'], { error: 'invalid_choice' })),
    })
    .check(
      z.superRefine((value, ctx) => {
        const shapes = { month: /^\d{4}-\d{2}$/, quarter: /^\d{4}-Q[1-4]$/, year: /^\d{4}$/ } as const;
        if (value.period === 'custom') {
          if (!value.from) ctx.issues.push({ code: 'custom', message: 'required', path: ['from'], input: value.from });
          if (!value.to) ctx.issues.push({ code: 'custom', message: 'required', path: ['to'], input: value.to });
          if (
            value.from &&
            value.to &&
            (value.to < value.from || Date.parse(value.to) - Date.parse(value.from) > 731 * 86_400_000)
          ) {
            ctx.issues.push({ code: 'custom', message: 'invalid_date', path: ['to'], input: value.to });
          }
          if (value.at) ctx.issues.push({ code: 'custom', message: 'invalid', path: ['at'], input: value.at });
        } else {
          if (!value.at || !shapes[value.period].test(value.at)) {
            ctx.issues.push({
              code: 'custom',
              message: value.at ? 'invalid_date' : 'required',
              path: ['at'],
              input: value.at,
            });
          }
          for (const key of ['from', 'to'] as const) {
            if (value[key]) ctx.issues.push({ code: 'custom', message: 'invalid', path: [key], input: value[key] });
          }
        }
      }),
    ),
);
export type ReportQuery = z.output<typeof reportQuery>;

/**
 * Query of GET /v1/staff/stats: the received date range and a kind (with a kind, the
 * ratings are those of that kind's submissions). Unknown parameters are refused.
 */
export const statsQuery = /* @__PURE__ */ lazy(() =>
  z.strictObject({
    ...staffStatsQuery.shape,
    kind: z.optional(z.enum(SUBMISSION_KINDS, { error: 'invalid_choice' })),
  }),
);
export type StatsQuery = z.output<typeof statsQuery>;

/**
 * Query of GET /v1/staff/export.csv: the inbox filters and `lang` (ar or en) for headers,
 * kinds, statuses, channels and categories in that language (without it: codes).
 */
export const csvExportQuery = /* @__PURE__ */ lazy(() =>
  z.strictObject({
    ...staffExportQuery.shape,
    lang: z.optional(z.enum(['ar', 'en'], { error: 'invalid_choice' })),
  }),
);

const labels = /* @__PURE__ */ lazy(() => z.object({ gregorian: z.string(), hijri: z.string() }));

export const reportPeriod = /* @__PURE__ */ lazy(() =>
  z.object({
    /** First and last day (both included), in the association's time zone. */
    from: z.string(),
    to: z.string(),
    /** The instants that bound it: start included, end excluded. */
    start: z.string(),
    end: z.string(),
    labels: z.object({ ar: labels, en: labels }),
  }),
);
export type ReportPeriod = z.output<typeof reportPeriod>;

const count = /* @__PURE__ */ lazy(() => z.object({ key: z.string(), count: z.number() }));
export type ReportCount = z.output<typeof count>;

const duration = /* @__PURE__ */ lazy(() =>
  z.object({
    /** Cases that reached this point. */
    count: z.number(),
    medianHours: z.nullable(z.number()),
    p90Hours: z.nullable(z.number()),
  }),
);

const deadline = /* @__PURE__ */ lazy(() =>
  z.object({
    /** Cases whose period has ended or that were answered/decided. */
    due: z.number(),
    /** Of these, answered/decided on or before their due date. */
    onTime: z.number(),
    percent: z.nullable(z.number()),
  }),
);

export { satisfaction, type Satisfaction };

export const periodSummary = /* @__PURE__ */ lazy(() =>
  z.object({
    period: reportPeriod,
    submissions: z.number(),
    byKind: z.array(count),
    visitors: z.number(),
    serviceCsatPercent: z.nullable(z.number()),
    firstResponseMedianHours: z.nullable(z.number()),
  }),
);
export type PeriodSummary = z.output<typeof periodSummary>;

export const report = /* @__PURE__ */ lazy(() =>
  z.object({
    period: reportPeriod,
    kind: z.optional(z.enum(SUBMISSION_KINDS)),
    generatedAt: z.string(),
    timeZone: z.string(),
    association: z.object({ ar: z.string(), en: z.string(), logoUrl: z.optional(z.string()) }),
    comparison: z.object({ previous: periodSummary, lastYear: periodSummary }),
    counts: z.object({
      total: z.number(),
      byKind: z.array(count),
      /** Complaint categories (complaints, suggestions, inquiries, compensation). */
      byCategory: z.array(count),
      /** Requested services (requests). */
      byService: z.array(count),
      byChannel: z.array(count),
      /** Where the period's submissions stand now. */
      byStatus: z.array(count),
      /** Submissions per day (YYYY-MM-DD). */
      byDay: z.array(count),
    }),
    actions: z.object({
      /** Status changes made by staff during the period, by the status they moved to. */
      statusChanges: z.number(),
      byStatus: z.array(count),
      referrals: z.number(),
      decisions: z.object({ accepted: z.number(), rejected: z.number() }),
    }),
    times: z.object({ firstResponse: duration, resolution: duration }),
    deadlines: z.object({ requestsDecided: deadline, complaintsAnswered: deadline }),
    overdue: z.object({
      total: z.number(),
      items: z.array(
        z.object({
          reference: z.string(),
          kind: z.enum(SUBMISSION_KINDS),
          topic: z.nullable(z.string()),
          status: z.string(),
          dueAt: z.string(),
          daysOverdue: z.number(),
        }),
      ),
    }),
    satisfaction: z.object({
      /** Ratings of a request or complaint (with a reference). */
      service: satisfaction,
      /** "Rate this page" ratings of the website (no reference), kept apart. */
      website: satisfaction,
      byMonth: z.array(z.object({ month: z.string(), service: satisfaction, website: satisfaction })),
      byKind: z.array(z.object({ key: z.string(), satisfaction })),
      byCategory: z.array(z.object({ key: z.string(), satisfaction })),
      /** The period's comments, newest first (no reference, no name). */
      comments: z.array(
        z.object({
          day: z.string(),
          source: z.enum(['service', 'website']),
          scale: z.string(),
          score: z.number(),
          kind: z.nullable(z.string()),
          topic: z.nullable(z.string()),
          comment: z.string(),
        }),
      ),
    }),
    visitors: z.object({ total: z.number(), byDay: z.array(count), byPurpose: z.array(count) }),
  }),
);
export type Report = z.output<typeof report>;

/** Body of POST /v1/staff/visitors: walk-ins on one day (the association's calendar). */
export const visitorEntryInput = /* @__PURE__ */ lazy(() =>
  z.strictObject({
    day,
    purpose: z.enum(VISIT_PURPOSES, { error: 'invalid_choice' }),
    count: z
      .number({ error: 'required' })
      .check(
        z.int({ error: 'invalid_number' }),
        z.minimum(1, { error: 'too_small' }),
        z.maximum(5000, { error: 'too_large' }),
      ),
  }),
);
export type VisitorEntryInput = z.output<typeof visitorEntryInput>;

export const visitorEntry = /* @__PURE__ */ lazy(() =>
  z.object({
    id: z.string(),
    day: z.string(),
    purpose: z.enum(VISIT_PURPOSES),
    count: z.number(),
    recordedBy: z.string(),
    recordedAt: z.string(),
  }),
);
export type VisitorEntry = z.output<typeof visitorEntry>;

/** Query of GET /v1/staff/visitors: a range of days (default: the last 7). */
export const visitorListQuery = /* @__PURE__ */ lazy(() =>
  z.strictObject({ from: z.optional(day), to: z.optional(day) }),
);

export const visitorList = /* @__PURE__ */ lazy(() =>
  z.object({ items: z.array(visitorEntry), byDay: z.array(count) }),
);
export type VisitorList = z.output<typeof visitorList>;
