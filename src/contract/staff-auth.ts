/**
 * Staff accounts, sign-in sessions, settings and the audit log (docs/staff-side.md).
 * Only the reference server and the staff console use these; no public widget does.
 */
import * as z from 'zod/mini';
import { lazy } from './lazy.js';
import { isSupportedDayOrInstant } from './dates.js';
import { email, integer, personName } from './fields.js';

/** One role per account, least privilege first. */
export const STAFF_ROLES = ['officer', 'committee', 'manager', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];
export const staffRole = /* @__PURE__ */ lazy(() => z.enum(STAFF_ROLES, { error: 'invalid_choice' }));

/** Shortest password an account may set (a temporary one is longer and random). */
export const PASSWORD_MIN_LENGTH = 12;
const PASSWORD_MAX_LENGTH = 200;

/** A password as typed: never trimmed (spaces count), bounded so hashing stays cheap. */
const passwordInput = /* @__PURE__ */ lazy(() =>
  z
    .string({ error: 'required' })
    .check(z.minLength(1, { error: 'required' }), z.maxLength(PASSWORD_MAX_LENGTH, { error: 'too_long' })),
);
const newPassword = /* @__PURE__ */ lazy(() =>
  z
    .string({ error: 'required' })
    .check(
      z.minLength(1, { error: 'required' }),
      z.minLength(PASSWORD_MIN_LENGTH, { error: 'too_short' }),
      z.maxLength(PASSWORD_MAX_LENGTH, { error: 'too_long' }),
    ),
);
/** A 6-digit code from an authenticator app (spaces allowed, as apps show "123 456"). */
const totpCode = /* @__PURE__ */ lazy(() =>
  z.string({ error: 'required' }).check(z.trim(), z.regex(/^\d{3}\s?\d{3}$/, { error: 'invalid' })),
);
const staffEmail = /* @__PURE__ */ lazy(() => email.check(z.maxLength(254, { error: 'too_long' })));

/** Body of POST /v1/staff/session. */
export const signInBody = /* @__PURE__ */ lazy(() =>
  z.object({
    email: z
      .string({ error: 'required' })
      .check(z.trim(), z.minLength(1, { error: 'required' }), z.maxLength(254, { error: 'too_long' })),
    password: passwordInput,
    /** Required when the account has TOTP or the association requires it. */
    totp: z.optional(totpCode),
  }),
);
export type SignInBody = z.output<typeof signInBody>;

/** The signed-in account as the console sees it. */
export const staffAccount = /* @__PURE__ */ lazy(() =>
  z.object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    role: staffRole,
    totpEnabled: z.boolean(),
    /** A temporary password: only POST /v1/staff/me/password works until it is changed. */
    mustChangePassword: z.boolean(),
  }),
);
export type StaffAccount = z.output<typeof staffAccount>;

/** Answer of POST and GET /v1/staff/session. */
export const staffSession = /* @__PURE__ */ lazy(() =>
  z.object({
    account: staffAccount,
    /** Send as X-CSRF-Token with every state-changing request made with the cookie. */
    csrfToken: z.string(),
    idleExpiresAt: z.string(),
    absoluteExpiresAt: z.string(),
    /** The association requires TOTP and this account has none yet: enrol before anything else. */
    totpEnrollmentRequired: z.boolean(),
  }),
);
export type StaffSession = z.output<typeof staffSession>;

/** Body of POST /v1/staff/me/password. */
export const passwordChangeBody = /* @__PURE__ */ lazy(() => z.object({ current: passwordInput, next: newPassword }));

/** Answer of POST /v1/staff/me/totp (enrolment starts; confirm with a code). */
export const totpEnrollment = /* @__PURE__ */ lazy(() => z.object({ secret: z.string(), otpauthUrl: z.string() }));
export const totpConfirmBody = /* @__PURE__ */ lazy(() => z.object({ code: totpCode }));

/** An account in the admin's list. */
export const staffAccountListItem = /* @__PURE__ */ lazy(() =>
  z.object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    role: staffRole,
    active: z.boolean(),
    totpEnabled: z.boolean(),
    createdAt: z.string(),
    lastSignInAt: z.nullable(z.string()),
  }),
);
export type StaffAccountListItem = z.output<typeof staffAccountListItem>;
export const staffAccountList = /* @__PURE__ */ lazy(() => z.object({ items: z.array(staffAccountListItem) }));

