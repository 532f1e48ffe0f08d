/**
 * What the inbox and the committee queue share: tabs with counts, filters, a search box
 * (reference, name, mobile, national ID: the server normalizes Arabic), sort, keyset
 * "more" paging and the table. Filters and search live in the view, never in the
 * address (a name or an ID in a URL ends up in histories and logs).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { STATUSES, FINAL_STATUSES } from '../../contract/status.js';
import {
  SUBMISSION_KINDS,
  STAFF_SORTS,
  staffCaseCounts,
  staffSubmissionList,
  type StaffCaseCounts,
  type StaffSort,
  type StaffSubmissionSummary,
} from '../../contract/staff.js';
import { assignableAccounts } from '../../contract/staff-auth.js';
import { formatNumber } from '../../core/i18n.js';
import { StaffApiError, type QueryValue } from '../api.js';
import { dueText, shortDate } from '../format.js';
import { CHANNELS, channelLabel, kindLabel, statusLabel } from '../labels.js';
import { failureText } from '../messages.js';
import { StaffView } from '../staff-element.js';
import { caseTableStyles } from './case-list.styles.js';

export interface ListTab {
  id: string;
  label: () => string;
  /** Which count of GET …/counts belongs to this tab, if any. */
  count?: keyof Omit<StaffCaseCounts, 'limit'>;
  query: Record<string, QueryValue>;
}

interface Filters {
  q: string;
  kind: string;
  status: string;
  channel: string;
  assignee: string;
  due: string;
  from: string;
  to: string;
  sort: StaffSort;
}

const EMPTY: Filters = {
  q: '',
  kind: '',
  status: '',
  channel: '',
  assignee: '',
  due: '',
  from: '',
  to: '',
  sort: '-received',
};
const PAGE = 25;

export abstract class CaseList extends StaffView {
  static override styles = [...(StaffView.styles as []), caseTableStyles];

  @state() protected tab = '';
  @state() private filters: Filters = { ...EMPTY };
  @state() private applied: Filters = { ...EMPTY };
  @state() private items: StaffSubmissionSummary[] = [];
  @state() private nextCursor?: string;
  @state() private counts?: StaffCaseCounts;
  @state() private loading = false;
  @state() private failure = '';
  @state() private filterErrors: Record<string, string> = {};
  @state() private people: { id: string; name: string }[] = [];
  @state() private announcement = '';

  protected abstract heading(): string;
  protected abstract tabs(): ListTab[];
  /** Whether the assignee filter is offered (roles that assign). */
  protected showAssignee(): boolean {
    return this.context?.account.role === 'officer';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.tab ||= this.tabs()[0]?.id ?? '';
    void this.load(false);
    void this.loadCounts();
    if (this.showAssignee()) void this.loadPeople();
  }

  private async loadCounts(): Promise<void> {
    if (!this.context || !this.tabs().some((tab) => tab.count)) return;
    try {
      this.counts = await this.context.api.get('/v1/staff/submissions/counts', { schema: staffCaseCounts });
    } catch {
      this.counts = undefined; // the tabs still work without their numbers
    }
  }

  private async loadPeople(): Promise<void> {
    try {
      this.people = (
        await this.context!.api.get('/v1/staff/accounts/assignable', { schema: assignableAccounts })
      ).filter((person) => person.role === 'officer');
    } catch {
      this.people = [];
    }
  }

  private query(cursor?: string): Record<string, QueryValue> {
    const f = this.applied;
    const tab = this.tabs().find((entry) => entry.id === this.tab);
    return {
      ...tab?.query,
      ...(f.q.trim() ? { q: f.q.trim() } : {}),
      ...(f.kind ? { kind: f.kind } : {}),
      ...(f.status ? { status: f.status } : {}),
      ...(f.channel ? { channel: f.channel } : {}),
      ...(f.assignee ? { assignee: f.assignee } : {}),
      ...(f.due === 'overdue' ? { overdue: 'true' } : f.due === 'soon' ? { dueSoon: 'true' } : {}),
      ...(f.from ? { from: f.from } : {}),
      ...(f.to ? { to: f.to } : {}),
      ...(f.sort !== '-received' ? { sort: f.sort } : {}),
      limit: PAGE,
      ...(cursor ? { cursor } : {}),
    };
  }

