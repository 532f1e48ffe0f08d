/**
 * The complaint form's payload: complaint, suggestion, inquiry or compensation claim.
 * Composed from parts so the widget can validate a section and the server the whole.
 */
import * as z from 'zod/mini';
import { lazy } from './lazy.js';
import {
  acceptance,
  channel,
  choiceId,
  clientMeta,
  optionalEmail,
  optionalReference,
  personName,
  saudiMobile,
  textWithin,
} from './fields.js';
import { COMPLAINT_SUBJECT, DESCRIPTION } from './limits.js';
import { COMPLAINT_KINDS } from './kinds.js';
import type { complaintCreated } from './answers.js';

export { COMPLAINT_KINDS };
export { complaintCreated } from './answers.js';
export type ComplaintKind = (typeof COMPLAINT_KINDS)[number];

/** Only a suggestion may be sent anonymously: the others need someone to answer. */
export const ANONYMOUS_KINDS: readonly ComplaintKind[] = ['suggestion'];

export const CONTACT_CHANNELS = ['phone', 'email'] as const;

export const contactPart = /* @__PURE__ */ lazy(() =>
  z.object({
    name: personName,
    mobile: saudiMobile,
    email: optionalEmail,
  }),
);

export const complaintDetailsPart = /* @__PURE__ */ lazy(() =>
  z.object({
    kind: z.enum(COMPLAINT_KINDS, { error: 'invalid_choice' }),
    category: choiceId,
    subject: textWithin(COMPLAINT_SUBJECT),
    description: textWithin(DESCRIPTION),
    relatedReference: optionalReference,
  }),
);

export const complaintContactPart = /* @__PURE__ */ lazy(() =>
  z.object({
    anonymous: z.optional(z.boolean()),
    contactChannel: z.optional(z.enum(CONTACT_CHANNELS, { error: 'invalid_choice' })),
    contact: z.optional(contactPart),
  }),
);

export const complaintSchema = /* @__PURE__ */ lazy(() =>
  z
    .object({
      ...complaintDetailsPart.shape,
      ...complaintContactPart.shape,
      /** The privacy notice (PDPL) the sender agreed to. */
      consent: acceptance,
      channel: z.optional(channel),
      client: z.optional(clientMeta),
    })
    .check(
      z.superRefine((value, ctx) => {
        if (value.anonymous) {
          if (!ANONYMOUS_KINDS.includes(value.kind)) {
            ctx.issues.push({
              code: 'custom',
              message: 'anonymous_not_allowed',
              path: ['anonymous'],
              input: value.anonymous,
            });
          }
          return;
        }
        if (!value.contact) {
          for (const field of ['name', 'mobile'] as const) {
            ctx.issues.push({ code: 'custom', message: 'required', path: ['contact', field], input: undefined });
          }
        } else if (value.contactChannel === 'email' && !value.contact.email) {
          ctx.issues.push({ code: 'custom', message: 'required', path: ['contact', 'email'], input: undefined });
        }
      }),
    ),
);

export type ComplaintInput = z.input<typeof complaintSchema>;
export type Complaint = z.output<typeof complaintSchema>;

export type ComplaintCreated = z.output<typeof complaintCreated>;
