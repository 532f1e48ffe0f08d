/**
 * The staff API's cases: list, read and move submissions along (docs/staff-side.md),
 * export and statistics. Only the reference server and the staff console use these.
 */
import * as z from 'zod/mini';
import { lazy } from './lazy.js';
import { isSupportedDayOrInstant } from './dates.js';
import { CHANNELS, integer, optionalText, text } from './fields.js';
import { problemSchema } from './problem.js';
import { messageFigures } from './notifications.js';
import { STATUSES, status } from './status.js';

export const SUBMISSION_KINDS = ['request', 'complaint', 'suggestion', 'inquiry', 'compensation'] as const;
export type SubmissionKind = (typeof SUBMISSION_KINDS)[number];

/** A date (2025-01-31: a day in the association's time zone, Riyadh) or date-time (2025-01-31T12:00:00Z). A bare `to` date includes that whole day. */
const dateBound = /* @__PURE__ */ lazy(() =>
  z
    .string()
    .check(
      z.maxLength(40, { error: 'too_long' }),
      z.regex(/^\d{4}-\d{2}-\d{2}([T ][0-9:.]+(Z|[+-]\d{2}:?\d{2})?)?$/, { error: 'invalid_date' }),
      z.refine(isSupportedDayOrInstant, { error: 'invalid_date' }),
    ),
);

/** Channels an officer records at intake (the website is the public forms'). */
export const INTAKE_CHANNELS = ['walk_in', 'phone', 'email', 'social', 'letter'] as const;

const flag = /* @__PURE__ */ lazy(() =>
  z.pipe(
    z.enum(['true', 'false'], { error: 'invalid_choice' }),
    z.transform((value) => value === 'true'),
  ),
);

/** Case list order: newest first (default), oldest first, or soonest due first. */
export const STAFF_SORTS = ['-received', 'received', 'due'] as const;
export type StaffSort = (typeof STAFF_SORTS)[number];

/** The filters the inbox and the CSV export share (a function: built with each schema that uses it). */
const filterShape = () => ({
  kind: z.optional(z.enum(SUBMISSION_KINDS, { error: 'invalid_choice' })),
  status: z.optional(z.enum(STATUSES, { error: 'invalid_choice' })),
  channel: z.optional(z.enum(CHANNELS, { error: 'invalid_choice' })),
  from: z.optional(dateBound),
  to: z.optional(dateBound),
  /**
   * A reference (part, with or without dashes), a name (part, Arabic-normalized), an exact
   * mobile or an exact national ID.
   */
  q: z.optional(z.string().check(z.trim(), z.maxLength(100, { error: 'too_long' }))),
  /** Open cases past their due date. */
  overdue: z.optional(flag),
  /** Open cases due within the next 2 days. */
  dueSoon: z.optional(flag),
});

/** Query string of GET /v1/staff/export.csv: the filters, nothing else (unknown → 400). */
export const staffExportQuery = /* @__PURE__ */ lazy(() => z.strictObject(filterShape()));
export type StaffExportQuery = z.output<typeof staffExportQuery>;

/** Query string of GET /v1/staff/submissions: filters, sort and a keyset cursor (unknown → 400). */
export const staffListQuery = /* @__PURE__ */ lazy(() =>
  z.strictObject({
    ...filterShape(),
    /** me, none, or an account id. */
    assignee: z.optional(z.string().check(z.regex(/^(me|none|[A-Za-z0-9_-]{1,64})$/, { error: 'invalid_choice' }))),
    sort: z.optional(z.enum(STAFF_SORTS, { error: 'invalid_choice' })),
    /** nextCursor of the previous page, unchanged. */
    cursor: z.optional(z.string().check(z.regex(/^[A-Za-z0-9_-]{1,300}$/, { error: 'invalid' }))),
    limit: z.optional(integer(1, 100)),
  }),
);
export type StaffListQuery = z.output<typeof staffListQuery>;

/** Every change sends the case version it saw (409 version_conflict when it moved on). */
const version = /* @__PURE__ */ lazy(() =>
  z.number({ error: 'required' }).check(z.int({ error: 'invalid_number' }), z.gte(1, { error: 'too_small' })),
);

/** Body of POST /v1/staff/submissions/:reference/status. */
export const staffStatusUpdate = /* @__PURE__ */ lazy(() =>
  z.object({
    status: z.enum(STATUSES, { error: 'invalid_choice' }),
    /** Required (and public) for rejected and needs_info: the reason or the question. */
    note: optionalText(2000),
    /** Show the note to the applicant in the status lookup (default: internal only). */
    notePublic: z.optional(z.boolean()),
    version,
  }),
);
export type StaffStatusUpdate = z.output<typeof staffStatusUpdate>;

