/** SQL behind the staff API: list, detail, status change, attachment download. */
import type { StaffListQuery, StaffSubmissionDetail, StaffSubmissionSummary } from '../../src/contract/staff.js';
import { FINAL_STATUSES, type Status } from '../../src/contract/status.js';
import type { Database, Queryable } from '../db/database.js';
import { iso } from '../dates.js';
import { submissionFilters } from './filters.js';

const FINAL_LIST = FINAL_STATUSES.map((status) => `'${status}'`).join(', ');

/** Summary columns; $1 is always "now" (for overdue). */
const SUMMARY_COLUMNS = `
  s.reference, s.kind, s.status, s.channel, s.received_at, s.updated_at, s.expected_decision_by,
  (s.status NOT IN (${FINAL_LIST}) AND s.expected_decision_by IS NOT NULL AND s.expected_decision_by < $1) AS overdue,
  coalesce(s.payload #>> '{applicant,fullName}', s.payload #>> '{contact,name}') AS name,
  coalesce(s.payload ->> 'service', s.payload ->> 'category') AS topic,
  EXISTS (SELECT 1 FROM ratings r WHERE r.reference = s.reference) AS rated`;

export interface SummaryRow {
  reference: string;
  kind: StaffSubmissionSummary['kind'];
  status: Status;
  channel: string;
  received_at: Date;
  updated_at: Date;
  expected_decision_by: Date | null;
  overdue: boolean;
  name: string | null;
  topic: string | null;
  rated: boolean;
}

export function toSummary(row: SummaryRow): StaffSubmissionSummary {
  return {
    reference: row.reference,
    kind: row.kind,
    status: row.status,
    channel: row.channel,
    receivedAt: iso(row.received_at),
    updatedAt: iso(row.updated_at),
    ...(row.expected_decision_by ? { expectedDecisionBy: iso(row.expected_decision_by) } : {}),
    overdue: row.overdue,
    ...(row.name ? { name: row.name } : {}),
    ...(row.topic ? { topic: row.topic } : {}),
    rated: row.rated,
  };
}

/** Shifts $n placeholders of a filter by one, since $1 is "now". */
function shifted(sql: string): string {
  return sql.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + 1}`);
}

export async function listSubmissions(db: Queryable, query: StaffListQuery, now: Date) {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 25;
  const where = submissionFilters(query, 's.');
  const count = await db.query<{ total: number }>(`SELECT count(*)::int AS total FROM submissions s ${where.sql}`, where.params);
  const { rows } = await db.query<SummaryRow>(
    `SELECT ${SUMMARY_COLUMNS} FROM submissions s ${shifted(where.sql)}
      ORDER BY s.received_at DESC, s.reference LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
    [now, ...where.params],
  );
  return { items: rows.map(toSummary), total: count.rows[0]?.total ?? 0, page, pageSize };
}

export interface ExportRow extends SummaryRow {
  mobile: string | null;
  email: string | null;
  subject: string | null;
  description: string | null;
  rating_scale: string | null;
  rating_score: number | null;
}

/** Every matching submission, newest first, with the columns the CSV needs. */
export async function exportRows(db: Queryable, query: StaffListQuery, now: Date): Promise<ExportRow[]> {
  const where = submissionFilters(query, 's.');
  const { rows } = await db.query<ExportRow>(
    `SELECT ${SUMMARY_COLUMNS},
            coalesce(s.payload #>> '{applicant,mobile}', s.payload #>> '{contact,mobile}') AS mobile,
            coalesce(s.payload #>> '{applicant,email}', s.payload #>> '{contact,email}') AS email,
            s.payload ->> 'subject' AS subject,
            s.payload ->> 'description' AS description,
            rt.scale AS rating_scale, rt.score AS rating_score
       FROM submissions s LEFT JOIN ratings rt ON rt.reference = s.reference
       ${shifted(where.sql)}
      ORDER BY s.received_at DESC, s.reference`,
    [now, ...where.params],
  );
  return rows;
}

export async function getSubmission(db: Queryable, reference: string, now: Date): Promise<StaffSubmissionDetail | undefined> {
  const { rows } = await db.query<SummaryRow & { payload: Record<string, unknown>; declaration: unknown; consent: unknown; locale: string | null }>(
    `SELECT ${SUMMARY_COLUMNS}, s.payload, s.declaration, s.consent, s.locale FROM submissions s WHERE s.reference = $2`,
    [now, reference],
  );
  const row = rows[0];
  if (!row) return undefined;
  const [history, attachments, ratings] = await Promise.all([
    db.query<{ status: Status; note: string | null; note_public: boolean; actor: string; at: Date }>(
      'SELECT status, note, note_public, actor, at FROM submission_history WHERE reference = $1 ORDER BY id',
      [reference],
    ),
    db.query<{ id: string; kind: string; media_type: string; size: number; sha256: string }>(
      'SELECT id, kind, media_type, size, sha256 FROM attachments WHERE reference = $1 ORDER BY created_at, kind',
      [reference],
    ),
    db.query<{ id: string; scale: string; score: number; comment: string | null; created_at: Date }>(
      'SELECT id, scale, score, comment, created_at FROM ratings WHERE reference = $1',
      [reference],
    ),
  ]);
  const rating = ratings.rows[0];
  return {
    ...toSummary(row),
    payload: row.payload,
    ...(row.declaration ? { declaration: row.declaration as StaffSubmissionDetail['declaration'] } : {}),
    ...(row.consent ? { consent: row.consent as StaffSubmissionDetail['consent'] } : {}),
    ...(row.locale ? { locale: row.locale } : {}),
    history: history.rows.map((entry) => ({
      status: entry.status,
      at: iso(entry.at),
      ...(entry.note ? { note: entry.note } : {}),
      notePublic: entry.note_public,
      actor: entry.actor,
    })),
    attachments: attachments.rows.map((file) => ({
      id: file.id,
      kind: file.kind,
      mediaType: file.media_type,
      size: file.size,
      sha256: file.sha256,
    })),
    ...(rating
      ? {
          rating: {
            id: rating.id,
            scale: rating.scale,
            score: rating.score,
            ...(rating.comment ? { comment: rating.comment } : {}),
            createdAt: iso(rating.created_at),
          },
        }
      : {}),
  };
}

/** Appends a status change; false when the reference does not exist. */
export async function changeStatus(
  db: Database,
  reference: string,
  change: { status: Status; note?: string; notePublic?: boolean },
  at: Date,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const updated = await tx.query('UPDATE submissions SET status = $2, updated_at = $3 WHERE reference = $1 RETURNING reference', [
      reference,
      change.status,
      at,
    ]);
    if (updated.rows.length === 0) return false;
    await tx.query(
      `INSERT INTO submission_history (reference, status, note, note_public, actor, at) VALUES ($1, $2, $3, $4, 'staff', $5)`,
      [reference, change.status, change.note ?? null, change.notePublic === true && change.note !== undefined, at],
    );
    return true;
  });
}

export async function getAttachment(db: Queryable, reference: string, id: string) {
  const { rows } = await db.query<{ kind: string; media_type: string; data: Uint8Array }>(
    'SELECT kind, media_type, data FROM attachments WHERE reference = $1 AND id = $2',
    [reference, id],
  );
  return rows[0];
}
