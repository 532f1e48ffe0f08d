/**
 * The case view: the submission as this role receives it, documents, timeline, the due
 * date counting down, and the actions the server's `allowedActions` permits: status
 * change (with a note, internal unless ticked public), note, assignment, referral to the
 * committee, and the committee's decision.
 *
 * Every change sends the version the person saw. When someone else changed the case
 * first (409), the view shows what they did, takes the case as it now is, and keeps
 * everything typed so it can be sent again after a look.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import type { FormConfig } from '../../contract/form-config.js';
import { staffMessageList, type StaffMessage } from '../../contract/notifications.js';
import {
  staffSubmissionDetail,
  staffVersionConflict,
  type StaffSubmissionDetail,
  type StaffTimelineEntry,
} from '../../contract/staff.js';
import { assignableAccounts } from '../../contract/staff-auth.js';
import { FINAL_STATUSES, type Status } from '../../contract/status.js';
import { NOTE_REQUIRED } from '../../contract/workflow.js';
import { StaffApiError } from '../api.js';
import { dueText, shortDate } from '../format.js';
import { fieldMessage, renderSummary, renderTextarea, type ShownError } from '../form-parts.js';
import { associationConfig } from '../form-config.js';
import { channelLabel, kindLabel, statusLabel } from '../labels.js';
import { failureText } from '../messages.js';
import { StaffView } from '../staff-element.js';
import {
  renderAttachments,
  renderDecision,
  renderSubmission,
  renderTimeline,
  renderTimelineEntry,
} from './case-details.js';
import { renderMessages, type MessagesState } from './case-messages.js';
import { caseStyles } from './case.styles.js';

type ActionId = 'status' | 'note' | 'assign' | 'refer' | 'decision';

interface Drafts {
  status: { status: string; note: string; public: boolean };
  note: { text: string; public: boolean };
  assign: { assigneeId: string };
  refer: { note: string };
  decision: { decision: string; reason: string; publicNote: string };
}

const EMPTY: Drafts = {
  status: { status: '', note: '', public: false },
  note: { text: '', public: false },
  assign: { assigneeId: '' },
  refer: { note: '' },
  decision: { decision: '', reason: '', publicNote: '' },
};

const MINUTE_MS = 60_000;

export class StaffCase extends StaffView {
  static override styles = [...(StaffView.styles as []), caseStyles];

  @state() private detail?: StaffSubmissionDetail;
  @state() private loadFailure = '';
  @state() private drafts: Drafts = structuredClone(EMPTY);
  @state() private errors: Partial<Record<ActionId, Record<string, string>>> = {};
  @state() private failures: Partial<Record<ActionId, string>> = {};
  @state() private busy?: ActionId;
  @state() private conflict?: { changes: StaffTimelineEntry[] };
  @state() private announcement = '';
  @state() private people: { id: string; name: string }[] = [];
  @state() private config?: FormConfig;
  @state() private messages: MessagesState = {};
  private timer?: ReturnType<typeof setInterval>;

  private get reference(): string {
    return this.context?.params[0] ?? '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
    if (this.context) void associationConfig(this.context.api).then((config) => (this.config = config));
    // The countdown moves on while the case stays open on a desk.
    this.timer = setInterval(() => this.requestUpdate(), MINUTE_MS);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.timer);
  }

  private async load(): Promise<void> {
    if (!this.context) return;
    try {
      this.detail = await this.context.api.get(`/v1/staff/submissions/${encodeURIComponent(this.reference)}`, {
        schema: staffSubmissionDetail,
      });
      if (this.detail.allowedActions.assign && !this.people.length) void this.loadPeople();
      void this.loadMessages();
    } catch (error) {
      if (!(error instanceof StaffApiError)) throw error;
      this.loadFailure = failureText(error);
    }
  }

  private get messagesPath(): string {
    return `/v1/staff/submissions/${encodeURIComponent(this.reference)}/messages`;
  }

  private async loadMessages(): Promise<void> {
    try {
      const list = await this.context!.api.get(this.messagesPath, { schema: staffMessageList });
      this.messages = { ...this.messages, items: list.items, loadFailure: undefined };
    } catch (error) {
      if (!(error instanceof StaffApiError)) throw error;
      this.messages = { ...this.messages, loadFailure: failureText(error) };
    }
  }

  /** One resend at a time; a double click finds `sending` set and sends nothing. */
  private async resend(message: StaffMessage): Promise<void> {
    if (!this.context || this.messages.sending) return;
    this.messages = { ...this.messages, sending: message.id, failure: undefined };
    try {
      await this.context.api.post(`${this.messagesPath}/${encodeURIComponent(message.id)}/resend`, {});
      this.announcement = msg('The message was queued to be sent again.');
      await this.loadMessages();
    } catch (error) {
      if (!(error instanceof StaffApiError)) throw error;
      const text =
        error.code === 'message_pending'
          ? msg('This message is still being sent; wait for its outcome before resending it.')
          : failureText(error);
      this.messages = { ...this.messages, failure: { id: message.id, text } };
      void this.loadMessages();
    } finally {
      this.messages = { ...this.messages, sending: undefined };
    }
  }

  private async loadPeople(): Promise<void> {
    try {
      const people = await this.context!.api.get('/v1/staff/accounts/assignable', { schema: assignableAccounts });
      this.people = people.filter((person) => person.role === 'officer');
    } catch {
      this.people = [];
    }
  }

  private draft<A extends ActionId>(action: A, patch: Partial<Drafts[A]>): void {
    this.drafts = { ...this.drafts, [action]: { ...this.drafts[action], ...patch } };
    if (this.errors[action]) {
      const keys = Object.keys(patch);
      const left = Object.fromEntries(Object.entries(this.errors[action]!).filter(([key]) => !keys.includes(key)));
      this.errors = { ...this.errors, [action]: left };
    }
  }

  /** Checks done here so the person hears at once; the server checks the same again. */
  private check(action: ActionId): Record<string, string> {
    const errors: Record<string, string> = {};
    const required = fieldMessage('required');
    if (action === 'status') {
      const { status, note } = this.drafts.status;
      if (!status) errors.status = msg('Choose the new status.');
      else if (NOTE_REQUIRED.includes(status as Status) && note.trim().length < 2)
        errors.note = needsNoteText(status as Status);
    } else if (action === 'note') {
      if (!this.drafts.note.text.trim()) errors.text = required;
    } else if (action === 'decision') {
      const { decision, reason, publicNote } = this.drafts.decision;
      if (!decision) errors.decision = msg('Choose the decision.');
      if (reason.trim().length < 2) errors.reason = required;
      if (decision === 'rejected' && !publicNote.trim())
        errors.publicNote = msg('Tell the applicant why it was not accepted.');
    }
    return errors;
  }

  private body(action: ActionId): Record<string, unknown> {
    const version = this.detail!.version;
    const d = this.drafts;
    switch (action) {
      case 'status': {
        const forced = NOTE_REQUIRED.includes(d.status.status as Status);
        const note = d.status.note.trim();
        return { status: d.status.status, ...(note ? { note, notePublic: forced || d.status.public } : {}), version };
      }
      case 'note':
        return { text: d.note.text.trim(), public: d.note.public, version };
      case 'assign':
        return { assigneeId: d.assign.assigneeId || null, version };
      case 'refer':
        return { ...(d.refer.note.trim() ? { note: d.refer.note.trim() } : {}), version };
      case 'decision':
        return {
          decision: d.decision.decision,
          reason: d.decision.reason.trim(),
          ...(d.decision.publicNote.trim() ? { publicNote: d.decision.publicNote.trim() } : {}),
          version,
        };
    }
  }

  private async send(action: ActionId, event?: Event): Promise<void> {
    event?.preventDefault();
    if (!this.context || !this.detail || this.busy) return;
    const errors = this.check(action);
    this.errors = { ...this.errors, [action]: errors };
    this.failures = { ...this.failures, [action]: '' };
    if (Object.keys(errors).length) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(`#${action}-form .summary`)?.focus();
      return;
    }
    this.busy = action;
    try {
      await this.context.api.post(
        `/v1/staff/submissions/${encodeURIComponent(this.reference)}/${action === 'note' ? 'notes' : action}`,
        this.body(action),
      );
      this.drafts = { ...this.drafts, [action]: structuredClone(EMPTY[action]) };
      await this.load();
      this.conflict = undefined;
      this.announcement = doneText(action);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#status-line')?.focus();
    } catch (error) {
      await this.failed(action, error);
    } finally {
      this.busy = undefined;
    }
  }

  private async failed(action: ActionId, error: unknown): Promise<void> {
    if (!(error instanceof StaffApiError)) throw error;
    if (error.kind === 'conflict') {
      const parsed = staffVersionConflict.safeParse(error.problem);
      if (parsed.success) {
        this.detail = parsed.data.current;
        this.conflict = { changes: parsed.data.changes };
      } else {
        await this.load();
        this.conflict = { changes: [] };
      }
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#conflict')?.focus();
      return;
    }
    if (error.kind === 'validation' && error.fieldErrors.length) {
      this.errors = {
        ...this.errors,
        [action]: Object.fromEntries(error.fieldErrors.map((field) => [field.path, fieldMessage(field.code)])),
      };
    } else {
      this.failures = { ...this.failures, [action]: failureText(error) };
    }
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#${action}-form .summary`)?.focus();
  }

  private shownErrors(action: ActionId, labels: Record<string, string>): ShownError[] {
    const errors = this.errors[action] ?? {};
    const shown = Object.entries(errors).map(([name, message]) => ({
      name: `${action}-${name}`,
      label: labels[name] ?? name,
      message,
    }));
    const failure = this.failures[action];
    if (failure) shown.unshift({ name: `${action}-submit`, label: msg('Not saved'), message: failure });
    return shown;
  }

  private submitButton(action: ActionId, label: string): TemplateResult {
    return html`<div class="actions">
      <button type="submit" class="primary" id="${action}-submit" aria-disabled=${this.busy ? 'true' : 'false'}>
        ${this.busy === action ? msg('Saving…') : label}
      </button>
    </div>`;
  }

  private renderStatusForm(moves: Status[]): TemplateResult {
    const d = this.drafts.status;
    const forced = NOTE_REQUIRED.includes(d.status as Status);
    const errors = this.errors.status ?? {};
    const labels = { status: msg('New status'), note: msg('Note') };
    return html`<form id="status-form" class="card" novalidate @submit=${(event: Event) => this.send('status', event)} aria-labelledby="status-title">
      <h2 id="status-title">${msg('Change the status')}</h2>
      ${renderSummary(this.shownErrors('status', labels), this.renderRoot)}
      <div class="field ${errors.status ? 'has-error' : ''}">
        <label for="f-status-status">${labels.status}</label>
        ${errors.status ? html`<p class="error" id="f-status-status-error">${errors.status}</p>` : nothing}
        <select
          id="f-status-status"
          aria-invalid=${errors.status ? 'true' : 'false'}
          aria-describedby=${errors.status ? 'f-status-status-error' : nothing}
          @change=${(event: Event) => this.draft('status', { status: (event.target as HTMLSelectElement).value })}
        >
          <option value="" ?selected=${!d.status}>${msg('Choose…')}</option>
          ${moves.map((status) => html`<option value=${status} ?selected=${d.status === status}>${statusLabel(status)}</option>`)}
        </select>
      </div>
      ${renderTextarea(
        {
          name: 'status-note',
          label: labels.note,
          optional: !forced,
          hint: forced ? needsNoteText(d.status as Status) : msg('Staff only, unless you tick the box below.'),
          maxLength: 2000,
        },
        d.note,
        errors.note,
        (value) => this.draft('status', { note: value }),
      )}
      ${this.publicBox('status', forced || d.public, forced, (value) => this.draft('status', { public: value }))}
      ${this.submitButton('status', msg('Change the status'))}
    </form>`;
  }

  private publicBox(
    action: ActionId,
    checked: boolean,
    forced: boolean,
    onChange: (value: boolean) => void,
  ): TemplateResult {
    return html`<div class="check">
      <input
        type="checkbox"
        id="f-${action}-public"
        .checked=${checked}
        ?disabled=${forced}
        aria-describedby="f-${action}-public-hint"
        @change=${(event: Event) => onChange((event.target as HTMLInputElement).checked)}
      />
      <label for="f-${action}-public">${msg('Show this note to the applicant')}</label>
      <p class="hint" id="f-${action}-public-hint">
        ${forced ? msg('Required for this status: the applicant must know why.') : msg('They see it when they look up the status. Leave it unticked for notes meant for staff.')}
      </p>
    </div>`;
  }

  private renderNoteForm(): TemplateResult {
    const d = this.drafts.note;
    const labels = { text: msg('Note') };
    return html`<form id="note-form" class="card" novalidate @submit=${(event: Event) => this.send('note', event)} aria-labelledby="note-title">
      <h2 id="note-title">${msg('Add a note')}</h2>
      ${renderSummary(this.shownErrors('note', labels), this.renderRoot)}
      ${renderTextarea({ name: 'note-text', label: labels.text, maxLength: 2000 }, d.text, this.errors.note?.text, (value) => this.draft('note', { text: value }))}
      ${this.publicBox('note', d.public, false, (value) => this.draft('note', { public: value }))}
      ${this.submitButton('note', msg('Add the note'))}
    </form>`;
  }

  private renderAssignForm(): TemplateResult {
    const current = this.detail!.assignee?.id ?? '';
    const chosen = this.drafts.assign.assigneeId || current;
    const me = this.context!.account;
    const people = this.people.some((person) => person.id === me.id)
      ? this.people
      : [{ id: me.id, name: me.name }, ...this.people];
    return html`<form id="assign-form" class="card" novalidate @submit=${(event: Event) => this.send('assign', event)} aria-labelledby="assign-title">
      <h2 id="assign-title">${msg('Assignment')}</h2>
      ${renderSummary(this.shownErrors('assign', {}), this.renderRoot)}
      <div class="field">
        <label for="f-assign-assigneeId">${msg('Assigned to')}</label>
        <select id="f-assign-assigneeId" @change=${(event: Event) => this.draft('assign', { assigneeId: (event.target as HTMLSelectElement).value })}>
          <option value="" ?selected=${!chosen}>${msg('Nobody')}</option>
          ${people.map((person) => html`<option value=${person.id} ?selected=${chosen === person.id}>${person.id === me.id ? msg(str`${person.name} (me)`) : person.name}</option>`)}
        </select>
      </div>
      ${this.submitButton('assign', msg('Save the assignment'))}
    </form>`;
  }

  private renderReferForm(): TemplateResult {
    return html`<form id="refer-form" class="card" novalidate @submit=${(event: Event) => this.send('refer', event)} aria-labelledby="refer-title">
      <h2 id="refer-title">${msg('Referral to the committee')}</h2>
      <p class="hint">${msg('The social research committee studies the request and decides. The applicant sees that it was referred, not this note.')}</p>
      ${renderSummary(this.shownErrors('refer', { note: msg('Note for the committee') }), this.renderRoot)}
      ${renderTextarea(
        { name: 'refer-note', label: msg('Note for the committee'), optional: true, maxLength: 2000 },
        this.drafts.refer.note,
        this.errors.refer?.note,
        (value) => this.draft('refer', { note: value }),
      )}
      ${this.submitButton('refer', msg('Refer to the committee'))}
    </form>`;
  }

  private renderDecisionForm(): TemplateResult {
    const d = this.drafts.decision;
    const errors = this.errors.decision ?? {};
    const labels = {
      decision: msg('Decision'),
      reason: msg('Reason (internal)'),
      publicNote: msg('Note to the applicant'),
    };
    return html`<form id="decision-form" class="card" novalidate @submit=${(event: Event) => this.send('decision', event)} aria-labelledby="decision-form-title">
      <h2 id="decision-form-title">${msg('Committee decision')}</h2>
      ${renderSummary(this.shownErrors('decision', labels), this.renderRoot)}
      <fieldset class="group ${errors.decision ? 'has-error' : ''}" aria-describedby=${errors.decision ? 'f-decision-decision-error' : nothing}>
        <legend>${labels.decision}</legend>
        ${errors.decision ? html`<p class="error" id="f-decision-decision-error">${errors.decision}</p>` : nothing}
        <div class="choices inline">
          ${(['accepted', 'rejected'] as const).map(
            (value, index) => html`<label class="choice">
              <input
                type="radio"
                name="decision"
                id=${index === 0 ? 'f-decision-decision' : `f-decision-${value}`}
                value=${value}
                .checked=${d.decision === value}
                @change=${() => this.draft('decision', { decision: value })}
              />
              <span>${value === 'accepted' ? msg('Accept the request') : msg('Do not accept')}</span>
            </label>`,
          )}
        </div>
      </fieldset>
      ${renderTextarea(
        {
          name: 'decision-reason',
          label: labels.reason,
          hint: msg('For the association’s records; the applicant does not see it.'),
          maxLength: 2000,
        },
        d.reason,
        errors.reason,
        (value) => this.draft('decision', { reason: value }),
      )}
      ${renderTextarea(
        {
          name: 'decision-publicNote',
          label: labels.publicNote,
          optional: d.decision !== 'rejected',
          hint: msg(
            'The applicant reads this when they look up the status. Required when the request is not accepted.',
          ),
          maxLength: 2000,
        },
        d.publicNote,
        errors.publicNote,
        (value) => this.draft('decision', { publicNote: value }),
      )}
      ${this.submitButton('decision', msg('Record the decision'))}
    </form>`;
  }

  private renderConflict(): TemplateResult | typeof nothing {
    if (!this.conflict) return nothing;
    return html`<div id="conflict" class="notice warning" role="alert" tabindex="-1">
      <h2>${msg('Someone else changed this case while you were working on it')}</h2>
      <p>${msg('Nothing you typed is lost. The case below is as it is now: check it, then send your change again if it still applies.')}</p>
      ${
        this.conflict.changes.length
          ? html`<ol class="timeline">
            ${this.conflict.changes.map(renderTimelineEntry)}
          </ol>`
          : nothing
      }
    </div>`;
  }

  private renderHead(detail: StaffSubmissionDetail): TemplateResult {
    const open = !FINAL_STATUSES.includes(detail.status);
    const due = detail.dueAt && open ? dueText(detail.dueAt, detail.overdue, detail.dueSoon) : undefined;
    const pair = (label: string, value: unknown) => html`<div><dt>${label}</dt><dd>${value}</dd></div>`;
    return html`<div id="status-line" class="status-line" tabindex="-1">
      <dl class="pairs">
        ${pair(msg('Status'), html`<span class="badge">${statusLabel(detail.status)}</span>`)}
        ${
          due
            ? pair(
                msg('Due date'),
                html`<span class="badge ${due.tone === 'ok' ? '' : due.tone}">${due.text}</span>
                <span class="muted nowrap">${shortDate(detail.dueAt!)}</span>`,
              )
            : nothing
        }
        ${pair(msg('Assigned to'), detail.assignee?.name ?? msg('Nobody'))} ${pair(msg('Channel'), channelLabel(detail.channel))}
        ${pair(msg('Received on'), html`<span class="nowrap">${shortDate(detail.receivedAt)}</span>`)}
      </dl>
    </div>`;
  }

  override render() {
    const back = this.context?.account.role === 'committee' ? '#/committee' : '#/inbox';
    const detail = this.detail;
    // One heading element whatever is loaded, so the focus the shell put on it stays.
    return html`<div class="stack">
      <a href=${back} class="back">${msg('Back to the list')}</a>
      <h1 tabindex="-1">${detail ? `${kindLabel(detail.kind)} ` : ''}<span class="ltr nowrap">${detail?.reference ?? this.reference}</span></h1>
      ${detail ? this.renderCase(detail) : this.loadFailure ? html`<p class="notice warning" role="alert">${this.loadFailure}</p>` : html`<p class="muted">${msg('Loading…')}</p>`}
    </div>`;
  }

  private renderCase(detail: StaffSubmissionDetail): TemplateResult {
    const actions = detail.allowedActions;
    const hasActions = actions.status.length || actions.note || actions.assign || actions.refer || actions.decision;
    return html`${this.renderHead(detail)} ${this.renderConflict()}
      <p class="visually-hidden" role="status">${this.announcement}</p>
      <div class="case-grid ${hasActions ? '' : 'single'}">
        <div class="stack">${renderSubmission(detail, this.config)} ${renderAttachments(detail, this.context!.api)} ${renderDecision(detail)}
          ${renderMessages(this.messages, this.context!.account.role === 'officer', (message) => void this.resend(message))} ${renderTimeline(detail)}</div>
        ${
          hasActions
            ? html`<aside class="stack" aria-label=${msg('Actions')}>
              ${actions.decision ? this.renderDecisionForm() : nothing} ${actions.status.length ? this.renderStatusForm(actions.status) : nothing}
              ${actions.refer ? this.renderReferForm() : nothing} ${actions.note ? this.renderNoteForm() : nothing}
              ${actions.assign ? this.renderAssignForm() : nothing}
            </aside>`
            : nothing
        }
      </div>`;
  }
}

function needsNoteText(status: Status): string {
  return status === 'needs_info'
    ? msg('Write what the applicant must send or answer; they see this note.')
    : msg('Write why it was not accepted; the applicant sees this note.');
}

function doneText(action: ActionId): string {
  switch (action) {
    case 'status':
      return msg('The status was changed.');
    case 'note':
      return msg('The note was added.');
    case 'assign':
      return msg('The assignment was saved.');
    case 'refer':
      return msg('The request was referred to the committee.');
    case 'decision':
      return msg('The decision was recorded.');
  }
}

StaffCase.define('sila-staff-case');
