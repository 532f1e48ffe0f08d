/**
 * POST /v1/submissions/{reference}/replies: the person answers "information needed" with
 * text and documents, proving who they are with the lookup's verifier. JSON, or
 * multipart with a `payload` field and `attachment:reply_1`… files (the request's checks).
 * Idempotency-Key required: a retried reply is stored once.
 */
import { Hono } from 'hono';
import { toFieldErrors } from '../../src/contract/issues.js';
import { reference as referenceField } from '../../src/contract/fields.js';
import { replySchema, type ReplyCreated } from '../../src/contract/replies.js';
import { checkAttachments } from '../attachments.js';
import type { AppEnv, AppState } from '../context.js';
import { iso } from '../dates.js';
import { readCreateBody } from '../http/body.js';
import { validationProblem } from '../http/problem.js';
import { idempotencyKeyFrom, runIdempotent, storedAnswer } from '../idempotency.js';
import { lookupNotFound, verifyLookup } from '../submissions/lookup-gate.js';
import { saveReply } from '../submissions/replies.js';
import { forbiddenTextErrors } from '../text-guard.js';

export const REPLIES_ROUTE = 'POST /v1/submissions/{reference}/replies';

export function replyRoutes(state: AppState): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.post('/v1/submissions/:reference/replies', async (c) => {
    const key = idempotencyKeyFrom(c);
    const path = referenceField.safeParse(c.req.param('reference'));
    // A malformed reference matches nothing: the lookup's one answer, no hint why.
    if (!path.success) throw lookupNotFound();
    const reference = path.data;
    c.set('reference', reference);

    const attachments = state.formConfig.attachments;
    const body = await readCreateBody(c, state.limits, attachments.enabled ? attachments.maxTotalBytes : 0);
    const parsed = replySchema.safeParse(body.json);
    if (!parsed.success) throw validationProblem(toFieldErrors(parsed.error.issues));
    const data = parsed.data;

    // The lookup's check and limits: one 404 for unknown or wrong, slowed per client, never
    // blocking the right verifier.
    await verifyLookup(state, c.get('clientKey'), reference, data.verifier);

    // The key is scoped to this case: the same key on another reference is another reply.
    const call = { key, route: `${REPLIES_ROUTE} ${reference}`, requestHash: body.hash };
    const replay = await storedAnswer(state.db, call);
    if (replay) return c.json(replay.body as object, replay.status as 201, { 'Idempotent-Replayed': 'true' });

    const errors = forbiddenTextErrors(data);
    if (errors.length > 0) throw validationProblem(errors);
    const files = checkAttachments(body.files, attachments);

    const at = state.now();
    const { answer, replayed } = await runIdempotent(state.db, call, async (tx) => {
      const saved = await saveReply(tx, { reference, message: data.message, files, at, ip: c.get('clientIp') });
      const created: ReplyCreated = {
        reference,
        status: 'under_review',
        receivedAt: iso(at),
        ...(saved.attachments.length > 0 ? { attachments: saved.attachments } : {}),
      };
      return { status: 201, body: created };
    });
    return c.json(answer.body as object, answer.status as 201, replayed ? { 'Idempotent-Replayed': 'true' } : {});
  });
  return app;
}
