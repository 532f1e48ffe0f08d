/**
 * The applicant's answer to "information needed": text and optional documents, sent to
 * POST /v1/submissions/{reference}/replies with the same verifier as the status lookup.
 */
import * as z from 'zod/mini';
import { lazy } from './lazy.js';
import { clientMeta, text } from './fields.js';
import { lookupSchema } from './lookup.js';

/** Longest answer, as long as a request's description. */
export const REPLY_MAX_LENGTH = 2000;

/** Kinds of the documents a reply may carry: `attachment:reply_1` … in multipart. */
export const REPLY_ATTACHMENT_KINDS = ['reply_1', 'reply_2', 'reply_3'] as const;

export const replySchema = /* @__PURE__ */ lazy(() =>
  z.object({
    /** The last 4 digits of the mobile, or the follow-up code (as for the lookup). */
    verifier: lookupSchema.shape.verifier,
    /** What the team asked for, in the person's words. */
    message: text(1, REPLY_MAX_LENGTH),
    client: z.optional(clientMeta),
  }),
);
export type ReplyInput = z.input<typeof replySchema>;
export type Reply = z.output<typeof replySchema>;

export const replyCreated = /* @__PURE__ */ lazy(() =>
  z.object({
    reference: z.string(),
    /** Always under_review: the review goes on with the answer. */
    status: z.string(),
    receivedAt: z.string(),
    attachments: z.optional(z.array(z.object({ id: z.string(), kind: z.string(), size: z.number() }))),
  }),
);
export type ReplyCreated = z.output<typeof replyCreated>;
