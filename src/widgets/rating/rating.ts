/**
 * <sila-rating>: a satisfaction rating, the beneficiary's right and the association's
 * tool for improving its services (the policies: "not for punishment or defamation").
 */
import { adoptStyles, html, nothing, type CSSResult, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg } from '@lit/localize';
import { ratingSchema, type Rating, type RatingScale } from '../../contract/rating.js';
import { DEFAULT_FORM_CONFIG, type FormConfig } from '../../contract/form-config.js';
import { normalizeReference } from '../../contract/identifiers.js';
import type { FieldError } from '../../contract/problem.js';
import { DraftStore } from '../../client/drafts.js';
import { newIdempotencyKey } from '../../client/idempotency.js';
import { outbox } from '../../client/outbox.js';
import type { SilaError } from '../../client/errors.js';
import { SilaElement } from '../../core/sila-element.js';
import { FormController, type FormValues } from '../../core/form-controller.js';
import { SubmissionController } from '../../core/submission-controller.js';
import { SilaErrorEvent, SilaSubmittedEvent } from '../../core/events.js';
import { FocusController } from '../../core/focus-controller.js';
import { directionOf, getLocale } from '../../core/i18n.js';
import { errorMessage, failureMessage } from '../../core/messages.js';
import { loadFormConfig } from '../../core/form-config-loader.js';
import { validateWith } from '../../core/validate.js';
import { renderLiveRegion } from '../../core/live-region.js';
import { renderTextareaField } from '../../fields/textarea-field.js';
import { tokens } from '../../styles/tokens.styles.js';
import { baseStyles } from '../../styles/base.styles.js';
import { fieldStyles } from '../../styles/field.styles.js';
import { faceStyles, fullStyles, inlineStyles, numberStyles, ratingCoreStyles, starStyles } from './rating.styles.js';
import { SilaRatingChangeEvent } from './rating-change-event.js';
import { renderScale } from './rating-options.js';
import { renderOutcome, type RatingOutcome } from './rating-outcome.js';
import {
  defaultQuestion,
  displayFor,
  endLabels,
  isScale,
  pointMeaning,
  scaleHint,
  scalePoints,
  type RatingDisplay,
} from './rating-scales.js';

const DISPLAY_STYLES: Record<RatingDisplay, CSSResult> = {
  stars: starStyles,
  faces: faceStyles,
  numbers: numberStyles,
};

const EMPTY: FormValues = { scale: '', score: '', comment: '' };
export const COMMENT_MAX_LENGTH = 1000;
const CONTEXT_MAX_LENGTH = 200;

/**
 * @summary A satisfaction rating: CSAT 1–5 (stars or faces), NPS 0–10 or CES 1–7, with
 * an optional comment, tied to a request/complaint reference or to the page.
 *
 * The scale runs low → high in the reading direction, the same for stars, faces and
 * numbers: in Arabic (RTL) the lowest point is on the right. Arrow keys follow what
 * is seen (in RTL ArrowLeft goes up the scale), ArrowUp/ArrowDown go up/down,
 * Home/End go to the lowest/highest point, and the keys stop at the ends.
 *
 * In `mode="inline"` a click, a tap or Space sends the choice at once; arrow keys only
 * move the selection, and Enter (or the small Send button) sends it.
 *
 * @event sila-rating-change - A point was chosen (nothing sent yet). `detail: { scale, score }`.
 * @event sila-submit - Before sending; cancelable. `detail: { kind: 'rating', payload, idempotencyKey }`.
 * @event sila-submitted - The backend accepted it. `detail: { kind: 'rating', reference, result: { id } }`.
 * @event sila-error - Sending failed or the reference was already rated. `detail: { kind: 'rating', error, queued }`.
 *
 * @csspart form - The form element (both modes).
 * @csspart scale - The radio group.
 * @csspart option - Every point of the scale; the chosen one also has `option-checked`.
 * @csspart field - The comment field wrapper.
 * @csspart input - The comment textarea.
 * @csspart submit - The send button.
 * @csspart status - The "could not send" notice.
 * @csspart thanks - The thank-you (or "already rated") message.
 *
 * @cssprop --sila-color-accent - The chosen point, buttons (default #0f766e).
 * @cssprop --sila-color-star - Filled stars (default #b45309, 3:1 on white).
 * @cssprop --sila-color-on-accent - Text on the accent colour.
 * @cssprop --sila-color-text - Body text.
 * @cssprop --sila-color-muted - Hints, end labels.
 * @cssprop --sila-color-surface - Background.
 * @cssprop --sila-color-border - Outlines of the points (keep 3:1 contrast).
 * @cssprop --sila-color-error - Errors.
 * @cssprop --sila-color-success - The thank-you panel.
 * @cssprop --sila-color-focus - The focus ring.
 * @cssprop --sila-font-family - Defaults to the page's font.
 * @cssprop --sila-radius - Corner radius.
 * @cssprop --sila-space - Base spacing.
 */
