/** Step 2 (optional, `no-household`): the household and its situation. */
import { html, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import type { FormController } from '../../core/form-controller.js';
import { renderTextField } from '../../fields/text-field.js';
import { renderChoiceGroup } from '../../fields/choice-group.js';
import { renderSelectField } from '../../fields/select-field.js';
import { LIMITS, employmentChoices, housingChoices, incomeChoices, requiredMessages } from './request-fields.js';

export function renderHouseholdStep(form: FormController<unknown>): TemplateResult {
  const required = requiredMessages();
  return html`<p class="notice">
      ${msg('Income is sensitive personal data: only the research committee sees it, and only to decide on your request.')}
    </p>
    ${renderTextField(form, {
      name: 'household.householdSize',
      label: msg('Number of people in the household'),
      required: required['household.householdSize'],
      hint: msg('Including you.'),
      inputmode: 'numeric',
      autocomplete: 'off',
      ...LIMITS.householdSize,
    })}
    ${renderSelectField(form, {
      name: 'household.incomeBracket',
      label: msg('Monthly household income'),
      required: required['household.incomeBracket'],
      hint: msg('All income together: salaries, pensions, social security.'),
      options: incomeChoices(),
    })}
    ${renderChoiceGroup(form, { name: 'household.employment', label: msg('Work'), required: required['household.employment'], choices: employmentChoices(), inline: true })}
    ${renderChoiceGroup(form, { name: 'household.housing', label: msg('Housing'), required: required['household.housing'], choices: housingChoices(), inline: true })}`;
}
