/** One checkbox for a statement the person agrees to (consent, declaration). */
import { html, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { FormController } from '../core/form-controller.js';
import { describedBy, fieldId, renderError, renderHint, type FieldBase } from './field-parts.js';

export interface CheckboxField extends Omit<FieldBase, 'label'> {
  label: string | TemplateResult;
}

export function renderCheckboxField(form: FormController<unknown>, field: CheckboxField): TemplateResult {
  const base = { ...field, label: '' };
  const error = form.errorFor(field.name);
  return html`<div class="field ${error ? 'has-error' : ''}" part="field">
    ${renderHint(base)} ${renderError(form, base)}
    <label class="choice">
      <input
        type="checkbox"
        id=${fieldId(field.name)}
        name=${field.name}
        .checked=${live(form.get(field.name) === true)}
        aria-required=${field.optional ? 'false' : 'true'}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${describedBy(base, Boolean(error))}
        @change=${(event: Event) => {
          form.set(field.name, (event.target as HTMLInputElement).checked);
          form.leave(field.name);
        }}
      />
      <span class="choice-text">${field.label}</span>
    </label>
  </div>`;
}