export class SilaRating extends SilaElement {
  // No static styles: each rating adopts only the sheets its display and mode use (see adoptSheets).

  /** csat, nps or ces; defaults to the first of the association's form-config `ratingScales`. */
  @property() scale?: RatingScale;

  /** How CSAT is drawn: stars (default) or faces. NPS and CES are numbered. */
  @property() display: 'stars' | 'faces' = 'stars';

  /** The request or complaint being rated; the backend keeps one rating per reference. */
  @property() reference?: string;

  /** What is rated when there is no reference; defaults to the page path. */
  @property() context?: string;

  /** full (default): question, scale, comment, send button. inline: one row, sent on choice. */
  @property({ reflect: true }) mode: 'full' | 'inline' = 'full';

  /** The question of your own instead of the scale's default one. */
  @property() question?: string;

  /** The label of the comment box (the follow-up question). */
  @property({ attribute: 'follow-up' }) followUp?: string;

  /** Hide the comment box. */
  @property({ type: Boolean, attribute: 'no-comment' }) noComment = false;

  /** light (default), dark, or auto (follows the system). */
  @property({ reflect: true }) theme: 'light' | 'dark' | 'auto' = 'light';

  @state() private formConfig: FormConfig = DEFAULT_FORM_CONFIG;
  @state() private announcement = '';
  @state() private outcome?: RatingOutcome;

  private drafts?: DraftStore;
  private idempotencyKey?: string;
  /** Set from the draft, or at the first render: the server's time trap reads fill time. */
  private startedAt?: number;
  private readonly focusMover = new FocusController(this);
  private boundTo?: string;
  private adoptedFor?: string;

  private readonly form = new FormController<Rating>(this, {
    initial: EMPTY,
    validate: (values) => validateWith(ratingSchema, this.toPayload(values)),
    onChange: () => this.saveDraft(),
  });

  private readonly submission = new SubmissionController<Rating, { id: string }>(this, {
    owner: () => `rating:${this.resolvedEndpoint}:${this.target}`,
    send: (payload, key) => this.api.createRating(payload, key),
    onSuccess: (result, payload) => this.handleSuccess(result, payload),
    onFailure: (error, queued) => this.handleFailure(error, queued),
  });

  /** The scale in use: the attribute, else the association's first enabled scale. */
  get activeScale(): RatingScale {
    if (isScale(this.scale)) return this.scale;
    return this.formConfig.ratingScales.find(isScale) ?? 'csat';
  }

  private get normalizedReference(): string | undefined {
    const reference = this.reference?.trim();
    return reference ? normalizeReference(reference) : undefined;
  }

  private get resolvedContext(): string {
    return (this.context?.trim() || globalThis.location?.pathname || '/').slice(0, CONTEXT_MAX_LENGTH);
  }

  /** What this rating is about: one draft and one outbox slot per reference or context. */
  private get target(): string {
    return this.normalizedReference ?? this.resolvedContext;
  }

  private get inline(): boolean {
    return this.mode === 'inline';
  }

  /** The chosen point, if it belongs to the scale in use. */
  private get chosen(): number | undefined {
    const score = this.form.text('score');
    if (score === '' || this.form.text('scale') !== this.activeScale) return undefined;
    const value = Number(score);
    return scalePoints(this.activeScale).includes(value) ? value : undefined;
  }

