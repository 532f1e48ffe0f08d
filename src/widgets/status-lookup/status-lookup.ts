/**
 * <sila-status-lookup>: a reference number and a verification code → where a request
 * or message stands, its dated history and public notes, until it is resolved.
 */
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { Task, TaskStatus, initialState } from '../../core/task.js';
import { lookupSchema, type LookupResult } from '../../contract/lookup.js';
import { DEFAULT_FORM_CONFIG, DEFAULT_RATE_AFTER, type FormConfig } from '../../contract/form-config.js';
import { formatReference, isReference } from '../../contract/identifiers.js';
import { SilaError } from '../../client/errors.js';
import { DraftStore } from '../../client/drafts.js';
import { SilaElement } from '../../core/sila-element.js';
import { FormController, type FormValues } from '../../core/form-controller.js';
import { SilaErrorEvent } from '../../core/events.js';
import { validateWith } from '../../core/validate.js';
import { renderLiveRegion } from '../../core/live-region.js';
import { FocusController } from '../../core/focus-controller.js';
import { fetchFormConfig } from '../../core/form-config-loader.js';
import { fileFieldStyles } from '../../styles/file-field.styles.js';
import { renderTextField } from '../../fields/text-field.js';
import { renderErrorSummary } from '../../fields/error-summary.js';
import { tokens } from '../../styles/tokens.styles.js';
import { formStyles } from '../../styles/form.styles.js';
import { statusLookupStyles } from './status-lookup.styles.js';
import { REFERENCE_MAX_LENGTH } from '../../contract/limits.js';
import {
  FIELD_ORDER,
  VERIFIER_MAX_LENGTH,
  referenceLabel,
  referenceRequired,
  summaryFields,
  verifierLabel,
  verifierRequired,
} from './lookup-fields.js';
import { failureView, renderFailure } from './lookup-messages.js';
import { renderResult } from './status-result.js';
import { statusLabel } from './status-texts.js';
import { SilaRateInviteEvent } from './rate-invite-event.js';
import { ReplyController, type ReplyHost } from './reply-form.js';
import { ReminderController, type ReminderHost } from './reminder-form.js';

interface LookupQuery {
  reference: string;
  verifier: string;
}

const EMPTY: FormValues = { reference: '', verifier: '' };

/** Kept on one line and left to right inside Arabic text. */
const EXAMPLE_REFERENCE = html`<bdi class="nowrap" dir="ltr">C-4F7K-2M9Q-X3TB</bdi>`;

/** A typed reference shown the way the confirmation printed it, once it is a valid one. */
function tidyReference(value: string): string {
  return isReference(value) ? formatReference(value) : value.trim();
}

/**
 * @summary Follow up a request, complaint, suggestion, inquiry or compensation claim.
 *
 * @event sila-rate-invite - The submission reached a final status and is not rated yet. `detail: { reference, kind, status }`. Cancelable: preventDefault() stops the built-in <sila-rating> from being embedded.
 * @event sila-error - A lookup failed (not found, too many tries, offline…). `detail: { kind: 'lookup', error, queued: false }`.
 *
 * @slot rating - Your own rating content, shown when the submission is closed, resolved, accepted or rejected.
 *
 * @csspart form - The lookup form.
 * @csspart field - Every field wrapper.
 * @csspart input - Both inputs.
 * @csspart error - A field's error message.
 * @csspart error-summary - The "There is a problem" box.
 * @csspart submit - The "Check status" button.
 * @csspart pending - The "Looking it up" message.
 * @csspart failure - Not found, too many tries, or no connection.
 * @csspart result - The panel with the answer.
 * @csspart current - The current status with its explanation.
 * @csspart badge - The current status badge.
 * @csspart needs-info - What to provide when information is needed.
 * @csspart overdue - The "Overdue" tag next to the expected decision date.
 * @csspart overdue-notice - The apology shown when the decision is late.
 * @csspart timeline - The dated history (oldest first).
 * @csspart rating - The rating invitation.
 *
 * @cssprop --sila-color-accent - Buttons, links, statuses in progress (default #0f766e).
 * @cssprop --sila-color-on-accent - Text on the accent colour.
 * @cssprop --sila-color-text - Body text.
 * @cssprop --sila-color-muted - Hints, dates, closed statuses.
 * @cssprop --sila-color-surface - Background.
 * @cssprop --sila-color-surface-alt - Background of notices and badges.
 * @cssprop --sila-color-border - Input borders (keep 3:1 contrast).
 * @cssprop --sila-color-error - Errors, "information needed" and "overdue".
 * @cssprop --sila-color-success - Accepted and resolved statuses.
 * @cssprop --sila-color-focus - The focus ring.
 * @cssprop --sila-font-family - Defaults to the page's font.
 * @cssprop --sila-font-size - Base size (1rem).
 * @cssprop --sila-radius - Corner radius.
 * @cssprop --sila-space - Base spacing.
 * @cssprop --sila-max-width - Widest the widget grows (42rem).
 */
