/** SQL behind the staff inbox: list (keyset pages), tab counts, one case, export rows, attachments. */
import type {
  StaffCaseCounts,
  StaffExportQuery,
  StaffListQuery,
  StaffSort,
  StaffSubmissionDetail,
  StaffSubmissionSummary,
  StaffTimelineEntry,
} from '../../src/contract/staff.js';
import type { Status } from '../../src/contract/status.js';
import { allowedActions } from '../../src/contract/workflow.js';
import type { StaffActor } from '../auth/actor.js';
import type { Database, Queryable } from '../db/database.js';
import { iso } from '../dates.js';
import { HttpProblem } from '../http/problem.js';
import { ATTACHMENT_READERS, shapePayload, workflowActor } from './case-view.js';
import { OPEN_WITH_DUE, Params, dueSoonLimit, submissionConditions, whereClause, type FilterScope } from './filters.js';

/**
 * Summary columns; `now` and `soon` are parameter placeholders. `rated` is a scalar
 * subquery, not EXISTS: under a LIMIT, PostgreSQL planned EXISTS as a hash of every rating
 * (150 ms at 200,000 ratings) instead of one index probe per listed row.
 */
function summaryColumns(now: string, soon: string): string {
  return `
  s.reference, s.kind, s.status, s.channel, s.received_at, s.updated_at, s.expected_decision_by, s.version,
  (${OPEN_WITH_DUE('s.')} AND s.expected_decision_by < ${now}) AS overdue,
  (${OPEN_WITH_DUE('s.')} AND s.expected_decision_by >= ${now} AND s.expected_decision_by < ${soon}) AS due_soon,
  coalesce(s.payload #>> '{applicant,fullName}', s.payload #>> '{contact,name}') AS name,
  coalesce(s.payload ->> 'service', s.payload ->> 'category') AS topic,
  coalesce((SELECT true FROM ratings r WHERE r.reference = s.reference LIMIT 1), false) AS rated,
  s.assignee_id, a.name AS assignee_name`;
}
const ASSIGNEE_JOIN = 'LEFT JOIN staff_accounts a ON a.id = s.assignee_id';

export interface SummaryRow {
  reference: string;
  kind: StaffSubmissionSummary['kind'];
  status: Status;
  channel: string;
  received_at: Date;
  updated_at: Date;
  expected_decision_by: Date | null;
  version: number;
  overdue: boolean;
  due_soon: boolean;
  name: string | null;
  topic: string | null;
  rated: boolean;
  assignee_id: string | null;
  assignee_name: string | null;
}

export function toSummary(row: SummaryRow): StaffSubmissionSummary {
  return {
    reference: row.reference,
    kind: row.kind,
    status: row.status,
    channel: row.channel,
    receivedAt: iso(row.received_at),
    updatedAt: iso(row.updated_at),
    ...(row.expected_decision_by ? { dueAt: iso(row.expected_decision_by) } : {}),
    overdue: row.overdue,
    dueSoon: row.due_soon,
    ...(row.name ? { name: row.name } : {}),
    ...(row.topic ? { topic: row.topic } : {}),
    rated: row.rated,
    assignee: row.assignee_id ? { id: row.assignee_id, name: row.assignee_name ?? '' } : null,
    version: row.version,
  };
}

/** The inbox's scope for this caller: the committee sees the requests referred to it. */
export function scopeOf(actor: StaffActor, now: Date): FilterScope {
  return {
    now,
    ...(actor.kind === 'account' ? { actorId: actor.id } : {}),
    committeeOnly: actor.kind === 'account' && actor.role === 'committee',
  };
}

/** Sort key expression and direction; every one has an index with the reference as tie-break. */
const SORTS: Record<StaffSort, { key: string; dir: 'ASC' | 'DESC' }> = {
  '-received': { key: 's.received_at', dir: 'DESC' },
  received: { key: 's.received_at', dir: 'ASC' },
  due: { key: `coalesce(s.expected_decision_by, 'infinity'::timestamptz)`, dir: 'ASC' },
};

/**
 * The cursor is the sort and the last row's key, as PostgreSQL prints it (microseconds
 * kept: rows loaded by SQL have them, and a rounded key would skip or repeat rows).
 */