  /** Only the latest list asked for is shown (a tab clicked while another loads wins). */
  private loadId = 0;

  private async load(more: boolean): Promise<void> {
    if (!this.context || (more && this.loading)) return;
    const id = ++this.loadId;
    this.loading = true;
    this.failure = '';
    const firstNew = more ? this.items.length : 0;
    try {
      const page = await this.context.api.get('/v1/staff/submissions', {
        query: this.query(more ? this.nextCursor : undefined),
        schema: staffSubmissionList,
      });
      if (id !== this.loadId) return;
      this.items = more ? [...this.items, ...page.items] : page.items;
      this.nextCursor = page.nextCursor;
      this.announcement =
        this.items.length === 0 ? msg('No cases match.') : msg(str`${formatNumber(this.items.length)} cases shown.`);
      if (more) {
        await this.updateComplete;
        this.renderRoot.querySelectorAll<HTMLElement>('tbody a.case-link')[firstNew]?.focus();
      }
    } catch (error) {
      if (!(error instanceof StaffApiError)) throw error;
      if (id !== this.loadId) return;
      if (error.kind === 'validation' && error.fieldErrors.length) {
        this.filterErrors = Object.fromEntries(error.fieldErrors.map((field) => [field.path, fieldText(field.code)]));
      }
      this.failure = failureText(error);
    } finally {
      if (id === this.loadId) this.loading = false;
    }
  }

  private selectTab(id: string): void {
    if (id === this.tab) return;
    this.tab = id;
    this.nextCursor = undefined;
    void this.load(false);
    void this.loadCounts();
  }

  private onTabKey(event: KeyboardEvent): void {
    const keys = ['ArrowLeft', 'ArrowRight', 'Home', 'End'];
    if (!keys.includes(event.key)) return;
    event.preventDefault();
    const tabs = this.tabs();
    const index = tabs.findIndex((tab) => tab.id === this.tab);
    const rtl = this.getAttribute('dir') === 'rtl';
    const step = (event.key === 'ArrowRight') !== rtl ? 1 : -1;
    const next =
      event.key === 'Home' ? 0 : event.key === 'End' ? tabs.length - 1 : (index + step + tabs.length) % tabs.length;
    this.selectTab(tabs[next]!.id);
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#tab-${tabs[next]!.id}`)?.focus());
  }

  private apply(event: Event): void {
    event.preventDefault();
    this.filterErrors = {};
    if (this.filters.from && this.filters.to && this.filters.from > this.filters.to) {
      this.filterErrors = { to: msg('The end date is before the start date.') };
      return;
    }
    this.applied = { ...this.filters };
    void this.load(false);
  }

  private clear(): void {
    this.filters = { ...EMPTY };
    this.applied = { ...EMPTY };
    this.filterErrors = {};
    void this.load(false);
  }

  private set<K extends keyof Filters>(key: K, value: Filters[K]): void {
    this.filters = { ...this.filters, [key]: value };
  }

  private countText(tab: ListTab): string {
    if (!tab.count || !this.counts) return '';
    const value = this.counts[tab.count];
    return value > this.counts.limit ? `${formatNumber(this.counts.limit)}+` : formatNumber(value);
  }

