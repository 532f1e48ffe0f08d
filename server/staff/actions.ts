/**
 * Changes to a case: status, note, assignment, referral, decision. Each one runs in one
 * transaction that locks the case, checks the version the caller saw and the workflow
 * (src/contract/workflow.ts), writes the change and its timeline entry, bumps the version,
 * queues the applicant's message (server/notify) and writes exactly one audit row.
 */
import type {
  StaffAssignBody,
  StaffDecisionBody,
  StaffNoteBody,
  StaffReferBody,
  StaffStatusUpdate,
} from '../../src/contract/staff.js';
import type { Status } from '../../src/contract/status.js';
import {
  NOTE_REQUIRED,
  canDecide,
  canRefer,
  statusMoves,
  transitionExists,
  type CaseKind,
} from '../../src/contract/workflow.js';
import { actorLabel, type StaffActor } from '../auth/actor.js';
import { writeAudit, type AuditAction, type AuditDetails } from '../audit/audit-log.js';
import type { Database, Queryable } from '../db/database.js';
import { queueCaseMessage, type CaseMessageEvent } from '../notify/queue.js';
import { HttpProblem, validationProblem } from '../http/problem.js';
import { workflowActor } from './case-view.js';
import { caseNotFound } from './params.js';
import { canSee } from './queries.js';

/** Thrown inside the transaction when the case moved on since the version the caller sent. */
export class VersionConflict extends Error {
  override readonly name = 'VersionConflict';
  constructor(readonly sentVersion: number) {
    super('version_conflict');
  }
}

export interface ActionContext {
  db: Database;
  actor: StaffActor;
  ip: string;
  now: Date;
}

interface CaseRow {
  reference: string;
  kind: CaseKind;
  status: Status;
  version: number;
  referred_at: Date | null;
}

interface Change {
  /** What the audit row records (ids and codes, never personal data). */
  details: AuditDetails;
}

/** Refuses a move: 403 when it exists for another role, 422 when it does not exist for this case. */
function refuse(row: CaseRow, to: Status): HttpProblem {
  if (transitionExists(row.kind, row.status, to)) {
    return new HttpProblem(403, {
      code: 'forbidden',
      detail: `Your role cannot move a case from ${row.status} to ${to}.`,
    });
  }
  return new HttpProblem(422, {
    code: 'transition_not_allowed',
    detail: `A ${row.kind} cannot go from ${row.status} to ${to}.`,
    errors: [{ path: 'status', code: 'transition_not_allowed', message: `Not allowed from ${row.status}.` }],
  });
}

async function mutate(
  ctx: ActionContext,
  reference: string,
  sentVersion: number,
  action: AuditAction,
  change: (tx: Queryable, row: CaseRow, version: number) => Promise<Change>,
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const { rows } = await tx.query<CaseRow>(
      'SELECT reference, kind, status, version, referred_at FROM submissions WHERE reference = $1 FOR UPDATE',
      [reference],
    );
    const row = rows[0];
    if (!row || !canSee(ctx.actor, row)) throw caseNotFound();
    if (row.version !== sentVersion) throw new VersionConflict(sentVersion);
    const version = row.version + 1;
    const { details } = await change(tx, row, version);
    await tx.query('UPDATE submissions SET version = $2 WHERE reference = $1', [reference, version]);
    await writeAudit(tx, {
      actor: ctx.actor,
      action,
      target: reference,
      ip: ctx.ip,
      details: { ...details, version },
      at: ctx.now,
    });
  });
}

interface Entry {
  type: 'status' | 'note' | 'assign';
  status: Status;
  note?: string;
  public: boolean;
  details?: Record<string, unknown>;
}

async function addEntry(
  tx: Queryable,
  ctx: ActionContext,
  reference: string,
  version: number,
  entry: Entry,
): Promise<void> {
  await tx.query(
    `INSERT INTO submission_history (reference, type, status, note, note_public, actor, actor_id, at, version, details)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb)`,
    [
      reference,
      entry.type,
      entry.status,
      entry.note ?? null,
      entry.public && entry.note !== undefined,
      actorLabel(ctx.actor),
      ctx.actor.kind === 'account' ? ctx.actor.id : null,
      ctx.now,
      version,
      entry.details ? JSON.stringify(entry.details) : null,
    ],
  );
}

/** The applicant's message for a status change; internal notes are never passed on. */
function statusEvent(reference: string, status: Status, publicNote: string | undefined, at: Date): CaseMessageEvent {
  const event = status === 'needs_info' ? 'needs_info' : status === 'closed' ? 'closed' : 'status';
  return { reference, event, status, ...(publicNote ? { note: publicNote } : {}), at };
}

