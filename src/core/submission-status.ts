/**
 * The notice under a form's heading when a submission did not go through: "waiting to
 * send" with a way to try now, or why it failed. Field errors are shown at the fields
 * instead, so they get no notice here.
 */
import { html, nothing } from 'lit';
import { msg } from '@lit/localize';
import type { SilaError } from '../client/errors.js';
import { failureMessage } from './messages.js';
import type { SubmissionState } from './submission-controller.js';

export function renderSubmissionStatus(state: SubmissionState, error: SilaError | undefined, retry: () => void) {
  if (state !== 'queued' && state !== 'failed') return nothing;
  if (state === 'failed' && error?.fieldErrors.length) return nothing;
  return html`<div class="notice warning queued" id="status-message" tabindex="-1" part="status">
    <p>${state === 'queued' ? html`<strong>${msg('Waiting to send.')}</strong> ` : nothing}${failureMessage(error)}</p>
    ${
      state === 'queued'
        ? html`<div class="actions">
          <button type="button" class="secondary" @click=${retry}>${msg('Try again now')}</button>
        </div>`
        : nothing
    }
  </div>`;
}
