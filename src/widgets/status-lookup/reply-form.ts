/**
 * The answer to "information needed", inside the lookup result: the person writes what
 * the team asked for and may add documents (the request form's checks), then sends it to
 * POST /v1/submissions/{reference}/replies with the verifier they just typed.
 *
 * Nothing typed is lost: the text is a draft on the device (never the verifier, which is
 * the secret). Nothing is sent twice: one Idempotency-Key per answer, kept with the draft
 * across retries and reloads, and a double tap sends once.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import * as z from 'zod/mini';
import type { FormConfig } from '../../contract/form-config.js';
import { lazy } from '../../contract/lazy.js';
import { REPLY_ATTACHMENT_KINDS, REPLY_MAX_LENGTH, replyCreated, replySchema } from '../../contract/replies.js';
import type { SilaConfig } from '../../config.js';
import { DraftStore } from '../../client/drafts.js';
import { SilaError } from '../../client/errors.js';
import { newIdempotencyKey } from '../../client/idempotency.js';
import { sendJson, type HttpOptions } from '../../client/http.js';
import { sendMultipart } from '../../client/multipart.js';
import { AttachmentsController } from '../../core/attachments-controller.js';
import { FormController, type FormValues } from '../../core/form-controller.js';
import { getLocale } from '../../core/i18n.js';
import { validateWith } from '../../core/validate.js';
import type { FocusController } from '../../core/focus-controller.js';
import { renderErrorSummary } from '../../fields/error-summary.js';
import { fileLimitsHint, renderFileField, renderUploadProgress } from '../../fields/file-field.js';
import type { SummaryField } from '../../fields/error-summary.js';
import { renderTextareaField } from '../../fields/textarea-field.js';
import { replyFailure } from './reply-messages.js';

// Built on first use, like the contract's schemas (src/contract/lazy.ts).
const messageOnly = /* @__PURE__ */ lazy(() => z.object({ message: replySchema.shape.message }));
const MESSAGE_FIELDS = ['message'] as const;

export interface ReplyHost extends ReactiveControllerHost {
  /** Where the lookup sends (already resolved). */
  readonly endpointUrl: string;
  readonly silaConfig: Readonly<SilaConfig>;
  readonly formConfig: FormConfig;
  readonly focusMover: FocusController;
  /** The reference and verifier of the lookup the result came from. */
  readonly replyTarget: { reference: string; verifier: string } | undefined;
  announce(text: string): void;
  /** The answer was stored: look the status up again. */
  replied(): void;
}

export type ReplyState = 'idle' | 'sending' | 'sent' | 'failed';

export function documentKinds(limits: FormConfig['attachments']): readonly string[] {
  if (!limits.enabled) return [];
  return REPLY_ATTACHMENT_KINDS.slice(0, Math.max(0, Math.min(REPLY_ATTACHMENT_KINDS.length, limits.maxFiles)));
}

function documentLabel(index: number): string {
  return index === 0 ? msg('Document') : msg(str`Another document (${index + 1})`);
}

export class ReplyController implements ReactiveController {
  state: ReplyState = 'idle';
  error?: SilaError;
  private key?: string;
  private busy = false;
  private drafts?: DraftStore;
  private draftFor?: string;

  readonly form: FormController<{ message: string }>;
  readonly attachments: AttachmentsController;

  constructor(private readonly host: ReplyHost) {
    host.addController(this);
    this.form = new FormController(host, {
      initial: { message: '' },
      validate: (values) => validateWith(messageOnly, { message: values.message }),
      onChange: () => this.saveDraft(),
    });
    this.attachments = new AttachmentsController(host, {
      limits: () => host.formConfig.attachments,
      form: this.form,
      focus: (field) => host.focusMover.focusSoon(field),
    });
  }

  hostConnected(): void {}

