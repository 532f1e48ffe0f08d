/** A native select: the most robust list picker on cheap phones and screen readers. */
import { html } from 'lit';
import { msg } from '@lit/localize';
import type { FormController } from '../core/form-controller.js';
import { describedBy, fieldId, labelText, renderError, renderHint, type FieldBase } from './field-parts.js';

export interface Option {
  value: string;
  label: string;
}

export interface SelectField extends FieldBase {
  options: readonly Option[];
}

export function renderSelectField(form: FormController<unknown>, field: SelectField) {
  const error = form.errorFor(field.name);
  const value = form.text(field.name);
  return html`<div class="field ${error ? 'has-error' : ''}" part="field">
    <label for=${fieldId(field.name)}>${labelText(field)}</label>
    ${renderHint(field)} ${renderError(form, field)}
    <select
      id=${fieldId(field.name)}
      name=${field.name}
      part="input"
      aria-required=${field.optional ? 'false' : 'true'}
      aria-invalid=${error ? 'true' : 'false'}
      aria-describedby=${describedBy(field, Boolean(error))}
      @change=${(event: Event) => form.set(field.name, (event.target as HTMLSelectElement).value)}
      @blur=${() => form.leave(field.name)}
    >
      <option value="" ?selected=${value === ''}>${msg('Choose…')}</option>
      ${field.options.map((option) => html`<option value=${option.value} ?selected=${option.value === value}>${option.label}</option>`)}
    </select>
  </div>`;
}
