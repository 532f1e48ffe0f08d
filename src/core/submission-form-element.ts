/**
 * The base of the two forms that send a submission (<sila-complaint-form> and
 * <sila-request-form>): their shared attributes, the send itself (handed to the page as
 * `sila-submit`, then to the outbox with its documents), what follows the server's
 * answer, and the switch between the form and its confirmation (copy the reference,
 * start another one). The draft, the form-config and the idempotency state live in the
 * form's SubmissionSession; what is asked and how, in the form.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg } from '@lit/localize';
import type { FieldError } from '../contract/problem.js';
import type { Upload } from '../client/api.js';
import type { SilaError } from '../client/errors.js';
import type { Attachment } from '../client/multipart.js';
import { SilaElement } from './sila-element.js';
import { SubmissionSession, type SessionOptions } from './submission-session.js';
import { FocusController } from './focus-controller.js';
import { SubmissionController } from './submission-controller.js';
import { AttachmentsController } from './attachments-controller.js';
import type { FormController } from './form-controller.js';
import { SilaErrorEvent, SilaSubmittedEvent } from './events.js';
import { failureMessage } from './messages.js';
import { getLocale } from './i18n.js';
import { copyText } from './clipboard.js';
import type { CopyState } from '../fields/reference-box.js';
import { renderLiveRegion } from './live-region.js';

/** What every confirmation panel gets besides the server's answer. */
export interface ConfirmationOptions<Created> extends CopyState {
  result: Created;
  statusUrl?: string;
  onAnother: () => void;
}

/** What the outbox keeps until the server answered: the payload and its documents. */
export interface FormSubmission<Payload> {
  payload: Payload;
  files: Attachment[];
}

export abstract class SubmissionFormElement<
  Payload extends { client?: object },
  Created extends { reference: string },
> extends SilaElement {
  /** A heading of your own instead of the default. */
  @property() heading?: string;

  /** URL of the page that has <sila-status-lookup>; the confirmation links to it with ?ref=. */
  @property({ attribute: 'status-url' }) statusUrl?: string;

  @state() protected announcement = '';
  /** The value (reference or follow-up code) copied last. */
  @state() private copied?: string;

  protected honeypot = '';
  protected readonly focusMover = new FocusController(this);

  protected readonly submission = new SubmissionController<FormSubmission<Payload>, Created>(this, {
    owner: () => this.outboxOwner,
    send: ({ payload, files }, key) => this.attachments.sending(files, (upload) => this.create(payload, key, upload)),
    onSuccess: (result) => this.handleSuccess(result),
    onFailure: (error, queued) => this.handleFailure(error, queued),
  });

  private documents?: AttachmentsController;

  /**
   * The documents sent along, checked against the association's limits as they are
   * chosen. Made on first use: the form it reports to is the subclass's.
   */
  protected get attachments(): AttachmentsController {
    return (this.documents ??= new AttachmentsController(this, {
      limits: () => this.session.formConfig.attachments,
      form: this.form,
      focus: (field) => this.focusMover.focusSoon(field),
    }));
  }

  /** What the events name: 'complaint' or 'request'. */
  protected abstract readonly submissionKind: 'complaint' | 'request';
  /** Which widget on which backend owns this form's outbox entries. */
  protected abstract get outboxOwner(): string;
  protected abstract readonly session: SubmissionSession;
  protected abstract readonly form: FormController<unknown>;
  /** Where focus goes when the person starts another one. */
  protected abstract readonly startFocus: string;
  protected abstract readonly confirmation: (options: ConfirmationOptions<Created>) => TemplateResult;
  /** The SilaClient call that creates it (with the documents, when there are any). */
  protected abstract create(payload: Payload, key: string, upload?: Upload): Promise<Created>;
  /** The server refused fields the form did not: show them where they belong. */
  protected abstract showServerErrors(errors: readonly FieldError[]): void;
  protected abstract renderForm(): TemplateResult;

  /** The form's session: what differs per form is its draft and how a draft comes back. */
  protected startSession(own: Pick<SessionOptions, 'draftName' | 'excluded' | 'step' | 'onBind'>): SubmissionSession {
    return new SubmissionSession(this, {
      endpoint: () => this.resolvedEndpoint,
      config: () => this.config,
      api: () => this.api,
      values: () => this.form.values,
      submission: this.submission,
      onStillWaiting: (error) => (this.announcement = failureMessage(error)),
      ...own,
    });
  }

  /**
   * Where the payload comes from: the website, and how the form was filled (the
   * language, the time spent and the honeypot the server's traps read).
   */
  protected origin() {
    return {
      channel: 'website' as const,
      client: {
        locale: getLocale(),
        fillMs: this.session.fillMs,
        hp: this.honeypot,
        page: globalThis.location?.pathname,
      },
    };
  }

  /** After a send: the form is empty again (a multi-step form goes back to its first step). */
  protected clearForm(): void {
    this.form.reset();
    this.attachments.clear();
  }

  /**
   * Hands the valid payload to the page (the cancelable `sila-submit`, with the captcha
   * token) and, unless the page took it over, sends it with its documents. The key is
   * saved with the draft first: a reload before the answer retries under the same key.
   */
  protected async send(validated: Payload, files: Attachment[]): Promise<void> {
    const key = this.session.key();
    this.session.save();
    const payload = await this.submission.handOver(this, this.submissionKind, validated, key, this.config.captchaToken);
    if (!payload) return; // the host page sends it itself
    await this.submission.submit({ payload, files }, key);
  }

  private handleSuccess(result: Created): void {
    this.session.finish();
    this.clearForm();
    this.announcement = msg('Sent.');
    this.focusMover.focusSoon('done-title');
    this.dispatchEvent(new SilaSubmittedEvent({ kind: this.submissionKind, reference: result.reference, result }));
  }

  private handleFailure(error: SilaError, queued: boolean): void {
    if (!queued && error.fieldErrors.length > 0) {
      // The server saw something the form did not: the corrected payload will differ, so
      // it needs a new idempotency key.
      this.session.newPayload();
      this.submission.reset();
      this.showServerErrors(error.fieldErrors);
    } else {
      this.focusMover.focusSoon('status-message');
    }
    this.announcement = failureMessage(error);
    this.dispatchEvent(new SilaErrorEvent({ kind: this.submissionKind, error, queued }));
  }

  private async copy(value: string, shown: Element | null, announcement: string): Promise<void> {
    const copied = await copyText(value, shown);
    this.copied = copied ? value : undefined;
    if (copied) this.announcement = announcement;
  }

  /** Under the form once a draft is saved: what they typed is safe on this device. */
  protected renderSavedNotice() {
    return this.session.savedAt
      ? html`<p class="saved">${msg('Your answers are saved on this device until you send them.')}</p>`
      : nothing;
  }

  protected startAnother(): void {
    this.submission.reset();
    this.copied = undefined;
    this.session.restart();
    this.focusMover.focusSoon(this.startFocus);
  }

  protected override render() {
    const result = this.submission.state === 'succeeded' ? this.submission.result : undefined;
    return html`${
      result
        ? this.confirmation({
            result,
            statusUrl: this.statusUrl,
            copied: this.copied,
            onCopy: (value, shown, announcement) => void this.copy(value, shown, announcement),
            onAnother: () => this.startAnother(),
          })
        : this.renderForm()
    }
    ${renderLiveRegion(this.submission.state === 'submitting' ? msg('Sending…') : this.announcement)}`;
  }
}
