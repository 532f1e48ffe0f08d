/**
 * The case view's "Messages to the beneficiary" section (#15): what was sent, on which
 * channel, and what came of it, from GET …/messages (never the text or the address).
 * Officers may resend a message that failed or had no channel configured.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import type { NotificationEvent, StaffMessage } from '../../contract/notifications.js';
import { dateTime } from '../format.js';

export interface MessagesState {
  items?: StaffMessage[];
  loadFailure?: string;
  /** The id of the message being resent (one at a time: a second click does nothing). */
  sending?: string;
  /** A resend that did not go through: the message's id and the words to show. */
  failure?: { id: string; text: string };
}

export function eventLabel(event: NotificationEvent): string {
  switch (event) {
    case 'received':
      return msg('Receipt notice');
    case 'status':
      return msg('Status update');
    case 'needs_info':
      return msg('Information needed');
    case 'decision':
      return msg('Committee decision');
    case 'closed':
      return msg('Closure');
    case 'reminder':
      return msg('Reference number reminder');
  }
}

function channelText(channel: StaffMessage['channel']): string {
  return channel === 'email' ? msg('Email') : msg('Text message');
}

const NOT_CONFIGURED_REASON = 'not sent: no channel configured';

function stateText(message: StaffMessage): TemplateResult {
  switch (message.state) {
    case 'queued':
    case 'sending':
      return html`<span class="badge">${msg('Waiting')}</span>`;
    case 'sent':
      return html`<span class="badge public">${msg('Sent')}</span>`;
    case 'not_configured':
      return html`<span class="badge soon">${msg('Not sent: no sending channel is set up')}</span>`;
    case 'failed':
      return html`<span class="badge soon">${msg('Could not be sent')}</span>
        ${
          message.lastError && message.lastError !== NOT_CONFIGURED_REASON
            ? html`<span class="muted">${msg('Provider’s answer:')} <bdi dir="ltr">${message.lastError}</bdi></span>`
            : nothing
        }`;
  }
}

export function canResend(message: StaffMessage): boolean {
  return message.state === 'failed' || message.state === 'not_configured';
}

export function renderMessages(
  state: MessagesState,
  officer: boolean,
  onResend: (message: StaffMessage) => void,
): TemplateResult {
  const items = state.items;
  return html`<section class="card" id="messages" aria-labelledby="messages-title">
    <h2 id="messages-title">${msg('Messages to the beneficiary')}</h2>
    ${
      state.loadFailure
        ? html`<p class="notice warning" role="alert">${state.loadFailure}</p>`
        : !items
          ? html`<p class="muted">${msg('Loading…')}</p>`
          : !items.length
            ? html`<p class="muted">${msg('No message has been sent for this case.')}</p>`
            : html`<ol class="timeline messages">
              ${[...items].reverse().map((message) => renderMessage(message, state, officer, onResend))}
            </ol>`
    }
  </section>`;
}

function renderMessage(
  message: StaffMessage,
  state: MessagesState,
  officer: boolean,
  onResend: (message: StaffMessage) => void,
): TemplateResult {
  const sending = state.sending === message.id;
  const failure = state.failure?.id === message.id ? state.failure.text : '';
  return html`<li class="entry message" data-state=${message.state} data-id=${message.id}>
    <p class="entry-head">
      <strong>${eventLabel(message.event)}</strong>
      <span class="muted">· ${channelText(message.channel)} · <span class="nowrap">${dateTime(message.sentAt ?? message.updatedAt)}</span></span>
      ${message.resendOf ? html`<span class="muted">· ${msg('Resent')}</span>` : nothing}
    </p>
    <p class="entry-note">${stateText(message)}</p>
    ${
      officer && canResend(message)
        ? html`<div class="actions">
          <button
            type="button"
            class="resend"
            aria-disabled=${state.sending ? 'true' : 'false'}
            aria-describedby=${failure ? `resend-error-${message.id}` : nothing}
            @click=${() => onResend(message)}
          >
            ${sending ? msg('Sending…') : msg('Resend')}
          </button>
          ${failure ? html`<p class="error" id="resend-error-${message.id}" role="alert">${failure}</p>` : nothing}
        </div>`
        : nothing
    }
  </li>`;
}
