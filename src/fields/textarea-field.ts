/** A multi-line answer with a character counter that says how much room is left. */
import { html } from 'lit';
import { live } from 'lit/directives/live.js';
import { msg, str } from '@lit/localize';
import type { FormController } from '../core/form-controller.js';
import { describedBy, fieldId, labelText, renderError, renderHint, type FieldBase } from './field-parts.js';

export interface TextareaField extends FieldBase {
  maxLength: number;
  rows?: number;
}

export function renderTextareaField(form: FormController<unknown>, field: TextareaField) {
  const error = form.errorFor(field.name);
  const length = form.text(field.name).trim().length;
  const left = field.maxLength - length;
  const counterId = `${fieldId(field.name)}-count`;
  return html`<div class="field ${error ? 'has-error' : ''}" part="field">
    <label for=${fieldId(field.name)}>${labelText(field)}</label>
    ${renderHint(field)} ${renderError(form, field)}
    <textarea
      id=${fieldId(field.name)}
      name=${field.name}
      part="input"
      rows=${field.rows ?? 6}
      .value=${live(form.text(field.name))}
      aria-required=${field.optional ? 'false' : 'true'}
      aria-invalid=${error ? 'true' : 'false'}
      aria-describedby=${describedBy(field, Boolean(error), [counterId])}
      @input=${(event: Event) => form.set(field.name, (event.target as HTMLTextAreaElement).value)}
      @blur=${() => form.leave(field.name)}
    ></textarea>
    <p class="counter ${left < 0 ? 'over' : ''}" id=${counterId}>
      ${left >= 0 ? msg(str`${left} characters left`) : msg(str`${-left} characters too many`)}
    </p>
  </div>`;
}
