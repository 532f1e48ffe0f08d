/**
 * After intake: the reference, what to give the beneficiary so they can follow up (the
 * reference, and the last 4 digits of their mobile or the code they were given), and a
 * receipt to print for them in their words.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import { formatReference } from '../../contract/identifiers.js';
import { formatDate } from '../../core/i18n.js';
import { renderFollowUpCodeBox, renderReferenceBox, type CopyState } from '../../fields/reference-box.js';
import type { IntakeType } from './intake-model.js';

export interface IntakeResult {
  reference: string;
  /** The code an anonymous sender follows up with (none when it is their mobile's last 4 digits). */
  verifier?: string;
  /** Requests: the committee's decision date; complaints: the promised answer date. */
  dueAt?: string;
  receivedAt?: string;
}

export interface ReceiptOptions extends CopyState {
  result: IntakeResult;
  type: IntakeType;
  channelLabel: string;
  associationName: string;
  onPrint: () => void;
  onAnother: () => void;
}

function followUpLine(result: IntakeResult): string {
  return result.verifier
    ? msg('To follow it up: the reference number and the follow-up code above.')
    : msg('To follow it up: the reference number and the last 4 digits of the mobile number given.');
}

/** The part a beneficiary takes home (the only part printed). */
function renderPrintable({ result, type, associationName }: ReceiptOptions): TemplateResult {
  const reference = formatReference(result.reference);
  return html`<div class="receipt" part="receipt" data-receipt>
    <p class="receipt-head"><strong>${associationName}</strong> · ${msg('Receipt')}</p>
    <dl class="facts">
      <dt>${msg('Reference number')}</dt>
      <dd><strong class="ltr" data-reference>${reference}</strong></dd>
      ${result.receivedAt ? html`<dt>${msg('Received on')}</dt><dd>${formatDate(result.receivedAt)}</dd>` : nothing}
      ${
        result.verifier
          ? html`<dt>${msg('Follow-up code')}</dt>
            <dd><strong class="ltr" data-verifier>${result.verifier}</strong></dd>`
          : html`<dt>${msg('Verification code')}</dt>
            <dd>${msg('The last 4 digits of your mobile number')}</dd>`
      }
      ${
        result.dueAt
          ? html`<dt>${type === 'request' ? msg('Expected decision by') : msg('Expected answer by')}</dt>
            <dd>${formatDate(result.dueAt)} (${formatDate(result.dueAt, 'islamic-umalqura')})</dd>`
          : nothing
      }
    </dl>
    <p>
      ${msg('Follow it up on the association’s website (status of a request), by phone or at the reception desk, with the reference number and the code above.')}
    </p>
  </div>`;
}

export function renderIntakeReceipt(options: ReceiptOptions): TemplateResult {
  const { result, type, channelLabel, onPrint, onAnother } = options;
  const reference = formatReference(result.reference);
  return html`<section class="panel" part="confirmation" aria-labelledby="done-title">
    <h2 class="title" id="done-title" tabindex="-1">
      ${type === 'request' ? msg('The request was recorded') : msg('The message was recorded')}
    </h2>
    <p class="muted">${msg('Received through:')} ${channelLabel}</p>
    ${renderReferenceBox(reference, options)} ${result.verifier ? renderFollowUpCodeBox(result.verifier, options) : nothing}
    <div>
      <h3>${msg('Give the beneficiary')}</h3>
      <ul>
        <li>${msg('The reference number (printed, written down or read out to them).')}</li>
        <li>${followUpLine(result)}</li>
        ${
          type === 'request'
            ? html`<li>${msg('That the research committee studies the request and answers with acceptance or rejection.')}</li>`
            : nothing
        }
      </ul>
    </div>
    ${renderPrintable(options)}
    <div class="actions">
      <button type="button" class="primary" @click=${onPrint}>${msg('Print the receipt')}</button>
      <button type="button" class="secondary" data-do="another" @click=${onAnother}>${msg('Record another')}</button>
    </div>
  </section>`;
}
