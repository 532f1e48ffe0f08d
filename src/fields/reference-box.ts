/** The reference number to keep, with a copy button, as every confirmation shows it. */
import { html, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';

export function renderReferenceBox(reference: string, copied: boolean, onCopy: (reference: string) => void): TemplateResult {
  return html`<div class="reference" part="reference">
    <span>${msg('Your reference number')}</span>
    <strong data-reference>${reference}</strong>
    <button type="button" class="secondary" @click=${() => onCopy(reference)}>${copied ? msg('Copied') : msg('Copy')}</button>
  </div>`;
}

/** The host's status page with the reference prefilled (`?ref=`), or '' without one. */
export function followUpUrl(statusUrl: string | undefined, reference: string): string {
  if (!statusUrl) return '';
  return `${statusUrl}${statusUrl.includes('?') ? '&' : '?'}ref=${encodeURIComponent(reference)}`;
}