/** Body of POST …/notes: internal unless `public` is true. */
export const staffNoteBody = /* @__PURE__ */ lazy(() =>
  z.object({ text: text(1, 2000), public: z.optional(z.boolean()), version }),
);
export type StaffNoteBody = z.output<typeof staffNoteBody>;

/** Body of POST …/assign: an account id, or null to unassign. */
export const staffAssignBody = /* @__PURE__ */ lazy(() =>
  z.object({
    assigneeId: z.nullable(z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, { error: 'invalid_choice' }))),
    version,
  }),
);
export type StaffAssignBody = z.output<typeof staffAssignBody>;

/** Body of POST …/refer (→ referred): an internal note for the committee, optional. */
export const staffReferBody = /* @__PURE__ */ lazy(() => z.object({ note: optionalText(2000), version }));
export type StaffReferBody = z.output<typeof staffReferBody>;

export const DECISIONS = ['accepted', 'rejected'] as const;

/** Body of POST …/decision (committee): the reason stays internal, the public note reaches the applicant. */
export const staffDecisionBody = /* @__PURE__ */ lazy(() =>
  z
    .object({
      decision: z.enum(DECISIONS, { error: 'invalid_choice' }),
      reason: text(2, 2000),
      publicNote: optionalText(2000),
      version,
    })
    .check(
      z.superRefine((value, ctx) => {
        if (value.decision === 'rejected' && !value.publicNote) {
          ctx.issues.push({ code: 'custom', message: 'required', path: ['publicNote'], input: value.publicNote });
        }
      }),
    ),
);
export type StaffDecisionBody = z.output<typeof staffDecisionBody>;

/** Body of POST /v1/staff/intake (officer): the payload is checked with the public form's schema. */
export const staffIntakeBody = /* @__PURE__ */ lazy(() =>
  z.object({
    kind: z.enum(SUBMISSION_KINDS, { error: 'invalid_choice' }),
    channel: z.enum(INTAKE_CHANNELS, { error: 'invalid_choice' }),
    payload: z.record(z.string(), z.unknown()),
  }),
);

export const staffIntakeCreated = /* @__PURE__ */ lazy(() =>
  z.object({
    reference: z.string(),
    kind: z.enum(SUBMISSION_KINDS),
    receivedAt: z.string(),
    dueAt: z.optional(z.string()),
    /**
     * How the applicant follows the case up in the status lookup: with the last 4 digits
     * of the mobile they gave, or (no mobile: anonymous suggestion) with `verifier`,
     * which must be handed to them now: it is not stored.
     */
    verifierHint: z.enum(['mobile_last4', 'code']),
    verifier: z.optional(z.string()),
  }),
);
export type StaffIntakeCreated = z.output<typeof staffIntakeCreated>;

const staffPerson = /* @__PURE__ */ lazy(() => z.object({ id: z.string(), name: z.string() }));

export const staffSubmissionSummary = /* @__PURE__ */ lazy(() =>
  z.object({
    reference: z.string(),
    kind: z.enum(SUBMISSION_KINDS),
    status,
    channel: z.string(),
    receivedAt: z.string(),
    updatedAt: z.string(),
    /** Requests: the committee's decision date; complaints: the promised answer date. */
    dueAt: z.optional(z.string()),
    /** Open past dueAt. */
    overdue: z.boolean(),
    /** Open and due within 2 days. */
    dueSoon: z.boolean(),
    /** The applicant's or sender's name (absent for anonymous suggestions). */
    name: z.optional(z.string()),
    /** Service id (requests) or category id (complaints). */
    topic: z.optional(z.string()),
    rated: z.boolean(),
    assignee: z.nullable(staffPerson),
    version: z.number(),
  }),
);
export type StaffSubmissionSummary = z.output<typeof staffSubmissionSummary>;

export const staffSubmissionList = /* @__PURE__ */ lazy(() =>
  z.object({
    items: z.array(staffSubmissionSummary),
    /** Pass as `cursor` for the next page; absent on the last page. */
    nextCursor: z.optional(z.string()),
  }),
);
export type StaffSubmissionList = z.output<typeof staffSubmissionList>;

/** Tab counts; counting stops past `limit` (a value above it reads "more than limit"). */
export const staffCaseCounts = /* @__PURE__ */ lazy(() =>
  z.object({
    mine: z.number(),
    unassigned: z.number(),
    committee: z.number(),
    overdue: z.number(),
    dueSoon: z.number(),
    limit: z.number(),
  }),
);
export type StaffCaseCounts = z.output<typeof staffCaseCounts>;

