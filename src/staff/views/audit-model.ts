/**
 * The audit log viewer's pure parts: each action's name in words, the filters as a query
 * (the same one for the page, "more" and the CSV), and how a row's details read.
 */
import { msg } from '@lit/localize';
import { AUDIT_ACTIONS, auditQuery } from '../../contract/staff-auth.js';
import { isReference, normalizeReference } from '../../contract/identifiers.js';
import type { FormValues, Validation } from '../../core/form-controller.js';
import { validateWith } from '../../core/validate.js';
import type { SummaryField } from '../../fields/error-summary.js';
import type { QueryValue } from '../api.js';

export { AUDIT_ACTIONS };

/** An action's name in words; an action this console does not know yet shows as recorded. */
export function actionLabel(action: string): string {
  switch (action) {
    case 'session.sign_in':
      return msg('Signed in');
    case 'session.sign_in_failed':
      return msg('Failed sign-in');
    case 'session.sign_out':
      return msg('Signed out');
    case 'case.view':
      return msg('Viewed a case');
    case 'case.attachment':
      return msg('Downloaded an attachment');
    case 'case.intake':
      return msg('Recorded a received case');
    case 'case.status':
      return msg('Changed a case status');
    case 'case.note':
      return msg('Added a note');
    case 'case.assign':
      return msg('Assigned a case');
    case 'case.refer':
      return msg('Referred to the committee');
    case 'case.decision':
      return msg('Recorded the committee decision');
    case 'case.export':
      return msg('Exported cases');
    case 'account.create':
      return msg('Created an account');
    case 'account.update':
      return msg('Changed an account');
    case 'account.reset_password':
      return msg('Reset a password');
    case 'account.password':
      return msg('Changed own password');
    case 'account.totp':
      return msg('Set up two-step verification');
    case 'settings.update':
      return msg('Changed the settings');
    case 'audit.view':
      return msg('Viewed the audit log');
    case 'audit.export':
      return msg('Downloaded the audit log');
    case 'privacy.search':
      return msg('Searched personal data');
    case 'privacy.export':
      return msg('Downloaded personal data');
    case 'privacy.correct':
      return msg('Corrected personal data');
    case 'privacy.erase':
      return msg('Erased personal data');
    case 'retention.anonymise':
      return msg('Anonymised after the retention period');
    case 'retention.attachments':
      return msg('Deleted documents after the retention period');
    case 'report.view':
      return msg('Viewed a report');
    case 'report.export':
      return msg('Exported a report');
    case 'visitors.record':
      return msg('Recorded visitors');
    case 'message.resend':
      return msg('Resent a message');
    case 'case.reply':
      return msg('The applicant answered a question');
    case 'reference.reminder':
      return msg('Reference numbers asked for by mobile or e-mail');
    default:
      return action;
  }
}

export const FILTER_FIELDS = ['from', 'to', 'actor', 'action', 'target'] as const;

export const EMPTY_FILTERS: FormValues = { from: '', to: '', actor: '', action: '', target: '' };

export function filterSummaryFields(): Record<string, SummaryField> {
  return {
    from: { label: msg('From') },
    to: { label: msg('To') },
    actor: { label: msg('Person') },
    action: { label: msg('Action') },
    target: { label: msg('Target or reference'), maxLength: 200 },
  };
}

/**
 * The filters as the API's query: empty ones left out, a reference typed the way people
 * write it (c-4f7k-2m9q-x3tb) turned into the stored form.
 */
export function filtersToQuery(values: FormValues): Record<string, QueryValue> {
  const text = (name: string) => (typeof values[name] === 'string' ? (values[name] as string).trim() : '');
  const target = text('target');
  return {
    from: text('from') || undefined,
    to: text('to') || undefined,
    actor: text('actor') || undefined,
    action: text('action') || undefined,
    target: target && isReference(target) ? normalizeReference(target) : target || undefined,
  };
}

/** Checks the filters with the server's own query schema (dates, lengths). */
export function validateFilters(values: FormValues): Validation<unknown> {
  const query = Object.fromEntries(Object.entries(filtersToQuery(values)).filter(([, value]) => value !== undefined));
  const result = validateWith(auditQuery, query);
  const from = query.from as string | undefined;
  const to = query.to as string | undefined;
  if (result.ok && from && to && from > to) {
    return { ok: false, errors: [{ path: 'to', code: 'invalid_date', message: 'Before the start date.' }] };
  }
  return result;
}

/** "reason: wrong_password · ip: …" → the details as short "key: value" pairs. */
export function detailPairs(details: Record<string, string | number | boolean | null>): string[] {
  return Object.entries(details)
    .filter(([, value]) => value !== null && value !== '')
    .map(([key, value]) => `${key}: ${String(value)}`);
}
