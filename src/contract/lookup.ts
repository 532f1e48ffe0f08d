/** Status lookup: a reference number plus a verifier, never the reference alone. */
import * as z from 'zod/mini';
import { lazy } from './lazy.js';
import { normalizeDigits } from './digits.js';
import { reference } from './fields.js';
import { VERIFIER_MAX_LENGTH } from './limits.js';
import { status } from './status.js';

export const lookupSchema = /* @__PURE__ */ lazy(() =>
  z.object({
    reference,
    /** The last 4 digits of the mobile used, or the code given to an anonymous sender. */
    verifier: z.pipe(
      /* @__PURE__ */ z
        .string({ error: 'required' })
        .check(
          z.trim(),
          z.minLength(1, { error: 'required' }),
          z.maxLength(VERIFIER_MAX_LENGTH, { error: 'too_long' }),
        ),
      z.transform((value) => normalizeDigits(value).replace(/[\s-]/g, '').toUpperCase()),
    ),
  }),
);
export type LookupInput = z.input<typeof lookupSchema>;

export const historyEntry = /* @__PURE__ */ lazy(() =>
  z.object({
    status,
    at: z.string(),
    /** A note staff chose to make public; shown as text, never as HTML. */
    note: z.optional(z.string()),
  }),
);

export const lookupResult = /* @__PURE__ */ lazy(() =>
  z.object({
    reference: z.string(),
    kind: z.enum(['request', 'complaint', 'suggestion', 'inquiry', 'compensation']),
    status,
    receivedAt: z.string(),
    updatedAt: z.string(),
    history: z.array(historyEntry),
    expectedDecisionBy: z.optional(z.string()),
    /** e.g. "م*** ا***" — enough to recognise one's own request, nothing more. */
    maskedName: z.optional(z.string()),
    rated: z.optional(z.boolean()),
    /** Proof for rating this reference (<sila-rating rating-token>), in place of the verifier. */
    ratingToken: z.optional(z.string()),
  }),
);
export type LookupResult = z.output<typeof lookupResult>;
