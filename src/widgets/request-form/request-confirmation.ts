/** The success panel: the reference to keep, the expected decision date, how to follow up. */
import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import type { RequestCreated } from '../../contract/request.js';
import { formatReference } from '../../contract/identifiers.js';
import { formatDate } from '../../core/i18n.js';
import { renderKeepActions } from '../../core/keep-reference.js';
import { followUpUrl, renderReferenceBox } from '../../fields/reference-box.js';
import type { ConfirmationOptions } from '../../core/submission-form-element.js';

export function renderConfirmation({
  result,
  statusUrl,
  onAnother,
  ...copy
}: ConfirmationOptions<RequestCreated>): TemplateResult {
  const reference = formatReference(result.reference);
  const followUrl = followUpUrl(statusUrl, reference);
  const due = result.expectedDecisionBy;
  const keep = renderKeepActions({
    title: msg('We received your request'),
    reference,
    lines: [
      `${msg('Expected decision by')} ${formatDate(due)} (${formatDate(due, 'islamic-umalqura')})`,
      msg('To follow it up, enter the reference number and the last 4 digits of your mobile number.'),
    ],
    followUrl,
  });
  return html`<section class="panel" part="confirmation" aria-labelledby="done-title">
    <h2 class="title" id="done-title" tabindex="-1">${msg('We received your request')}</h2>
    ${renderReferenceBox(reference, copy)} ${keep}
    <p class="decision" data-decision>
      ${msg('Expected decision by')}
      <strong class="date">${formatDate(result.expectedDecisionBy)}</strong>
      <span class="date">(${formatDate(result.expectedDecisionBy, 'islamic-umalqura')})</span>.
    </p>
    <div>
      <h3>${msg('What happens next')}</h3>
      <ul>
        <li>${msg('Your request goes to the research committee, which studies it and answers with acceptance or rejection.')}</li>
        <li>${msg('If a document or detail is missing, we will contact you; your registration is completed once your documents are complete.')}</li>
        <li>${msg('To follow it up, enter the reference number and the last 4 digits of your mobile number.')}</li>
      </ul>
    </div>
    ${result.attachments?.length ? html`<p>${msg('Documents received:')} ${result.attachments.length}</p>` : nothing}
    <div class="actions">
      ${followUrl ? html`<a class="button primary" href=${followUrl} part="status-link">${msg('Follow up on your request')}</a>` : nothing}
      <slot name="after-success"></slot>
      <button type="button" class="link" @click=${onAnother}>${msg('Make another request')}</button>
    </div>
  </section>`;
}
