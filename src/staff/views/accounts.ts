/**
 * Accounts (admin): who works on the console and in which role; invite someone (their
 * temporary password is shown once), change a role, disable or enable, reset a password
 * (which also clears their two-step verification), and require two-step verification for
 * everyone.
 */
import { css, html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { msg, str } from '@lit/localize';
import {
  accountCreated,
  staffAccountList,
  staffSettings,
  temporaryPasswordAnswer,
  type StaffAccountListItem,
  type StaffRole,
} from '../../contract/staff-auth.js';
import { copyText } from '../../core/clipboard.js';
import { FormController } from '../../core/form-controller.js';
import { getLocale } from '../../core/i18n.js';
import { renderLiveRegion } from '../../core/live-region.js';
import { StaffApiError } from '../api.js';
import { focusSummary, renderInput, renderSelect, renderSummary } from '../form-parts.js';
import { roleLabel } from '../labels.js';
import { dateTime } from '../format.js';
import { failureText } from '../messages.js';
import { StaffView } from '../staff-element.js';
import { errorText, shownErrors } from './accounts-errors.js';
import {
  EMPTY_INVITE,
  INVITE_FIELDS,
  inviteSummaryFields,
  roleDuty,
  roleOptions,
  sortAccounts,
  validateInvite,
} from './accounts-model.js';
import { adminTableStyles } from './accounts-table.styles.js';

/** A temporary password to hand over, shown once. */
interface Handover {
  name: string;
  password: string;
}

export class StaffAccounts extends StaffView {
  static override styles = [
    ...(StaffView.styles as []),
    adminTableStyles,
    css`
      .secret {
        font-family: ui-monospace, monospace;
        font-size: 1.25em;
        letter-spacing: 0.05em;
      }
      .cards {
        display: grid;
        gap: var(--_space);
        grid-template-columns: repeat(auto-fit, minmax(min(100%, 22rem), 1fr));
        align-items: start;
      }
    `,
  ];

  @state() private items: StaffAccountListItem[] = [];
  @state() private loaded = false;
  @state() private requireTotp?: boolean;
  @state() private selectedId?: string;
  @state() private pendingRole?: StaffRole;
  @state() private confirmingReset = false;
  @state() private handover?: Handover;
  @state() private copied = false;
  @state() private busy = false;
  @state() private failure = '';
  @state() private announcement = '';

  private readonly invite = new FormController<unknown>(this, { initial: EMPTY_INVITE, validate: validateInvite });

  override connectedCallback(): void {
    super.connectedCallback();
    void this.reload();
  }

  private get api() {
    return this.context!.api;
  }

  private get selected(): StaffAccountListItem | undefined {
    return this.items.find((item) => item.id === this.selectedId);
  }

  private async reload(): Promise<void> {
    try {
      const [list, settings] = await Promise.all([
        this.api.get('/v1/staff/accounts', { schema: staffAccountList }),
        this.api.get('/v1/staff/settings', { schema: staffSettings }),
      ]);
      this.items = sortAccounts(list.items, getLocale());
      this.requireTotp = settings.requireTotp;
      this.loaded = true;
    } catch (error) {
      this.showFailure(error);
    }
  }

  private showFailure(error: unknown): void {
    const failure = error instanceof StaffApiError ? error : new StaffApiError('invalid_response');
    this.failure =
      failure.code === 'totp_enrol_first'
        ? msg('Set up two-step verification on your own account first (My account), then require it for everyone.')
        : failureText(failure);
    this.announcement = this.failure;
  }

  /** Runs one change at a time (a double click does nothing more), then reloads the list. */
  private async change(action: () => Promise<string>): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.failure = '';
    try {
      this.announcement = await action();
      await this.reload();
    } catch (error) {
      this.showFailure(error);
    } finally {
      this.busy = false;
    }
  }

  private async inviteAccount(event: Event): Promise<void> {
    event.preventDefault();
    const validation = this.invite.attemptSubmit();
    if (!validation.ok) {
      await focusSummary(this);
      return;
    }
    await this.change(async () => {
      try {
        const created = await this.api.post('/v1/staff/accounts', validation.payload, { schema: accountCreated });
        this.handover = { name: created.account.name, password: created.temporaryPassword };
        this.copied = false;
        this.invite.reset();
        this.selectedId = undefined;
        return msg(str`Account created for ${created.account.name}.`);
      } catch (error) {
        if (error instanceof StaffApiError && error.fieldErrors.length > 0) {
          this.invite.setServerErrors(error.fieldErrors);
          void focusSummary(this);
          return '';
        }
        throw error;
      }
    });
  }

  private select(item: StaffAccountListItem): void {
    this.selectedId = item.id;
    this.pendingRole = item.role;
    this.confirmingReset = false;
    this.handover = undefined;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#manage-title')?.focus());
  }

  private saveRole(item: StaffAccountListItem): Promise<void> {
    const role = this.pendingRole;
    if (!role || role === item.role) return Promise.resolve();
    return this.change(async () => {
      await this.api.patch(`/v1/staff/accounts/${encodeURIComponent(item.id)}`, { role });
      return msg(str`${item.name} is now: ${roleLabel(role)}.`);
    });
  }

  private setActive(item: StaffAccountListItem, active: boolean): Promise<void> {
    return this.change(async () => {
      await this.api.patch(`/v1/staff/accounts/${encodeURIComponent(item.id)}`, { active });
      return active ? msg(str`${item.name} can sign in again.`) : msg(str`${item.name} can no longer sign in.`);
    });
  }

  private resetPassword(item: StaffAccountListItem): Promise<void> {
    return this.change(async () => {
      const answer = await this.api.post(
        `/v1/staff/accounts/${encodeURIComponent(item.id)}/reset-password`,
        {},
        { schema: temporaryPasswordAnswer },
      );
      this.confirmingReset = false;
      this.handover = { name: item.name, password: answer.temporaryPassword };
      this.copied = false;
      return msg(str`The password of ${item.name} was reset.`);
    });
  }

  private saveRequireTotp(event: Event): Promise<void> {
    const requireTotp = (event.target as HTMLInputElement).checked;
    const before = this.requireTotp;
    // The box shows the choice while it is saved, and goes back if the server refuses it.
    this.requireTotp = requireTotp;
    return this.change(async () => {
      try {
        await this.api.patch('/v1/staff/settings', { requireTotp });
      } catch (error) {
        this.requireTotp = before;
        throw error;
      }
      return requireTotp
        ? msg('Two-step verification is now required for everyone.')
        : msg('Two-step verification is no longer required for everyone.');
    });
  }

  private async copyPassword(password: string, shown: Element | null): Promise<void> {
    this.copied = await copyText(password, shown);
    if (this.copied) this.announcement = msg('Temporary password copied.');
  }

  private renderHandover(handover: Handover) {
    return html`<section class="card panel" aria-labelledby="handover-title" data-handover>
      <h2 id="handover-title" tabindex="-1">${msg(str`Temporary password for ${handover.name}`)}</h2>
      <p>${msg('It is shown only this once. Give it to them in person; they must choose their own password when they first sign in.')}</p>
      <div class="row">
        <strong class="secret ltr" data-temporary-password>${handover.password}</strong>
        <button type="button" class="secondary" @click=${(event: Event) => this.copyPassword(handover.password, (event.currentTarget as Element).previousElementSibling)}>
          ${this.copied ? msg('Copied') : msg('Copy')}
        </button>
      </div>
      <div><button type="button" class="link" @click=${() => (this.handover = undefined)}>${msg('Done, hide it')}</button></div>
    </section>`;
  }

  private renderInvite() {
    const fields = inviteSummaryFields();
    const role = this.invite.text('role') as StaffRole | '';
    return html`<form novalidate class="card" @submit=${this.inviteAccount} aria-labelledby="invite-title">
      <h2 id="invite-title">${msg('Invite someone')}</h2>
      ${renderSummary(shownErrors(this.invite, INVITE_FIELDS, fields), this.renderRoot as ShadowRoot)}
      ${renderInput({ name: 'name', label: fields.name!.label, autocomplete: 'off', maxLength: 100 }, this.invite.text('name'), errorText(this.invite, 'name', fields), (value) => this.invite.set('name', value))}
      ${renderInput({ name: 'email', label: fields.email!.label, type: 'email', autocomplete: 'off', ltr: true, maxLength: 254 }, this.invite.text('email'), errorText(this.invite, 'email', fields), (value) => this.invite.set('email', value))}
      ${renderSelect(
        {
          name: 'role',
          label: fields.role!.label,
          hint: role ? roleDuty(role) : msg('Give the least the work needs.'),
        },
        role,
        [{ value: '', label: msg('Choose…') }, ...roleOptions()],
        errorText(this.invite, 'role', fields),
        (value) => this.invite.set('role', value),
      )}
      <div class="actions">
        <button type="submit" class="primary" aria-disabled=${this.busy ? 'true' : 'false'}>${msg('Create the account')}</button>
      </div>
    </form>`;
  }

  private renderSettings() {
    return html`<section class="card" aria-labelledby="settings-title">
      <h2 id="settings-title">${msg('Sign-in settings')}</h2>
      <label class="choice">
        <input type="checkbox" name="requireTotp" .checked=${live(this.requireTotp === true)} ?disabled=${this.requireTotp === undefined || this.busy} @change=${this.saveRequireTotp} />
        <span class="choice-text">
          <span>${msg('Require two-step verification (an authenticator app code) for everyone')}</span>
          <span class="hint">${msg('Those without it set it up at their next sign-in.')}</span>
        </span>
      </label>
    </section>`;
  }

  private renderManage(item: StaffAccountListItem) {
    const me = item.id === this.context?.account.id;
    return html`<section class="card" aria-labelledby="manage-title" data-manage>
      <h2 id="manage-title" tabindex="-1">${msg(str`Manage: ${item.name}`)}</h2>
      ${me ? html`<p class="notice">${msg('This is your own account: another administrator changes its role or disables it.')}</p>` : nothing}
      <div class="row">
        ${renderSelect({ name: 'manage-role', label: msg('Role'), hint: roleDuty(this.pendingRole ?? item.role) }, this.pendingRole ?? item.role, roleOptions(), undefined, (value) => (this.pendingRole = value as StaffRole))}
      </div>
      <div class="actions">
        <button type="button" class="secondary" data-do="role" ?disabled=${me || this.pendingRole === item.role} @click=${() => this.saveRole(item)}>${msg('Change the role')}</button>
        ${
          item.active
            ? html`<button type="button" class="secondary" data-do="disable" ?disabled=${me} @click=${() => this.setActive(item, false)}>${msg('Disable the account')}</button>`
            : html`<button type="button" class="secondary" data-do="enable" @click=${() => this.setActive(item, true)}>${msg('Enable the account')}</button>`
        }
        <button type="button" class="secondary" data-do="reset" @click=${() => (this.confirmingReset = true)}>${msg('Reset the password')}</button>
      </div>
      ${
        this.confirmingReset
          ? html`<div class="notice warning" role="group" aria-labelledby="reset-question">
            <p id="reset-question">${msg(str`Reset the password of ${item.name}? Their current password and their two-step verification stop working; they get a temporary password.`)}</p>
            <div class="actions">
              <button type="button" class="primary" data-do="confirm-reset" @click=${() => this.resetPassword(item)}>${msg('Yes, reset it')}</button>
              <button type="button" class="link" @click=${() => (this.confirmingReset = false)}>${msg('Cancel')}</button>
            </div>
          </div>`
          : nothing
      }
    </section>`;
  }

  private renderList() {
    if (!this.loaded) return html`<p class="muted">${msg('Loading…')}</p>`;
    return html`<table class="list" data-accounts>
      <caption>${msg(str`${this.items.length} accounts`)}</caption>
      <thead>
        <tr>
          <th scope="col">${msg('Name')}</th>
          <th scope="col">${msg('E-mail address')}</th>
          <th scope="col">${msg('Role')}</th>
          <th scope="col">${msg('Status')}</th>
          <th scope="col">${msg('Two-step verification')}</th>
          <th scope="col">${msg('Last sign-in')}</th>
          <th scope="col"><span class="visually-hidden">${msg('Actions')}</span></th>
        </tr>
      </thead>
      <tbody>
        ${this.items.map(
          (item) => html`<tr class=${item.id === this.selectedId ? 'selected' : ''} data-account=${item.email}>
            <th scope="row" data-label=${msg('Name')}>${item.name}</th>
            <td data-label=${msg('E-mail address')}><span class="ltr">${item.email}</span></td>
            <td data-label=${msg('Role')}>${roleLabel(item.role)}</td>
            <td data-label=${msg('Status')} data-active=${String(item.active)}>${item.active ? msg('Active') : html`<span class="badge late">${msg('Disabled')}</span>`}</td>
            <td data-label=${msg('Two-step verification')}>${item.totpEnabled ? msg('On') : msg('Off')}</td>
            <td data-label=${msg('Last sign-in')}>${item.lastSignInAt ? dateTime(item.lastSignInAt) : msg('Never')}</td>
            <td class="cell-actions" data-label=${msg('Actions')}>
              <button type="button" class="secondary small" aria-label=${msg(str`Manage ${item.name}`)} @click=${() => this.select(item)}>${msg('Manage')}</button>
            </td>
          </tr>`,
        )}
      </tbody>
    </table>`;
  }

  override render() {
    const selected = this.selected;
    return html`<div class="stack">
      <h1 tabindex="-1">${msg('Accounts')}</h1>
      ${this.failure ? html`<p class="notice warning" role="alert" data-failure>${this.failure}</p>` : nothing}
      ${this.handover ? this.renderHandover(this.handover) : nothing}
      <div class="cards">${this.renderInvite()} ${this.renderSettings()}</div>
      ${selected ? this.renderManage(selected) : nothing} ${this.renderList()}
      ${renderLiveRegion(this.announcement)}
    </div>`;
  }
}

StaffAccounts.define('sila-staff-accounts');

declare global {
  interface HTMLElementTagNameMap {
    'sila-staff-accounts': StaffAccounts;
  }
}
