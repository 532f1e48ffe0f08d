/** The success panel: the reference to keep, what happens next, how to follow up. */
import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import type { ComplaintCreated } from '../../contract/complaint.js';
import { formatReference } from '../../contract/identifiers.js';
import { formatDate } from '../../core/i18n.js';
import { renderKeepActions } from '../../core/keep-reference.js';
import { followUpUrl, renderFollowUpCodeBox, renderReferenceBox } from '../../fields/reference-box.js';
import { receivedTitle } from './complaint-fields.js';
import type { ConfirmationOptions } from '../../core/submission-form-element.js';

export function renderConfirmation({
  result,
  statusUrl,
  onAnother,
  ...copy
}: ConfirmationOptions<ComplaintCreated>): TemplateResult {
  const reference = formatReference(result.reference);
  const followUrl = followUpUrl(statusUrl, reference);
  const expected = result.expectedResponseBy;
  const howToFollow = result.verifier
    ? msg('To follow it up, enter the reference number and the code above.')
    : msg('To follow it up, enter the reference number and the last 4 digits of your mobile number.');
  const keep = renderKeepActions({
    title: receivedTitle(result.kind),
    reference,
    followUpCode: result.verifier,
    lines: [
      ...(expected
        ? [`${msg('We aim to answer by')} ${formatDate(expected)} (${formatDate(expected, 'islamic-umalqura')})`]
        : []),
      howToFollow,
    ],
    followUrl,
  });
  return html`<section class="panel" part="confirmation" aria-labelledby="done-title">
    <h2 class="title" id="done-title" tabindex="-1">${receivedTitle(result.kind)}</h2>
    ${renderReferenceBox(reference, copy)}
    ${
      result.verifier
        ? html`${renderFollowUpCodeBox(result.verifier, copy)}
          <p class="notice">${msg('Keep this code with the reference number: you need both to follow up, since you did not give a mobile number.')}</p>`
        : nothing
    }
    ${keep}
    <div>
      <h3>${msg('What happens next')}</h3>
      <ul>
        <li>${msg('The beneficiary relations team reviews it and follows it up until it is resolved.')}</li>
        ${
          result.expectedResponseBy
            ? html`<li>
              ${msg('We aim to answer by')}
              <strong class="date">${formatDate(result.expectedResponseBy)}</strong>
              <span class="date">(${formatDate(result.expectedResponseBy, 'islamic-umalqura')})</span>.
            </li>`
            : nothing
        }
        <li>${howToFollow}</li>
      </ul>
    </div>
    <div class="actions">
      ${followUrl ? html`<a class="button primary" href=${followUrl} part="status-link">${msg('Follow up on it')}</a>` : nothing}
      <slot name="after-success"></slot>
      <button type="button" class="link" @click=${onAnother}>${msg('Send another message')}</button>
    </div>
  </section>`;
}
