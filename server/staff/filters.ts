/**
 * Turns the inbox's and the export's query into SQL conditions with parameters. Every
 * condition is one an index serves (docs: server/README.md, "Search and paging").
 */
import { normalizeArabic } from '../../src/contract/arabic-normalize.js';
import { normalizeReference } from '../../src/contract/identifiers.js';
import type { StaffExportQuery, StaffListQuery } from '../../src/contract/staff.js';
import { FINAL_STATUSES } from '../../src/contract/status.js';
import { nextDay, startOfLocalDay } from '../dates.js';
import { mobileSearchHash, nationalIdSearchHash } from './search-index.js';

/*
 * A bare date is a day in the association's time zone, as the statistics' months and the
 * CSV's times are: `to=2025-01-31` ends at midnight in Riyadh, not at 03:00.
 */
const isBareDate = (value: string) => value.length === 10;

/** A bare date as `to` means "until the end of that day". */
export function upperBound(value: string): Date {
  return isBareDate(value) ? startOfLocalDay(nextDay(value)) : new Date(value);
}

export function lowerBound(value: string): Date {
  return isBareDate(value) ? startOfLocalDay(value) : new Date(value);
}

export const FINAL_LIST = FINAL_STATUSES.map((status) => `'${status}'`).join(', ');
/** "Due soon": open and due within this many days. */
export const DUE_SOON_DAYS = 2;
/** An open case with a due date: the partial index submissions_open_due_idx covers exactly this. */
export const OPEN_WITH_DUE = (p: string) =>
  `${p}status NOT IN (${FINAL_LIST}) AND ${p}expected_decision_by IS NOT NULL`;

/** Positional parameters, numbered as they are added. */
export class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** LIKE's own characters in what people type match themselves. */
const likeEscape = (value: string) => value.replace(/[\\%_]/g, (char) => `\\${char}`);

/**
 * `q`: a reference part, a name part (normalized), an exact national ID or mobile (keyed
 * hash). Only the branches that could match are asked; a partial number matches nothing.
 */
function searchCondition(q: string, p: Params, prefix: string): string | undefined {
  const branches: string[] = [];
  const nid = nationalIdSearchHash(q);
  if (nid) branches.push(`${prefix}national_id_hash = ${p.add(nid)}`);
  const mobile = mobileSearchHash(q);
  if (mobile) branches.push(`${prefix}mobile_hash = ${p.add(mobile)}`);
  const name = normalizeArabic(q);
  // Names have letters; a number alone is a national ID or a mobile, or nothing.
  if (/\p{L}/u.test(name) && Array.from(name).length >= 2) {
    branches.push(`${prefix}search_name LIKE ${p.add(`%${likeEscape(name)}%`)}`);
  }
  // References are Crockford base32 with dashes: anything else cannot be one.
  if (/^[0-9A-Za-z\s-]+$/.test(q) && !nid && !mobile) {
    const part = normalizeReference(q).replace(/[^0-9A-Z]/g, '');
    if (part.length >= 3) branches.push(`${prefix}reference LIKE ${p.add(`%${part}%`)}`);
  }
  return branches.length > 0 ? `(${branches.join(' OR ')})` : undefined;
}

export interface FilterScope {
  now: Date;
  /** The caller's account id (assignee=me). */
  actorId?: string;
  /** Committee members see the requests referred to them, nothing else. */
  committeeOnly?: boolean;
}

/**
 * The WHERE conditions of a list or export. prefix: the table alias with its dot ("s.").
 * A `q` that can match nothing yields the condition `false`, never "no filter".
 */
export function submissionConditions(
  query: StaffExportQuery & Pick<StaffListQuery, 'assignee'>,
  p: Params,
  scope: FilterScope,
  prefix = 's.',
): string[] {
  const conditions: string[] = [];
  if (scope.committeeOnly) conditions.push(`${prefix}kind = 'request' AND ${prefix}referred_at IS NOT NULL`);
  if (query.kind) conditions.push(`${prefix}kind = ${p.add(query.kind)}`);
  if (query.status) conditions.push(`${prefix}status = ${p.add(query.status)}`);
  if (query.channel) conditions.push(`${prefix}channel = ${p.add(query.channel)}`);
  if (query.from) conditions.push(`${prefix}received_at >= ${p.add(lowerBound(query.from))}`);
  if (query.to) conditions.push(`${prefix}received_at < ${p.add(upperBound(query.to))}`);
  if (query.assignee === 'none') conditions.push(`${prefix}assignee_id IS NULL`);
  else if (query.assignee === 'me') conditions.push(`${prefix}assignee_id = ${p.add(scope.actorId)}`);
  else if (query.assignee) conditions.push(`${prefix}assignee_id = ${p.add(query.assignee)}`);
  if (query.overdue !== undefined) {
    const past = `${prefix}expected_decision_by < ${p.add(scope.now)}`;
    conditions.push(
      query.overdue ? `${OPEN_WITH_DUE(prefix)} AND ${past}` : `NOT (${OPEN_WITH_DUE(prefix)} AND ${past})`,
    );
  }
  if (query.dueSoon !== undefined) {
    const soon = `${prefix}expected_decision_by >= ${p.add(scope.now)} AND ${prefix}expected_decision_by < ${p.add(dueSoonLimit(scope.now))}`;
    conditions.push(
      query.dueSoon ? `${OPEN_WITH_DUE(prefix)} AND ${soon}` : `NOT (${OPEN_WITH_DUE(prefix)} AND ${soon})`,
    );
  }
  if (query.q) conditions.push(searchCondition(query.q, p, prefix) ?? 'false');
  return conditions;
}

export function dueSoonLimit(now: Date): Date {
  return new Date(now.getTime() + DUE_SOON_DAYS * 24 * 3600_000);
}

export const whereClause = (conditions: string[]) => (conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '');