export async function changeStatus(ctx: ActionContext, reference: string, body: StaffStatusUpdate): Promise<void> {
  await mutate(ctx, reference, body.version, 'case.status', async (tx, row, version) => {
    if (!statusMoves(row.kind, row.status, workflowActor(ctx.actor)).includes(body.status))
      throw refuse(row, body.status);
    // The reason for a rejection and the question of needs_info are the applicant's to read.
    const required = NOTE_REQUIRED.includes(body.status);
    if (required && !body.note) {
      throw validationProblem([
        { path: 'note', code: 'required', message: 'This status needs a note the applicant sees.' },
      ]);
    }
    const isPublic = required || body.notePublic === true;
    await tx.query('UPDATE submissions SET status = $2, updated_at = $3 WHERE reference = $1', [
      reference,
      body.status,
      ctx.now,
    ]);
    await addEntry(tx, ctx, reference, version, {
      type: 'status',
      status: body.status,
      note: body.note,
      public: isPublic,
    });
    await queueCaseMessage(tx, statusEvent(reference, body.status, isPublic ? body.note : undefined, ctx.now));
    return { details: { from: row.status, to: body.status, notePublic: isPublic && body.note !== undefined } };
  });
}

export async function addNote(ctx: ActionContext, reference: string, body: StaffNoteBody): Promise<void> {
  await mutate(ctx, reference, body.version, 'case.note', async (tx, row, version) => {
    if (row.status === 'closed')
      throw new HttpProblem(422, { code: 'case_closed', detail: 'A closed case takes no more notes.' });
    const isPublic = body.public === true;
    // Only what the applicant can see moves the case's public "updated" time.
    if (isPublic) await tx.query('UPDATE submissions SET updated_at = $2 WHERE reference = $1', [reference, ctx.now]);
    await addEntry(tx, ctx, reference, version, {
      type: 'note',
      status: row.status,
      note: body.text,
      public: isPublic,
    });
    if (isPublic)
      await queueCaseMessage(tx, { reference, event: 'status', status: row.status, note: body.text, at: ctx.now });
    return { details: { public: isPublic } };
  });
}

/** Accounts a case can be given to: active officers and committee members. */
async function assignee(tx: Queryable, id: string): Promise<{ id: string; name: string } | undefined> {
  const { rows } = await tx.query<{ id: string; name: string }>(
    `SELECT id, name FROM staff_accounts WHERE id = $1 AND active AND role IN ('officer', 'committee')`,
    [id],
  );
  return rows[0];
}

export async function assignCase(ctx: ActionContext, reference: string, body: StaffAssignBody): Promise<void> {
  await mutate(ctx, reference, body.version, 'case.assign', async (tx, row, version) => {
    const person = body.assigneeId === null ? null : await assignee(tx, body.assigneeId);
    if (person === undefined) {
      throw validationProblem([
        { path: 'assigneeId', code: 'invalid_choice', message: 'Not an active officer or committee member.' },
      ]);
    }
    await tx.query('UPDATE submissions SET assignee_id = $2 WHERE reference = $1', [reference, person?.id ?? null]);
    await addEntry(tx, ctx, reference, version, {
      type: 'assign',
      status: row.status,
      public: false,
      details: { assigneeId: person?.id ?? null, assigneeName: person?.name ?? null },
    });
    return { details: { assigneeId: person?.id ?? null } };
  });
}

export async function referCase(ctx: ActionContext, reference: string, body: StaffReferBody): Promise<void> {
  await mutate(ctx, reference, body.version, 'case.refer', async (tx, row, version) => {
    if (!canRefer(row.kind, row.status, workflowActor(ctx.actor))) throw refuse(row, 'referred');
    await tx.query(
      `UPDATE submissions SET status = 'referred', referred_at = coalesce(referred_at, $2), updated_at = $2 WHERE reference = $1`,
      [reference, ctx.now],
    );
    // The note is for the committee: internal.
    await addEntry(tx, ctx, reference, version, { type: 'status', status: 'referred', note: body.note, public: false });
    await queueCaseMessage(tx, statusEvent(reference, 'referred', undefined, ctx.now));
    return { details: { from: row.status } };
  });
}

export async function decideCase(ctx: ActionContext, reference: string, body: StaffDecisionBody): Promise<void> {
  await mutate(ctx, reference, body.version, 'case.decision', async (tx, row, version) => {
    if (!canDecide(row.kind, row.status, workflowActor(ctx.actor)) || ctx.actor.kind !== 'account')
      throw refuse(row, body.decision);
    await tx.query(
      `UPDATE submissions SET status = $2, decision = $2, decision_reason = $3, decision_note = $4, decision_by = $5,
              decision_at = $6, updated_at = $6 WHERE reference = $1`,
      [reference, body.decision, body.reason, body.publicNote ?? null, ctx.actor.id, ctx.now],
    );
    // The public note reaches the applicant (lookup and message); the reason stays internal.
    await addEntry(tx, ctx, reference, version, {
      type: 'status',
      status: body.decision,
      note: body.publicNote,
      public: true,
    });
    await queueCaseMessage(tx, {
      reference,
      event: 'decision',
      status: body.decision,
      ...(body.publicNote ? { note: body.publicNote } : {}),
      at: ctx.now,
    });
    return { details: { decision: body.decision } };
  });
}
