/**
 * <sila-request-form>: the multi-step service request (or member service request) the
 * seed policies describe: the applicant, the household, the service, documents, a check
 * of every answer, the signed declaration, then a reference number and the date the
 * research committee expects to decide.
 */
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg } from '@lit/localize';
import * as z from 'zod/mini';
import { DEFAULT_FORM_CONFIG } from '../../contract/form-config.js';
import { lazy } from '../../contract/lazy.js';
import {
  applicantPart,
  householdPart,
  requestSchema,
  servicePart,
  type Audience,
  type RequestCreated,
  type ServiceRequest,
} from '../../contract/request.js';
import type { FieldError } from '../../contract/problem.js';
import type { Upload } from '../../client/api.js';
import { SubmissionFormElement } from '../../core/submission-form-element.js';
import { FormController, type FormValues, type Validation } from '../../core/form-controller.js';
import { renderSubmissionStatus } from '../../core/submission-status.js';
import { renderHoneypot } from '../../fields/honeypot.js';
import { localized } from '../../core/i18n.js';
import { validateWith } from '../../core/validate.js';
import { renderErrorSummary } from '../../fields/error-summary.js';
import { tokens } from '../../styles/tokens.styles.js';
import { formStyles } from '../../styles/form.styles.js';
import { fileFieldStyles } from '../../styles/file-field.styles.js';
import { dateFieldStyles } from '../../styles/date-field.styles.js';
import { requestFormStyles } from './request-form.styles.js';
import {
  STEP_FIELDS,
  formHeading,
  formLead,
  stepTitle,
  summaryFields,
  ATTACHMENT_KINDS,
  type StepId,
} from './request-fields.js';
import { renderStepIndicator, stepCount } from './step-indicator.js';
import { renderApplicantStep } from './step-applicant.js';
import { withDatePartsErrors } from '../../fields/date-parts-field.js';
import { renderHouseholdStep } from './step-household.js';
import { renderServiceStep } from './step-service.js';
import { renderAttachmentsStep } from './step-attachments.js';
import { renderReviewStep } from './step-review.js';
import { renderDeclarationStep } from './step-declaration.js';
import { renderConfirmation } from './request-confirmation.js';

/** Every step in order; a form shows the ones its options and the form-config enable. */
const ALL_STEPS: readonly StepId[] = ['applicant', 'household', 'service', 'attachments', 'review', 'declaration'];

const EMPTY: FormValues = {
  'applicant.fullName': '',
  'applicant.nationalId': '',
  'applicant.mobile': '',
  'applicant.email': '',
  'applicant.city': '',
  'applicant.birthDate': '',
  'household.householdSize': '',
  'household.incomeBracket': '',
  'household.employment': '',
  'household.housing': '',
  service: '',
  description: '',
  'declaration.accepted': false,
  'consent.accepted': false,
};

/** Each step is checked with its own part of the contract, under its payload path. */
const STEP_SCHEMAS = /* @__PURE__ */ lazy(
  () =>
    ({
      applicant: z.object({ applicant: applicantPart }),
      household: z.object({ household: householdPart }),
      service: servicePart,
    }) as const,
);

/**
 * @summary A multi-step service request form (beneficiaries or general-assembly members).
 *
 * @event sila-submit - Before sending; cancelable. `detail: { kind: 'request', payload, idempotencyKey }`
 *   (documents are not in the event: a host that sends it itself handles them itself).
 * @event sila-submitted - The backend accepted it. `detail: { kind, reference, result }`.
 * @event sila-error - Sending failed. `detail: { kind, error, queued }`.
 *
 * @slot after-success - Extra content in the confirmation panel (e.g. a rating widget).
 *
 * @csspart form - The form element.
 * @csspart steps - The step indicator.
 * @csspart privacy - What is collected and why.
 * @csspart field - Every field wrapper.
 * @csspart input - Every input, select and textarea.
 * @csspart file-input - The document pickers.
 * @csspart error - A field's error message.
 * @csspart error-summary - The "There is a problem" box.
 * @csspart review-section - A section of the "Check your answers" step.
 * @csspart committee-notice - The research committee notice.
 * @csspart upload-progress - Upload progress while documents are sent.
 * @csspart next - The Continue button.
 * @csspart back - The Back button.
 * @csspart submit - The send button.
 * @csspart status - The "waiting to send" message.
 * @csspart confirmation - The success panel.
 * @csspart reference - The reference number box.
 * @csspart status-link - The link to the status page.
 *
 * @cssprop --sila-color-accent - Buttons, links, the current step (default #0f766e).
 * @cssprop --sila-color-success - The confirmation panel, completed steps.
 */
