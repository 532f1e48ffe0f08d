/** Turns the staff list/export query into a SQL WHERE clause with parameters. */
import { normalizeReference } from '../../src/contract/identifiers.js';
import type { StaffListQuery } from '../../src/contract/staff.js';
import { nextDay, startOfLocalDay } from '../dates.js';

export interface Where {
  sql: string;
  params: unknown[];
}

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

/** prefix: the table alias with its dot ("s."), when the query joins other tables. */
export function submissionFilters(query: Pick<StaffListQuery, 'kind' | 'status' | 'from' | 'to' | 'q'>, prefix = ''): Where {
  const conditions: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    conditions.push(sql.replace('?', () => `$${params.length}`));
  };
  if (query.kind) add(`${prefix}kind = ?`, query.kind);
  if (query.status) add(`${prefix}status = ?`, query.status);
  if (query.from) add(`${prefix}received_at >= ?`, lowerBound(query.from));
  if (query.to) add(`${prefix}received_at < ?`, upperBound(query.to));
  if (query.q) {
    // References are Crockford base32: anything else cannot match, so drop it (and with
    // it any LIKE wildcard).
    const part = normalizeReference(query.q).replace(/[^0-9A-Z]/g, '');
    if (part) add(`${prefix}reference LIKE '%' || ? || '%'`, part);
  }
  return { sql: conditions.length ? `WHERE ${conditions.join(' AND ')}` : '', params };
}