function encodeCursor(sort: StaffSort, key: string, reference: string): string {
  return Buffer.from(JSON.stringify([sort, key, reference])).toString('base64url');
}

function decodeCursor(cursor: string, sort: StaffSort): { key: string; reference: string } {
  const bad = () =>
    new HttpProblem(422, {
      code: 'invalid_query',
      detail: 'The cursor is not one this list gave (or was made for another sort).',
      errors: [{ path: 'cursor', code: 'invalid', message: 'Invalid value.' }],
    });
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw bad();
  }
  if (!Array.isArray(value) || value.length !== 3 || value[0] !== sort) throw bad();
  const [, key, reference] = value as unknown[];
  if (typeof key !== 'string' || typeof reference !== 'string' || key.length > 64 || reference.length > 20) throw bad();
  if (key !== 'infinity' && !PG_TIMESTAMP.test(key)) throw bad();
  return { key, reference };
}

/** A timestamptz as PostgreSQL prints it (ISO DateStyle). */
const PG_TIMESTAMP = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,6})?([+-]\d{2}(:?\d{2}){0,2}|Z)?$/;

export const DEFAULT_PAGE_SIZE = 25;

export async function listSubmissions(db: Queryable, query: StaffListQuery, scope: FilterScope) {
  if (query.assignee === 'me' && !scope.actorId) {
    throw new HttpProblem(422, {
      code: 'invalid_query',
      detail: 'assignee=me needs a signed-in account (the token has no cases of its own).',
      errors: [{ path: 'assignee', code: 'invalid_choice', message: 'Not one of the allowed values.' }],
    });
  }
  const sort = query.sort ?? '-received';
  const limit = query.limit ?? DEFAULT_PAGE_SIZE;
  const { key, dir } = SORTS[sort];
  const p = new Params();
  const columns = summaryColumns(p.add(scope.now), p.add(dueSoonLimit(scope.now)));
  const conditions = submissionConditions(query, p, scope);
  if (query.cursor) {
    const after = decodeCursor(query.cursor, sort);
    conditions.push(
      `(${key}, s.reference) ${dir === 'DESC' ? '<' : '>'} (${p.add(after.key)}::timestamptz, ${p.add(after.reference)})`,
    );
  }
  const { rows } = await db.query<SummaryRow & { sort_key: string }>(
    `SELECT ${columns}, (${key})::text AS sort_key FROM submissions s ${ASSIGNEE_JOIN}
      ${whereClause(conditions)}
      ORDER BY ${key} ${dir}, s.reference ${dir} LIMIT ${limit + 1}`,
    p.values,
  );
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map(toSummary),
    ...(rows.length > limit && last ? { nextCursor: encodeCursor(sort, last.sort_key, last.reference) } : {}),
  };
}

/** Counting stops here: an exact count(*) over a million rows on every inbox load is what #19 measured. */
export const COUNT_LIMIT = 1000;

export async function caseCounts(db: Queryable, scope: FilterScope): Promise<StaffCaseCounts> {
  const p = new Params();
  const now = p.add(scope.now);
  const soon = p.add(dueSoonLimit(scope.now));
  const base = scope.committeeOnly ? [`s.kind = 'request'`, 's.referred_at IS NOT NULL'] : [];
  const capped = (conditions: string[]) =>
    `(SELECT count(*)::int FROM (SELECT 1 FROM submissions s ${whereClause([...base, ...conditions])} LIMIT ${COUNT_LIMIT + 1}) t)`;
  const mine = scope.actorId ? capped([`s.assignee_id = ${p.add(scope.actorId)}`, `s.status NOT IN ('closed')`]) : '0';
  const { rows } = await db.query<Omit<StaffCaseCounts, 'limit'>>(
    `SELECT ${mine} AS mine,
            ${capped(['s.assignee_id IS NULL', `s.status NOT IN ('closed')`])} AS unassigned,
            ${capped([`s.status = 'referred'`])} AS committee,
            ${capped([OPEN_WITH_DUE('s.'), `s.expected_decision_by < ${now}`])} AS overdue,
            ${capped([OPEN_WITH_DUE('s.'), `s.expected_decision_by >= ${now}`, `s.expected_decision_by < ${soon}`])} AS "dueSoon"`,
    p.values,
  );
  return { ...rows[0]!, limit: COUNT_LIMIT };
}