/** Body of POST /v1/staff/accounts. */
export const accountCreateBody = /* @__PURE__ */ lazy(() =>
  z.object({ name: personName, email: staffEmail, role: staffRole }),
);
/** Answer of POST /v1/staff/accounts: the temporary password is shown this once. */
export const accountCreated = /* @__PURE__ */ lazy(() =>
  z.object({ account: staffAccountListItem, temporaryPassword: z.string() }),
);

/** Body of PATCH /v1/staff/accounts/:id (at least one field). */
export const accountUpdateBody = /* @__PURE__ */ lazy(() =>
  z.object({
    name: z.optional(personName),
    role: z.optional(staffRole),
    active: z.optional(z.boolean({ error: 'invalid' })),
  }),
);
export const temporaryPasswordAnswer = /* @__PURE__ */ lazy(() => z.object({ temporaryPassword: z.string() }));

/** GET /v1/staff/accounts/assignable: who a case can be assigned to. */
export const assignableAccounts = /* @__PURE__ */ lazy(() =>
  z.array(z.object({ id: z.string(), name: z.string(), role: staffRole })),
);

/** The association's staff settings (GET, and PATCH with any subset). */
export const staffSettings = /* @__PURE__ */ lazy(() =>
  z.object({
    /** Every account must sign in with a TOTP code. */
    requireTotp: z.boolean(),
  }),
);
export type StaffSettings = z.output<typeof staffSettings>;
export const staffSettingsUpdate = /* @__PURE__ */ lazy(() =>
  z.object({ requireTotp: z.optional(z.boolean({ error: 'invalid' })) }),
);

/** What the audit log records, one row per action (docs/staff-side.md). */
export const AUDIT_ACTIONS = [
  'session.sign_in',
  'session.sign_in_failed',
  'session.sign_out',
  'case.view',
  'case.attachment',
  'case.intake',
  'case.status',
  'case.note',
  'case.assign',
  'case.refer',
  'case.decision',
  'case.export',
  'account.create',
  'account.update',
  'account.reset_password',
  'account.password',
  'account.totp',
  'settings.update',
  'audit.view',
  'audit.export',
  /** Personal data rights (docs/staff-side.md): a person searched, exported, corrected, erased. */
  'privacy.search',
  'privacy.export',
  'privacy.correct',
  'privacy.erase',
  /** The retention rules applied by the daily job (actor: system). */
  'retention.anonymise',
  'retention.attachments',
  'report.view',
  'report.export',
  'visitors.record',
  'message.resend',
  /** The applicant answered "information needed" (status lookup). */
  'case.reply',
  /** Someone asked for their reference numbers by mobile or e-mail. */
  'reference.reminder',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** A date or date-time bound of the audit filters. */
const auditBound = /* @__PURE__ */ lazy(() =>
  z
    .string()
    .check(
      z.maxLength(40, { error: 'too_long' }),
      z.regex(/^\d{4}-\d{2}-\d{2}([T ][0-9:.]+(Z|[+-]\d{2}:?\d{2})?)?$/, { error: 'invalid_date' }),
      z.refine(isSupportedDayOrInstant, { error: 'invalid_date' }),
    ),
);

/** Query of GET /v1/staff/audit and /v1/staff/audit.csv; unknown parameters are refused. */
export const auditQuery = /* @__PURE__ */ lazy(() =>
  z.strictObject({
    /** Inclusive; a bare date is that day's start in Riyadh. */
    from: z.optional(auditBound),
    /** A bare date includes that whole day (Riyadh). */
    to: z.optional(auditBound),
    /** An account id, or "api-token". */
    actor: z.optional(z.string().check(z.maxLength(100, { error: 'too_long' }))),
    action: z.optional(z.enum(AUDIT_ACTIONS, { error: 'invalid_choice' })),
    target: z.optional(z.string().check(z.maxLength(200, { error: 'too_long' }))),
    /** nextCursor of the previous page. */
    cursor: z.optional(z.string().check(z.regex(/^[1-9]\d{0,17}$/, { error: 'invalid' }))),
    limit: z.optional(integer(1, 200)),
  }),
);
export type AuditQuery = z.output<typeof auditQuery>;

export const auditEntry = /* @__PURE__ */ lazy(() =>
  z.object({
    id: z.string(),
    at: z.string(),
    actorId: z.nullable(z.string()),
    actorLabel: z.string(),
    actorRole: z.nullable(z.string()),
    action: z.string(),
    target: z.nullable(z.string()),
    ip: z.string(),
    details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  }),
);
export const auditPage = /* @__PURE__ */ lazy(() =>
  z.object({ items: z.array(auditEntry), nextCursor: z.nullable(z.string()) }),
);
export type AuditPage = z.output<typeof auditPage>;
