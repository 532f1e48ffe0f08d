/**
 * "There is a problem" at the top of the form (GOV.UK pattern): it takes focus after a
 * failed submit, and each entry is a link that moves focus to its field.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import type { FieldError } from '../contract/problem.js';
import { errorMessage, limitsOf, type FieldLimits } from '../core/messages.js';
import { fieldId } from './field-parts.js';

export interface SummaryField extends FieldLimits {
  label: string;
}

export function renderErrorSummary(
  errors: readonly FieldError[],
  fields: Readonly<Record<string, SummaryField>>,
  focusField: (name: string) => void,
  /** Another id when one shadow root holds two forms (the lookup and its reply form). */
  id = 'error-summary',
): TemplateResult | typeof nothing {
  if (errors.length === 0) return nothing;
  return html`<div class="summary" part="error-summary" role="alert" tabindex="-1" id=${id} aria-labelledby="${id}-title">
    <h3 id="${id}-title">${msg('There is a problem')}</h3>
    <ul>
      ${errors.map((error) => {
        const field = fields[error.path];
        // A field's own "required" message names the field: no label before it.
        const label = error.code === 'required' && field?.required ? undefined : field?.label;
        return html`<li>
          <a
            href="#${fieldId(error.path)}"
            @click=${(event: Event) => {
              event.preventDefault();
              focusField(error.path);
            }}
            >${label ? `${label}: ` : ''}${errorMessage(error.code, limitsOf(error, field))}</a
          >
        </li>`;
      })}
    </ul>
  </div>`;
}
