/** Step 3: which of the association's services, and the need in the applicant's words. */
import { html, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import type { FormController } from '../../core/form-controller.js';
import type { Option } from '../../fields/select-field.js';
import { renderSelectField } from '../../fields/select-field.js';
import { renderTextareaField } from '../../fields/textarea-field.js';
import { LIMITS, requiredMessages } from './request-fields.js';

export function renderServiceStep(form: FormController<unknown>, services: readonly Option[]): TemplateResult {
  const required = requiredMessages();
  return html`${renderSelectField(form, { name: 'service', label: msg('Service'), required: required.service, options: services })}
    ${renderTextareaField(form, {
      name: 'description',
      label: msg('Describe your need'),
      required: required.description,
      hint: msg('What you need and why. For health matters, write only what the committee needs to know.'),
      ...LIMITS.description,
    })}`;
}
