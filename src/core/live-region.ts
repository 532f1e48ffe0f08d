/** A polite live region: state changes a screen reader user would otherwise miss. */
import { html } from 'lit';

export function renderLiveRegion(message: string) {
  return html`<div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${message}</div>`;
}
