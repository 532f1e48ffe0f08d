/** A single-line input: text, tel, e-mail or number typed as text (any digits). */
import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import type { FormController } from '../core/form-controller.js';
import { describedBy, fieldId, labelText, renderError, renderHint, type FieldBase } from './field-parts.js';

export interface TextField extends FieldBase {
  type?: 'text' | 'tel' | 'email';
  autocomplete?: string;
  inputmode?: 'text' | 'tel' | 'email' | 'numeric' | 'decimal';
  /** Phone numbers, IDs and e-mails read left to right even in Arabic. */
  ltr?: boolean;
  spellcheck?: boolean;
}

/**
 * The browser's maxlength is a guard against runaway pastes, not the limit itself: the
 * input takes this many times the contract's limit, so a paste is never cut silently
 * and the person sees "Enter no more than N characters" instead.
 */
const PASTE_ROOM = 2;

export function renderTextField(form: FormController<unknown>, field: TextField) {
  const error = form.errorFor(field.name);
  return html`<div class="field ${error ? 'has-error' : ''}" part="field">
    <label for=${fieldId(field.name)}>${labelText(field)}</label>
    ${renderHint(field)} ${renderError(form, field)}
    <input
      id=${fieldId(field.name)}
      name=${field.name}
      type=${field.type ?? 'text'}
      part="input"
      .value=${live(form.text(field.name))}
      autocomplete=${ifDefined(field.autocomplete)}
      inputmode=${ifDefined(field.inputmode)}
      dir=${field.ltr ? 'ltr' : nothing}
      spellcheck=${field.spellcheck === false ? 'false' : nothing}
      maxlength=${ifDefined(field.maxLength ? field.maxLength * PASTE_ROOM : undefined)}
      aria-required=${field.optional ? 'false' : 'true'}
      aria-invalid=${error ? 'true' : 'false'}
      aria-describedby=${describedBy(field, Boolean(error))}
      @input=${(event: Event) => form.set(field.name, (event.target as HTMLInputElement).value)}
      @blur=${() => form.leave(field.name)}
    />
  </div>`;
}