export class SilaStatusLookup extends SilaElement implements ReplyHost, ReminderHost {
  static override styles = [tokens, formStyles, fileFieldStyles, statusLookupStyles];

  /** Prefills the reference number (otherwise the page URL's `?ref=` does). */
  @property() reference?: string;

  /** A heading of your own instead of the default. */
  @property() heading?: string;

  /** The question being answered; a new object starts a new lookup and cancels the old one. */
  @state() private query?: LookupQuery;
  @state() private announcement = '';
  /** The host answered sila-rate-invite with preventDefault(). */
  @state() private ratingTakenOver = false;

  /** The association's settings (attachment limits, contact, when to invite a rating). */
  @state() formConfig: FormConfig = DEFAULT_FORM_CONFIG;

  private failedAt = 0;
  readonly focusMover = new FocusController(this);
  private readonly reply = new ReplyController(this);
  private readonly reminder = new ReminderController(this);
  /** Keeps a typed reference through a reload; never the verifier, which is the secret. */
  private drafts?: DraftStore;
  private boundEndpoint?: string;

  private readonly form = new FormController<LookupQuery>(this, {
    initial: EMPTY,
    validate: (values) => validateWith(lookupSchema, { reference: values.reference, verifier: values.verifier }),
    onChange: () => this.saveDraft(),
  });

  private readonly lookup = new Task(this, {
    args: () => [this.query] as const,
    task: async ([query], { signal }) => {
      if (!query) return initialState;
      return this.api.lookupStatus(query.reference, query.verifier, signal);
    },
    onComplete: (result) => this.showResult(result),
    onError: (error) => this.showFailure(error),
  });

