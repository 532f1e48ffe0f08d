/**
 * How to reach the association, from form-config (association.contact), wherever the
 * lookup says "contact the association". Nothing when the association gave no details.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import type { FormConfig } from '../../contract/form-config.js';
import { localized } from '../../core/i18n.js';

export type AssociationContact = NonNullable<FormConfig['association']['contact']>;

/** Digits and + only: a tel: link never carries anything else. */
function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, '')}`;
}

export function renderContact(contact: AssociationContact | undefined): TemplateResult | typeof nothing {
  if (!contact || !(contact.phone || contact.email || contact.address || contact.openingHours)) return nothing;
  return html`<dl class="contact" part="contact">
    ${
      contact.phone
        ? html`<div class="fact">
          <dt>${msg('Phone')}</dt>
          <dd><a href=${telHref(contact.phone)}><bdi dir="ltr">${contact.phone}</bdi></a></dd>
        </div>`
        : nothing
    }
    ${
      contact.email
        ? html`<div class="fact">
          <dt>${msg('E-mail')}</dt>
          <dd><a href="mailto:${contact.email}"><bdi dir="ltr">${contact.email}</bdi></a></dd>
        </div>`
        : nothing
    }
    ${
      contact.address
        ? html`<div class="fact">
          <dt>${msg('Our address')}</dt>
          <dd>${localized(contact.address)}</dd>
        </div>`
        : nothing
    }
    ${
      contact.openingHours
        ? html`<div class="fact">
          <dt>${msg('Opening hours')}</dt>
          <dd>${localized(contact.openingHours)}</dd>
        </div>`
        : nothing
    }
  </dl>`;
}