  /** The shadow root without styles: adoptSheets gives it those of its display and mode. */
  protected override createRenderRoot(): ShadowRoot {
    return this.shadowRoot ?? this.attachShadow(SilaRating.shadowRootOptions);
  }

  /**
   * A rating of stars in a footer matches the rules of stars and of inline mode, not
   * those of faces, numbered scales, text areas or the forms' other parts: about a third
   * of the rules a rating used to adopt. The sheets are shared by every rating on the page.
   */
  private adoptSheets(): void {
    const display = displayFor(this.activeScale, this.display);
    const key = `${display} ${this.mode}`;
    if (this.adoptedFor === key) return;
    this.adoptedFor = key;
    const root = this.renderRoot as ShadowRoot;
    // Browsers without adoptedStyleSheets get <style> elements: drop the earlier ones.
    for (const style of root.querySelectorAll(':scope > style')) style.remove();
    const mode = this.inline ? [inlineStyles] : [fieldStyles, fullStyles];
    adoptStyles(root, [tokens, baseStyles, ratingCoreStyles, DISPLAY_STYLES[display], ...mode]);
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    this.adoptSheets();
    // The endpoint, reference or context may arrive after connection.
    const binding = `${this.resolvedEndpoint}\n${this.target}`;
    if (this.boundTo !== binding) this.bind(binding);
  }

  protected override firstUpdated(): void {
    this.startedAt ??= Date.now();
  }

  /** Loads the draft, the form-config and any waiting rating for this backend and target. */
  private bind(binding: string): void {
    const rebinding = this.boundTo !== undefined;
    this.boundTo = binding;
    const endpoint = this.resolvedEndpoint;
    if (rebinding) {
      // Another reference or page: another rating.
      this.form.reset();
      this.submission.reset();
      this.outcome = undefined;
      this.idempotencyKey = undefined;
      this.startedAt = Date.now();
    }
    this.drafts = this.config.disableDrafts ? undefined : new DraftStore(`rating:${this.target}`, endpoint);
    const draft = this.drafts?.load();
    if (draft) {
      this.form.restore(draft.values as FormValues);
      this.idempotencyKey = draft.idempotencyKey;
      this.startedAt = draft.startedAt;
    }
    void loadFormConfig(endpoint, this.api, this.config.formConfig).then((config) => {
      this.formConfig = config;
    });
    if (!endpoint) return;
    // A rating left waiting by an earlier visit goes out now.
    void this.submission.resume().then((resumed) => {
      if (resumed && this.submission.state === 'queued') this.announcement = failureMessage(this.submission.error);
    });
  }

  private toPayload(values: FormValues): unknown {
    const score = typeof values.score === 'string' && values.score !== '' ? Number(values.score) : undefined;
    const reference = this.normalizedReference;
    return {
      scale: this.activeScale,
      score: values.scale === this.activeScale ? score : undefined,
      reference,
      context: reference ? undefined : this.resolvedContext,
      comment: this.inline || this.noComment ? undefined : values.comment,
      client: {
        locale: getLocale(),
        fillMs: Math.max(0, Date.now() - (this.startedAt ?? Date.now())),
        page: globalThis.location?.pathname.slice(0, 500),
      },
    };
  }

  private saveDraft(): void {
    this.drafts?.save({
      values: this.form.values,
      idempotencyKey: this.idempotencyKey,
      startedAt: this.startedAt ?? Date.now(),
    });
  }

  /** Drops a sent-but-undelivered rating: a new choice is a new payload and needs a new key. */
  private forgetPendingAttempt(): void {
    const state = this.submission.state;
    if (state !== 'queued' && state !== 'failed') return;
    if (this.idempotencyKey) void outbox.remove(this.idempotencyKey);
    this.submission.reset();
    this.idempotencyKey = undefined;
  }

  private chooseScore(score: number, commit: boolean): void {
    if (this.submission.state === 'submitting') {
      this.requestUpdate(); // keep the radios showing what is being sent
      return;
    }
    const changed = score !== this.chosen;
    if (changed) {
      this.forgetPendingAttempt();
      this.form.values = { ...this.form.values, scale: this.activeScale };
      this.form.set('score', String(score));
      this.dispatchEvent(new SilaRatingChangeEvent({ scale: this.activeScale, score }));
    }
    if (commit && this.inline) void this.submitRating();
  }