  override connectedCallback(): void {
    super.connectedCallback();
    // A link from the confirmation (…?ref=C-4F7K-2M9Q-X3TB) fills the reference in.
    if (this.reference === undefined && !this.form.text('reference')) {
      const fromUrl = new URLSearchParams(globalThis.location?.search ?? '').get('ref');
      if (fromUrl) this.prefill(fromUrl);
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.lookup.abort();
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (this.boundEndpoint !== this.resolvedEndpoint) {
      this.bindDraft(this.resolvedEndpoint);
      void fetchFormConfig(this.resolvedEndpoint, this.api, this.config.formConfig).then((config) => {
        this.formConfig = config;
      });
    }
    if (changed.has('reference') && this.reference) this.prefill(this.reference);
  }

  /** Brings back a reference typed before a reload, unless the page or URL gave one. */
  private bindDraft(endpoint: string): void {
    this.boundEndpoint = endpoint;
    this.drafts = this.config.disableDrafts ? undefined : new DraftStore('status-lookup', endpoint, ['verifier']);
    const saved = this.drafts?.load()?.values.reference;
    if (typeof saved === 'string' && saved && !this.form.text('reference'))
      this.form.restore({ ...this.form.values, reference: saved });
  }

  private saveDraft(): void {
    if (!this.drafts) return;
    if (this.form.text('reference').trim())
      this.drafts.save({ values: { reference: this.form.text('reference') }, startedAt: Date.now() });
    else this.drafts.clear();
  }

  private prefill(reference: string): void {
    this.form.restore({ ...this.form.values, reference: tidyReference(reference) });
  }

  /** Looks up what is in the form now (the "Check status" button). */
  private findStatus(event: Event): void {
    event.preventDefault();
    this.takeAutofilledValues();
    const validation = this.form.attemptSubmit();
    if (!validation.ok || !validation.payload) {
      this.announcement = '';
      this.focusMover.focusSoon('error-summary');
      return;
    }
    this.form.set('reference', formatReference(validation.payload.reference));
    this.ratingTakenOver = false;
    this.query = { ...validation.payload };
    this.announcement = msg('Looking it up…');
  }

  /** Some autofills set the value without an input event: trust what the inputs hold. */
  private takeAutofilledValues(): void {
    for (const name of FIELD_ORDER) {
      const input = this.renderRoot.querySelector<HTMLInputElement>(`input[name="${name}"]`);
      if (input && input.value !== this.form.text(name)) this.form.set(name, input.value);
    }
  }

  private tidyTypedReference(event: FocusEvent): void {
    const input = event.target as HTMLInputElement;
    if (input.name !== 'reference') return;
    const tidy = tidyReference(input.value);
    if (tidy !== input.value && isReference(input.value)) this.form.set('reference', tidy);
  }

  private tryAgain(): void {
    if (this.query) this.query = { ...this.query };
  }

  // ReplyHost: what the answer form needs from the lookup.
  get endpointUrl(): string {
    return this.resolvedEndpoint;
  }

  get silaConfig() {
    return this.config;
  }

  get replyTarget(): LookupQuery | undefined {
    return this.lookup.status === TaskStatus.COMPLETE && this.lookup.value?.status === 'needs_info'
      ? this.query
      : undefined;
  }

  announce(text: string): void {
    this.announcement = text;
  }

  /** The answer was stored: the status moved on, so show it as it is now. */
  replied(): void {
    this.tryAgain();
  }

  private get rateAfter() {
    return this.formConfig.rateAfter ?? DEFAULT_RATE_AFTER;
  }

  private showResult(result: LookupResult): void {
    this.drafts?.clear(); // found: nothing left to keep on the device
    const afterReply = this.reply.state === 'sent';
    if (result.status === 'needs_info' || !afterReply)
      this.reply.bind(result.reference, Boolean(this.config.disableDrafts));
    if (afterReply) {
      this.announcement = msg(str`Your answer was sent. Current status: ${statusLabel(result.status)}.`);
      this.focusMover.focusSoon('reply-sent');
    } else {
      this.announcement = msg(str`Found. Current status: ${statusLabel(result.status)}.`);
      this.focusMover.focusSoon('result-title');
    }
    if ((this.rateAfter as readonly string[]).includes(result.status) && !result.rated) {
      const invite = new SilaRateInviteEvent({ reference: result.reference, kind: result.kind, status: result.status });
      this.ratingTakenOver = !this.dispatchEvent(invite);
    }
  }

  private showFailure(error: unknown): void {
    if (!(error instanceof SilaError)) return; // cancelled: a newer lookup or the element left the page
    this.failedAt = Date.now();
    if (error.kind === 'validation' && error.fieldErrors.length > 0) {
      this.form.setServerErrors(error.fieldErrors);
      this.focusMover.focusSoon('error-summary');
      this.announcement = '';
    } else {
      this.focusMover.focusSoon('lookup-failure');
      this.announcement = failureView(error, this.failedAt).title;
    }
    this.dispatchEvent(new SilaErrorEvent({ kind: 'lookup', error, queued: false }));
  }

  private renderForm() {
    const form = this.form;
    const errors = this.form.submitAttempted ? this.form.visibleErrors(FIELD_ORDER) : [];
    return html`<form class="form" part="form" novalidate @submit=${this.findStatus} @focusout=${this.tidyTypedReference} aria-labelledby="title">
      <h2 class="title" id="title">${this.heading ?? msg('Follow up on your request or message')}</h2>
      <p class="lead">
        ${msg('Enter the reference number from your confirmation and the last 4 digits of your mobile to see where it stands.')}
      </p>
      ${renderErrorSummary(errors, summaryFields(), (name) => this.focusMover.focusField(name))}
      ${renderTextField(form, {
        name: 'reference',
        label: referenceLabel(),
        required: referenceRequired(),
        hint: msg(
          html`As shown on your confirmation, e.g. ${EXAMPLE_REFERENCE}. Small or capital letters, with or without dashes.`,
        ),
        ltr: true,
        spellcheck: false,
        maxLength: REFERENCE_MAX_LENGTH,
      })}
      ${renderTextField(form, {
        name: 'verifier',
        label: verifierLabel(),
        required: verifierRequired(),
        hint: msg(
          'The mobile number you gave in the form. If you sent a suggestion without your name, enter the follow-up code shown on your confirmation instead.',
        ),
        ltr: true,
        spellcheck: false,
        autocomplete: 'off',
        maxLength: VERIFIER_MAX_LENGTH,
      })}
      <div class="actions">
        <button type="submit" class="primary" part="submit">${msg('Check status')}</button>
      </div>
      <p class="privacy">${msg('For your privacy, only the status, the team’s notes and your name in part are shown, never your other personal details.')}</p>
    </form>`;
  }

  private renderOutcome() {
    switch (this.lookup.status) {
      case TaskStatus.PENDING:
        return html`<p class="pending notice" part="pending">${msg('Looking it up…')}</p>`;
      case TaskStatus.COMPLETE:
        return this.lookup.value
          ? renderResult({
              result: this.lookup.value,
              embedRating: !this.ratingTakenOver && customElements.get('sila-rating') !== undefined,
              endpoint: this.endpoint,
              verifier: this.query?.verifier,
              reply:
                this.lookup.value.status === 'needs_info' || this.reply.state === 'sent'
                  ? this.reply.render()
                  : undefined,
              contact: this.formConfig.association.contact,
              rateAfter: this.rateAfter,
            })
          : nothing;
      case TaskStatus.ERROR: {
        const error = this.lookup.error;
        if (!(error instanceof SilaError) || (error.kind === 'validation' && error.fieldErrors.length > 0))
          return nothing;
        return renderFailure(failureView(error, this.failedAt), () => this.tryAgain());
      }
      default:
        return nothing;
    }
  }

  protected override render() {
    const pending = this.lookup.status === TaskStatus.PENDING;
    return html`${this.renderForm()} ${this.reminder.render()}
      <div class="outcome" aria-busy=${pending ? 'true' : 'false'}>${this.renderOutcome()}</div>
      ${renderLiveRegion(this.announcement)}`;
  }
}

SilaStatusLookup.define('sila-status-lookup');

declare global {
  interface HTMLElementTagNameMap {
    'sila-status-lookup': SilaStatusLookup;
  }
}
