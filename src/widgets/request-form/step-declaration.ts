/**
 * The last step: the research committee notice and the signed statement the seed
 * policies require, then sending (with upload progress when documents go along).
 */
import { html, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { FormController } from '../../core/form-controller.js';
import { formatDays } from '../../core/i18n.js';
import { renderCheckboxField } from '../../fields/checkbox-field.js';
import { renderUploadProgress } from '../../fields/file-field.js';

/** The wording of the seeds: «أقر بصحة البيانات المقدمة وأنني مسؤول مسؤولية مباشرة عن صحة المعلومات». */
export function declarationText(): string {
  return msg(
    'I confirm that the data I have provided is correct and that I am directly responsible for the accuracy of the information.',
  );
}

export function committeeNotice(reviewPeriodDays: number): string {
  return msg(
    str`Your request will be sent to the research committee, which will study it and answer with acceptance or rejection within ${formatDays(reviewPeriodDays)}.`,
  );
}

export interface DeclarationStep {
  reviewPeriodDays: number;
  /** 0…1 while documents upload; undefined when nothing is uploading. */
  progress?: number;
  uploading: boolean;
}

export function renderDeclarationStep(form: FormController<unknown>, step: DeclarationStep): TemplateResult {
  return html`<p class="notice committee" part="committee-notice">${committeeNotice(step.reviewPeriodDays)}</p>
    ${renderCheckboxField(form, { name: 'declaration.accepted', label: declarationText() })}
    ${renderCheckboxField(form, {
      name: 'consent.accepted',
      label: msg('I have read the privacy notice and agree that my details are used to study this request.'),
    })}
    ${renderUploadProgress(step.uploading, step.progress)}`;
}
