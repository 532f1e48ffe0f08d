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

export function verifierLabel(): string {
  return msg('Verification code');
}

export function summaryFields(): Record<string, SummaryField> {
  return {
    reference: { label: referenceLabel() },
    verifier: { label: verifierLabel(), maxLength: VERIFIER_MAX_LENGTH },
  };
}
