/**
 * My account (every role): change the password (also the forced change after a temporary
 * one) and set up two-step verification: the authenticator app scans a QR code of the
 * otpauth URL, or the person types the secret, then confirms with a code.
 */
import { css, html, nothing, svg } from 'lit';
import { state } from 'lit/decorators.js';
import { msg } from '@lit/localize';
import { totpEnrollment } from '../../contract/staff-auth.js';
import { FormController } from '../../core/form-controller.js';
import { renderLiveRegion } from '../../core/live-region.js';
import { StaffApiError } from '../api.js';
import { focusSummary, renderInput, renderSummary } from '../form-parts.js';
import { roleLabel } from '../labels.js';
import { failureText } from '../messages.js';
import { StaffView } from '../staff-element.js';
import { errorText, shownErrors } from './accounts-errors.js';
import {
  CODE_FIELDS,
  accountFieldErrors,
  EMPTY_CODE,
  EMPTY_PASSWORD,
  PASSWORD_FIELDS,
  codeSummaryFields,
  groupSecret,
  passwordSummaryFields,
  qrPath,
  validateCode,
  validatePasswordChange,
} from './account-settings-model.js';

interface Enrollment {
  secret: string;
  otpauthUrl: string;
}

export class StaffAccountSettings extends StaffView {
  static override styles = [
    ...(StaffView.styles as []),
    css`
      .card {
        max-inline-size: 40rem;
      }
      .qr {
        inline-size: 12rem;
        block-size: 12rem;
        background: #fff;
        padding: 0.5rem;
        border: 1px solid var(--_border);
        border-radius: calc(var(--_radius) * 0.5);
      }
      .secret {
        font-family: ui-monospace, monospace;
        font-size: 1.125em;
        letter-spacing: 0.05em;
        overflow-wrap: anywhere;
      }
      .enrol {
        display: flex;
        flex-wrap: wrap;
        gap: var(--_space);
        align-items: start;
      }
      .enrol > div {
        flex: 1 1 14rem;
        display: grid;
        gap: 0.5rem;
      }
    `,
  ];

  @state() private reveal = false;
  @state() private passwordChanged = false;
  @state() private enrollment?: Enrollment;
  @state() private totpOn = false;
  @state() private busy = false;
  @state() private failure = '';
  @state() private announcement = '';

  private readonly password = new FormController<unknown>(this, {
    initial: EMPTY_PASSWORD,
    validate: validatePasswordChange,
  });
  private readonly code = new FormController<unknown>(this, { initial: EMPTY_CODE, validate: validateCode });

  override connectedCallback(): void {
    super.connectedCallback();
    this.totpOn = this.context?.account.totpEnabled === true;
  }

  private get mustChange(): boolean {
    return this.context?.account.mustChangePassword === true && !this.passwordChanged;
  }

