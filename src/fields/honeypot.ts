/**
 * A field people never see or fill (hidden from sight and from assistive technology,
 * out of the tab order); bots that fill every input do, and the server drops them.
 */
import { html } from 'lit';

export function renderHoneypot(onInput: (value: string) => void) {
  return html`<div class="honeypot" aria-hidden="true">
    <label>Website <input type="text" name="website" tabindex="-1" autocomplete="off" @input=${(e: Event) => onInput((e.target as HTMLInputElement).value)} /></label>
  </div>`;
}