export class SilaRequestForm extends SubmissionFormElement<ServiceRequest, RequestCreated> {
  static override styles = [tokens, formStyles, fileFieldStyles, dateFieldStyles, requestFormStyles];

  /** `beneficiary` (default) or `member`: the labels and the services offered (seed 002). */
  @property() audience: Audience = 'beneficiary';

  /** Leaves out the household and situation step. */
  @property({ type: Boolean, attribute: 'no-household' }) noHousehold = false;

  @state() private step: StepId = 'applicant';
  /** The national ID was not kept in the restored draft: say why it is empty. */
  @state() private idNotKept = false;

  protected readonly submissionKind = 'request';
  protected readonly startFocus = 'step-title';
  protected readonly confirmation = renderConfirmation;
  /** Came from a Change button: Continue goes straight back to the review. */
  private returnToReview = false;

  protected readonly form = new FormController<unknown>(this, {
    initial: EMPTY,
    validate: (values) => this.validateStep(this.step, values),
    onChange: () => this.session.save(),
  });

  /** One draft per backend and audience. */
  protected readonly session = this.startSession({
    draftName: () => (this.resolvedAudience === 'member' ? 'request-member' : 'request'),
    excluded: () => this.excludedFromDrafts,
    step: () => this.step,
    onBind: (draft) => {
      if (draft) this.restoreDraft(draft.values as FormValues, draft.step, this.excludedFromDrafts.length > 0);
    },
  });

  /** The national ID stays off the device unless the page allows it. */
  private get excludedFromDrafts(): readonly string[] {
    return this.config.storeNationalIdInDrafts ? [] : ['applicant.nationalId'];
  }

  private get resolvedAudience(): Audience {
    return this.audience === 'member' ? 'member' : 'beneficiary';
  }

  /** The steps this form shows, in order. */
  get steps(): StepId[] {
    return ALL_STEPS.filter(
      (step) =>
        (step !== 'household' || !this.noHousehold) &&
        (step !== 'attachments' || this.session.formConfig.attachments.enabled),
    );
  }

  /** The current step's position; a step that was switched off falls to the next one shown. */
  private get stepIndex(): number {
    const steps = this.steps;
    const from = ALL_STEPS.indexOf(this.step);
    const next = ALL_STEPS.slice(from).find((step) => steps.includes(step));
    return next ? steps.indexOf(next) : 0;
  }

  /** Back to the saved step, or to the first earlier step that is no longer complete. */
  private restoreDraft(values: FormValues, savedStep: string | undefined, idExcluded: boolean): void {
    this.form.restore(values);
    const saved = ALL_STEPS.includes(savedStep as StepId) ? (savedStep as StepId) : 'applicant';
    const earlier = ALL_STEPS.slice(0, ALL_STEPS.indexOf(saved)).filter(
      (step) => step in STEP_SCHEMAS && this.steps.includes(step),
    );
    const incomplete = earlier.find((step) => !this.validateStep(step, this.form.values).ok);
    this.step = incomplete ?? saved;
    this.idNotKept = idExcluded && ALL_STEPS.indexOf(saved) > 0 && !this.form.text('applicant.nationalId');
  }

  /** Clears the form, the saved draft and any error (the "Clear my answers" action). */
  clearAnswers(): void {
    this.form.reset();
    this.attachments.clear();
    this.session.restart();
    this.idNotKept = false;
    this.returnToReview = false;
    void this.submission.discard();
    this.step = 'applicant';
    this.announcement = msg('Your answers were cleared.');
    this.focusMover.focusSoon('step-title');
  }

  private toPayload(values: FormValues): unknown {
    const text = (name: string) => (typeof values[name] === 'string' ? (values[name] as string) : '');
    const size = text('household.householdSize');
    const versions = this.session.formConfig.textVersions ?? DEFAULT_FORM_CONFIG.textVersions!;
    return {
      audience: this.resolvedAudience,
      applicant: {
        fullName: text('applicant.fullName'),
        nationalId: text('applicant.nationalId'),
        mobile: text('applicant.mobile'),
        email: text('applicant.email'),
        city: text('applicant.city'),
        birthDate: text('applicant.birthDate'),
      },
      household: this.steps.includes('household')
        ? {
            // Empty means "not answered" (required), not "not a number".
            householdSize: size.trim() === '' ? undefined : size,
            incomeBracket: text('household.incomeBracket'),
            employment: text('household.employment'),
            housing: text('household.housing'),
          }
        : undefined,
      service: text('service'),
      description: text('description'),
      declaration: { accepted: values['declaration.accepted'] === true, version: versions.declaration },
      consent: { accepted: values['consent.accepted'] === true, version: versions.consent },
      ...this.origin(),
    };
  }