  private setComment(event: Event): void {
    // A comment edited after a failed attempt makes a new payload (see forgetPendingAttempt).
    if ((event.target as HTMLElement).getAttribute('name') === 'comment') this.forgetPendingAttempt();
  }

  private async submitRating(event?: Event): Promise<void> {
    event?.preventDefault();
    if (this.submission.state === 'queued') {
      await this.submission.retry();
      return;
    }
    await this.submission.once(async () => {
      const validation = this.form.attemptSubmit();
      if (!validation.ok || !validation.payload) {
        this.announcement = '';
        this.focusMover.focusSoon(validation.errors.some((error) => error.path === 'comment') ? 'f-comment' : 'score');
        return;
      }
      const key = (this.idempotencyKey ??= newIdempotencyKey());
      this.saveDraft();
      const payload = await this.submission.handOver(this, 'rating', validation.payload, key, this.config.captchaToken);
      if (payload) await this.submission.submit(payload, key);
    });
  }

  private finish(outcome: RatingOutcome): void {
    this.drafts?.clear();
    this.idempotencyKey = undefined;
    this.form.reset();
    this.outcome = outcome;
    this.focusMover.focusSoon('done');
  }

  private handleSuccess(result: { id: string }, payload: Rating): void {
    this.finish('thanks');
    this.announcement = msg('Thank you for your rating.');
    this.dispatchEvent(new SilaSubmittedEvent({ kind: 'rating', reference: payload.reference, result }));
  }

  private handleFailure(error: SilaError, queued: boolean): void {
    if (error.kind === 'conflict' && error.problem?.code === 'already_rated') {
      this.finish('already-rated');
      this.announcement = msg('You have already rated this. Thank you.');
    } else {
      if (!queued) {
        // Definitive: the next attempt is a new one (it may carry a corrected payload).
        this.idempotencyKey = undefined;
        this.saveDraft();
        const commentErrors = error.fieldErrors.filter((fieldError) => fieldError.path === 'comment');
        if (commentErrors.length > 0) this.form.setServerErrors(commentErrors);
      }
      this.focusMover.focusSoon('status-message');
      this.announcement = this.failureText(error);
    }
    this.dispatchEvent(new SilaErrorEvent({ kind: 'rating', error, queued }));
  }

  private scaleErrorText(error: FieldError): string {
    if (error.path === 'reference') return msg('We could not find the reference number this rating is for.');
    return error.path === 'score' && error.code === 'required'
      ? msg('Choose a point on the scale.')
      : errorMessage(error.code);
  }

  private failureText(error: SilaError | undefined): string {
    const paths = error?.fieldErrors.map((fieldError) => fieldError.path) ?? [];
    if (paths.includes('reference')) return msg('We could not find the reference number this rating is for.');
    if (paths.includes('scale')) return msg('This rating scale is not available at the moment.');
    return failureMessage(error);
  }

  private renderStatus() {
    const state = this.submission.state;
    if (state !== 'queued' && state !== 'failed') return nothing;
    return html`<div class="notice warning status" id="status-message" tabindex="-1" part="status"
      ><p>${state === 'queued' ? html`<strong>${msg('Waiting to send.')}</strong> ` : nothing}${this.failureText(
        this.submission.error,
      )}</p
      ><button type="button" class="secondary" @click=${() => this.submitRating()}>${msg('Try again now')}</button></div
    >`;
  }

