/** A case locked for a privacy change: the row, after the version and visibility checks. */
import type { Queryable } from '../db/database.js';
import { HttpProblem } from '../http/problem.js';
import { VersionConflict } from '../staff/actions.js';
import { caseNotFound } from '../staff/params.js';

export interface LockedCase {
  reference: string;
  kind: string;
  status: string;
  version: number;
  payload: Record<string, unknown>;
  anonymised_at: Date | null;
}

/** Locks the case; 404 when there is none, VersionConflict when it moved on since `sentVersion`. */
export async function lockCase(tx: Queryable, reference: string, sentVersion?: number): Promise<LockedCase> {
  const { rows } = await tx.query<LockedCase>(
    'SELECT reference, kind, status, version, payload, anonymised_at FROM submissions WHERE reference = $1 FOR UPDATE',
    [reference],
  );
  const row = rows[0];
  if (!row) throw caseNotFound();
  if (sentVersion !== undefined && row.version !== sentVersion) throw new VersionConflict(sentVersion);
  return row;
}

export function alreadyAnonymised(): HttpProblem {
  return new HttpProblem(409, {
    code: 'anonymised',
    detail: 'The personal data of this case was erased: there is nothing left to change.',
  });
}

/**
 * A timeline entry explaining the version bump to the staff who work the case (internal:
 * the applicant never sees it). Field names only, never the values.
 */
export async function addPrivacyEntry(
  tx: Queryable,
  row: LockedCase,
  version: number,
  actor: { label: string; id: string | null },
  note: string,
  at: Date,
): Promise<void> {
  await tx.query(
    `INSERT INTO submission_history (reference, type, status, note, note_public, actor, actor_id, at, version, details)
     VALUES ($1, 'note', $2, $3, false, $4, $5, $6, $7, $8::jsonb)`,
    [row.reference, row.status, note, actor.label, actor.id, at, version, JSON.stringify({ privacy: true })],
  );
}