  /** The whole request as it will be sent, with the declaration and consent taken as given (review). */
  private reviewValidation(values: FormValues): Validation<ServiceRequest> {
    const payload = this.toPayload(values) as Record<string, unknown>;
    const versions = this.session.formConfig.textVersions ?? DEFAULT_FORM_CONFIG.textVersions!;
    return validateWith(requestSchema, {
      ...payload,
      declaration: { accepted: true, version: versions.declaration },
      consent: { accepted: true, version: versions.consent },
    });
  }

  private validateStep(step: StepId, values: FormValues): Validation<unknown> {
    switch (step) {
      case 'applicant':
        // The birth date's own check names the wrong part (day, month, a future date).
        return withDatePartsErrors(validateWith(STEP_SCHEMAS[step], this.toPayload(values)), values, [
          'applicant.birthDate',
        ]);
      case 'household':
      case 'service':
        return validateWith(STEP_SCHEMAS[step], this.toPayload(values));
      case 'attachments': {
        const errors: FieldError[] = (this.session.formConfig.attachments.requiredForRequests ?? [])
          .filter((kind) => !this.attachments.files.has(kind))
          .map((kind) => ({ path: `attachments.${kind}`, code: 'required', message: 'This document is required.' }));
        return { ok: errors.length === 0, errors };
      }
      case 'review':
        return this.reviewValidation(values);
      case 'declaration':
        return validateWith(requestSchema, this.toPayload(values));
    }
  }

  /** The step that asks for a payload path (server errors are put there). */
  private stepOf(path: string): StepId | undefined {
    if (path.startsWith('attachments')) return 'attachments';
    if (path === 'audience') return 'applicant';
    return (Object.keys(STEP_FIELDS) as StepId[]).find((step) =>
      STEP_FIELDS[step].some((field) => field === path || field.startsWith(`${path}.`) || path.startsWith(`${field}.`)),
    );
  }

  private showStep(step: StepId, keepErrors = false): void {
    this.step = step;
    if (!keepErrors) this.form.submitAttempted = false;
    this.focusMover.focusSoon(keepErrors && this.form.submitAttempted ? 'error-summary' : 'step-title');
    this.session.save();
  }

  /** Continue: the current step must be valid; the declaration step sends instead. */
  private async goToNextStep(event: Event): Promise<void> {
    event.preventDefault();
    if (this.step === 'declaration') return this.submitRequest();
    const validation = this.form.attemptSubmit();
    if (!validation.ok) {
      this.focusMover.focusSoon('error-summary');
      return;
    }
    const steps = this.steps;
    let next = steps[this.stepIndex + 1] ?? 'declaration';
    if (this.returnToReview || next === 'review') {
      this.returnToReview = false;
      // Every earlier step must hold before the review (a draft may lack a field).
      const broken = this.reviewValidation(this.form.values).errors[0];
      const brokenStep = broken ? this.stepOf(broken.path) : undefined;
      next = brokenStep && brokenStep !== this.step ? brokenStep : 'review';
      if (brokenStep && brokenStep !== this.step) return this.showStep(next, true);
    }
    this.showStep(next);
  }

  private goToPreviousStep(): void {
    this.returnToReview = false;
    const previous = this.steps[this.stepIndex - 1];
    if (previous) this.showStep(previous);
  }

  private changeAnswers(step: StepId): void {
    this.returnToReview = true;
    this.showStep(step);
  }

  private async submitRequest(): Promise<void> {
    await this.submission.once(async () => {
      const validation = this.form.attemptSubmit();
      if (!validation.ok || !validation.payload) {
        const elsewhere = validation.errors
          .map((error) => this.stepOf(error.path))
          .find((step) => step && step !== 'declaration');
        if (elsewhere) this.showStep(elsewhere, true);
        else this.focusMover.focusSoon('error-summary');
        this.announcement = '';
        return;
      }
      const files = this.steps.includes('attachments') ? this.attachments.list() : [];
      await this.send(validation.payload as ServiceRequest, files);
    });
  }

  protected get outboxOwner(): string {
    return `request:${this.resolvedAudience}:${this.resolvedEndpoint}`;
  }

  protected create(payload: ServiceRequest, key: string, upload?: Upload): Promise<RequestCreated> {
    return this.api.createRequest(payload, key, upload);
  }

  protected override clearForm(): void {
    super.clearForm();
    this.step = 'applicant';
  }

  /** The server saw something the form did not: show it at the field, on its step. */
  protected showServerErrors(errors: readonly FieldError[]): void {
    this.form.setServerErrors(errors);
    const step = this.stepOf(errors[0]!.path);
    if (step && this.steps.includes(step)) this.showStep(step, true);
    else this.focusMover.focusSoon('error-summary');
  }

