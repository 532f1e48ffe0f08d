/** What the lookup form asks: field names (payload paths), labels and limits. */
import { msg } from '@lit/localize';
import type { SummaryField } from '../../fields/error-summary.js';
import { VERIFIER_MAX_LENGTH } from '../../contract/limits.js';

export const FIELD_ORDER = ['reference', 'verifier'] as const;

/** The contract's limit (the schema is built from the same constant). */
export { VERIFIER_MAX_LENGTH };

export function referenceLabel(): string {
  return msg('Reference number');
}

/**
 * Says what to type, not what it is for: «رمز التحقق» made people wait for an SMS code
 * that never comes (docs/glossary.ar.md).
 */
export function verifierLabel(): string {
  return msg('Last 4 digits of your mobile, or your follow-up code');
}

/** What a field says when left empty: it names the field. */
export function referenceRequired(): string {
  return msg('Enter the reference number.');
}

export function verifierRequired(): string {
  return msg('Enter the last 4 digits of your mobile, or your follow-up code.');
}

export function summaryFields(): Record<string, SummaryField> {
  return {
    reference: { label: referenceLabel(), required: referenceRequired() },
    verifier: { label: verifierLabel(), required: verifierRequired(), maxLength: VERIFIER_MAX_LENGTH },
  };
}
