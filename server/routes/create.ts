/**
 * The flow every create shares: Idempotency-Key, body (JSON or multipart), contract
 * validation, the association's own rules, attachments, the bot traps, then one
 * idempotent transaction.
 */
import type { Context } from 'hono';
import type * as z from 'zod/mini';
import { toFieldErrors } from '../../src/contract/issues.js';
import type { FieldError } from '../../src/contract/problem.js';
import { checkAttachments, type CheckedFile } from '../attachments.js';
import { readCreateBody } from '../http/body.js';
import type { AppEnv, AppState } from '../context.js';
import type { Queryable } from '../db/database.js';
import { runIdempotent, idempotencyKeyFrom, storedAnswer, type Answer } from '../idempotency.js';
import { HttpProblem, validationProblem } from '../http/problem.js';
import { isStaff } from '../staff/auth.js';
import { forbiddenTextErrors } from '../text-guard.js';

/** A person takes longer than this to fill any of the forms; scripts do not. */
export const MIN_FILL_MS = 1500;

export interface ClientMeta {
  hp?: string;
  fillMs?: number;
  locale?: string;
}

export interface CreateInput<Data> {
  data: Data;
  files: CheckedFile[];
  receivedAt: Date;
  channel: string;
}

export interface CreateSpec<Schema extends z.ZodMiniType> {
  /** e.g. "POST /v1/complaints" (also scopes the Idempotency-Key). */
  route: string;
  schema: Schema;
  acceptsFiles: boolean;
  /** Rules of this association's configuration (known service, enabled scale…). */
  check?: (data: z.output<Schema>, state: AppState) => FieldError[];
  requiredAttachments?: (data: z.output<Schema>, state: AppState) => readonly string[];
  /** Checks that need the database before anything is stored (a rating's proof); throws a problem. */
  authorize?: (c: Context<AppEnv>, data: z.output<Schema>) => Promise<void>;
  create: (tx: Queryable, input: CreateInput<z.output<Schema>>, state: AppState) => Promise<Answer>;
  /**
   * The time trap's threshold for this route. A one-tap rating ("was this page
   * helpful?") is honestly given in under a second, so ratings use 0 (honeypot only).
   */
  minFillMs?: number;
  /** A believable 201 body for a submission the bot traps dropped. */
  decoy: (input: CreateInput<z.output<Schema>>, state: AppState) => unknown;
}

/**
 * Honeypot (a hidden field people never fill) and time trap (a form filled faster than a
 * person can). Either one: pretend success and store nothing, so a bot learns nothing.
 */
export function looksAutomated(client: ClientMeta | undefined, minFillMs = MIN_FILL_MS): boolean {
  if (!client) return false;
  if (client.hp !== undefined && client.hp.trim() !== '') return true;
  return client.fillMs !== undefined && client.fillMs < minFillMs;
}

interface Common {
  channel?: string;
  client?: ClientMeta;
}

export function createHandler<Schema extends z.ZodMiniType>(state: AppState, spec: CreateSpec<Schema>) {
  return async (c: Context<AppEnv>) => {
    const key = idempotencyKeyFrom(c);
    const attachments = state.formConfig.attachments;
    const body = await readCreateBody(
      c,
      state.limits,
      spec.acceptsFiles && attachments.enabled ? attachments.maxTotalBytes : 0,
      // Limits enforced while reading; files streamed to disk on the embedded database.
      { files: state.attachmentFiles, attachments: spec.acceptsFiles && attachments.enabled ? attachments : undefined },
    );
    const replay = await storedAnswer(state.db, { key, route: spec.route, requestHash: body.hash });
    if (replay) return c.json(replay.body as object, replay.status as 201, { 'Idempotent-Replayed': 'true' });
    const parsed = spec.schema.safeParse(body.json);
    if (!parsed.success) throw validationProblem(toFieldErrors(parsed.error.issues));
    const data = parsed.data as z.output<Schema> & Common;

    // The token on the public routes, or a signed-in account at POST /v1/staff/intake.
    const staff = isStaff(c, state.adminToken) || c.get('actor') !== undefined;
    const channel = data.channel ?? 'website';
    const errors: FieldError[] = forbiddenTextErrors(data);
    // Walk-in, phone, e-mail, social or letter submissions are typed in by staff.
    if (channel !== 'website' && !staff) {
      errors.push({ path: 'channel', code: 'invalid_choice', message: 'Only staff may enter other channels.' });
    }
    errors.push(...(spec.check?.(data, state) ?? []));
    if (errors.length > 0) throw validationProblem(errors);
    await spec.authorize?.(c, data);

    if (!spec.acceptsFiles && body.files.length > 0) {
      throw new HttpProblem(422, {
        code: 'validation_failed',
        errors: [{ path: 'attachments', code: 'invalid', message: 'This route takes no files.' }],
      });
    }
    const files = spec.acceptsFiles
      ? checkAttachments(body.files, attachments, spec.requiredAttachments?.(data, state))
      : [];

    const input: CreateInput<z.output<Schema>> = { data, files, receivedAt: state.now(), channel };
    // A trapped submission takes the same path as a real one, Idempotency-Key included: its
    // decoy answer is stored under the key (nothing else is), so a retry replays the same
    // reference with Idempotent-Replayed, exactly as for a person.
    const trapped = !staff && looksAutomated(data.client, spec.minFillMs);
    const { answer, replayed } = await runIdempotent(
      state.db,
      { key, route: spec.route, requestHash: body.hash },
      trapped ? async () => ({ status: 201, body: spec.decoy(input, state) }) : (tx) => spec.create(tx, input, state),
    );
    const reference = (answer.body as { reference?: unknown }).reference;
    // The log names real references only: a decoy's would send an operator looking for nothing.
    if (typeof reference === 'string' && !trapped) c.set('reference', reference);
    return c.json(answer.body as object, answer.status as 201, replayed ? { 'Idempotent-Replayed': 'true' } : {});
  };
}

export function acceptanceRecord(value: { accepted: boolean; version: string } | undefined, at: Date) {
  return value ? { accepted: value.accepted, version: value.version, acceptedAt: at.toISOString() } : undefined;
}
