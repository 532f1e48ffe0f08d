/** Satisfaction ratings: CSAT 1–5, NPS 0–10, CES 1–7. */
import * as z from 'zod/mini';
import { lazy } from './lazy.js';
import { normalizeDigits } from './digits.js';
import { clientMeta, optionalReference, optionalText } from './fields.js';
import {
  RATING_COMMENT_MAX_LENGTH,
  RATING_CONTEXT_MAX_LENGTH,
  RATING_TOKEN_MAX_LENGTH,
  VERIFIER_MAX_LENGTH,
} from './limits.js';

export const RATING_SCALES = { csat: [1, 5], nps: [0, 10], ces: [1, 7] } as const;
export type RatingScale = keyof typeof RATING_SCALES;

export const ratingSchema = /* @__PURE__ */ lazy(() =>
  z
    .object({
      scale: z.enum(['csat', 'nps', 'ces'], { error: 'invalid_choice' }),
      score: /* @__PURE__ */ z.number({ error: 'required' }).check(z.int({ error: 'invalid_number' })),
      /** A request or complaint being rated (one rating per reference). */
      reference: optionalReference,
      /** Without a reference: what is rated, e.g. the page path. */
      context: optionalText(RATING_CONTEXT_MAX_LENGTH),
      comment: optionalText(RATING_COMMENT_MAX_LENGTH),
      /**
       * Proof that a rating of a reference is its sender's (required with `reference`): the
       * verifier the status lookup asks for, written as there…
       */
      verifier: z.optional(
        z.pipe(
          /* @__PURE__ */ z
            .string({ error: 'invalid' })
            .check(z.trim(), z.maxLength(VERIFIER_MAX_LENGTH, { error: 'too_long' })),
          z.transform((value) => normalizeDigits(value).replace(/[\s-]/g, '').toUpperCase() || undefined),
        ),
      ),
      /** …or the rating token of the confirmation or the status lookup's answer. */
      ratingToken: z.optional(
        /* @__PURE__ */ z
          .string({ error: 'invalid' })
          .check(z.maxLength(RATING_TOKEN_MAX_LENGTH, { error: 'too_long' })),
      ),
      client: z.optional(clientMeta),
    })
    .check(
      z.superRefine((value, ctx) => {
        const [min, max] = RATING_SCALES[value.scale];
        if (value.score < min || value.score > max) {
          ctx.issues.push({ code: 'custom', message: 'invalid_choice', path: ['score'], input: value.score });
        }
      }),
    ),
);

export type RatingInput = z.input<typeof ratingSchema>;
export type Rating = z.output<typeof ratingSchema>;

export const ratingCreated = z.object({ id: z.string() });
