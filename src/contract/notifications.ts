/**
 * Notifications (#15): the message templates an association may override in its
 * configuration file (key "notifications"), and the staff API's view of a case's messages.
 */
import * as z from 'zod/mini';
import { lazy } from './lazy.js';

/** `reminder`: the person asked for their reference numbers (POST /v1/reference-reminders). */
export const NOTIFICATION_EVENTS = ['received', 'status', 'needs_info', 'decision', 'closed', 'reminder'] as const;
export type NotificationEvent = (typeof NOTIFICATION_EVENTS)[number];

/** The only placeholders a template may use; anything else in braces is refused at start. */
export const PLACEHOLDERS = [
  'reference',
  'kind',
  'status',
  'note',
  'date',
  'dueDate',
  'statusUrl',
  'association',
  'name',
] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

const PLACEHOLDER_PATTERN = /\{([^{}]*)\}/g;

/** The names in braces that are not placeholders ("{nationalId}", "{ reference }"). */
export function unknownPlaceholders(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER_PATTERN)]
    .map((match) => match[1] ?? '')
    .filter((name) => !(PLACEHOLDERS as readonly string[]).includes(name));
}

const templateText = (max: number) =>
  z.string().check(
    z.minLength(1, { error: 'required' }),
    z.maxLength(max, { error: 'too_long' }),
    z.refine((value) => unknownPlaceholders(value).length === 0, { error: 'unknown_placeholder' }),
  );

/** One event's texts in one language. E-mail bodies are plain text; the HTML part is built from it. */
export const messageTemplate = /* @__PURE__ */ lazy(() =>
  z.object({
    subject: templateText(200),
    email: templateText(4000),
    sms: templateText(700),
  }),
);
export type MessageTemplate = z.output<typeof messageTemplate>;

const localizedTemplate = /* @__PURE__ */ lazy(() =>
  z.object({ ar: z.optional(messageTemplate), en: z.optional(messageTemplate) }),
);

/** The "notifications" key of the association configuration file; every part optional. */
export const notificationSettingsSchema = /* @__PURE__ */ lazy(() =>
  z.object({
    templates: z.optional(z.partialRecord(z.enum(NOTIFICATION_EVENTS), localizedTemplate)),
  }),
);
export type NotificationSettings = z.output<typeof notificationSettingsSchema>;

export const MESSAGE_STATES = ['queued', 'sending', 'sent', 'failed', 'not_configured'] as const;
export type MessageState = (typeof MESSAGE_STATES)[number];

/** One message of GET /v1/staff/submissions/:reference/messages (never its text or full address). */
export const staffMessage = /* @__PURE__ */ lazy(() =>
  z.object({
    id: z.string(),
    event: z.enum(NOTIFICATION_EVENTS),
    channel: z.enum(['email', 'sms']),
    state: z.enum(MESSAGE_STATES),
    attempts: z.number(),
    /** The provider's answer when it failed, or "not sent: no channel configured". */
    lastError: z.optional(z.string()),
    /** The provider's id for a sent message. */
    providerId: z.optional(z.string()),
    createdAt: z.string(),
    updatedAt: z.string(),
    sentAt: z.optional(z.string()),
    nextAttemptAt: z.optional(z.string()),
    /** Set on a copy made by the resend action: the message it repeats. */
    resendOf: z.optional(z.string()),
  }),
);
export type StaffMessage = z.output<typeof staffMessage>;

export const staffMessageList = /* @__PURE__ */ lazy(() => z.object({ items: z.array(staffMessage) }));
export type StaffMessageList = z.output<typeof staffMessageList>;

/** The messages figures of GET /v1/staff/stats (created in the period): how many, by state and channel. */
export const messageFigures = /* @__PURE__ */ lazy(() =>
  z.object({
    total: z.number(),
    byState: z.record(z.string(), z.number()),
    byChannel: z.record(z.string(), z.number()),
  }),
);
export type MessageFigures = z.output<typeof messageFigures>;

/** GET / PUT /v1/staff/me/notifications: the notices a staff account asked for (by e-mail). */
export const staffNoticeSettings = /* @__PURE__ */ lazy(() =>
  z.strictObject({
    /** A daily digest of new cases (from 07:00 Riyadh time). */
    dailyDigest: z.boolean({ error: 'invalid' }),
    /** A warning when a case the account works on is due within two days. */
    dueWarnings: z.boolean({ error: 'invalid' }),
  }),
);
export type StaffNoticeSettings = z.output<typeof staffNoticeSettings>;