  private renderTabs(): TemplateResult {
    return html`<div class="tabs" role="tablist" aria-label=${msg('Case lists')} @keydown=${this.onTabKey}>
      ${this.tabs().map((tab) => {
        const selected = tab.id === this.tab;
        const count = this.countText(tab);
        return html`<button
          type="button"
          role="tab"
          id="tab-${tab.id}"
          aria-selected=${selected ? 'true' : 'false'}
          aria-controls="cases"
          tabindex=${selected ? '0' : '-1'}
          @click=${() => this.selectTab(tab.id)}
        >
          ${tab.label()}${count ? html` <span class="count">${count}</span>` : nothing}
        </button>`;
      })}
    </div>`;
  }

  private select(name: keyof Filters, label: string, options: { value: string; label: string }[]): TemplateResult {
    return html`<div class="field">
      <label for="filter-${name}">${label}</label>
      <select id="filter-${name}" @change=${(event: Event) => this.set(name, (event.target as HTMLSelectElement).value as never)}>
        ${options.map((option) => html`<option value=${option.value} ?selected=${this.filters[name] === option.value}>${option.label}</option>`)}
      </select>
    </div>`;
  }

  private dateField(name: 'from' | 'to', label: string): TemplateResult {
    const error = this.filterErrors[name];
    return html`<div class="field ${error ? 'has-error' : ''}">
      <label for="filter-${name}">${label}</label>
      ${error ? html`<p class="error" id="filter-${name}-error">${error}</p>` : nothing}
      <input
        id="filter-${name}"
        type="date"
        .value=${this.filters[name]}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${error ? `filter-${name}-error` : nothing}
        @input=${(event: Event) => this.set(name, (event.target as HTMLInputElement).value)}
      />
    </div>`;
  }

  private renderFilters(): TemplateResult {
    const any = { value: '', label: msg('Any') };
    const qError = this.filterErrors.q;
    const active = (['kind', 'status', 'channel', 'assignee', 'due', 'from', 'to'] as const).filter(
      (key) => this.applied[key],
    ).length;
    return html`<form class="filters card" role="search" aria-label=${msg('Search and filters')} novalidate @submit=${this.apply}>
      <div class="search-row">
        <div class="field search ${qError ? 'has-error' : ''}">
          <label for="filter-q">${msg('Search')}</label>
          <p class="hint" id="filter-q-hint">${msg('Reference number, name, mobile number or national ID.')}</p>
          ${qError ? html`<p class="error" id="filter-q-error">${qError}</p>` : nothing}
          <input
            id="filter-q"
            type="search"
            maxlength="100"
            .value=${this.filters.q}
            aria-describedby=${qError ? 'filter-q-hint filter-q-error' : 'filter-q-hint'}
            aria-invalid=${qError ? 'true' : 'false'}
            @input=${(event: Event) => this.set('q', (event.target as HTMLInputElement).value)}
          />
        </div>
        <button type="submit" class="primary">${msg('Search')}</button>
      </div>
      <details ?open=${active > 0}>
        <summary>${active ? msg(str`Filters (${formatNumber(active)} in use)`) : msg('Filters and order')}</summary>
        <div class="filter-grid">
          ${this.select('kind', msg('Type'), [any, ...SUBMISSION_KINDS.map((kind) => ({ value: kind, label: kindLabel(kind) }))])}
          ${this.select('status', msg('Status'), [any, ...STATUSES.map((status) => ({ value: status, label: statusLabel(status) }))])}
          ${this.select('channel', msg('Channel'), [any, ...CHANNELS.map((channel) => ({ value: channel, label: channelLabel(channel) }))])}
          ${
            this.showAssignee()
              ? this.select('assignee', msg('Assigned to'), [
                  any,
                  { value: 'me', label: msg('Me') },
                  { value: 'none', label: msg('Nobody') },
                  ...this.people
                    .filter((person) => person.id !== this.context?.account.id)
                    .map((person) => ({ value: person.id, label: person.name })),
                ])
              : nothing
          }
          ${this.select('due', msg('Due date'), [any, { value: 'overdue', label: msg('Overdue cases') }, { value: 'soon', label: msg('Due soon') }])}
          ${this.dateField('from', msg('Received from'))} ${this.dateField('to', msg('Received until'))}
          ${this.select(
            'sort',
            msg('Sort'),
            STAFF_SORTS.map((sort) => ({
              value: sort,
              label:
                sort === '-received'
                  ? msg('Newest first')
                  : sort === 'received'
                    ? msg('Oldest first')
                    : msg('Due soonest first'),
            })),
          )}
        </div>
        <div class="actions">
          <button type="submit" class="primary">${msg('Show cases')}</button>
          <button type="button" class="secondary" @click=${this.clear}>${msg('Clear filters')}</button>
        </div>
      </details>
    </form>`;
  }

