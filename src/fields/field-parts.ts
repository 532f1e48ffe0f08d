/** Pieces every field template shares: stable ids, the hint and the error line. */
import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import type { FormController } from '../core/form-controller.js';
import { errorMessage, limitsOf, type FieldLimits } from '../core/messages.js';

export interface FieldBase extends FieldLimits {
  /** Dotted payload path, e.g. "contact.mobile": schema errors map to it. */
  name: string;
  label: string;
  hint?: string | TemplateResult;
  optional?: boolean;
}

/** Shadow-root ids; the error summary links to them. */
export function fieldId(name: string): string {
  return `f-${name.replace(/[^a-zA-Z0-9_-]/g, '-')}`;
}

export function hintId(name: string): string {
  return `${fieldId(name)}-hint`;
}

export function errorId(name: string): string {
  return `${fieldId(name)}-error`;
}

/** ids for aria-describedby: hint first, then the error (read in that order). */
export function describedBy(field: FieldBase, hasError: boolean, extra: string[] = []): string | typeof nothing {
  const ids = [field.hint ? hintId(field.name) : '', hasError ? errorId(field.name) : '', ...extra].filter(Boolean);
  return ids.length ? ids.join(' ') : nothing;
}

export function labelText(field: FieldBase): TemplateResult {
  return html`${field.label}${field.optional ? html` <span class="optional">${msg('(optional)')}</span>` : nothing}`;
}

export function renderHint(field: FieldBase): TemplateResult | typeof nothing {
  return field.hint ? html`<p class="hint" id=${hintId(field.name)}>${field.hint}</p>` : nothing;
}

export function renderError(form: FormController<unknown>, field: FieldBase): TemplateResult | typeof nothing {
  const error = form.errorFor(field.name);
  if (!error) return nothing;
  return html`<p class="error" id=${errorId(field.name)} part="error">
    <span class="visually-hidden">${msg('Error:')} </span>${errorMessage(error.code, limitsOf(error, field))}
  </p>`;
}