  /**
   * The question, the scale and its end labels. Written without whitespace between tags,
   * and texts set as properties where a node holds nothing else: no blank text nodes and
   * few marker comments in each of the page's ratings.
   */
  private renderScaleGroup(question: string) {
    const scale = this.activeScale;
    const value = this.chosen;
    // A wrong `reference` attribute is reported here too: it is what cannot be sent.
    const error = this.form.errorFor('score') ?? this.form.errorFor('scale') ?? this.form.errorFor('reference');
    const hint = scaleHint(scale);
    const [low, high] = endLabels(scale);
    const describedBy = [hint ? 'scale-hint' : '', error ? 'score-error' : '', this.inline ? 'keys-hint' : '']
      .filter(Boolean)
      .join(' ');
    // Inline mode never shows the meaning line (nor reads it: it is aria-hidden).
    const meaning = value === undefined || this.inline ? undefined : pointMeaning(scale, value);
    const extras = html`${hint ? html`<p class="hint" id="scale-hint" .textContent=${hint}></p>` : nothing}${
      error
        ? html`<p class="error" id="score-error" part="error"
            ><span class="visually-hidden">${msg('Error:')} </span>${this.scaleErrorText(error)}</p
          >`
        : nothing
    }`;
    return html`<div class=${error ? 'question-group has-error' : 'question-group'}
      ><p class="question" id="question" .textContent=${question}></p>${hint || error ? extras : nothing}<div
        class="scale-row"
        ><span class="end end-low" aria-hidden="true" .textContent=${low}></span>${renderScale({
          scale,
          display: displayFor(scale, this.display),
          value,
          rtl: directionOf(getLocale()) === 'rtl',
          labelledBy: 'question',
          describedBy,
          invalid: Boolean(error),
          onChoose: (score, commit) => this.chooseScore(score, commit),
          onEnter: () => void this.submitRating(),
        })}<span class="end end-high" aria-hidden="true" .textContent=${high}></span></div
      >${
        meaning
          ? html`<p class="meaning" aria-hidden="true" .textContent=${meaning}></p>`
          : this.inline
            ? html`<span
                class="visually-hidden"
                id="keys-hint"
                .textContent=${msg('Choose with the arrow keys, then press Enter to send.')}
              ></span>`
            : nothing
      }</div
    >`;
  }

  private renderFull(question: string) {
    const submitting = this.submission.state === 'submitting';
    return html`<form
      class="form"
      part="form"
      novalidate
      aria-labelledby="question"
      @submit=${this.submitRating}
      @input=${this.setComment}
      >${this.renderScaleGroup(question)}${
        this.noComment
          ? nothing
          : renderTextareaField(this.form as FormController<unknown>, {
              name: 'comment',
              label: this.followUp ?? msg('What is the main reason for your rating?'),
              hint: msg('Please do not write personal details such as your ID number.'),
              optional: true,
              maxLength: COMMENT_MAX_LENGTH,
              rows: 3,
            })
      }${this.renderStatus()}<p
        class="note"
        .textContent=${msg('Your rating is used only to improve our services, never to blame or expose anyone.')}
      ></p
      ><div class="actions"
        ><button
          type="submit"
          class="primary"
          part="submit"
          aria-disabled=${submitting ? 'true' : 'false'}
          .textContent=${submitting ? msg('Sending…') : msg('Send rating')}
        ></button></div
    ></form>`;
  }

  private renderInline(question: string) {
    const state = this.submission.state;
    // A choice moved with the keys is not sent yet: offer a visible way to send it.
    const waiting = this.chosen !== undefined && state === 'idle';
    return html`<form class="inline-form" part="form" novalidate aria-labelledby="question" @submit=${this.submitRating}
      >${this.renderScaleGroup(question)}${
        state === 'submitting'
          ? html`<span class="sending" .textContent=${msg('Sending…')}></span>`
          : waiting
            ? html`<button type="submit" class="secondary compact" part="submit" .textContent=${msg('Send')}></button>`
            : this.renderStatus()
      }</form
    >`;
  }

  protected override render() {
    const question =
      this.question?.trim() ||
      defaultQuestion(this.activeScale, { reference: this.normalizedReference, inline: this.inline });
    return html`${
      this.outcome
        ? renderOutcome(this.outcome, this.inline)
        : this.inline
          ? this.renderInline(question)
          : this.renderFull(question)
    }${renderLiveRegion(this.submission.state === 'submitting' ? msg('Sending…') : this.announcement)}`;
  }
}

SilaRating.define('sila-rating');

declare global {
  interface HTMLElementTagNameMap {
    'sila-rating': SilaRating;
  }
}
