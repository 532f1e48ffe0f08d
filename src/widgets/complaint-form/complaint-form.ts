/**
 * <sila-complaint-form>: a complaint, suggestion, inquiry or compensation claim, sent to
 * the association's backend with a reference number to follow it up, and with one
 * supporting document when the association accepts attachments.
 */
import { html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import {
  ANONYMOUS_KINDS,
  complaintSchema,
  type Complaint,
  type ComplaintCreated,
  type ComplaintKind,
} from '../../contract/complaint.js';
import { DEFAULT_FORM_CONFIG } from '../../contract/form-config.js';
import type { Upload } from '../../client/api.js';
import type { FieldError } from '../../contract/problem.js';
import { SubmissionFormElement } from '../../core/submission-form-element.js';
import { FormController, type FormValues } from '../../core/form-controller.js';
import { renderSubmissionStatus } from '../../core/submission-status.js';
import { renderHoneypot } from '../../fields/honeypot.js';
import { formatDays, localized } from '../../core/i18n.js';
import { validateWith } from '../../core/validate.js';
import { renderTextField } from '../../fields/text-field.js';
import { renderTextareaField } from '../../fields/textarea-field.js';
import { renderSelectField } from '../../fields/select-field.js';
import { renderChoiceGroup } from '../../fields/choice-group.js';
import { renderCheckboxField } from '../../fields/checkbox-field.js';
import { renderErrorSummary } from '../../fields/error-summary.js';
import { fileLimitsHint, renderFileField, renderUploadProgress } from '../../fields/file-field.js';
import { renderPrivacyNotice } from '../../fields/privacy-notice.js';
import { fieldId } from '../../fields/field-parts.js';
import { tokens } from '../../styles/tokens.styles.js';
import { formStyles } from '../../styles/form.styles.js';
import { fileFieldStyles } from '../../styles/file-field.styles.js';
import { complaintFormStyles } from './complaint-form.styles.js';
import {
  contactChannelChoices,
  EVIDENCE_KIND,
  evidenceLabel,
  FIELD_ORDER,
  kindChoices,
  LIMITS,
  requiredMessages,
  sendLabel,
  summaryFields,
} from './complaint-fields.js';
import { renderConfirmation } from './complaint-confirmation.js';

const KINDS: readonly ComplaintKind[] = ['complaint', 'suggestion', 'inquiry', 'compensation'];

const EMPTY: FormValues = {
  kind: 'complaint',
  category: '',
  subject: '',
  description: '',
  relatedReference: '',
  anonymous: false,
  'contact.name': '',
  'contact.mobile': '',
  'contact.email': '',
  contactChannel: 'phone',
  'consent.accepted': false,
};

/**
 * @summary A complaint, suggestion, inquiry or compensation claim form.
 *
 * @event sila-submit - Before sending; cancelable. `detail: { kind, payload, idempotencyKey }`
 *   (the document is not in the event: a host that sends it itself handles it itself).
 * @event sila-submitted - The backend accepted it. `detail: { kind, reference, result }`.
 * @event sila-error - Sending failed. `detail: { kind, error, queued }`.
 *
 * @slot after-success - Extra content in the confirmation panel (e.g. a rating widget).
 *
 * @csspart form - The form element.
 * @csspart field - Every field wrapper.
 * @csspart input - Every input, select and textarea.
 * @csspart file-input - The supporting document picker (when the association accepts attachments).
 * @csspart error - A field's error message.
 * @csspart error-summary - The "There is a problem" box.
 * @csspart upload-progress - Upload progress while the document is sent.
 * @csspart submit - The send button.
 * @csspart status - The "waiting to send" message.
 * @csspart confirmation - The success panel.
 * @csspart reference - The reference number box.
 * @csspart follow-up-code - An anonymous sender's follow-up code box (with the reference, what the status lookup asks for).
 * @csspart status-link - The link to the status page.
 */
export class SilaComplaintForm extends SubmissionFormElement<Complaint, ComplaintCreated> {
  static override styles = [tokens, formStyles, fileFieldStyles, complaintFormStyles];

  /** Preselected type: complaint, suggestion, inquiry or compensation. */
  @property() kind?: ComplaintKind;

  protected readonly submissionKind = 'complaint';
  protected readonly startFocus = fieldId('kind');
  protected readonly confirmation = renderConfirmation;

  protected readonly form = new FormController<Complaint>(this, {
    initial: EMPTY,
    validate: (values) => validateWith(complaintSchema, this.toPayload(values)),
    onChange: () => this.session.save(),
  });

  protected readonly session = this.startSession({
    draftName: () => 'complaint',
    onBind: (draft) => {
      if (draft) this.form.restore(draft.values as FormValues);
      else if (this.kind && KINDS.includes(this.kind) && !this.form.submitAttempted)
        this.form.values = { ...this.form.values, kind: this.kind };
    },
  });

  /** Clears the form, the saved draft and any error (the "Clear my answers" action). */
  clearAnswers(): void {
    this.form.reset();
    this.attachments.clear();
    this.session.restart();
    void this.submission.discard();
    this.announcement = msg('Your answers were cleared.');
    this.focusMover.focusSoon(fieldId('kind'));
  }

  private toPayload(values: FormValues): unknown {
    const kind = values.kind as ComplaintKind;
    const anonymous = ANONYMOUS_KINDS.includes(kind) && values.anonymous === true;
    const versions = this.session.formConfig.textVersions ?? DEFAULT_FORM_CONFIG.textVersions!;
    return {
      kind,
      category: values.category,
      subject: values.subject,
      description: values.description,
      relatedReference: values.relatedReference,
      anonymous,
      contactChannel: anonymous ? undefined : values.contactChannel || 'phone',
      contact: anonymous
        ? undefined
        : { name: values['contact.name'], mobile: values['contact.mobile'], email: values['contact.email'] },
      consent: { accepted: values['consent.accepted'] === true, version: versions.consent },
      ...this.origin(),
    };
  }

  private async submitComplaint(event: Event): Promise<void> {
    event.preventDefault();
    await this.submission.once(async () => {
      const validation = this.form.attemptSubmit();
      if (!validation.ok || !validation.payload) {
        this.announcement = '';
        this.focusMover.focusSoon('error-summary');
        return;
      }
      const files = this.session.formConfig.attachments.enabled ? this.attachments.list() : [];
      await this.send(validation.payload, files);
    });
  }

  protected get outboxOwner(): string {
    return `complaint:${this.resolvedEndpoint}`;
  }

  protected create(payload: Complaint, key: string, upload?: Upload): Promise<ComplaintCreated> {
    return this.api.createComplaint(payload, key, upload);
  }

  /**
   * The server saw something the form did not (a field, or the document: 413/415): show
   * it next to the fields. Errors about all attachments belong to the one picker.
   */
  protected showServerErrors(errors: readonly FieldError[]): void {
    const evidence = `attachments.${EVIDENCE_KIND}`;
    this.form.setServerErrors(
      errors.map((field) => (field.path === 'attachments' ? { ...field, path: evidence } : field)),
    );
    this.session.save();
    this.focusMover.focusSoon('error-summary');
  }

  private categoryOptions(kind: ComplaintKind) {
    return this.session.formConfig.complaintCategories
      .filter((category) => !category.kinds || category.kinds.includes(kind))
      .map((category) => ({ value: category.id, label: localized(category.label) }));
  }

  /** The optional document, only when the association accepts attachments. */
  private renderEvidence() {
    const limits = this.session.formConfig.attachments;
    if (!limits.enabled) return nothing;
    return renderFileField({
      name: `attachments.${EVIDENCE_KIND}`,
      label: evidenceLabel(),
      hint: fileLimitsHint(limits.types, limits.maxFileBytes),
      optional: true,
      accept: limits.types.join(','),
      file: this.attachments.files.get(EVIDENCE_KIND),
      error: this.attachments.errors([EVIDENCE_KIND]).get(EVIDENCE_KIND),
      // Checked the moment it is chosen: a file over the limit is refused at once.
      onSelect: (file) => (this.announcement = this.attachments.select(EVIDENCE_KIND, file)),
    });
  }

  private renderPrivacy() {
    // The wording follows what is sent: no "your request" on a complaint or an anonymous suggestion.
    const kind = (this.form.text('kind') || 'complaint') as ComplaintKind;
    const anonymous = ANONYMOUS_KINDS.includes(kind) && this.form.get('anonymous') === true;
    return renderPrivacyNotice(this.session.formConfig, anonymous ? 'anonymous' : 'message', false);
  }

  protected override renderForm() {
    const form = this.form;
    const required = requiredMessages();
    const kind = (this.form.text('kind') || 'complaint') as ComplaintKind;
    const canBeAnonymous = ANONYMOUS_KINDS.includes(kind);
    const anonymous = canBeAnonymous && this.form.get('anonymous') === true;
    const submitting = this.submission.state === 'submitting';
    const responseDays = this.session.formConfig.complaintResponseDays;
    const errors = this.form.visibleErrors(FIELD_ORDER);
    const summaryErrors = this.form.submitAttempted ? errors : [];
    return html`<form class="form" part="form" novalidate @submit=${this.submitComplaint} aria-labelledby="title">
      <h2 class="title" id="title">${this.heading ?? msg('Complaints, suggestions and inquiries')}</h2>
      <p class="lead">
        ${msg('Tell us what happened or what could be better. Every message gets a reference number and is followed up until it is resolved.')}
        ${responseDays ? msg(str`We answer within ${formatDays(responseDays)}.`) : nothing}
      </p>
      ${renderErrorSummary(summaryErrors, summaryFields(), (name) => this.focusMover.focusField(name))} ${renderSubmissionStatus(this.submission.state, this.submission.error, () => void this.submission.retry())}

      <fieldset class="section">
        <legend>${msg('Your message')}</legend>
        ${renderChoiceGroup(form, { name: 'kind', label: msg('Type of message'), choices: kindChoices() })}
        ${renderSelectField(form, { name: 'category', label: msg('Topic'), required: required.category, options: this.categoryOptions(kind) })}
        ${renderTextField(form, { name: 'subject', label: msg('Subject'), required: required.subject, hint: msg('A few words, e.g. "Late reply to my request".'), ...LIMITS.subject })}
        ${renderTextareaField(form, {
          name: 'description',
          label: msg('Details'),
          required: required.description,
          hint: msg('What happened, when and where. Do not include bank card numbers or passwords.'),
          ...LIMITS.description,
        })}
        ${renderTextField(form, {
          name: 'relatedReference',
          label: msg('Related reference number'),
          // Non-breaking hyphens (U+2011): the example must not wrap at a dash on a phone.
          hint: msg('If this is about a request you already made, e.g. R‑4F7K‑2M9Q‑X3TB.'),
          optional: true,
          ltr: true,
          autocomplete: 'off',
          spellcheck: false,
        })}
        ${this.renderEvidence()}
      </fieldset>

      <fieldset class="section">
        <legend>${msg('Your contact details')}</legend>
        ${
          canBeAnonymous
            ? renderCheckboxField(form, {
                name: 'anonymous',
                label: msg('Send my suggestion without my name'),
                hint: msg('We will give you a code to follow it up with instead.'),
              })
            : nothing
        }
        ${
          anonymous
            ? nothing
            : html`${renderTextField(form, { name: 'contact.name', label: msg('Full name'), required: required['contact.name'], autocomplete: 'name', ...LIMITS.name })}
            ${renderTextField(form, {
              name: 'contact.mobile',
              label: msg('Mobile number'),
              required: required['contact.mobile'],
              hint: msg('A Saudi mobile number, e.g. 05XXXXXXXX. Its last 4 digits let you follow up.'),
              type: 'tel',
              inputmode: 'tel',
              autocomplete: 'tel',
              ltr: true,
            })}
            ${renderTextField(form, {
              name: 'contact.email',
              label: msg('E-mail address'),
              required: required['contact.email'],
              type: 'email',
              inputmode: 'email',
              autocomplete: 'email',
              ltr: true,
              spellcheck: false,
              optional: this.form.text('contactChannel') !== 'email',
            })}
            ${renderChoiceGroup(form, { name: 'contactChannel', label: msg('How should we contact you?'), choices: contactChannelChoices(), inline: true })}`
        }
      </fieldset>

      <fieldset class="section">
        <legend>${msg('Privacy')}</legend>
        ${this.renderPrivacy()}
        ${renderCheckboxField(form, {
          name: 'consent.accepted',
          label: msg('I have read the privacy notice and agree that my details are used to handle this message.'),
        })}
      </fieldset>

      ${renderHoneypot((value) => (this.honeypot = value))}
      ${renderUploadProgress(this.attachments.uploading, this.attachments.progress)}

      <div class="actions">
        <button type="submit" class="primary" part="submit" aria-disabled=${submitting ? 'true' : 'false'}>
          ${submitting ? msg('Sending…') : sendLabel(kind)}
        </button>
        <button type="button" class="link" @click=${this.clearAnswers}>${msg('Clear my answers')}</button>
      </div>
      ${this.renderSavedNotice()}
    </form>`;
  }
}

SilaComplaintForm.define('sila-complaint-form');

declare global {
  interface HTMLElementTagNameMap {
    'sila-complaint-form': SilaComplaintForm;
  }
}
