/** Placeholder until the view lands. */
import { html } from 'lit';
import { msg } from '@lit/localize';
import { StaffView } from '../staff-element.js';

export class StaffCase extends StaffView {
  override render() {
    return html`<h1 tabindex="-1">${msg('Case')}</h1>`;
  }
}

StaffCase.define('sila-staff-case');
