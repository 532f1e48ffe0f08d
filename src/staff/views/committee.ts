/** Placeholder until the view lands. */
import { html } from 'lit';
import { msg } from '@lit/localize';
import { StaffView } from '../staff-element.js';

export class StaffCommittee extends StaffView {
  override render() {
    return html`<h1 tabindex="-1">${msg('Committee queue')}</h1>`;
  }
}

StaffCommittee.define('sila-staff-committee');