  /** A new lookup result: bring back the draft of this reference's answer, if any. */
  bind(reference: string, disableDrafts: boolean): void {
    if (this.draftFor === reference) return;
    this.draftFor = reference;
    this.state = 'idle';
    this.error = undefined;
    this.attachments.clear();
    this.drafts = disableDrafts ? undefined : new DraftStore(`status-reply:${reference}`, this.host.endpointUrl);
    const draft = this.drafts?.load();
    this.form.reset();
    this.key = undefined;
    if (draft && typeof draft.values.message === 'string') {
      this.form.restore({ message: draft.values.message } as FormValues);
      this.key = draft.idempotencyKey;
    }
  }

  private saveDraft(): void {
    if (!this.drafts) return;
    if (this.form.text('message').trim() || this.key)
      this.drafts.save({ values: { message: this.form.text('message') }, idempotencyKey: this.key, startedAt: 0 });
    else this.drafts.clear();
  }

  async submit(event: Event): Promise<void> {
    event.preventDefault();
    if (this.busy || this.state === 'sending') return; // a double tap sends once
    this.busy = true;
    try {
      await this.send();
    } finally {
      this.busy = false;
    }
  }

  private async send(): Promise<void> {
    const target = this.host.replyTarget;
    if (!target) return;
    const validation = this.form.attemptSubmit();
    const refused = [...this.attachments.problems.keys()];
    if (!validation.ok || refused.length > 0) {
      this.host.announce('');
      this.host.focusMover.focusSoon('reply-error-summary');
      return;
    }
    this.key ??= newIdempotencyKey();
    this.saveDraft();
    this.state = 'sending';
    this.error = undefined;
    this.host.requestUpdate();
    const url = `${this.host.endpointUrl.replace(/\/+$/, '')}/v1/submissions/${encodeURIComponent(target.reference)}/replies`;
    const key = this.key;
    const payload = { verifier: target.verifier, message: this.form.text('message'), client: { locale: getLocale() } };
    const config = this.host.silaConfig;
    const options: HttpOptions = {
      headers: config.headers,
      timeoutMs: config.timeoutMs,
      retry: config.retries === undefined ? undefined : { retries: config.retries },
      fetch: config.fetch,
    };
    try {
      await this.attachments.sending(this.attachments.list(), async (upload) => {
        if (upload) {
          const call = { url, payload, files: upload.files, idempotencyKey: key, onProgress: upload.onProgress };
          return sendMultipart(replyCreated, call, options);
        }
        const answer = await sendJson(
          { method: 'POST', url, body: payload, headers: { 'Idempotency-Key': key } },
          options,
        );
        const parsed = replyCreated.safeParse(answer.body);
        if (!parsed.success) throw new SilaError('invalid_response', answer.status);
        return parsed.data;
      });
      this.drafts?.clear();
      this.key = undefined;
      this.form.reset();
      this.attachments.clear();
      this.state = 'sent';
      this.host.announce(msg('Your answer was sent. The review continues.'));
      this.host.replied();
    } catch (caught) {
      const error = caught instanceof SilaError ? caught : new SilaError('unreachable');
      this.error = error;
      this.state = 'failed';
      if (error.kind === 'validation' && error.fieldErrors.length > 0) {
        // The server saw what the form did not: put it by the fields. A corrected answer
        // is another answer, with another key.
        const first = this.documentKinds()[0] ?? 'reply_1';
        this.form.setServerErrors(
          error.fieldErrors.map((field) =>
            field.path === 'attachments' ? { ...field, path: `attachments.${first}` } : field,
          ),
        );
        this.key = undefined;
        this.saveDraft();
        this.host.focusMover.focusSoon('reply-error-summary');
      } else if (error.status === 413 || error.status === 415) {
        this.form.setServerErrors(error.fieldErrors);
        this.key = undefined;
        this.saveDraft();
        this.host.focusMover.focusSoon('reply-error-summary');
      } else {
        this.host.focusMover.focusSoon('reply-failure');
      }
      this.host.announce(replyFailure(error).title);
    } finally {
      this.host.requestUpdate();
    }
  }

