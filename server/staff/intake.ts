/**
 * POST /v1/staff/intake: an officer records a request or complaint brought in person, by
 * phone, e-mail, social media or letter. The payload goes through the public route's own
 * create flow (schema, the association's rules, Idempotency-Key, one transaction), with
 * the channel recorded and one `case.intake` audit row in the same transaction.
 */
import type { Context } from 'hono';
import * as z from 'zod/mini';
import { complaintSchema } from '../../src/contract/complaint.js';
import { requestSchema } from '../../src/contract/request.js';
import { staffIntakeBody, type StaffIntakeCreated } from '../../src/contract/staff.js';
import type { StaffActor } from '../auth/actor.js';
import { writeAudit } from '../audit/audit-log.js';
import type { AppEnv, AppState } from '../context.js';
import { complaintSpec } from '../routes/complaints.js';
import type { CreateSpec } from '../routes/create.js';
import { requestSpec } from '../routes/requests.js';

type Parsed =
  | { kind: 'request'; channel: string; data: z.output<typeof requestSchema> }
  | {
      kind: 'complaint' | 'suggestion' | 'inquiry' | 'compensation';
      channel: string;
      data: z.output<typeof complaintSchema>;
    };

/** The envelope, then the payload with the public form's schema; payload errors keep their path under `payload.`. */
const intakeSchema = z.pipe(
  staffIntakeBody,
  z.transform((envelope, ctx): Parsed => {
    const { kind, channel } = envelope;
    const request = kind === 'request';
    const given = envelope.payload.kind;
    if (!request && given !== undefined && given !== kind) {
      ctx.issues.push({ code: 'custom', message: 'invalid_choice', path: ['payload', 'kind'], input: given });
      return z.NEVER;
    }
    const payload = { ...envelope.payload, ...(request ? {} : { kind }), channel };
    const parsed = (request ? requestSchema : complaintSchema).safeParse(payload);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) ctx.issues.push({ ...issue, path: ['payload', ...issue.path] } as never);
      return z.NEVER;
    }
    return { kind, channel, data: parsed.data } as Parsed;
  }),
);

const prefixed = <T extends { path: string }>(errors: T[]) =>
  errors.map((error) => ({ ...error, path: `payload.${error.path}` }));

export function intakeSpec(state: AppState, c: Context<AppEnv>, actor: StaffActor): CreateSpec<typeof intakeSchema> {
  const request = requestSpec(state);
  const complaint = complaintSpec(state);
  return {
    route: 'POST /v1/staff/intake',
    schema: intakeSchema,
    acceptsFiles: true,
    check: (parsed) =>
      prefixed(
        parsed.kind === 'request'
          ? (request.check?.(parsed.data, state) ?? [])
          : (complaint.check?.(parsed.data, state) ?? []),
      ),
    // Documents a walk-in forgot can follow; the officer checks completeness in the case.
    requiredAttachments: () => [],
    async create(tx, input) {
      const { kind, data } = input.data;
      const common = { files: input.files, receivedAt: input.receivedAt, channel: input.channel };
      const answer =
        kind === 'request'
          ? await request.create(tx, { ...common, data }, state)
          : await complaint.create(tx, { ...common, data: data as z.output<typeof complaintSchema> }, state);
      const created = answer.body as {
        reference: string;
        receivedAt: string;
        expectedDecisionBy?: string;
        expectedResponseBy?: string;
        verifier?: string;
      };
      await writeAudit(tx, {
        actor,
        action: 'case.intake',
        target: created.reference,
        ip: c.get('clientIp'),
        details: { kind, channel: input.channel },
        at: input.receivedAt,
      });
      const due = created.expectedDecisionBy ?? created.expectedResponseBy;
      const body: StaffIntakeCreated = {
        reference: created.reference,
        kind,
        receivedAt: created.receivedAt,
        ...(due ? { dueAt: due } : {}),
        ...(created.verifier
          ? { verifierHint: 'code' as const, verifier: created.verifier }
          : { verifierHint: 'mobile_last4' as const }),
      };
      return { status: 201, body };
    },
    decoy: () => {
      throw new Error('staff intake is never a bot');
    },
  };
}
