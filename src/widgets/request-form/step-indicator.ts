/** Where the person is: "Step 2 of 5" and an ordered list with the current step marked. */
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { Audience } from '../../contract/request.js';
import { stepTitle, type StepId } from './request-fields.js';

export function stepCount(index: number, total: number): string {
  return msg(str`Step ${index + 1} of ${total}`);
}

export function renderStepIndicator(steps: readonly StepId[], current: number, audience: Audience): TemplateResult {
  return html`<div class="progress" part="steps">
    <ol class="steps" aria-label=${msg('Steps')}>
      ${steps.map(
        (step, index) => html`<li
          class=${index < current ? 'done' : index === current ? 'current' : 'todo'}
          aria-current=${index === current ? 'step' : nothing}
        >
          <span class="step-name">${stepTitle(step, audience)}</span>${
            index < current ? html`<span class="visually-hidden"> ${msg('(completed)')}</span>` : nothing
          }
        </li>`,
      )}
    </ol>
  </div>`;
}