  documentKinds(): readonly string[] {
    return documentKinds(this.host.formConfig.attachments);
  }

  private summaryFields(): Record<string, SummaryField> {
    const fields: Record<string, SummaryField> = {
      message: { label: msg('Your answer'), maxLength: REPLY_MAX_LENGTH },
    };
    this.documentKinds().forEach((kind, index) => (fields[`attachments.${kind}`] = { label: documentLabel(index) }));
    return fields;
  }

  private visibleErrors() {
    const errors = this.form.submitAttempted ? this.form.visibleErrors(MESSAGE_FIELDS) : [];
    const files = [...this.attachments.errors(this.documentKinds())].map(([kind]) => {
      const problem = this.attachments.problems.get(kind);
      return {
        path: `attachments.${kind}`,
        code: problem?.code ?? this.form.errorFor(`attachments.${kind}`)?.code ?? 'invalid',
        message: '',
      };
    });
    return [...errors, ...files];
  }

  render(): TemplateResult {
    if (this.state === 'sent')
      return html`<p class="notice success" part="reply-sent" id="reply-sent" tabindex="-1">
        ${msg('Your answer was sent. The review continues.')}
      </p>`;
    const limits = this.host.formConfig.attachments;
    // One picker, and another once it holds a file: three empty pickers crowd a phone.
    const all = this.documentKinds();
    const lastChosen = all.reduce((last, kind, index) => (this.attachments.files.has(kind) ? index : last), -1);
    const kinds = all.slice(0, Math.min(all.length, lastChosen + 2));
    const fileErrors = this.attachments.errors(kinds);
    const sending = this.state === 'sending';
    return html`<form class="reply" part="reply-form" novalidate aria-labelledby="reply-title" @submit=${(event: Event) => void this.submit(event)}>
      <h4 id="reply-title">${msg('Send us your answer')}</h4>
      ${renderErrorSummary(this.visibleErrors(), this.summaryFields(), (name) => this.host.focusMover.focusField(name), 'reply-error-summary')}
      ${renderTextareaField(this.form, {
        name: 'message',
        label: msg('Your answer'),
        hint: msg('Answer what the team asked above, in your own words.'),
        maxLength: REPLY_MAX_LENGTH,
        rows: 4,
      })}
      ${kinds.map((kind, index) =>
        renderFileField({
          name: `attachments.${kind}`,
          label: documentLabel(index),
          hint: fileLimitsHint(limits.types, limits.maxFileBytes),
          optional: true,
          accept: limits.types.join(','),
          file: this.attachments.files.get(kind),
          error: fileErrors.get(kind),
          onSelect: (file) => this.host.announce(this.attachments.select(kind, file)),
        }),
      )}
      ${kinds.length > 0 ? html`<p class="hint">${msg('Documents are not saved on this device: if you leave the page, choose them again.')}</p>` : nothing}
      ${renderUploadProgress(this.attachments.uploading && this.attachments.files.size > 0, this.attachments.progress)}
      ${this.state === 'failed' && this.error && !(this.error.kind === 'validation' && this.error.fieldErrors.length > 0) && this.error.status !== 413 && this.error.status !== 415 ? this.renderFailure(this.error) : nothing}
      <div class="actions">
        <button type="submit" class="primary" part="reply-submit" ?disabled=${sending} aria-disabled=${sending ? 'true' : 'false'}>
          ${sending ? msg('Sending…') : msg('Send my answer')}
        </button>
      </div>
    </form>`;
  }

  private renderFailure(error: SilaError): TemplateResult {
    const view = replyFailure(error);
    return html`<div class="notice failure warning" id="reply-failure" tabindex="-1" part="reply-failure" role="alert">
      <p><strong>${view.title}</strong></p>
      <p>${view.body}</p>
    </div>`;
  }
}
