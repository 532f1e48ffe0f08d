/**
 * The base of the two forms that send a submission (<sila-complaint-form> and
 * <sila-request-form>): their shared attributes, the association's form-config, the draft
 * and idempotency state, and the switch between the form and its confirmation (copy the
 * reference, start another one).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg } from '@lit/localize';
import { DEFAULT_FORM_CONFIG, type FormConfig } from '../contract/form-config.js';
import type { DraftStore } from '../client/drafts.js';
import { SilaElement } from './sila-element.js';
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

  /** light (default), dark, or auto (follows the system). */
  @property({ reflect: true }) theme: 'light' | 'dark' | 'auto' = 'light';

  @state() protected formConfig: FormConfig = DEFAULT_FORM_CONFIG;
  @state() protected announcement = '';
  /** The value (reference or follow-up code) copied last. */
  @state() protected copied?: string;
  /** When the draft was last saved on this device (shown as a reassurance). */
  @state() protected savedAt?: number;

  protected drafts?: DraftStore;
  /** Kept with the draft, so a retry after a lost answer can never make a duplicate. */
  protected idempotencyKey?: string;
  /** When the person started: the fill time the server's time trap checks. */
  protected startedAt = Date.now();
  protected honeypot = '';
  protected readonly focusMover = new FocusController(this);

  protected abstract readonly submission: SubmissionView<Created>;
  /** Where focus goes when the person starts another one. */
  protected abstract readonly startFocus: string;
  protected abstract renderForm(): TemplateResult;
  protected abstract renderConfirmation(result: Created): TemplateResult;

  protected async copy(value: string, shown: Element | null, announcement: string): Promise<void> {
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
    return this.savedAt
      ? html`<p class="saved">${msg('Your answers are saved on this device until you send them.')}</p>`
      : nothing;
  }

  protected startAnother(): void {
    this.submission.reset();
    this.copied = undefined;
    this.startedAt = Date.now();
    this.focusMover.focusSoon(this.startFocus);
  }

  protected override render() {
    const result = this.submission.state === 'succeeded' ? this.submission.result : undefined;
    return html`${result ? this.renderConfirmation(result) : this.renderForm()}
    ${renderLiveRegion(this.submission.state === 'submitting' ? msg('Sending…') : this.announcement)}`;
  }
}