const acceptanceRecord = /* @__PURE__ */ lazy(() =>
  z.object({ accepted: z.boolean(), version: z.string(), acceptedAt: z.string() }),
);

export const TIMELINE_TYPES = ['status', 'note', 'assign', 'reply'] as const;

/** One entry of the staff timeline: status changes, notes and assignments, oldest first. */
export const staffTimelineEntry = /* @__PURE__ */ lazy(() =>
  z.object({
    type: z.enum(TIMELINE_TYPES),
    /** The status the case had after this entry. */
    status,
    at: z.string(),
    note: z.optional(z.string()),
    /** The applicant sees this note in the status lookup. */
    public: z.boolean(),
    /** Who acted: "applicant", an account's name, or "api-token". */
    actor: z.string(),
    /** For type "assign": the new assignee (null: unassigned). */
    assignee: z.optional(z.nullable(staffPerson)),
    /** The case version this entry produced. */
    version: z.number(),
    /** For type "reply": the documents the applicant sent with the answer (see `attachments`). */
    attachments: z.optional(z.array(z.object({ id: z.string(), kind: z.string(), size: z.number() }))),
  }),
);
export type StaffTimelineEntry = z.output<typeof staffTimelineEntry>;

export const staffDecision = /* @__PURE__ */ lazy(() =>
  z.object({
    decision: z.enum(DECISIONS),
    reason: z.string(),
    publicNote: z.optional(z.string()),
    by: staffPerson,
    at: z.string(),
  }),
);

export const staffAllowedActions = /* @__PURE__ */ lazy(() =>
  z.object({
    status: z.array(status),
    note: z.boolean(),
    assign: z.boolean(),
    refer: z.boolean(),
    decision: z.boolean(),
    /** Attachments can be downloaded (else only listed). */
    download: z.boolean(),
  }),
);

export const staffSubmissionDetail = /* @__PURE__ */ lazy(() =>
  z.object({
    ...staffSubmissionSummary.shape,
    /**
     * The validated submission, shaped for the caller's role: the national ID masked to its
     * last 4 digits for officers and managers, mobile and e-mail masked for managers,
     * household and income left out except for the committee and the token.
     */
    payload: z.record(z.string(), z.unknown()),
    /** Payload paths masked or left out for this role (e.g. "applicant.nationalId", "household"). */
    redacted: z.array(z.string()),
    declaration: z.optional(acceptanceRecord),
    consent: z.optional(acceptanceRecord),
    locale: z.optional(z.string()),
    referredAt: z.optional(z.string()),
    decision: z.optional(staffDecision),
    timeline: z.array(staffTimelineEntry),
    attachments: z.array(
      z.object({ id: z.string(), kind: z.string(), mediaType: z.string(), size: z.number(), sha256: z.string() }),
    ),
    rating: z.optional(
      z.object({
        id: z.string(),
        scale: z.string(),
        score: z.number(),
        comment: z.optional(z.string()),
        createdAt: z.string(),
      }),
    ),
    allowedActions: staffAllowedActions,
  }),
);
export type StaffSubmissionDetail = z.output<typeof staffSubmissionDetail>;

/** 409 version_conflict: the case as it is now and the entries added since the version sent. */
export const staffVersionConflict = /* @__PURE__ */ lazy(() =>
  z.object({
    ...problemSchema.shape,
    current: staffSubmissionDetail,
    changes: z.array(staffTimelineEntry),
  }),
);

/** Satisfaction figures of a period: the stats' ratings and every report's (#16). */
export const satisfaction = /* @__PURE__ */ lazy(() =>
  z.object({
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
    /** Customer effort, average of 1–7 (lower is easier). */
    ces: z.object({ count: z.number(), average: z.nullable(z.number()) }),
  }),
);
export type Satisfaction = z.output<typeof satisfaction>;

/** Query string of GET /v1/staff/stats (received date range). */
export const staffStatsQuery = /* @__PURE__ */ lazy(() =>
  z.object({ from: z.optional(dateBound), to: z.optional(dateBound) }),
);

export const staffStats = /* @__PURE__ */ lazy(() =>
  z.object({
    total: z.number(),
    byKind: z.record(z.string(), z.number()),
    byStatus: z.record(z.string(), z.number()),
    /** Submissions per month (YYYY-MM, Riyadh time), oldest first. */
    byMonth: z.array(z.object({ month: z.string(), count: z.number() })),
    /** Requests not in a final status past their expected decision date. */
    overdueRequests: z.number(),
    ratings: satisfaction,
    /** Messages to applicants created in the period (#15): sent, failed, not configured… */
    messages: z.optional(messageFigures),
  }),
);
export type StaffStats = z.output<typeof staffStats>;
