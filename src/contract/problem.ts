/** RFC 9457 problem details, with the field errors a widget puts next to its fields. */
import * as z from 'zod/mini';
import { lazy } from './lazy.js';

export const fieldError = /* @__PURE__ */ lazy(() =>
  z.object({
    /** Dotted path into the payload, e.g. "contact.mobile". */
    path: z.string(),
    /** One of ERROR_CODES (a widget localizes it); unknown codes show a generic message. */
    code: z.string(),
    /** English, for developers reading the API answer. */
    message: z.optional(z.string()),
    /** The bound a too_short/too_small value fell under (characters or a number), so the message can name it. */
    minimum: z.optional(z.number()),
    /** The bound a too_long/too_large value went over. */
    maximum: z.optional(z.number()),
  }),
);
export type FieldError = z.output<typeof fieldError>;

export const problemSchema = /* @__PURE__ */ lazy(() =>
  z.object({
    type: z.optional(z.string()),
    title: z.optional(z.string()),
    status: z.optional(z.number()),
    detail: z.optional(z.string()),
    instance: z.optional(z.string()),
    /** Stable machine code, e.g. "validation_failed", "rate_limited", "not_found". */
    code: z.optional(z.string()),
    errors: z.optional(z.array(fieldError)),
  }),
);
export type Problem = z.output<typeof problemSchema>;
