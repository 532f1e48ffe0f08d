/** The daily visitor log: officers record walk-ins (a count and a purpose per entry). */
import type { VisitorEntry, VisitorEntryInput, VisitorList } from '../../src/contract/reports.js';
import { actorLabel, type StaffActor } from '../auth/actor.js';
import type { Queryable } from '../db/database.js';
import { iso } from '../dates.js';

interface Row {
  id: string;
  day: string;
  purpose: VisitorEntry['purpose'];
  count: number;
  recorded_by: string;
  recorded_at: Date;
}

const COLUMNS = `id::text AS id, to_char(day, 'YYYY-MM-DD') AS day, purpose, count, recorded_by, recorded_at`;

const toEntry = (row: Row): VisitorEntry => ({
  id: row.id,
  day: row.day,
  purpose: row.purpose,
  count: row.count,
  recordedBy: row.recorded_by,
  recordedAt: iso(row.recorded_at),
});

export async function recordVisitors(
  q: Queryable,
  input: VisitorEntryInput,
  actor: StaffActor,
  now: Date,
): Promise<VisitorEntry> {
  const { rows } = await q.query<Row>(
    `INSERT INTO visitor_log (day, purpose, count, recorded_by, recorded_at) VALUES ($1::date, $2, $3, $4, $5) RETURNING ${COLUMNS}`,
    [input.day, input.purpose, input.count, actorLabel(actor), now],
  );
  return toEntry(rows[0]!);
}

/** Entries of the days from…to (both included), newest first, and each day's total. */
export async function listVisitors(q: Queryable, from: string, to: string): Promise<VisitorList> {
  const { rows } = await q.query<Row>(
    `SELECT ${COLUMNS} FROM visitor_log WHERE day >= $1::date AND day <= $2::date ORDER BY day DESC, id DESC LIMIT 500`,
    [from, to],
  );
  const totals = new Map<string, number>();
  for (const row of rows) totals.set(row.day, (totals.get(row.day) ?? 0) + row.count);
  return {
    items: rows.map(toEntry),
    byDay: [...totals].map(([key, count]) => ({ key, count })).sort((a, b) => a.key.localeCompare(b.key)),
  };
}
