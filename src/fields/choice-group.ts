/** Radio buttons in a fieldset: one tab stop, arrow keys, the legend names the group. */
import { html, nothing, type TemplateResult } from 'lit';
import type { FormController } from '../core/form-controller.js';
import { describedBy, fieldId, labelText, renderError, renderHint, type FieldBase } from './field-parts.js';

export interface Choice {
  value: string;
  label: string;
  hint?: string;
}

export interface ChoiceGroup extends FieldBase {
  choices: readonly Choice[];
  /** Side by side when there is room (short labels). */
  inline?: boolean;
}

export function renderChoiceGroup(form: FormController<unknown>, group: ChoiceGroup): TemplateResult {
  const error = form.errorFor(group.name);
  const value = form.text(group.name);
  return html`<fieldset
    class="group ${error ? 'has-error' : ''}"
    part="field"
    id=${fieldId(group.name)}
    tabindex="-1"
    aria-describedby=${describedBy(group, Boolean(error))}
  >
    <legend>${labelText(group)}</legend>
    ${renderHint(group)} ${renderError(form, group)}
    <div class="choices ${group.inline ? 'inline' : ''}">
      ${group.choices.map(
        (choice, index) => html`<label class="choice">
          <input
            type="radio"
            name=${group.name}
            value=${choice.value}
            id=${index === 0 ? `${fieldId(group.name)}-first` : nothing}
            .checked=${choice.value === value}
            aria-invalid=${error ? 'true' : 'false'}
            @change=${() => form.set(group.name, choice.value)}
            @blur=${() => form.leave(group.name)}
          />
          <span class="choice-text">
            <span>${choice.label}</span>
            ${choice.hint ? html`<span class="hint">${choice.hint}</span>` : nothing}
          </span>
        </label>`,
      )}
    </div>
  </fieldset>`;
}
