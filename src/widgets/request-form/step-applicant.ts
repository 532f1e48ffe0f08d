/** Step 1: who is asking. Preceded by what is collected and why (before any personal field). */
import { html, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import type { FormConfig } from '../../contract/form-config.js';
import type { FormController } from '../../core/form-controller.js';
import { renderTextField } from '../../fields/text-field.js';
import { renderDatePartsField } from '../../fields/date-parts-field.js';
import { LIMITS, requiredMessages } from './request-fields.js';
import { renderPrivacyNotice } from '../../fields/privacy-notice.js';

export function renderApplicantStep(form: FormController<unknown>, formConfig: FormConfig): TemplateResult {
  const required = requiredMessages();
  return html`${renderPrivacyNotice(formConfig, 'request')}
    ${renderTextField(form, { name: 'applicant.fullName', label: msg('Full name'), required: required['applicant.fullName'], hint: msg('As written on your ID.'), autocomplete: 'name', ...LIMITS.fullName })}
    ${renderTextField(form, {
      name: 'applicant.nationalId',
      label: msg('National ID or iqama number'),
      required: required['applicant.nationalId'],
      hint: msg('10 digits: starts with 1 for a Saudi national ID, with 2 for an iqama.'),
      inputmode: 'numeric',
      autocomplete: 'off',
      ltr: true,
      spellcheck: false,
    })}
    ${renderTextField(form, {
      name: 'applicant.mobile',
      label: msg('Mobile number'),
      required: required['applicant.mobile'],
      hint: msg('A Saudi mobile number, e.g. 05XXXXXXXX. Its last 4 digits let you follow up your request.'),
      type: 'tel',
      inputmode: 'tel',
      autocomplete: 'tel',
      ltr: true,
    })}
    ${renderTextField(form, {
      name: 'applicant.email',
      label: msg('E-mail address'),
      type: 'email',
      inputmode: 'email',
      autocomplete: 'email',
      ltr: true,
      spellcheck: false,
      optional: true,
    })}
    ${renderTextField(form, { name: 'applicant.city', label: msg('City'), required: required['applicant.city'], autocomplete: 'address-level2', ...LIMITS.city })}
    ${renderDatePartsField(form, {
      name: 'applicant.birthDate',
      label: msg('Date of birth'),
      required: required['applicant.birthDate'],
      hint: msg('As written on your ID, in the Hijri or the Gregorian calendar. For example: 15 6 1410.'),
    })}`;
}
