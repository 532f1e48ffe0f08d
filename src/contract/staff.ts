/**
 * The staff API (bearer token): list, read and move submissions along, export and
 * statistics. Only the reference server and staff tools use these; no widget does.
 */
import * as z from 'zod/mini';
import { integer, optionalText } from './fields.js';
import { historyEntry } from './lookup.js';
import { STATUSES, status } from './status.js';

export const SUBMISSION_KINDS = ['request', 'complaint', 'suggestion', 'inquiry', 'compensation'] as const;
export type SubmissionKind = (typeof SUBMISSION_KINDS)[number];

/** A date (2025-01-31: a day in the association's time zone, Riyadh) or date-time (2025-01-31T12:00:00Z). A bare `to` date includes that whole day. */
const dateBound = z.string().check(
  z.maxLength(40, { error: 'too_long' }),
  z.regex(/^\d{4}-\d{2}-\d{2}([T ][0-9:.]+(Z|[+-]\d{2}:?\d{2})?)?$/, { error: 'invalid_date' }),
  z.refine((value) => !Number.isNaN(Date.parse(value)), { error: 'invalid_date' }),
);

/** Query string of GET /v1/staff/submissions and /v1/staff/export.csv. */
export const staffListQuery = z.object({
  kind: z.optional(z.enum(SUBMISSION_KINDS, { error: 'invalid_choice' })),
  status: z.optional(z.enum(STATUSES, { error: 'invalid_choice' })),
  from: z.optional(dateBound),
  to: z.optional(dateBound),
  /** Part of a reference number, with or without dashes. */
  q: z.optional(z.string().check(z.maxLength(40, { error: 'too_long' }))),
  page: z.optional(integer(1, 100_000)),
  pageSize: z.optional(integer(1, 100)),
});
export type StaffListQuery = z.output<typeof staffListQuery>;

/** Body of POST /v1/staff/submissions/:reference/status. */
export const staffStatusUpdate = z.object({
  status: z.enum(STATUSES, { error: 'invalid_choice' }),
  note: optionalText(2000),
  /** Show the note to the applicant in the status lookup (default: internal only). */
  notePublic: z.optional(z.boolean()),
});
export type StaffStatusUpdate = z.output<typeof staffStatusUpdate>;

export const staffHistoryEntry = z.object({
  ...historyEntry.shape,
  notePublic: z.boolean(),
  /** "applicant" for the submission itself, "staff" for updates. */
  actor: z.string(),
});

export const staffSubmissionSummary = z.object({
  reference: z.string(),
  kind: z.enum(SUBMISSION_KINDS),
  status,
  channel: z.string(),
  receivedAt: z.string(),
  updatedAt: z.string(),
  expectedDecisionBy: z.optional(z.string()),
  /** A request still open after its review period (or a complaint after its answer period). */
  overdue: z.boolean(),
  /** The applicant's or sender's name (absent for anonymous suggestions). */
  name: z.optional(z.string()),
  /** Service id (requests) or category id (complaints). */
  topic: z.optional(z.string()),
  rated: z.boolean(),
});
export type StaffSubmissionSummary = z.output<typeof staffSubmissionSummary>;

export const staffSubmissionList = z.object({
  items: z.array(staffSubmissionSummary),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
export type StaffSubmissionList = z.output<typeof staffSubmissionList>;

const acceptanceRecord = z.object({ accepted: z.boolean(), version: z.string(), acceptedAt: z.string() });

export const staffSubmissionDetail = z.object({
  ...staffSubmissionSummary.shape,
  /** The validated submission, personal data included. */
  payload: z.record(z.string(), z.unknown()),
  declaration: z.optional(acceptanceRecord),
  consent: z.optional(acceptanceRecord),
  locale: z.optional(z.string()),
  history: z.array(staffHistoryEntry),
  attachments: z.array(
    z.object({ id: z.string(), kind: z.string(), mediaType: z.string(), size: z.number(), sha256: z.string() }),
  ),
  rating: z.optional(
    z.object({ id: z.string(), scale: z.string(), score: z.number(), comment: z.optional(z.string()), createdAt: z.string() }),
  ),
});
export type StaffSubmissionDetail = z.output<typeof staffSubmissionDetail>;

/** Query string of GET /v1/staff/stats (received date range). */
export const staffStatsQuery = z.object({ from: z.optional(dateBound), to: z.optional(dateBound) });

export const staffStats = z.object({
  total: z.number(),
  byKind: z.record(z.string(), z.number()),
  byStatus: z.record(z.string(), z.number()),
  /** Submissions per month (YYYY-MM, Riyadh time), oldest first. */
  byMonth: z.array(z.object({ month: z.string(), count: z.number() })),
  /** Requests not in a final status past their expected decision date. */
  overdueRequests: z.number(),
  ratings: z.object({
    /** Share of CSAT answers of 4 or 5, in %. */
    csat: z.object({ count: z.number(), satisfiedPercent: z.nullable(z.number()) }),
    /** Promoters (9–10) minus detractors (0–6), in % of answers (−100…100). */
    nps: z.object({
      count: z.number(),
      promoters: z.number(),
      passives: z.number(),
      detractors: z.number(),
      score: z.nullable(z.number()),
    }),
    /** Customer effort, average of 1–7. */
    ces: z.object({ count: z.number(), average: z.nullable(z.number()) }),
  }),
});
export type StaffStats = z.output<typeof staffStats>;
