/**
 * The export of everything held about a person (PDPL right of access): every case with
 * its payload (national ID and mobile decrypted), declaration and consent, decision,
 * history, attachment list, messages and rating, as JSON, or as CSV with one value per
 * line (case, section, item, field, value) so nothing needs a nested cell.
 */
import type { Queryable } from '../db/database.js';
import { iso } from '../dates.js';
import { csvCell } from '../staff/csv.js';
import { revealPayload } from './sealing.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

interface SubmissionRow {
  reference: string;
  kind: string;
  status: string;
  channel: string;
  payload: Record<string, unknown>;
  declaration: Json;
  consent: Json;
  locale: string | null;
  received_at: Date;
  updated_at: Date;
  expected_decision_by: Date | null;
  anonymised_at: Date | null;
  decision: string | null;
  decision_reason: string | null;
  decision_note: string | null;
  decision_at: Date | null;
}

const at = (value: Date | null | undefined) => (value ? iso(value) : null);

/** One case as exported: plain JSON, every date in ISO 8601. */
async function exportCase(db: Queryable, row: SubmissionRow): Promise<Record<string, Json>> {
  const reference = row.reference;
  const [history, attachments, messages, ratings] = await Promise.all([
    db.query<{ type: string; status: string; note: string | null; note_public: boolean; actor: string; at: Date }>(
      'SELECT type, status, note, note_public, actor, at FROM submission_history WHERE reference = $1 ORDER BY id',
      [reference],
    ),
    db.query<{ id: string; kind: string; media_type: string; size: number; sha256: string; created_at: Date }>(
      'SELECT id, kind, media_type, size, sha256, created_at FROM attachments WHERE reference = $1 ORDER BY created_at, id',
      [reference],
    ),
    db.query<{ id: string; event: string; channel: string; state: string; created_at: Date; sent_at: Date | null }>(
      'SELECT id, event, channel, state, created_at, sent_at FROM messages WHERE reference = $1 ORDER BY created_at, id',
      [reference],
    ),
    db.query<{ scale: string; score: number; comment: string | null; created_at: Date }>(
      'SELECT scale, score, comment, created_at FROM ratings WHERE reference = $1',
      [reference],
    ),
  ]);
  const rating = ratings.rows[0];
  return {
    reference,
    kind: row.kind,
    status: row.status,
    channel: row.channel,
    locale: row.locale,
    receivedAt: iso(row.received_at),
    updatedAt: iso(row.updated_at),
    expectedDecisionBy: at(row.expected_decision_by),
    anonymisedAt: at(row.anonymised_at),
    payload: revealPayload(row.payload) as Json,
    declaration: row.declaration,
    consent: row.consent,
    decision: row.decision
      ? { decision: row.decision, reason: row.decision_reason, publicNote: row.decision_note, at: at(row.decision_at) }
      : null,
    history: history.rows.map((entry) => ({
      type: entry.type,
      status: entry.status,
      note: entry.note,
      public: entry.note_public,
      actor: entry.actor,
      at: iso(entry.at),
    })),
    attachments: attachments.rows.map((file) => ({
      id: file.id,
      kind: file.kind,
      mediaType: file.media_type,
      size: file.size,
      sha256: file.sha256,
      createdAt: iso(file.created_at),
    })),
    messages: messages.rows.map((message) => ({
      id: message.id,
      event: message.event,
      channel: message.channel,
      state: message.state,
      createdAt: iso(message.created_at),
      sentAt: at(message.sent_at),
    })),
    rating: rating
      ? { scale: rating.scale, score: rating.score, comment: rating.comment, createdAt: iso(rating.created_at) }
      : null,
  };
}

export interface PersonExport {
  generatedAt: string;
  cases: Record<string, Json>[];
}

export async function exportPerson(db: Queryable, references: string[], now: Date): Promise<PersonExport> {
  const { rows } = await db.query<SubmissionRow>(
    `SELECT reference, kind, status, channel, payload, declaration, consent, locale, received_at, updated_at,
            expected_decision_by, anonymised_at, decision, decision_reason, decision_note, decision_at
       FROM submissions WHERE reference = ANY($1::text[]) ORDER BY received_at, reference`,
    [references],
  );
  const cases: Record<string, Json>[] = [];
  // One case at a time: a person has a handful, and each reads four small tables.
  for (const row of rows) cases.push(await exportCase(db, row));
  return { generatedAt: iso(now), cases };
}

const SECTIONS = ['history', 'attachments', 'messages'] as const;

const csvLine = (cells: readonly unknown[]) => `${cells.map(csvCell).join(',')}\r\n`;

/** Every leaf of a JSON value as [dotted path, value]. */
function leaves(value: Json, path: string, out: Array<[string, Json]>): void {
  if (value !== null && typeof value === 'object') {
    const entries = Array.isArray(value)
      ? value.map((item, index) => [String(index), item] as const)
      : Object.entries(value);
    if (entries.length === 0) out.push([path, '']);
    for (const [key, item] of entries) leaves(item, path ? `${path}.${key}` : key, out);
  } else {
    out.push([path, value]);
  }
}

/** The export as CSV lines (BOM first: Excel then reads Arabic as UTF-8). */
export function personExportCsv(data: PersonExport): string {
  let csv = `\uFEFF${csvLine(['reference', 'section', 'item', 'field', 'value'])}`;
  for (const item of data.cases) {
    const reference = String(item.reference);
    const rest: Record<string, Json> = {};
    for (const [key, value] of Object.entries(item)) {
      if (!(SECTIONS as readonly string[]).includes(key)) rest[key] = value;
    }
    const caseLeaves: Array<[string, Json]> = [];
    leaves(rest, '', caseLeaves);
    for (const [field, value] of caseLeaves) csv += csvLine([reference, 'case', '', field, value]);
    for (const section of SECTIONS) {
      const list = (item[section] as Json[] | undefined) ?? [];
      list.forEach((entry, index) => {
        const entryLeaves: Array<[string, Json]> = [];
        leaves(entry, '', entryLeaves);
        for (const [field, value] of entryLeaves) csv += csvLine([reference, section, index + 1, field, value]);
      });
    }
  }
  return csv;
}
