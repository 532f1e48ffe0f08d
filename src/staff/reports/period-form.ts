/** The report's period form: its fields, defaults, checks and the query it sends. */
import { msg } from '@lit/localize';
import type { QueryValue } from '../api.js';

export interface PeriodForm {
  period: string;
  month: string;
  year: string;
  quarter: string;
  from: string;
  to: string;
  kind: string;
}

export const PERIOD_FIELDS = (): Record<keyof PeriodForm, string> => ({
  period: msg('Report for'),
  month: msg('Month'),
  year: msg('Year'),
  quarter: msg('Quarter'),
  from: msg('From'),
  to: msg('To'),
  kind: msg('Kind'),
});

/** This month in Riyadh (UTC+3, no daylight saving). */
export function defaultPeriod(now: Date): PeriodForm {
  const riyadh = new Date(now.getTime() + 3 * 3_600_000).toISOString();
  const month = riyadh.slice(0, 7);
  return {
    period: 'month',
    month,
    year: riyadh.slice(0, 4),
    quarter: String(Math.floor((Number(riyadh.slice(5, 7)) - 1) / 3) + 1),
    from: `${month}-01`,
    to: riyadh.slice(0, 10),
    kind: '',
  };
}

export function validatePeriod(form: PeriodForm): Partial<Record<keyof PeriodForm, string>> {
  const errors: Partial<Record<keyof PeriodForm, string>> = {};
  if (form.period === 'month' && !/^\d{4}-\d{2}$/.test(form.month)) errors.month = msg('Choose a month.');
  if ((form.period === 'year' || form.period === 'quarter') && !/^\d{4}$/.test(form.year))
    errors.year = msg('Enter a year of four digits, such as 2026.');
  if (form.period === 'custom') {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(form.from)) errors.from = msg('Choose the first day.');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(form.to)) errors.to = msg('Choose the last day.');
    else if (!errors.from && form.to < form.from) errors.to = msg('The last day must not be before the first day.');
  }
  return errors;
}

export function periodQuery(form: PeriodForm): Record<string, QueryValue> {
  const kind = form.kind || undefined;
  switch (form.period) {
    case 'quarter':
      return { period: 'quarter', at: `${form.year}-Q${form.quarter}`, kind };
    case 'year':
      return { period: 'year', at: form.year, kind };
    case 'custom':
      return { period: 'custom', from: form.from, to: form.to, kind };
    default:
      return { period: 'month', at: form.month, kind };
  }
}
