/**
 * The base of the two forms that send a submission (<sila-complaint-form> and
 * <sila-request-form>): their shared attributes and the switch between the form and its
 * confirmation (copy the reference, start another one). The draft, the form-config and
 * the idempotency state live in the form's SubmissionSession, not here.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg } from '@lit/localize';
import { SilaElement } from './sila-element.js';
import type { SubmissionSession } from './submission-session.js';
import { FocusController } from './focus-controller.js';
import type { SubmissionState } from './submission-controller.js';
import { copyText } from './clipboard.js';
import type { CopyState } from '../fields/reference-box.js';
import { renderLiveRegion } from './live-region.js';

/** What the base needs of a form's SubmissionController, whatever it sends. */
interface SubmissionView<Created> {
  readonly state: SubmissionState;
  readonly result?: Created;
  reset(): void;
}

/** What every confirmation panel gets besides the server's answer. */
export interface ConfirmationOptions<Created> extends CopyState {
  result: Created;
  statusUrl?: string;
  onAnother: () => void;
}

export abstract class SubmissionFormElement<Created> extends SilaElement {
  /** A heading of your own instead of the default. */
  @property() heading?: string;

  /** URL of the page that has <sila-status-lookup>; the confirmation links to it with ?ref=. */
  @property({ attribute: 'status-url' }) statusUrl?: string;

  @state() protected announcement = '';
  /** The value (reference or follow-up code) copied last. */
  @state() private copied?: string;

  protected honeypot = '';
  protected readonly focusMover = new FocusController(this);

  protected abstract readonly session: SubmissionSession;
  protected abstract readonly submission: SubmissionView<Created>;
  /** Where focus goes when the person starts another one. */
  protected abstract readonly startFocus: string;
  protected abstract renderForm(): TemplateResult;
  protected abstract renderConfirmation(result: Created): TemplateResult;

  private async copy(value: string, shown: Element | null, announcement: string): Promise<void> {
    const copied = await copyText(value, shown);
    this.copied = copied ? value : undefined;
    if (copied) this.announcement = announcement;
  }

  protected confirmationOptions(result: Created): ConfirmationOptions<Created> {
    return {
      result,
      statusUrl: this.statusUrl,
      copied: this.copied,
      onCopy: (value, shown, announcement) => void this.copy(value, shown, announcement),
      onAnother: () => this.startAnother(),
    };
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
    return html`${result ? this.renderConfirmation(result) : this.renderForm()}
    ${renderLiveRegion(this.submission.state === 'submitting' ? msg('Sending…') : this.announcement)}`;
  }
}