export interface ExportRow extends SummaryRow {
  mobile: string | null;
  email: string | null;
  subject: string | null;
  description: string | null;
  rating_scale: string | null;
  rating_score: number | null;
}

/** Rows per batch of the export: one batch is what a public request may wait for on the embedded database. */
export const EXPORT_BATCH = 500;
/** PostgreSQL reads the cursor in bigger steps (fewer round trips; other requests have their own connections). */
export const CURSOR_BATCH = 2000;

/** The export's SELECT; `after` continues after that row of the order (keyset paging). */
function exportSql(query: StaffExportQuery, now: Date, after?: { key: string; reference: string }, limit?: number) {
  const p = new Params();
  const columns = summaryColumns(p.add(now), p.add(dueSoonLimit(now)));
  const conditions = submissionConditions(query, p, { now });
  if (after) {
    conditions.push(`(s.received_at, s.reference) < (${p.add(after.key)}::timestamptz, ${p.add(after.reference)})`);
  }
  const sql = `SELECT ${columns}, s.received_at::text AS sort_key,
            coalesce(s.payload #>> '{applicant,mobile}', s.payload #>> '{contact,mobile}') AS mobile,
            coalesce(s.payload #>> '{applicant,email}', s.payload #>> '{contact,email}') AS email,
            s.payload ->> 'subject' AS subject,
            s.payload ->> 'description' AS description,
            rt.scale AS rating_scale, rt.score AS rating_score
       FROM submissions s ${ASSIGNEE_JOIN} LEFT JOIN ratings rt ON rt.reference = s.reference
       ${whereClause(conditions)}
      ORDER BY s.received_at DESC, s.reference DESC${limit ? ` LIMIT ${limit}` : ''}`;
  return { sql, params: p.values };
}

/**
 * Every matching submission, newest first, with the columns the CSV needs, in batches of
 * about `size` rows, never all at once. PostgreSQL: one server-side cursor. The embedded
 * database has one connection: a keyset page per batch, so a public request queued behind
 * the export waits for one batch, not for the whole file.
 */
export async function* exportBatches(
  db: Database,
  query: StaffExportQuery,
  now: Date,
  size = db.cursor ? CURSOR_BATCH : EXPORT_BATCH,
): AsyncGenerator<ExportRow[]> {
  if (db.cursor) {
    const { sql, params } = exportSql(query, now);
    yield* db.cursor<ExportRow>(sql, params, size);
    return;
  }
  let after: { key: string; reference: string } | undefined;
  for (;;) {
    const { sql, params } = exportSql(query, now, after, size);
    const { rows } = await db.query<ExportRow & { sort_key: string }>(sql, params);
    if (rows.length > 0) yield rows;
    if (rows.length < size) return;
    const last = rows.at(-1)!;
    after = { key: last.sort_key, reference: last.reference };
  }
}

interface TimelineRow {
  type: StaffTimelineEntry['type'];
  status: Status;
  note: string | null;
  note_public: boolean;
  actor: string;
  at: Date;
  version: number;
  details: {
    assigneeId?: string | null;
    assigneeName?: string | null;
    attachments?: { id: string; kind: string; size: number }[];
  } | null;
}

function toTimeline(row: TimelineRow): StaffTimelineEntry {
  return {
    type: row.type,
    status: row.status,
    at: iso(row.at),
    ...(row.note ? { note: row.note } : {}),
    public: row.note_public,
    actor: row.actor,
    ...(row.type === 'assign'
      ? {
          assignee: row.details?.assigneeId
            ? { id: row.details.assigneeId, name: row.details.assigneeName ?? '' }
            : null,
        }
      : {}),
    ...(row.type === 'reply' ? { attachments: row.details?.attachments ?? [] } : {}),
    version: row.version,
  };
}

/** Timeline entries after `sinceVersion` (all with 0), oldest first. */
export async function timeline(db: Queryable, reference: string, sinceVersion = 0): Promise<StaffTimelineEntry[]> {
  const { rows } = await db.query<TimelineRow>(
    `SELECT type, status, note, note_public, actor, at, version, details FROM submission_history
      WHERE reference = $1 AND version > $2 ORDER BY id`,
    [reference, sinceVersion],
  );
  return rows.map(toTimeline);
}