  private serviceOptions() {
    const audience = this.resolvedAudience;
    return this.session.formConfig.services
      .filter((service) => !service.audiences || service.audiences.includes(audience))
      .map((service) => ({ value: service.id, label: localized(service.label) }));
  }

  private serviceLabel(id: string): string {
    const service = this.session.formConfig.services.find((item) => item.id === id);
    return service ? localized(service.label) : id;
  }

  private renderStep(step: StepId) {
    const form = this.form;
    switch (step) {
      case 'applicant':
        return renderApplicantStep(form, this.session.formConfig);
      case 'household':
        return renderHouseholdStep(form);
      case 'service':
        return renderServiceStep(form, this.serviceOptions());
      case 'attachments':
        return renderAttachmentsStep({
          config: this.session.formConfig.attachments,
          files: this.attachments.files,
          errors: this.attachments.errors(ATTACHMENT_KINDS),
          // A document is checked the moment it is chosen: a file over the limit is refused at once.
          onSelect: (kind, file) => (this.announcement = this.attachments.select(kind, file)),
        });
      case 'review': {
        const payload = this.reviewValidation(this.form.values).payload;
        if (!payload)
          return html`<p class="notice warning">${msg('Some answers are missing. Go back and complete them.')}</p>`;
        return renderReviewStep({
          payload,
          audience: this.resolvedAudience,
          steps: this.steps,
          serviceLabel: (id) => this.serviceLabel(id),
          files: this.attachments.files,
          onChange: (target) => this.changeAnswers(target),
        });
      }
      case 'declaration':
        return html`${renderDeclarationStep(form, {
          reviewPeriodDays: this.session.formConfig.reviewPeriodDays,
          uploading: this.attachments.uploading,
          progress: this.attachments.progress,
        })}
        ${renderSubmissionStatus(this.submission.state, this.submission.error, () => void this.submission.retry())}`;
    }
  }

  private renderActions(step: StepId, index: number) {
    const submitting = this.submission.state === 'submitting';
    const last = step === 'declaration';
    const toReview = this.returnToReview && ALL_STEPS.indexOf(step) < ALL_STEPS.indexOf('review');
    return html`<div class="actions step-actions">
      ${
        last
          ? html`<button type="submit" class="primary" part="submit" aria-disabled=${submitting ? 'true' : 'false'}>
            ${submitting ? msg('Sending…') : msg('Send request')}
          </button>`
          : html`<button type="submit" class="primary" part="next">
            ${toReview ? msg('Save and return to your answers') : step === 'review' ? msg('Continue to the declaration') : msg('Continue')}
          </button>`
      }
      ${index > 0 ? html`<button type="button" class="secondary" part="back" @click=${this.goToPreviousStep}>${msg('Back')}</button>` : nothing}
      <button type="button" class="link clear" @click=${this.clearAnswers}>${msg('Clear my answers')}</button>
    </div>`;
  }

  protected override renderForm() {
    const steps = this.steps;
    const index = this.stepIndex;
    const step = steps[index]!;
    const audience = this.resolvedAudience;
    const fields = STEP_FIELDS[step];
    const errors = this.form.submitAttempted
      ? this.form
          .visibleErrors(step === 'attachments' ? [] : fields)
          .filter((error) =>
            step === 'attachments' ? error.path.startsWith('attachments') : fields.includes(error.path),
          )
      : [];
    return html`<form class="form" part="form" novalidate @submit=${this.goToNextStep} aria-labelledby="title">
      <h2 class="title" id="title">${this.heading ?? formHeading(audience)}</h2>
      ${index === 0 ? html`<p class="lead">${formLead(audience)}</p>` : nothing}
      ${renderStepIndicator(steps, index, audience)}
      <h3 class="step-title" id="step-title" tabindex="-1" data-step=${step}>
        <span class="caption">${stepCount(index, steps.length)}</span>
        <span class="step-heading">${stepTitle(step, audience)}</span>
      </h3>
      ${renderErrorSummary(errors, summaryFields(), (name) => this.focusMover.focusField(name))}
      ${
        step === 'applicant' && this.idNotKept
          ? html`<p class="notice">${msg('For your privacy, your ID number is not kept on this device. Please enter it again.')}</p>`
          : nothing
      }
      <div class="step-body">${this.renderStep(step)}</div>

      ${renderHoneypot((value) => (this.honeypot = value))}

      ${this.renderActions(step, index)}
      ${this.renderSavedNotice()}
    </form>`;
  }
}

SilaRequestForm.define('sila-request-form');

declare global {
  interface HTMLElementTagNameMap {
    'sila-request-form': SilaRequestForm;
  }
}
