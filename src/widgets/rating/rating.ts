/**
 * <sila-rating>: a satisfaction rating, the beneficiary's right and the association's
 * tool for improving its services (the policies: "not for punishment or defamation").
 */
import { adoptStyles, html, nothing, type CSSResult, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg } from '@lit/localize';
import { ratingSchema, type Rating, type RatingScale } from '../../contract/rating.js';
import { RATING_COMMENT_MAX_LENGTH, RATING_CONTEXT_MAX_LENGTH } from '../../contract/limits.js';
import { normalizeReference } from '../../contract/identifiers.js';
import type { FieldError } from '../../contract/problem.js';
import { outbox } from '../../client/outbox.js';
import type { SilaError } from '../../client/errors.js';
import { SilaElement } from '../../core/sila-element.js';
import { FormController, type FormValues } from '../../core/form-controller.js';
import { SubmissionController } from '../../core/submission-controller.js';
import { SubmissionSession } from '../../core/submission-session.js';
import { SilaErrorEvent, SilaSubmittedEvent } from '../../core/events.js';
import { FocusController } from '../../core/focus-controller.js';
import { directionOf, getLocale } from '../../core/i18n.js';
import { errorMessage, failureMessage } from '../../core/messages.js';
import { validateWith } from '../../core/validate.js';
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
export const COMMENT_MAX_LENGTH = RATING_COMMENT_MAX_LENGTH;
const CONTEXT_MAX_LENGTH = RATING_CONTEXT_MAX_LENGTH;

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

  /**
   * With `reference`: the verifier the person looks the case up with (the last 4 digits
   * of the mobile, or the follow-up code): proof that the rating is theirs. A property
   * only, never an attribute, so it stays out of the page's markup. The status lookup sets it.
   */
  @property({ attribute: false }) verifier?: string;

  /**
   * With `reference`: the rating token from the confirmation (`ratingToken` of the create
   * answer) or the status lookup's answer — proof that the rating is the sender's, in
   * place of the verifier (e.g. on a page linked from a message to the person).
   */
  @property({ attribute: 'rating-token' }) ratingToken?: string;

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

  @state() private announcement = '';
  @state() private outcome?: RatingOutcome;

  private readonly focusMover = new FocusController(this);
  private adoptedFor?: string;

  private readonly form = new FormController<Rating>(this, {
    initial: EMPTY,
    validate: (values) => validateWith(ratingSchema, this.toPayload(values)),
    onChange: () => this.session.save(),
  });

  private readonly submission = new SubmissionController<Rating, { id: string }>(this, {
    owner: () => `rating:${this.resolvedEndpoint}:${this.target}`,
    send: (payload, key) => this.api.createRating(payload, key),
    onSuccess: (result, payload) => this.handleSuccess(result, payload),
    onFailure: (error, queued) => this.handleFailure(error, queued),
  });

  /** One draft and one waiting rating per backend and reference (or context). */
  private readonly session = new SubmissionSession(this, {
    draftName: () => `rating:${this.target}`,
    endpoint: () => this.resolvedEndpoint,
    config: () => this.config,
    api: () => this.api,
    values: () => this.form.values,
    freshOnRebind: true,
    onBind: (draft, rebinding) => {
      if (rebinding) {
        // Another reference or page: another rating.
        this.form.reset();
        this.submission.reset();
        this.outcome = undefined;
      }
      if (draft) this.form.restore(draft.values as FormValues);
    },
    submission: this.submission,
    onStillWaiting: (error) => (this.announcement = failureMessage(error)),
    // The config only picks the scale, and only when the page names none.
    shownConfig: (config) => (isScale(this.scale) ? undefined : config.ratingScales),
  });

  /** The scale in use: the attribute, else the association's first enabled scale. */
  get activeScale(): RatingScale {
    if (isScale(this.scale)) return this.scale;
    return this.session.formConfig.ratingScales.find(isScale) ?? 'csat';
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
  }

  private toPayload(values: FormValues): unknown {
    const score = typeof values.score === 'string' && values.score !== '' ? Number(values.score) : undefined;
    const reference = this.normalizedReference;
    return {
      scale: this.activeScale,
      score: values.scale === this.activeScale ? score : undefined,
      reference,
      context: reference ? undefined : this.resolvedContext,
      verifier: reference ? this.verifier?.trim() || undefined : undefined,
      ratingToken: reference ? this.ratingToken?.trim() || undefined : undefined,
      comment: this.inline || this.noComment ? undefined : values.comment,
      client: {
        locale: getLocale(),
        fillMs: this.session.fillMs,
        page: globalThis.location?.pathname.slice(0, 500),
      },
    };
  }

  /** Drops a sent-but-undelivered rating: a new choice is a new payload and needs a new key. */
  private forgetPendingAttempt(): void {
    const state = this.submission.state;
    if (state !== 'queued' && state !== 'failed') return;
    if (this.session.idempotencyKey) void outbox.remove(this.session.idempotencyKey);
    this.submission.reset();
    this.session.newPayload();
  }

  private chooseScore(score: number, commit: boolean): void {
    if (this.submission.state === 'submitting') {
      // Keep the radios showing what is being sent: the click checked another one.
      const sent = this.renderRoot.querySelector<HTMLInputElement>(`input[name="score"][value="${this.chosen}"]`);
      if (sent) sent.checked = true;
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
      const key = this.session.key();
      this.session.save();
      const payload = await this.submission.handOver(this, 'rating', validation.payload, key, this.config.captchaToken);
      if (payload) await this.submission.submit(payload, key);
    });
  }

  private finish(outcome: RatingOutcome): void {
    this.session.finish();
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
        this.session.newPayload();
        this.session.save();
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
    if (paths.includes('verifier') || error?.problem?.code === 'rating_not_allowed') {
      return msg(
        'We could not confirm that this rating is yours. Open it again from your confirmation or your request’s status.',
      );
    }
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
  private renderScaleGroup(question: string, after: unknown = nothing) {
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
      }${after}</div
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
          : renderTextareaField(this.form, {
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
    // The send button or notice goes inside the question's row: the row is then as wide as
    // the form, and its parts' sizes switch on that width (inlineStyles: no container query).
    return html`<form class="inline-form" part="form" novalidate aria-labelledby="question" @submit=${this.submitRating}
      >${this.renderScaleGroup(
        question,
        state === 'submitting'
          ? html`<span class="sending" .textContent=${msg('Sending…')}></span>`
          : waiting
            ? html`<button type="submit" class="secondary compact" part="submit" .textContent=${msg('Send')}></button>`
            : this.renderStatus(),
      )}</form
    >`;
  }

  protected override render() {
    const question =
      this.question?.trim() ||
      defaultQuestion(this.activeScale, { reference: this.normalizedReference, inline: this.inline });
    // The live region (core/live-region.ts's markup) written in: one template less to stamp per rating.
    return html`${
      this.outcome
        ? renderOutcome(this.outcome, this.inline)
        : this.inline
          ? this.renderInline(question)
          : this.renderFull(question)
    }<div
      class="visually-hidden"
      role="status"
      aria-live="polite"
      aria-atomic="true"
      .textContent=${this.submission.state === 'submitting' ? msg('Sending…') : this.announcement}
    ></div>`;
  }
}

SilaRating.define('sila-rating');

declare global {
  interface HTMLElementTagNameMap {
    'sila-rating': SilaRating;
  }
}
