/**
 * <sila-staff-sign-in>: e-mail and password, then the authenticator code when the server
 * answers `totp_required`. Used on its own (signed out) and inside the shell's dialog when
 * a session lapses (`reauth`: the same person, the work behind the dialog untouched).
 *
 * @fires staff-signed-in - detail: the new StaffSession.
 */
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg } from '@lit/localize';
import { StaffApiError, type StaffApi } from './api.js';
import {
  fieldMessage,
  focusSummary,
  renderInput,
  renderSummary,
  type InputSpec,
  type ShownError,
} from './form-parts.js';
import { failureText } from './messages.js';
import { StaffElement } from './staff-element.js';
import { fieldId } from '../fields/field-parts.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

type Step = 'credentials' | 'totp';

export class StaffSignIn extends StaffElement {
  @property({ attribute: false }) api?: StaffApi;
  /** Signing in again after the session lapsed (the e-mail is kept). */
  @property({ type: Boolean }) reauth = false;
  @property() email = '';

  @state() private password = '';
  @state() private totp = '';
  @state() private step: Step = 'credentials';
  @state() private errors: Record<string, string> = {};
  @state() private failure = '';
  @state() private busy = false;

  private fields(): InputSpec[] {
    if (this.step === 'totp') {
      return [
        {
          name: 'totp',
          label: msg('Code from the authenticator app'),
          hint: msg('The 6-digit code from your authenticator app.'),
          autocomplete: 'one-time-code',
          inputmode: 'numeric',
          ltr: true,
          maxLength: 10,
        },
      ];
    }
    return [
      {
        name: 'email',
        label: msg('E-mail address'),
        type: 'email',
        autocomplete: 'username',
        ltr: true,
        maxLength: 200,
      },
      {
        name: 'password',
        label: msg('Password'),
        type: 'password',
        autocomplete: 'current-password',
        ltr: true,
        maxLength: 200,
      },
    ];
  }

  private value(name: string): string {
    return name === 'email' ? this.email : name === 'password' ? this.password : this.totp;
  }

  private setValue(name: string, value: string): void {
    if (name === 'email') this.email = value;
    else if (name === 'password') this.password = value;
    else this.totp = value;
    if (this.errors[name])
      this.errors = Object.fromEntries(Object.entries(this.errors).filter(([key]) => key !== name));
  }

  private check(): Record<string, string> {
    const errors: Record<string, string> = {};
    if (this.step === 'credentials') {
      if (!this.email.trim()) errors.email = fieldMessage('required');
      else if (!EMAIL.test(this.email.trim())) errors.email = fieldMessage('invalid_email');
      if (!this.password) errors.password = fieldMessage('required');
    } else if (!this.totp.trim()) {
      errors.totp = fieldMessage('required');
    }
    return errors;
  }

  private async submit(event: Event): Promise<void> {
    event.preventDefault();
    if (this.busy || !this.api) return;
    this.failure = '';
    this.errors = this.check();
    if (Object.keys(this.errors).length) {
      await focusSummary(this);
      return;
    }
    this.busy = true;
    try {
      const session = await this.api.signIn({
        email: this.email.trim(),
        password: this.password,
        ...(this.step === 'totp' ? { totp: this.totp.replace(/\s/g, '') } : {}),
      });
      this.password = '';
      this.totp = '';
      this.step = 'credentials';
      this.dispatchEvent(new CustomEvent('staff-signed-in', { detail: session, bubbles: true, composed: true }));
    } catch (error) {
      await this.failed(error);
    } finally {
      this.busy = false;
    }
  }

  private async failed(error: unknown): Promise<void> {
    if (!(error instanceof StaffApiError)) throw error;
    if (error.kind === 'totp_required' && this.step === 'credentials') {
      this.step = 'totp';
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(`#${fieldId('totp')}`)?.focus();
      return;
    }
    if (error.kind === 'invalid_credentials' || error.kind === 'totp_required') {
      this.errors =
        this.step === 'totp'
          ? { totp: fieldMessage('invalid_totp') }
          : { password: fieldMessage('invalid_credentials') };
    } else if (error.kind === 'validation' && error.fieldErrors.length) {
      this.errors = Object.fromEntries(error.fieldErrors.map((field) => [field.path, fieldMessage(field.code)]));
    } else {
      this.failure = failureText(error);
    }
    await focusSummary(this);
  }

  private startOver(): void {
    this.step = 'credentials';
    this.totp = '';
    this.password = '';
    this.errors = {};
  }

  override render() {
    const fields = this.fields();
    const shown: ShownError[] = fields
      .filter((field) => this.errors[field.name])
      .map((field) => ({ name: field.name, label: field.label, message: this.errors[field.name]! }));
    if (this.failure) shown.unshift({ name: fields[0]!.name, label: msg('Sign-in'), message: this.failure });
    return html`<form class="form sign-in" novalidate @submit=${this.submit} aria-labelledby="sign-in-title">
      ${
        this.reauth
          ? html`<h2 class="title" id="sign-in-title">${msg('Your session has ended')}</h2>`
          : html`<h1 class="title" id="sign-in-title">${msg('Sign in to the staff console')}</h1>`
      }
      <p class="lead">
        ${
          this.reauth
            ? msg('Sign in again to carry on. What you were doing is kept as it was.')
            : this.step === 'totp'
              ? msg('Your account asks for a second step.')
              : msg('For the association’s staff. Use the e-mail address and password of your own account.')
        }
      </p>
      ${renderSummary(shown, this.renderRoot, this.reauth ? 3 : 2)}
      ${fields.map((field) => renderInput(field, this.value(field.name), this.errors[field.name], (value) => this.setValue(field.name, value)))}
      <div class="actions">
        <button type="submit" class="primary" aria-disabled=${this.busy ? 'true' : 'false'}>
          ${this.busy ? msg('Signing in…') : this.step === 'totp' ? msg('Confirm') : msg('Sign in')}
        </button>
        ${this.step === 'totp' ? html`<button type="button" class="link" @click=${this.startOver}>${msg('Start again')}</button>` : nothing}
      </div>
    </form>`;
  }
}

StaffSignIn.define('sila-staff-sign-in');

declare global {
  interface HTMLElementTagNameMap {
    'sila-staff-sign-in': StaffSignIn;
  }
}
