/**
 * The personal data view's pure parts (admin): what a person is searched by, the field
 * names (the ones the applicant saw in the form), and the forms checked with the server's
 * own schemas (src/contract/privacy.ts).
 */
import { msg } from '@lit/localize';
import { normalizeReference } from '../../contract/identifiers.js';
import {
  privacyCorrectBody,
  privacySearchBody,
  type CorrectableField,
  type PrivacyCase,
} from '../../contract/privacy.js';
import type { FormValues, Validation } from '../../core/form-controller.js';
import { validateWith } from '../../core/validate.js';
import type { SummaryField } from '../../fields/error-summary.js';
import { codeText } from './accounts-errors.js';

export const SEARCH_BY = ['nationalId', 'mobile', 'reference'] as const;
export type SearchBy = (typeof SEARCH_BY)[number];

export const EMPTY_SEARCH: FormValues = { by: 'nationalId', value: '' };

export function searchByLabel(by: SearchBy): string {
  switch (by) {
    case 'nationalId':
      return msg('National ID or iqama number');
    case 'mobile':
      return msg('Mobile number');
    case 'reference':
      return msg('Reference number');
  }
}

export function searchSummaryFields(by: SearchBy): Record<string, SummaryField> {
  return { by: { label: msg('Search by') }, value: { label: searchByLabel(by) } };
}

/** The search body; its one error (whichever field) shows on the value typed. */
export function searchBody(values: FormValues): Record<string, string> {
  const by = (SEARCH_BY as readonly string[]).includes(values.by as string) ? (values.by as SearchBy) : 'nationalId';
  const value = typeof values.value === 'string' ? values.value.trim() : '';
  return value ? { [by]: value } : {};
}

export function validateSearch(values: FormValues): Validation<unknown> {
  if (typeof values.value !== 'string' || !values.value.trim()) {
    return { ok: false, errors: [{ path: 'value', code: 'required' }] };
  }
  const result = validateWith(privacySearchBody, searchBody(values));
  return { ...result, errors: result.errors.map((error) => ({ ...error, path: 'value' })) };
}

export function fieldLabel(field: CorrectableField | string): string {
  switch (field) {
    case 'fullName':
    case 'name':
      return msg('Full name');
    case 'nationalId':
      return msg('National ID or iqama number');
    case 'mobile':
      return msg('Mobile number');
    case 'email':
      return msg('E-mail address');
    case 'city':
      return msg('City');
    case 'birthDate':
      return msg('Date of birth');
    default:
      return field;
  }
}

export function correctionFields(item: PrivacyCase): Record<string, SummaryField> {
  return Object.fromEntries(item.correctable.map((field) => [field, { label: fieldLabel(field) }]));
}

/** The fields changed from what the case holds (only those are sent). */
export function changedFields(item: PrivacyCase, values: FormValues): Record<string, string> {
  const changes: Record<string, string> = {};
  for (const field of item.correctable) {
    const value = typeof values[field] === 'string' ? (values[field] as string).trim() : '';
    if (value !== (item.person[field] ?? '')) changes[field] = value;
  }
  return changes;
}

export function validateCorrection(item: PrivacyCase, values: FormValues): Validation<unknown> {
  const changes = changedFields(item, values);
  if (Object.keys(changes).length === 0) {
    return { ok: false, errors: [{ path: item.correctable[0] ?? 'fullName', code: 'nothing_changed' }] };
  }
  const result = validateWith(privacyCorrectBody, { version: item.version, changes });
  return {
    ...result,
    errors: result.errors.map((error) => ({ ...error, path: error.path.replace(/^changes\./, '') })),
  };
}

export function validateErasure(item: PrivacyCase, values: FormValues): Validation<unknown> {
  const typed = typeof values.confirm === 'string' ? values.confirm.trim() : '';
  if (!typed) return { ok: false, errors: [{ path: 'confirm', code: 'required' }] };
  if (normalizeReference(typed) !== item.reference) {
    return { ok: false, errors: [{ path: 'confirm', code: 'confirmation_mismatch' }] };
  }
  return { ok: true, payload: { version: item.version, confirm: typed }, errors: [] };
}

/** Words for this view's own codes, then the console's. */
export function privacyCodeText(code: string, field?: SummaryField): string {
  switch (code) {
    case 'confirmation_mismatch':
      return msg('Type the reference number of this case exactly as shown above.');
    case 'nothing_changed':
      return msg('Change at least one field, or cancel.');
    case 'not_applicable':
      return msg('This case has no such field.');
    case 'one_required':
      return msg('Enter what to search by.');
    default:
      return codeText(code, field);
  }
}
