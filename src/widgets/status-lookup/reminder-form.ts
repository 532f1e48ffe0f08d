/**
 * "Forgot your reference number?" under the lookup: the mobile or e-mail given in the
 * form, and the association sends the references to it (POST /v1/reference-reminders).
 * The page says the same whether or not anything was found: it cannot know, and must
 * not tell whoever types someone else's number.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import { referenceReminderAccepted, referenceReminderSchema } from '../../contract/reference-reminders.js';
import type { FieldError } from '../../contract/problem.js';
import type { SilaConfig } from '../../config.js';
import { SilaError } from '../../client/errors.js';
import { sendJson } from '../../client/http.js';
import { FormController, type Validation } from '../../core/form-controller.js';
import type { FocusController } from '../../core/focus-controller.js';
import { getLocale } from '../../core/i18n.js';
import { validateWith } from '../../core/validate.js';
import { renderErrorSummary } from '../../fields/error-summary.js';
import { renderTextField } from '../../fields/text-field.js';
import { EMAIL_MAX_LENGTH } from '../../contract/limits.js';

export interface ReminderHost extends ReactiveControllerHost {
  readonly endpointUrl: string;
  readonly silaConfig: Readonly<SilaConfig>;
  readonly focusMover: FocusController;
  announce(text: string): void;
}

type ReminderPayload = { mobile?: string; email?: string; locale: string };

/** One field for both: an @ makes it an e-mail address. */
function toPayload(contact: string): ReminderPayload {
  const value = contact.trim();
  return value.includes('@') ? { email: value, locale: getLocale() } : { mobile: value, locale: getLocale() };
}

/** The schema's paths (mobile, email) are the one field here. */
function onContact(validation: Validation<ReminderPayload>): Validation<ReminderPayload> {
  return { ...validation, errors: validation.errors.map((error) => ({ ...error, path: 'contact' })) };
}

function contactLabel(): string {
  return msg('Mobile number or e-mail address');
}

export class ReminderController implements ReactiveController {
  state: 'idle' | 'sending' | 'sent' | 'failed' = 'idle';
  error?: SilaError;
  private busy = false;
  readonly form: FormController<ReminderPayload>;

  constructor(private readonly host: ReminderHost) {
    host.addController(this);
    this.form = new FormController<ReminderPayload>(host, {
      initial: { contact: '' },
      validate: (values) =>
        onContact(
          validateWith(referenceReminderSchema, toPayload(String(values.contact ?? ''))) as Validation<ReminderPayload>,
        ),
    });
  }

  hostConnected(): void {}

  private async submit(event: Event): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    this.busy = true;
    try {
      const validation = this.form.attemptSubmit();
      if (!validation.ok) {
        this.host.focusMover.focusSoon('reminder-error-summary');
        return;
      }
      this.state = 'sending';
      this.host.requestUpdate();
      const config = this.host.silaConfig;
      const answer = await sendJson(
        {
          method: 'POST',
          url: `${this.host.endpointUrl.replace(/\/+$/, '')}/v1/reference-reminders`,
          body: toPayload(this.form.text('contact')),
        },
        { headers: config.headers, timeoutMs: config.timeoutMs, fetch: config.fetch, retry: { retries: 1 } },
      );
      if (!referenceReminderAccepted.safeParse(answer.body).success) throw new SilaError('invalid_response');
      this.state = 'sent';
      this.host.announce(msg('Sent. Check your messages.'));
      this.host.focusMover.focusSoon('reminder-sent');
    } catch (caught) {
      const error = caught instanceof SilaError ? caught : new SilaError('unreachable');
      this.error = error;
      this.state = 'failed';
      if (error.kind === 'validation' && error.fieldErrors.length > 0) {
        this.form.setServerErrors(error.fieldErrors.map((field): FieldError => ({ ...field, path: 'contact' })));
        this.host.focusMover.focusSoon('reminder-error-summary');
      } else this.host.focusMover.focusSoon('reminder-failure');
    } finally {
      this.busy = false;
      this.host.requestUpdate();
    }
  }

  private failureText(error: SilaError): string {
    if (error.kind === 'rate_limited') return msg('Too many requests from this device. Please try again in an hour.');
    if (error.kind === 'offline') return msg('You seem to be offline. Check your connection and try again.');
    return msg('We could not reach the service right now. Please try again in a few minutes.');
  }

  render(): TemplateResult {
    const errors = this.form.submitAttempted ? this.form.visibleErrors(['contact']) : [];
    const failed = this.state === 'failed' && this.error && !(this.error.kind === 'validation');
    return html`<details class="reminder" part="reminder">
      <summary>${msg('Forgot your reference number?')}</summary>
      ${
        this.state === 'sent'
          ? html`<p class="notice success" id="reminder-sent" tabindex="-1" part="reminder-sent">
            ${msg('If we have requests or messages under this mobile number or e-mail address, we have sent their reference numbers to it. It may take a few minutes. We send nothing if we found nothing.')}
          </p>`
          : html`<form novalidate aria-label=${msg('Forgot your reference number?')} @submit=${(event: Event) => void this.submit(event)}>
            <p>${msg('Enter the mobile number or e-mail address you gave in the form. We will send the reference numbers of your requests and messages to it.')}</p>
            ${renderErrorSummary(errors, { contact: { label: contactLabel() } }, (name) => this.host.focusMover.focusField(name), 'reminder-error-summary')}
            ${renderTextField(this.form, {
              name: 'contact',
              label: contactLabel(),
              hint: msg('For example 05XXXXXXXX or name@example.com'),
              ltr: true,
              spellcheck: false,
              autocomplete: 'off',
              maxLength: EMAIL_MAX_LENGTH,
            })}
            ${
              failed
                ? html`<p class="notice failure warning" id="reminder-failure" tabindex="-1" role="alert">
                  ${this.failureText(this.error!)}
                </p>`
                : nothing
            }
            <div class="actions">
              <button type="submit" class="secondary" part="reminder-submit" ?disabled=${this.state === 'sending'}>
                ${this.state === 'sending' ? msg('Sending…') : msg('Send me my reference numbers')}
              </button>
            </div>
          </form>`
      }
    </details>`;
  }
}
