/**
 * The server's answers to a create, on their own: the client validates them without
 * pulling in the complaint and request schemas, so a widget's single file carries only the
 * schemas it uses. Re-exported from complaint.ts and request.ts.
 */
import * as z from 'zod/mini';
import { lazy } from './lazy.js';
import { COMPLAINT_KINDS } from './kinds.js';

export const complaintCreated = /* @__PURE__ */ lazy(() =>
  z.object({
    reference: z.string(),
    kind: z.enum(COMPLAINT_KINDS),
    status: z.string(),
    receivedAt: z.string(),
    /** Anonymous senders get a code to look their suggestion up with (no mobile to use). */
    verifier: z.optional(z.string()),
    /** When the association promises an answer, if it sets a response period. */
    expectedResponseBy: z.optional(z.string()),
    /** Proof for rating this reference later (<sila-rating rating-token>), in place of the verifier. */
    ratingToken: z.optional(z.string()),
  }),
);
export const requestCreated = /* @__PURE__ */ lazy(() =>
  z.object({
    reference: z.string(),
    status: z.string(),
    receivedAt: z.string(),
    expectedDecisionBy: z.string(),
    attachments: z.optional(z.array(z.object({ id: z.string(), kind: z.string(), size: z.number() }))),
    /** Proof for rating this reference later (<sila-rating rating-token>), in place of the verifier. */
    ratingToken: z.optional(z.string()),
  }),
);
