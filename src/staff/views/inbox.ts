/** Placeholder until the view lands. */
import { html } from 'lit';
import { msg } from '@lit/localize';
import { StaffView } from '../staff-element.js';

export class StaffInbox extends StaffView {
  override render() {
    return html`<h1 tabindex="-1">${msg('Inbox')}</h1>`;
  }
}

StaffInbox.define('sila-staff-inbox');