interface DetailRow extends SummaryRow {
  payload: Record<string, unknown>;
  declaration: unknown;
  consent: unknown;
  locale: string | null;
  referred_at: Date | null;
  decision: 'accepted' | 'rejected' | null;
  decision_reason: string | null;
  decision_note: string | null;
  decision_by: string | null;
  decision_by_name: string | null;
  decision_at: Date | null;
}

/** True when this caller may see this case at all (the committee: referred requests only). */
export function canSee(actor: StaffActor, row: { kind: string; referred_at: Date | null }): boolean {
  if (actor.kind === 'account' && actor.role === 'committee') return row.kind === 'request' && row.referred_at !== null;
  return true;
}

/** The case as this caller may see it; undefined when there is none (or not for this caller). */
export async function getCase(
  db: Queryable,
  reference: string,
  actor: StaffActor,
  now: Date,
): Promise<StaffSubmissionDetail | undefined> {
  const p = new Params();
  const columns = summaryColumns(p.add(now), p.add(dueSoonLimit(now)));
  const { rows } = await db.query<DetailRow>(
    `SELECT ${columns}, s.payload, s.declaration, s.consent, s.locale, s.referred_at,
            s.decision, s.decision_reason, s.decision_note, s.decision_by, d.name AS decision_by_name, s.decision_at
       FROM submissions s ${ASSIGNEE_JOIN} LEFT JOIN staff_accounts d ON d.id = s.decision_by
      WHERE s.reference = ${p.add(reference)}`,
    p.values,
  );
  const row = rows[0];
  if (!row || !canSee(actor, row)) return undefined;
  const [entries, attachments, ratings] = await Promise.all([
    timeline(db, reference),
    db.query<{ id: string; kind: string; media_type: string; size: number; sha256: string }>(
      'SELECT id, kind, media_type, size, sha256 FROM attachments WHERE reference = $1 ORDER BY created_at, kind',
      [reference],
    ),
    db.query<{ id: string; scale: string; score: number; comment: string | null; created_at: Date }>(
      'SELECT id, scale, score, comment, created_at FROM ratings WHERE reference = $1',
      [reference],
    ),
  ]);
  const who = workflowActor(actor);
  const shaped = shapePayload(row.payload, who);
  const rating = ratings.rows[0];
  return {
    ...toSummary(row),
    payload: shaped.payload,
    redacted: shaped.redacted,
    ...(row.declaration ? { declaration: row.declaration as StaffSubmissionDetail['declaration'] } : {}),
    ...(row.consent ? { consent: row.consent as StaffSubmissionDetail['consent'] } : {}),
    ...(row.locale ? { locale: row.locale } : {}),
    ...(row.referred_at ? { referredAt: iso(row.referred_at) } : {}),
    ...(row.decision && row.decision_at
      ? {
          decision: {
            decision: row.decision,
            reason: row.decision_reason ?? '',
            ...(row.decision_note ? { publicNote: row.decision_note } : {}),
            by: { id: row.decision_by ?? '', name: row.decision_by_name ?? '' },
            at: iso(row.decision_at),
          },
        }
      : {}),
    timeline: entries,
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
    allowedActions: {
      ...allowedActions(row.kind, row.status, who),
      download: (ATTACHMENT_READERS as readonly string[]).includes(who),
    },
  };
}

/** The file, when the case exists, this caller may see it, and the id is one of its attachments. */
export async function getAttachment(db: Queryable, reference: string, id: string, actor: StaffActor) {
  const { rows } = await db.query<{
    kind: string;
    media_type: string;
    /** NULL when the bytes are in the attachment files (server/storage/). */
    data: Uint8Array | null;
    sha256: string;
    case_kind: string;
    referred_at: Date | null;
  }>(
    `SELECT f.kind, f.media_type, f.data, f.sha256, s.kind AS case_kind, s.referred_at
       FROM attachments f JOIN submissions s ON s.reference = f.reference
      WHERE f.reference = $1 AND f.id = $2`,
    [reference, id],
  );
  const row = rows[0];
  return row && canSee(actor, { kind: row.case_kind, referred_at: row.referred_at }) ? row : undefined;
}
