/**
 * Intake (officer): a request or a complaint, suggestion or inquiry received at the desk,
 * by phone, e-mail, social media or letter. The channel is asked first; the fields are
 * the public widgets' own templates, checked with the same contract schemas the server
 * enforces. One Idempotency-Key per intake: a double click or a retry never records twice.
 */
import { css, html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { msg } from '@lit/localize';
import { ANONYMOUS_KINDS, type ComplaintKind } from '../../contract/complaint.js';
import { staffIntakeCreated } from '../../contract/staff.js';
import { DEFAULT_FORM_CONFIG, formConfigSchema, type FormConfig } from '../../contract/form-config.js';
import { newIdempotencyKey } from '../../client/idempotency.js';
import { copyText } from '../../core/clipboard.js';
import { FocusController } from '../../core/focus-controller.js';
import { FormController } from '../../core/form-controller.js';
import { localized } from '../../core/i18n.js';
import { renderLiveRegion } from '../../core/live-region.js';
import { validateWith } from '../../core/validate.js';
import { renderCheckboxField } from '../../fields/checkbox-field.js';
import { renderChoiceGroup } from '../../fields/choice-group.js';
import { renderErrorSummary } from '../../fields/error-summary.js';
import { renderSelectField } from '../../fields/select-field.js';
import { renderTextField } from '../../fields/text-field.js';
import { renderTextareaField } from '../../fields/textarea-field.js';
import { declarationText } from '../../widgets/request-form/step-declaration.js';
import { renderApplicantStep } from '../../widgets/request-form/step-applicant.js';
import { renderHouseholdStep } from '../../widgets/request-form/step-household.js';
import { renderServiceStep } from '../../widgets/request-form/step-service.js';
import {
  LIMITS as COMPLAINT_LIMITS,
  contactChannelChoices,
  kindChoices,
} from '../../widgets/complaint-form/complaint-fields.js';
import { StaffApiError } from '../api.js';
import { channelLabel } from '../labels.js';
import { failureText } from '../messages.js';
import { StaffView } from '../staff-element.js';
import {
  COMPLAINT_FIELD_ORDER,
  EMPTY_COMPLAINT,
  EMPTY_REQUEST,
  EMPTY_START,
  REQUEST_FIELD_ORDER,
  START_FIELDS,
  channelChoices,
  intakeStartSchema,
  intakeSummaryFields,
  splitServerErrors,
  typeChoices,
  validateIntake,
  type IntakeType,
} from './intake-model.js';
import { renderIntakeReceipt, type IntakeResult } from './intake-receipt.js';

export class StaffIntake extends StaffView {
  static override styles = [
    ...(StaffView.styles as []),
    css`
      form {
        max-inline-size: 48rem;
      }
      .declaration-text {
        margin: 0;
        padding: 0.75rem var(--_space);
        border-inline-start: 4px solid var(--_accent);
        background: var(--_surface-alt);
      }
      .receipt {
        padding: var(--_space);
        border: 2px dashed var(--_border);
        border-radius: var(--_radius);
      }
      .receipt {
        display: grid;
        gap: 0.75rem;
      }
      .receipt p {
        margin: 0;
      }
      .panel {
        max-inline-size: 48rem;
      }
      @media print {
        form,
        .panel > :not(.receipt) {
          display: none !important;
        }
        .panel,
        .receipt {
          border: 0;
          padding: 0;
        }
      }
    `,
  ];

  @state() private formConfig: FormConfig = DEFAULT_FORM_CONFIG;
  @state() private sending = false;
  @state() private failure = '';
  @state() private announcement = '';
  @state() private result?: IntakeResult;
  @state() private copied?: string;
  /** Made on the first send of this intake, kept through retries, dropped when it is done. */
  private idempotencyKey?: string;

  private readonly focusMover = new FocusController(this);
  private readonly start = new FormController<unknown>(this, {
    initial: EMPTY_START,
    validate: (values) => validateWith(intakeStartSchema, values),
  });
  private readonly request = new FormController<unknown>(this, {
    initial: EMPTY_REQUEST,
    validate: (values) => validateIntake('request', values, this.formConfig),
  });
  private readonly complaint = new FormController<unknown>(this, {
    initial: EMPTY_COMPLAINT,
    validate: (values) => validateIntake('complaint', values, this.formConfig),
  });

  override connectedCallback(): void {
    super.connectedCallback();
    void this.context?.api
      .get('/v1/form-config', { schema: formConfigSchema })
      .then((config) => (this.formConfig = { ...DEFAULT_FORM_CONFIG, ...config }))
      .catch(() => {});
  }

  private get type(): IntakeType | undefined {
    const type = this.start.text('type');
    return type === 'request' || type === 'complaint' ? type : undefined;
  }

  private formFor(type: IntakeType): FormController<unknown> {
    return type === 'request' ? this.request : this.complaint;
  }

  private async submitIntake(event: Event): Promise<void> {
    event.preventDefault();
    if (this.sending) return; // a second click while the first is on its way
    const start = this.start.attemptSubmit();
    const type = this.type;
    const validation = type ? this.formFor(type).attemptSubmit() : undefined;
    if (!start.ok || !type || !validation?.ok) {
      this.failure = '';
      this.focusMover.focusSoon('error-summary');
      return;
    }
    const api = this.context?.api;
    if (!api) return;
    this.sending = true;
    this.failure = '';
    this.idempotencyKey ??= newIdempotencyKey();
    try {
      const payload = validation.payload as { kind?: string };
      // The body names the submission's own kind: request, or complaint / suggestion / …
      const kind = type === 'request' ? 'request' : payload.kind;
      const answer = await api.post(
        '/v1/staff/intake',
        { kind, channel: this.start.text('channel'), payload },
        { schema: staffIntakeCreated, headers: { 'Idempotency-Key': this.idempotencyKey } },
      );
      this.result = {
        reference: answer.reference,
        receivedAt: answer.receivedAt,
        dueAt: answer.dueAt,
        verifier: answer.verifier,
      };
      this.idempotencyKey = undefined;
      this.announcement = msg('Recorded.');
      this.focusMover.focusSoon('done-title');
    } catch (error) {
      this.handleFailure(type, error);
    } finally {
      this.sending = false;
    }
  }

  private handleFailure(type: IntakeType, error: unknown): void {
    const failure = error instanceof StaffApiError ? error : new StaffApiError('invalid_response');
    if (failure.kind === 'validation' && failure.fieldErrors.length > 0) {
      // The server saw something the form did not: at the fields, in the summary. The
      // corrected intake is another body, so it gets another key.
      const { start, form } = splitServerErrors(failure.fieldErrors);
      this.start.setServerErrors(start);
      this.formFor(type).setServerErrors(form);
      this.idempotencyKey = undefined;
      this.failure = '';
      this.focusMover.focusSoon('error-summary');
    } else {
      this.failure = failureText(failure);
      this.focusMover.focusSoon('status-message');
    }
    this.announcement = failureText(failure);
  }

  private startAnother(): void {
    this.result = undefined;
    this.copied = undefined;
    this.start.reset();
    this.request.reset();
    this.complaint.reset();
    this.focusMover.focusSoon(`f-channel-first`);
  }

  private async copy(value: string, shown: Element | null, announcement: string): Promise<void> {
    const copied = await copyText(value, shown);
    this.copied = copied ? value : undefined;
    if (copied) this.announcement = announcement;
  }

  private renderRequestFields() {
    const form = this.request;
    const services = this.formConfig.services
      .filter((service) => !service.audiences || service.audiences.includes('beneficiary'))
      .map((service) => ({ value: service.id, label: localized(service.label) }));
    return html`<fieldset class="section">
        <legend>${msg('Applicant details')}</legend>
        ${renderApplicantStep(form, this.formConfig)}
      </fieldset>
      <fieldset class="section">
        <legend>${msg('Household and situation')}</legend>
        ${renderHouseholdStep(form)}
      </fieldset>
      <fieldset class="section">
        <legend>${msg('The service requested')}</legend>
        ${renderServiceStep(form, services)}
      </fieldset>
      <fieldset class="section">
        <legend>${msg('Declaration and privacy')}</legend>
        <blockquote class="declaration-text" lang=${nothing}>${declarationText()}</blockquote>
        ${renderCheckboxField(form, {
          name: 'declaration.accepted',
          label: msg(
            'The declaration was read to the applicant (or read by them) and they confirmed it, or signed it on paper.',
          ),
        })}
        ${renderCheckboxField(form, {
          name: 'consent.accepted',
          label: msg('The applicant was told what is collected and why (above) and agreed.'),
        })}
      </fieldset>`;
  }

  private renderComplaintFields() {
    const form = this.complaint;
    const kind = (form.text('kind') || 'complaint') as ComplaintKind;
    const anonymous = ANONYMOUS_KINDS.includes(kind) && form.get('anonymous') === true;
    const categories = this.formConfig.complaintCategories
      .filter((category) => !category.kinds || category.kinds.includes(kind))
      .map((category) => ({ value: category.id, label: localized(category.label) }));
    return html`<fieldset class="section">
        <legend>${msg('The message')}</legend>
        ${renderChoiceGroup(form, { name: 'kind', label: msg('Type of message'), choices: kindChoices() })}
        ${renderSelectField(form, { name: 'category', label: msg('Topic'), options: categories })}
        ${renderTextField(form, { name: 'subject', label: msg('Subject'), ...COMPLAINT_LIMITS.subject })}
        ${renderTextareaField(form, { name: 'description', label: msg('Details'), ...COMPLAINT_LIMITS.description })}
        ${renderTextField(form, {
          name: 'relatedReference',
          label: msg('Related reference number'),
          optional: true,
          ltr: true,
          autocomplete: 'off',
          spellcheck: false,
        })}
      </fieldset>
      <fieldset class="section">
        <legend>${msg('Contact details')}</legend>
        ${
          ANONYMOUS_KINDS.includes(kind)
            ? renderCheckboxField(form, {
                name: 'anonymous',
                label: msg('The sender does not want to give their name'),
                hint: msg('They will get a code to follow the suggestion up with.'),
              })
            : nothing
        }
        ${
          anonymous
            ? nothing
            : html`${renderTextField(form, { name: 'contact.name', label: msg('Full name'), autocomplete: 'off', ...COMPLAINT_LIMITS.name })}
            ${renderTextField(form, {
              name: 'contact.mobile',
              label: msg('Mobile number'),
              hint: msg('Its last 4 digits are the verification code to follow it up.'),
              type: 'tel',
              inputmode: 'tel',
              autocomplete: 'off',
              ltr: true,
            })}
            ${renderTextField(form, {
              name: 'contact.email',
              label: msg('E-mail address'),
              type: 'email',
              inputmode: 'email',
              autocomplete: 'off',
              ltr: true,
              spellcheck: false,
              optional: form.text('contactChannel') !== 'email',
            })}
            ${renderChoiceGroup(form, { name: 'contactChannel', label: msg('How to contact them'), choices: contactChannelChoices(), inline: true })}`
        }
        ${renderCheckboxField(form, {
          name: 'consent.accepted',
          label: msg('The sender was told their details are used only to handle this message, and agreed.'),
        })}
      </fieldset>`;
  }

  private renderForm() {
    const type = this.type;
    const errors = [
      ...(this.start.submitAttempted ? this.start.visibleErrors(START_FIELDS) : []),
      ...(type && this.formFor(type).submitAttempted
        ? this.formFor(type).visibleErrors(type === 'request' ? REQUEST_FIELD_ORDER : COMPLAINT_FIELD_ORDER)
        : []),
    ];
    return html`<form novalidate class="form" @submit=${this.submitIntake} aria-labelledby="intake-title">
      <h2 class="title" id="intake-title">${msg('Record what was received')}</h2>
      ${renderErrorSummary(errors, intakeSummaryFields(type ?? 'request'), (name) => this.focusMover.focusField(name))}
      ${this.failure ? html`<p class="notice warning" id="status-message" tabindex="-1" role="alert">${this.failure}</p>` : nothing}
      <fieldset class="section">
        <legend>${msg('How it came in')}</legend>
        ${renderChoiceGroup(this.start, { name: 'channel', label: msg('Received through'), choices: channelChoices(), inline: true })}
        ${renderChoiceGroup(this.start, { name: 'type', label: msg('What was received'), choices: typeChoices() })}
      </fieldset>
      ${type === 'request' ? this.renderRequestFields() : type === 'complaint' ? this.renderComplaintFields() : nothing}
      <div class="actions">
        <button type="submit" class="primary" aria-disabled=${this.sending ? 'true' : 'false'}>
          ${this.sending ? msg('Recording…') : msg('Record and give the reference')}
        </button>
      </div>
    </form>`;
  }

  override render() {
    const result = this.result;
    const type = this.type ?? 'request';
    return html`<div class="stack">
      <h1 tabindex="-1">${msg('Reception')}</h1>
      ${
        result
          ? renderIntakeReceipt({
              result,
              type,
              channelLabel: channelLabel(this.start.text('channel')),
              associationName: localized(this.formConfig.association.name),
              copied: this.copied,
              onCopy: (value, shown, announcement) => void this.copy(value, shown, announcement),
              onPrint: () => window.print(),
              onAnother: () => this.startAnother(),
            })
          : this.renderForm()
      }
      ${renderLiveRegion(this.announcement)}
    </div>`;
  }
}

StaffIntake.define('sila-staff-intake');

declare global {
  interface HTMLElementTagNameMap {
    'sila-staff-intake': StaffIntake;
  }
}