  private renderRow(item: StaffSubmissionSummary): TemplateResult {
    const open = !FINAL_STATUSES.includes(item.status);
    const due = item.dueAt && open ? dueText(item.dueAt, item.overdue, item.dueSoon) : undefined;
    return html`<tr>
      <td data-label=${msg('Reference number')}>
        <a class="case-link ltr nowrap" href="#/case/${encodeURIComponent(item.reference)}">${item.reference}</a>
      </td>
      <td data-label=${msg('Name')}>${item.name ?? html`<span class="muted">${msg('Not given')}</span>`}</td>
      <td data-label=${msg('Type')}>${kindLabel(item.kind)}</td>
      <td data-label=${msg('Status')}><span class="badge">${statusLabel(item.status)}</span></td>
      <td data-label=${msg('Channel')}>${channelLabel(item.channel)}</td>
      <td data-label=${msg('Received on')}><span class="nowrap">${shortDate(item.receivedAt)}</span></td>
      <td data-label=${msg('Due date')}>
        ${due ? html`<span class="badge ${due.tone === 'ok' ? '' : due.tone}">${due.text}</span>` : html`<span class="muted">–</span>`}
      </td>
      <td data-label=${msg('Assigned to')}>${item.assignee?.name ?? html`<span class="muted">${msg('Nobody')}</span>`}</td>
    </tr>`;
  }

  private renderTable(): TemplateResult {
    if (!this.items.length) {
      return this.loading
        ? html`<p class="muted">${msg('Loading…')}</p>`
        : html`<p class="notice">${msg('No cases match.')}</p>`;
    }
    return html`<table class="cases">
      <caption class="visually-hidden">${this.heading()}</caption>
      <thead>
        <tr>
          <th scope="col">${msg('Reference number')}</th>
          <th scope="col">${msg('Name')}</th>
          <th scope="col">${msg('Type')}</th>
          <th scope="col">${msg('Status')}</th>
          <th scope="col">${msg('Channel')}</th>
          <th scope="col">${msg('Received on')}</th>
          <th scope="col">${msg('Due date')}</th>
          <th scope="col">${msg('Assigned to')}</th>
        </tr>
      </thead>
      <tbody>
        ${this.items.map((item) => this.renderRow(item))}
      </tbody>
    </table>`;
  }

  override render() {
    return html`<div class="stack">
      <h1 tabindex="-1">${this.heading()}</h1>
      ${this.renderTabs()} ${this.renderFilters()}
      <section id="cases" role="tabpanel" aria-labelledby="tab-${this.tab}" aria-busy=${this.loading ? 'true' : 'false'} class="stack">
        ${this.failure ? html`<p class="notice warning" role="alert">${this.failure}</p>` : nothing} ${this.renderTable()}
        ${
          this.nextCursor
            ? html`<div class="actions">
              <button type="button" class="secondary" aria-disabled=${this.loading ? 'true' : 'false'} @click=${() => this.load(true)}>
                ${this.loading ? msg('Loading…') : msg('Show more')}
              </button>
            </div>`
            : nothing
        }
      </section>
      <p class="visually-hidden" role="status">${this.announcement}</p>
    </div>`;
  }
}

function fieldText(code: string): string {
  return code === 'too_long' ? msg('This is too long.') : msg('Check this answer.');
}
