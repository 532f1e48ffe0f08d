/** What to tell the person when a lookup fails, in words and with a calm tone. */
import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import type { SilaError } from '../../client/errors.js';
import { formatRetryTime } from './lookup-format.js';

export interface FailureView {
  title: string;
  body: string | TemplateResult;
  /** A plain "Try again" makes sense (the same question may get an answer later). */
  retry: boolean;
  /** Visual weight: a warning for what the person can fix, calm for the rest. */
  tone: 'warning' | 'calm';
}

export function failureView(error: SilaError, failedAt: number): FailureView {
  switch (error.kind) {
    // One message for an unknown reference and a wrong code: the server cannot tell
    // them apart on purpose, and neither should the page.
    case 'not_found':
      return {
        title: msg('We could not find it'),
        body: msg(
          'Nothing matches this reference number and these digits. Check both and try again: the last 4 digits of the mobile number you gave, or the follow-up code if you sent it without your name.',
        ),
        retry: false,
        tone: 'warning',
      };
    case 'rate_limited': {
      const at = error.retryAfterMs === undefined ? undefined : new Date(failedAt + error.retryAfterMs);
      return {
        title: msg('Please try again later'),
        body: html`${msg('To keep your information safe, looking up this reference number is paused for a while after several unsuccessful tries. If you cannot wait, contact the association.')}
        ${
          at
            ? html`${msg('You can try again after')} <time datetime=${at.toISOString()}>${formatRetryTime(at)}</time>.`
            : msg('You can try again later.')
        }`,
        retry: false,
        tone: 'calm',
      };
    }
    case 'offline':
      return {
        title: msg('No connection'),
        body: msg('You seem to be offline. Check your connection and try again.'),
        retry: true,
        tone: 'calm',
      };
    case 'unreachable':
    case 'timeout':
    case 'server':
      return {
        title: msg('The service is not answering'),
        body: msg('We could not reach the service right now. Please try again in a few minutes.'),
        retry: true,
        tone: 'calm',
      };
    default:
      return {
        title: msg('Something went wrong'),
        body: msg('The lookup did not work. Please try again later.'),
        retry: true,
        tone: 'calm',
      };
  }
}

export function renderFailure(view: FailureView, onRetry: () => void): TemplateResult {
  return html`<div class="notice failure ${view.tone === 'warning' ? 'warning' : ''}" id="lookup-failure" tabindex="-1" part="failure">
    <h3>${view.title}</h3>
    <p>${view.body}</p>
    ${
      view.retry
        ? html`<div class="actions"><button type="button" class="secondary" @click=${onRetry}>${msg('Try again')}</button></div>`
        : nothing
    }
  </div>`;
}
