/** What a confirmation asks the person to keep, each in a box with a copy button. */
import { html, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';

export interface CopyState {
  /** The value copied last, if any: its button says "Copied". */
  copied?: string;
  /** Copies `value`; `shown` is the element showing it (selected when the clipboard is blocked). */
  onCopy: (value: string, shown: Element | null, announcement: string) => void;
}

function renderCopyBox(
  part: string,
  label: string,
  value: string,
  announcement: string,
  { copied, onCopy }: CopyState,
  shown: TemplateResult,
) {
  // Two "Copy" buttons in one panel: each is described by what it copies.
  return html`<div class="reference" part=${part}>
    <span id="${part}-label">${label}</span>
    ${shown}
    <button
      type="button"
      class="secondary"
      aria-describedby="${part}-label"
      @click=${(event: Event) => onCopy(value, (event.currentTarget as Element).previousElementSibling, announcement)}
    >
      ${copied === value ? msg('Copied') : msg('Copy')}
    </button>
  </div>`;
}

export function renderReferenceBox(reference: string, copy: CopyState): TemplateResult {
  return renderCopyBox(
    'reference',
    msg('Your reference number'),
    reference,
    msg('Reference number copied.'),
    copy,
    html`<strong data-reference>${reference}</strong>`,
  );
}

/** An anonymous sender's code: with the reference, their only way to follow up. */
export function renderFollowUpCodeBox(code: string, copy: CopyState): TemplateResult {
  return renderCopyBox(
    'follow-up-code',
    msg('Your follow-up code'),
    code,
    msg('Follow-up code copied.'),
    copy,
    html`<strong data-verifier dir="ltr">${code}</strong>`,
  );
}

/** The host's status page with the reference prefilled (`?ref=`), or '' without one. */
export function followUpUrl(statusUrl: string | undefined, reference: string): string {
  if (!statusUrl) return '';
  return `${statusUrl}${statusUrl.includes('?') ? '&' : '?'}ref=${encodeURIComponent(reference)}`;
}
