/**
 * What a successful lookup shows: the kind, the current status as a badge with what
 * it means and what happens next, the dates, what to provide when information is
 * needed, the history, and a rating invitation once it is over. No personal data
 * beyond the masked name the server sends.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { msg } from '@lit/localize';
import { DEFAULT_RATE_AFTER } from '../../contract/form-config.js';
import type { LookupResult } from '../../contract/lookup.js';
import type { Status } from '../../contract/status.js';
import { formatReference } from '../../contract/identifiers.js';
import { formatDate } from '../../core/i18n.js';
import { renderTimeline } from './status-timeline.js';
import { renderContact, type AssociationContact } from './association-contact.js';
import { isFinal, isOverdue, kindLabel, latestPublicNote, statusText } from './status-texts.js';

export interface ResultOptions {
  result: LookupResult;
  /** Embed <sila-rating> (it is defined and the host did not take the invitation over). */
  embedRating: boolean;
  /** Passed on to the embedded <sila-rating>. */
  endpoint?: string;
  /** The verifier the person typed: proof for the embedded <sila-rating>. */
  verifier?: string;
  /** The answer form for needs_info (the lookup owns its state). */
  reply?: TemplateResult;
  /** The association's phone, address and hours, where the page says to contact it. */
  contact?: AssociationContact;
  /** Statuses after which a rating is invited (form-config rateAfter; default resolved, closed). */
  rateAfter?: readonly Status[];
  now?: number;
}

function bothCalendars(iso: string): TemplateResult {
  return html`<time class="date" datetime=${iso}>${formatDate(iso)}</time> <span class="hijri date">(${formatDate(iso, 'islamic-umalqura')})</span>`;
}

function renderNeedsInfo(
  result: LookupResult,
  reply: TemplateResult | undefined,
  contact: AssociationContact | undefined,
): TemplateResult {
  const note = latestPublicNote(result.history);
  return html`<div class="notice action" part="needs-info">
    <h4>${msg('What we need from you')}</h4>
    ${
      note
        ? html`<p class="note" dir="auto">${note}</p>`
        : html`<p>${msg('Please contact the association to find out what is needed.')}</p>`
    }
    ${renderContact(contact)}
  </div>
  ${reply ?? nothing}`;
}

function renderDecisionDate(result: LookupResult, now: number): TemplateResult | typeof nothing {
  // Once decided, the promise is kept or not: the date only confuses.
  if (!result.expectedDecisionBy || isFinal(result.status)) return nothing;
  const overdue = isOverdue(result, now);
  return html`<div class="fact">
      <dt>${msg('Decision expected by')}</dt>
      <dd>
        ${bothCalendars(result.expectedDecisionBy)}
        ${overdue ? html`<strong class="overdue" part="overdue">${msg('Overdue')}</strong>` : nothing}
      </dd>
    </div>`;
}

function renderRating(
  result: LookupResult,
  embedRating: boolean,
  endpoint: string | undefined,
  verifier: string | undefined,
): TemplateResult {
  return html`<section class="rating" part="rating" aria-labelledby="rating-title">
    <h4 id="rating-title">${msg('How did we do?')}</h4>
    ${
      result.rated
        ? html`<p>${msg('Thank you: you have already rated this.')}</p>`
        : html`<p>${msg('Your opinion helps us improve. Rating is optional and never affects your requests.')}</p>`
    }
    <slot name="rating"></slot>
    ${
      embedRating && !result.rated
        ? html`<sila-rating reference=${result.reference} endpoint=${ifDefined(endpoint)} .verifier=${verifier}></sila-rating>`
        : nothing
    }
  </section>`;
}

export function renderResult({
  result,
  embedRating,
  endpoint,
  verifier,
  reply,
  contact,
  rateAfter = DEFAULT_RATE_AFTER,
  now = Date.now(),
}: ResultOptions): TemplateResult {
  const text = statusText(result.status);
  const overdue = isOverdue(result, now);
  return html`<section class="result" part="result" aria-labelledby="result-title">
    <h3 class="result-title" id="result-title" tabindex="-1">
      ${kindLabel(result.kind)} <bdi class="ref" dir="ltr">${formatReference(result.reference)}</bdi>
    </h3>

    <div class="current" part="current">
      <p class="status-line">
        <span>${msg('Current status:')}</span>
        <strong class="badge ${text.tone}" part="badge" data-status=${result.status}>${text.label}</strong>
      </p>
      <p class="meaning">${text.meaning}</p>
      <p class="next"><strong>${msg('What happens next:')}</strong> ${text.next}</p>
    </div>

    ${result.status === 'needs_info' ? renderNeedsInfo(result, reply, contact) : (reply ?? nothing)}
    ${
      overdue
        ? html`<div class="notice warning" part="overdue-notice">
          <p>
            ${msg('The decision is later than the date we gave you. We are sorry for the delay. You can contact the association or send a complaint about it.')}
          </p>
          ${renderContact(contact)}
        </div>`
        : nothing
    }

    <dl class="facts">
      ${
        result.maskedName
          ? html`<div class="fact">
            <dt>${msg('Name')}</dt>
            <dd><bdi>${result.maskedName}</bdi></dd>
          </div>`
          : nothing
      }
      <div class="fact">
        <dt>${msg('Received on')}</dt>
        <dd>${bothCalendars(result.receivedAt)}</dd>
      </div>
      <div class="fact">
        <dt>${msg('Last updated')}</dt>
        <dd>${bothCalendars(result.updatedAt)}</dd>
      </div>
      ${renderDecisionDate(result, now)}
    </dl>

    <div class="history">
      <h4>${msg('History')}</h4>
      ${renderTimeline(result.history)}
    </div>

    ${(rateAfter as readonly string[]).includes(result.status) ? renderRating(result, embedRating, endpoint, verifier) : nothing}
  </section>`;
}
