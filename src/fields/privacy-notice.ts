/**
 * The short privacy notice every form shows before personal details (PDPL): who holds the
 * data, why, how long, the person's rights and how to use them. These parts are always
 * there; the association's own text adds to them, never replaces them. The wording follows
 * what is being sent: a request, a message (complaint, inquiry…), or an anonymous one.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { FormConfig } from '../contract/form-config.js';
import { localized } from '../core/i18n.js';
import { safeLinkUrl } from '../core/safe-url.js';
import { SENSITIVE_DRAFT_HOURS } from '../client/drafts.js';

export type NoticeFor = 'request' | 'message' | 'anonymous';

function purpose(kind: NoticeFor, name: string): TemplateResult {
  switch (kind) {
    case 'request':
      return html`<li>
          ${msg(str`Your name, ID number, contact details and date of birth: so that ${name} can identify you and contact you about your request.`)}
        </li>
        <li>
          ${msg('Your household, income and housing: to assess your request. Income and health details are sensitive: only the research committee sees them, and only to decide on your request.')}
        </li>`;
    case 'message':
      return html`<li>${msg(str`Your name and contact details: only so that ${name} can handle your message and answer you.`)}</li>`;
    case 'anonymous':
      return html`<li>${msg('Your name and contact details are not asked for: only what you write is kept, to study it.')}</li>`;
  }
}

function retention(formConfig: FormConfig): string {
  const months = formConfig.retention?.anonymiseClosedAfterMonths;
  return months
    ? msg(str`Kept for ${months} months after the case is closed, then your personal details are removed.`)
    : msg('Kept only as long as needed to follow the case up, then your personal details are removed.');
}

/** How to use the rights: the association's phone or e-mail when it gave them. */
function howToAsk(formConfig: FormConfig, name: string): string {
  const contact = formConfig.association.contact;
  const channel = contact?.phone ?? contact?.email;
  return channel
    ? msg(str`To use these rights, contact ${name} (${channel}).`)
    : msg(str`To use these rights, contact ${name}.`);
}

/** `heading` false where an h4 would skip a level (a form without step headings). */
export function renderPrivacyNotice(formConfig: FormConfig, kind: NoticeFor, heading = true): TemplateResult {
  const association = formConfig.association;
  const name = localized(association.name);
  const custom = localized(association.privacyNotice);
  const privacyUrl = safeLinkUrl(association.privacyNoticeUrl);
  const title = msg('What we ask and why');
  return html`<div class="privacy notice" part="privacy" id="privacy-notice">
    ${heading ? html`<h4>${title}</h4>` : html`<p><strong>${title}</strong></p>`}
    <ul>
      <li>${msg(str`${name} is responsible for your data and keeps it confidential: only the staff who handle it see it.`)}</li>
      ${purpose(kind, name)}
      <li>${retention(formConfig)}</li>
      <li>${msg('You may ask to see, correct or delete your data.')} ${howToAsk(formConfig, name)}</li>
      ${
        kind === 'request'
          ? html`<li class="draft-note">
              ${msg(str`Your answers are kept on this device until you send them, so nothing is lost. Once they include income or health details they are deleted from it after ${SENSITIVE_DRAFT_HOURS} hours (phones are often shared).`)}
            </li>`
          : nothing
      }
    </ul>
    ${custom ? html`<p class="custom">${custom}</p>` : nothing}
    ${
      privacyUrl
        ? html`<p><a href=${privacyUrl} target="_blank" rel="noopener">${msg('Read the full privacy notice')}</a></p>`
        : nothing
    }
  </div>`;
}
