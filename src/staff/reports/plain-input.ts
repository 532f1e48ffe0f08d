/**
 * A labelled input of a type the shared form parts do not offer (month, number), with its
 * error above it; ids match the error summary's links (fieldId/errorId).
 */
import { html, nothing } from 'lit';
import { msg } from '@lit/localize';
import { live } from 'lit/directives/live.js';
import { errorId, fieldId } from '../../fields/field-parts.js';

export interface PlainInput {
  name: string;
  label: string;
  type: 'month' | 'number' | 'date' | 'text';
  value: string;
  error?: string;
  min?: string;
  max?: string;
  /** Digits typed on a phone keypad. */
  numeric?: boolean;
  onInput: (value: string) => void;
}

export function renderPlainInput(field: PlainInput) {
  const { name, error } = field;
  return html`<div class="field ${error ? 'has-error' : ''}">
    <label for=${fieldId(name)}>${field.label}</label>
    ${error ? html`<p class="error" id=${errorId(name)}><span class="visually-hidden">${msg('Error:')} </span>${error}</p>` : nothing}
    <input
      id=${fieldId(name)}
      name=${name}
      type=${field.type}
      dir="ltr"
      inputmode=${field.numeric ? 'numeric' : nothing}
      min=${field.min ?? nothing}
      max=${field.max ?? nothing}
      .value=${live(field.value)}
      aria-required="true"
      aria-invalid=${error ? 'true' : 'false'}
      aria-describedby=${error ? errorId(name) : nothing}
      @input=${(event: Event) => field.onInput((event.target as HTMLInputElement).value)}
    />
  </div>`;
}
