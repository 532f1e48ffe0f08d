/**
 * SQL of the applicant's reply to "information needed": in one transaction, the
 * documents, a 'reply' timeline entry (the text, the documents' ids), the status back to
 * under_review (a 'status' entry by the applicant) and the audit row.
 */
import type { CheckedFile } from '../attachments.js';
import { writeAudit } from '../audit/audit-log.js';
import { randomId } from '../crypto.js';
import type { Queryable } from '../db/database.js';
import { HttpProblem } from '../http/problem.js';

export interface NewReply {
  reference: string;
  message: string;
  files: CheckedFile[];
  at: Date;
  ip: string;
}

export interface SavedReply {
  attachments: { id: string; kind: string; size: number }[];
}

/** Only a case waiting on the person takes an answer; anything else is a 409. */
function notAwaiting(status: string): HttpProblem {
  return new HttpProblem(409, {
    code: 'not_awaiting_reply',
    detail: `This submission is not waiting for information from you (its status is ${status}).`,
  });
}

export async function saveReply(tx: Queryable, reply: NewReply): Promise<SavedReply> {
  const { rows } = await tx.query<{ status: string; version: number }>(
    'SELECT status, version FROM submissions WHERE reference = $1 FOR UPDATE',
    [reply.reference],
  );
  const row = rows[0];
  if (!row) throw new HttpProblem(404, { code: 'not_found', detail: 'No such submission.' });
  if (row.status !== 'needs_info') throw notAwaiting(row.status);

  const attachments: SavedReply['attachments'] = [];
  for (const file of reply.files) {
    const id = randomId();
    await tx.query(
      `INSERT INTO attachments (id, reference, kind, media_type, size, sha256, data, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [id, reply.reference, file.kind, file.mediaType, file.size, file.sha256, file.bytes ?? null, reply.at],
    );
    attachments.push({ id, kind: file.kind, size: file.size });
  }

  const replyVersion = row.version + 1;
  const statusVersion = row.version + 2;
  await tx.query(
    `INSERT INTO submission_history (reference, type, status, note, note_public, actor, at, version, details)
     VALUES ($1, 'reply', 'under_review', $2, false, 'applicant', $3, $4, $5::jsonb)`,
    [reply.reference, reply.message, reply.at, replyVersion, JSON.stringify({ attachments })],
  );
  await tx.query(
    `INSERT INTO submission_history (reference, type, status, actor, at, version)
     VALUES ($1, 'status', 'under_review', 'applicant', $2, $3)`,
    [reply.reference, reply.at, statusVersion],
  );
  await tx.query(`UPDATE submissions SET status = 'under_review', updated_at = $2, version = $3 WHERE reference = $1`, [
    reply.reference,
    reply.at,
    statusVersion,
  ]);
  await writeAudit(tx, {
    actor: null,
    action: 'case.reply',
    target: reply.reference,
    ip: reply.ip,
    details: { by: 'applicant', documents: attachments.length, version: statusVersion },
    at: reply.at,
  });
  return { attachments };
}
