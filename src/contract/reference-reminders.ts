/**
 * "I lost my reference number": POST /v1/reference-reminders with the mobile or the
 * e-mail given in the form (one of them). The answer is the same whether or not
 * anything matched; the references go only to that mobile or mailbox, never into the
 * answer.
 */
import * as z from 'zod/mini';
import { lazy } from './lazy.js';
import { clientMeta, locale, optionalEmail, saudiMobile } from './fields.js';

export const referenceReminderSchema = /* @__PURE__ */ lazy(() =>
  z
    .object({
      mobile: z.optional(saudiMobile),
      email: optionalEmail,
      locale: z.optional(locale),
      client: z.optional(clientMeta),
    })
    .check(
      z.superRefine((value, ctx) => {
        if (!value.mobile && !value.email)
          ctx.issues.push({ code: 'custom', message: 'required', path: ['mobile'], input: undefined });
      }),
    ),
);
export type ReferenceReminderInput = z.input<typeof referenceReminderSchema>;
export type ReferenceReminder = z.output<typeof referenceReminderSchema>;

/** 202: accepted for sending if anything matches; says nothing about whether it did. */
export const referenceReminderAccepted = /* @__PURE__ */ lazy(() => z.object({ accepted: z.literal(true) }));
export type ReferenceReminderAccepted = z.output<typeof referenceReminderAccepted>;