  /** One call at a time; field errors go next to the fields of `form`, others above. */
  private async run(form: FormController<unknown>, call: () => Promise<void>): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.failure = '';
    try {
      await call();
    } catch (error) {
      const failure = error instanceof StaffApiError ? error : new StaffApiError('invalid_response');
      if (failure.fieldErrors.length > 0) {
        form.setServerErrors(accountFieldErrors(failure.fieldErrors));
        void focusSummary(this);
      } else {
        this.failure = failureText(failure);
      }
      this.announcement = failureText(failure);
    } finally {
      this.busy = false;
    }
  }

  private async changePassword(event: Event): Promise<void> {
    event.preventDefault();
    const validation = this.password.attemptSubmit();
    if (!validation.ok) return focusSummary(this);
    const api = this.context!.api;
    await this.run(this.password, async () => {
      await api.post('/v1/staff/me/password', validation.payload);
      this.passwordChanged = true;
      this.password.reset();
      this.announcement = msg('Your password was changed.');
      // The session now knows the password is no longer temporary (the shell listens).
      await api.session();
    });
  }

  private async startEnrollment(): Promise<void> {
    const api = this.context!.api;
    await this.run(this.code, async () => {
      this.enrollment = await api.post('/v1/staff/me/totp', {}, { schema: totpEnrollment });
      this.code.reset();
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#enrol-title')?.focus();
    });
  }

  private async confirmEnrollment(event: Event): Promise<void> {
    event.preventDefault();
    const validation = this.code.attemptSubmit();
    if (!validation.ok || !validation.payload) return focusSummary(this);
    const api = this.context!.api;
    await this.run(this.code, async () => {
      await api.post('/v1/staff/me/totp/confirm', validation.payload);
      this.enrollment = undefined;
      this.totpOn = true;
      this.announcement = msg('Two-step verification is on.');
      await api.session();
    });
  }

  private renderPasswordForm() {
    const fields = passwordSummaryFields();
    const form = this.password;
    const input = (name: 'current' | 'next', autocomplete: string, hint?: string) =>
      renderInput(
        {
          name,
          label: fields[name]!.label,
          hint,
          type: this.reveal ? 'text' : 'password',
          autocomplete,
          ltr: true,
          maxLength: 200,
        },
        form.text(name),
        errorText(form, name, fields),
        (value) => form.set(name, value),
      );
    return html`<form novalidate class="card" @submit=${this.changePassword} aria-labelledby="password-title">
      <h2 id="password-title">${msg('Change your password')}</h2>
      ${
        this.mustChange
          ? html`<p class="notice warning" data-must-change>${msg('You signed in with a temporary password. Choose your own password to go on.')}</p>`
          : nothing
      }
      ${
        this.passwordChanged
          ? html`<p class="notice" role="status">
            ${msg('Your password was changed.')}
            ${
              this.context?.account.mustChangePassword
                ? html`<a href=${location.pathname} data-continue>${msg('Continue to your work')}</a>`
                : nothing
            }
          </p>`
          : nothing
      }
      ${renderSummary(shownErrors(form, PASSWORD_FIELDS, fields), this.renderRoot as ShadowRoot)}
      ${input('current', 'current-password', this.mustChange ? msg('The temporary password you were given.') : undefined)}
      ${input('next', 'new-password', msg('At least 12 characters. A few unrelated words make a strong password that is easy to remember.'))}
      <label class="choice">
        <input type="checkbox" .checked=${this.reveal} @change=${(event: Event) => (this.reveal = (event.target as HTMLInputElement).checked)} />
        <span class="choice-text">${msg('Show the passwords')}</span>
      </label>
      <div class="actions">
        <button type="submit" class="primary" aria-disabled=${this.busy ? 'true' : 'false'}>${msg('Change the password')}</button>
      </div>
    </form>`;
  }

  private renderQr(url: string) {
    const { size, path } = qrPath(url);
    return html`<svg class="qr" viewBox="0 0 ${size} ${size}" role="img" aria-label=${msg('QR code to scan with your authenticator app')} shape-rendering="crispEdges">
      ${svg`<rect width=${size} height=${size} fill="#fff"></rect><path d=${path} fill="#000"></path>`}
    </svg>`;
  }

  private renderEnrollment(enrollment: Enrollment) {
    const fields = codeSummaryFields();
    return html`<form novalidate class="stack" @submit=${this.confirmEnrollment} aria-labelledby="enrol-title">
      <h3 id="enrol-title" tabindex="-1">${msg('Scan the code, then enter the code the app shows')}</h3>
      ${renderSummary(shownErrors(this.code, CODE_FIELDS, fields), this.renderRoot as ShadowRoot)}
      <div class="enrol">
        ${this.renderQr(enrollment.otpauthUrl)}
        <div>
          <p>${msg('Open an authenticator app (for example Google Authenticator or Microsoft Authenticator) and scan this code.')}</p>
          <p>${msg('Cannot scan? Type this key in the app instead:')}</p>
          <p><strong class="secret ltr" data-secret>${groupSecret(enrollment.secret)}</strong></p>
        </div>
      </div>
      ${renderInput(
        {
          name: 'code',
          label: fields.code!.label,
          hint: msg('6 digits; it changes every 30 seconds.'),
          autocomplete: 'one-time-code',
          inputmode: 'numeric',
          ltr: true,
          maxLength: 9,
        },
        this.code.text('code'),
        errorText(this.code, 'code', fields),
        (value) => this.code.set('code', value),
      )}
      <div class="actions">
        <button type="submit" class="primary" aria-disabled=${this.busy ? 'true' : 'false'}>${msg('Turn on two-step verification')}</button>
        <button type="button" class="link" @click=${() => (this.enrollment = undefined)}>${msg('Cancel')}</button>
      </div>
    </form>`;
  }

  private renderTotp() {
    return html`<section class="card" aria-labelledby="totp-title">
      <h2 id="totp-title">${msg('Two-step verification')}</h2>
      ${
        this.totpOn
          ? html`<p class="notice" data-totp-on>${msg('On: signing in asks for your password and a code from your authenticator app.')}</p>`
          : this.enrollment
            ? this.renderEnrollment(this.enrollment)
            : html`<p>${msg('Off. With it on, signing in also asks for a code from an app on your phone, so a stolen password is not enough.')}</p>
              <div><button type="button" class="primary" @click=${this.startEnrollment}>${msg('Set up two-step verification')}</button></div>`
      }
    </section>`;
  }

  override render() {
    const account = this.context?.account;
    return html`<div class="stack">
      <h1 tabindex="-1">${msg('My account')}</h1>
      ${
        account
          ? html`<dl class="facts">
            <dt>${msg('Name')}</dt>
            <dd>${account.name}</dd>
            <dt>${msg('E-mail address')}</dt>
            <dd><span class="ltr">${account.email}</span></dd>
            <dt>${msg('Role')}</dt>
            <dd>${roleLabel(account.role)}</dd>
          </dl>`
          : nothing
      }
      ${this.failure ? html`<p class="notice warning" role="alert">${this.failure}</p>` : nothing}
      ${this.renderPasswordForm()} ${this.mustChange ? nothing : this.renderTotp()}
      ${renderLiveRegion(this.announcement)}
    </div>`;
  }
}

StaffAccountSettings.define('sila-staff-account-settings');

declare global {
  interface HTMLElementTagNameMap {
    'sila-staff-account-settings': StaffAccountSettings;
  }
}
