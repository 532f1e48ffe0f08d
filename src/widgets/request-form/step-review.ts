/**
 * "Check your answers" (GOV.UK pattern): every answer as it will be sent, one section
 * per step, each with a Change button that goes back to that step.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import type { Audience, ServiceRequest } from '../../contract/request.js';
import { formatDate } from '../../core/i18n.js';
import type { Choice } from '../../fields/choice-group.js';
import { formatBytes } from '../../fields/file-field.js';
import {
  ATTACHMENT_KINDS,
  employmentChoices,
  housingChoices,
  incomeChoices,
  stepTitle,
  summaryFields,
  type StepId,
} from './request-fields.js';

export interface ReviewStep {
  /** The validated payload, without the declaration (not signed yet). */
  payload: Omit<ServiceRequest, 'declaration'>;
  audience: Audience;
  steps: readonly StepId[];
  serviceLabel: (id: string) => string;
  files: ReadonlyMap<string, File>;
  onChange: (step: StepId) => void;
}

type Row = [field: string, value: TemplateResult | string];

const labelOf = (choices: Choice[], value: string) => choices.find((choice) => choice.value === value)?.label ?? value;
const ltr = (value: string) => html`<bdi dir="ltr">${value}</bdi>`;
const bothCalendars = (date: string) =>
  html`<span class="date">${formatDate(`${date}T12:00:00Z`)}</span> <span class="date">(${formatDate(`${date}T12:00:00Z`, 'islamic-umalqura')})</span>`;

function section(step: StepId, title: string, rows: readonly Row[], onChange: (step: StepId) => void): TemplateResult {
  const labels = summaryFields();
  return html`<section class="review-section" part="review-section" aria-labelledby="review-${step}" data-step=${step}>
    <div class="review-head">
      <h4 id="review-${step}">${title}</h4>
      <button type="button" class="link" @click=${() => onChange(step)}>
        ${msg('Change')}<span class="visually-hidden"> ${title}</span>
      </button>
    </div>
    <dl class="review-list">
      ${rows.map(
        ([field, value]) => html`<div class="review-row" data-field=${field}>
          <dt>${labels[field]?.label ?? field}</dt>
          <dd>${value}</dd>
        </div>`,
      )}
    </dl>
  </section>`;
}

export function renderReviewStep({
  payload,
  audience,
  steps,
  serviceLabel,
  files,
  onChange,
}: ReviewStep): TemplateResult {
  const { applicant, household } = payload;
  const notGiven = msg('Not given');
  return html`<p class="lead">${msg('This is what will be sent. Check it, and change anything that is not right.')}</p>
    ${section(
      'applicant',
      stepTitle('applicant', audience),
      [
        ['applicant.fullName', applicant.fullName],
        ['applicant.nationalId', ltr(applicant.nationalId)],
        ['applicant.mobile', ltr(applicant.mobile)],
        ['applicant.email', applicant.email ? ltr(applicant.email) : notGiven],
        ['applicant.city', applicant.city],
        ['applicant.birthDate', bothCalendars(applicant.birthDate)],
      ],
      onChange,
    )}
    ${
      household && steps.includes('household')
        ? section(
            'household',
            stepTitle('household', audience),
            [
              ['household.householdSize', String(household.householdSize)],
              ['household.incomeBracket', labelOf(incomeChoices(), household.incomeBracket)],
              ['household.employment', labelOf(employmentChoices(), household.employment)],
              ['household.housing', labelOf(housingChoices(), household.housing)],
            ],
            onChange,
          )
        : nothing
    }
    ${section(
      'service',
      stepTitle('service', audience),
      [
        ['service', serviceLabel(payload.service)],
        ['description', html`<span class="multiline">${payload.description}</span>`],
      ],
      onChange,
    )}
    ${
      steps.includes('attachments')
        ? section(
            'attachments',
            stepTitle('attachments', audience),
            ATTACHMENT_KINDS.map((kind): Row => {
              const file = files.get(kind);
              return [
                `attachments.${kind}`,
                file ? html`<bdi>${file.name}</bdi> (${formatBytes(file.size)})` : msg('Not attached'),
              ];
            }),
            onChange,
          )
        : nothing
    }
    <p class="hint">${msg('Nothing is sent until you agree to the declaration on the next step.')}</p>`;
}
