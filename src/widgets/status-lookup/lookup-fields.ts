/** What the lookup form asks: field names (payload paths), labels and limits. */
import { msg } from '@lit/localize';
import type { SummaryField } from '../../fields/error-summary.js';

export const FIELD_ORDER = ['reference', 'verifier'] as const;

export const VERIFIER_MAX_LENGTH = 12;

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
