/**
 * Small form pieces for the console's own forms (sign-in, actions, decision): a labelled
 * input, textarea or select with its error next to it, and the error summary that links
 * to the fields. The widgets' templates take error codes; the console's errors are
 * already words (staff codes such as "wrong e-mail or password"), so these take text.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { errorMessage } from '../core/messages.js';
import { fieldId, errorId, hintId } from '../fields/field-parts.js';

export interface FieldSpec {
  name: string;
  label: string;
  hint?: string;
  optional?: boolean;
}

export interface InputSpec extends FieldSpec {
  type?: 'text' | 'email' | 'password' | 'search' | 'date' | 'tel';
  autocomplete?: string;
  inputmode?: 'text' | 'numeric' | 'email' | 'tel';
  ltr?: boolean;
  maxLength?: number;
}

/** A shown error: which field, and the words. */
export interface ShownError {
  name: string;
  label: string;
  message: string;
}

/** Words for a field error code: the console's own codes, then the widgets' ones. */
export function fieldMessage(code: string): string {
  switch (code) {
    case 'invalid_credentials':
      return msg('The e-mail address or the password is not right.');
    case 'invalid_totp':
      return msg('The code is not right or has expired. Enter the current code from your app.');
    default:
      return errorMessage(code);
  }
}

function describedBy(field: FieldSpec, error: string | undefined): string | typeof nothing {
  const ids = [field.hint ? hintId(field.name) : '', error ? errorId(field.name) : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : nothing;
}

function head(field: FieldSpec, error: string | undefined): TemplateResult {
  return html`<label for=${fieldId(field.name)}
      >${field.label}${field.optional ? html` <span class="optional">${msg('(optional)')}</span>` : nothing}</label
    >
    ${field.hint ? html`<p class="hint" id=${hintId(field.name)}>${field.hint}</p>` : nothing}
    ${
      error
        ? html`<p class="error" id=${errorId(field.name)}><span class="visually-hidden">${msg('Error:')} </span>${error}</p>`
        : nothing
    }`;
}

export function renderInput(
  field: InputSpec,
  value: string,
  error: string | undefined,
  onInput: (value: string) => void,
): TemplateResult {
  const type = field.type ?? 'text';
  return html`<div class="field ${error ? 'has-error' : ''}">
    ${head(field, error)}
    <input
      id=${fieldId(field.name)}
      name=${field.name}
      type=${type}
      .value=${live(value)}
      autocomplete=${ifDefined(field.autocomplete)}
      inputmode=${ifDefined(field.inputmode)}
      maxlength=${ifDefined(field.maxLength)}
      dir=${field.ltr ? 'ltr' : nothing}
      spellcheck="false"
      aria-required=${field.optional ? 'false' : 'true'}
      aria-invalid=${error ? 'true' : 'false'}
      aria-describedby=${describedBy(field, error)}
      @input=${(event: Event) => onInput((event.target as HTMLInputElement).value)}
    />
  </div>`;
}

export function renderTextarea(
  field: FieldSpec & { maxLength?: number },
  value: string,
  error: string | undefined,
  onInput: (value: string) => void,
): TemplateResult {
  return html`<div class="field ${error ? 'has-error' : ''}">
    ${head(field, error)}
    <textarea
      id=${fieldId(field.name)}
      name=${field.name}
      rows="3"
      dir="auto"
      .value=${live(value)}
      maxlength=${ifDefined(field.maxLength)}
      aria-required=${field.optional ? 'false' : 'true'}
      aria-invalid=${error ? 'true' : 'false'}
      aria-describedby=${describedBy(field, error)}
      @input=${(event: Event) => onInput((event.target as HTMLTextAreaElement).value)}
    ></textarea>
  </div>`;
}

export function renderSelect(
  field: FieldSpec,
  value: string,
  options: readonly { value: string; label: string }[],
  error: string | undefined,
  onChange: (value: string) => void,
): TemplateResult {
  return html`<div class="field ${error ? 'has-error' : ''}">
    ${head(field, error)}
    <select
      id=${fieldId(field.name)}
      name=${field.name}
      aria-invalid=${error ? 'true' : 'false'}
      aria-describedby=${describedBy(field, error)}
      @change=${(event: Event) => onChange((event.target as HTMLSelectElement).value)}
    >
      ${options.map((option) => html`<option value=${option.value} ?selected=${option.value === value}>${option.label}</option>`)}
    </select>
  </div>`;
}

/** "There is a problem" with links to the fields; it takes focus when it appears. */
export function renderSummary(
  errors: readonly ShownError[],
  root: ParentNode,
  level: 2 | 3 = 3,
): TemplateResult | typeof nothing {
  if (errors.length === 0) return nothing;
  const title = msg('There is a problem');
  return html`<div class="summary" role="alert" tabindex="-1" id="error-summary" aria-labelledby="error-summary-title">
    ${level === 2 ? html`<h2 id="error-summary-title">${title}</h2>` : html`<h3 id="error-summary-title">${title}</h3>`}
    <ul>
      ${errors.map(
        (error) =>
          html`<li>
            <a
              href="#${fieldId(error.name)}"
              @click=${(event: Event) => {
                event.preventDefault();
                root.querySelector<HTMLElement>(`#${fieldId(error.name)}`)?.focus();
              }}
              >${error.label}: ${error.message}</a
            >
          </li>`,
      )}
    </ul>
  </div>`;
}

/** Moves focus to the summary once it is rendered (after a failed submit). */
export async function focusSummary(host: { updateComplete: Promise<unknown>; renderRoot: ParentNode }): Promise<void> {
  await host.updateComplete;
  host.renderRoot.querySelector<HTMLElement>('#error-summary')?.focus();
}
