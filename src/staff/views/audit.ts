/**
 * The audit log (admin): who did what, when, to what, from which address. Filters by
 * dates, person, action and target; "more" follows the server's keyset cursor; the CSV
 * link downloads the same filtered log (a plain link: the cookie goes with it).
 */
import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { auditPage, staffAccountList, type AuditPage } from '../../contract/staff-auth.js';
import { formatReference, isReference } from '../../contract/identifiers.js';
import { FormController } from '../../core/form-controller.js';
import { renderLiveRegion } from '../../core/live-region.js';
import { StaffApiError, type QueryValue } from '../api.js';
import { focusSummary, renderInput, renderSelect, renderSummary } from '../form-parts.js';
import { roleLabel } from '../labels.js';
import { dateTime } from '../format.js';
import { failureText } from '../messages.js';
import type { StaffRole } from '../session-schema.js';
import { StaffView } from '../staff-element.js';
import { errorText, shownErrors } from './accounts-errors.js';
import { adminGridStyles, adminTableStyles } from './accounts-table.styles.js';
import {
  AUDIT_ACTIONS,
  EMPTY_FILTERS,
  FILTER_FIELDS,
  actionLabel,
  detailPairs,
  filterSummaryFields,
  filtersToQuery,
  validateFilters,
} from './audit-model.js';

type Entry = AuditPage['items'][number];

const PAGE_SIZE = 50;

export class StaffAudit extends StaffView {
  static override styles = [...(StaffView.styles as []), adminTableStyles, adminGridStyles];

  @state() private items: Entry[] = [];
  @state() private nextCursor: string | null = null;
  @state() private loading = false;
  @state() private loaded = false;
  @state() private people: { value: string; label: string }[] = [];
  @state() private applied: Record<string, QueryValue> = {};
  @state() private failure = '';
  @state() private announcement = '';

  private readonly filters = new FormController<unknown>(this, { initial: EMPTY_FILTERS, validate: validateFilters });

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load(false);
    void this.context?.api
      .get('/v1/staff/accounts', { schema: staffAccountList })
      .then((list) => (this.people = list.items.map((item) => ({ value: item.id, label: item.name }))))
      .catch(() => {});
  }

  /** The first page for the applied filters, or the next one ("more"). */
  private async load(more: boolean): Promise<void> {
    const api = this.context?.api;
    if (!api || this.loading) return;
    this.loading = true;
    this.failure = '';
    try {
      const query = { ...this.applied, limit: PAGE_SIZE, cursor: more ? this.nextCursor : undefined };
      const page = await api.get('/v1/staff/audit', { query, schema: auditPage });
      this.items = more ? [...this.items, ...page.items] : page.items;
      this.nextCursor = page.nextCursor;
      this.loaded = true;
      this.announcement = msg(str`${this.items.length} entries shown.`);
    } catch (error) {
      if (error instanceof StaffApiError && error.fieldErrors.length > 0) {
        this.filters.setServerErrors(error.fieldErrors);
        void focusSummary(this);
      } else {
        this.failure = failureText(error instanceof StaffApiError ? error : new StaffApiError('invalid_response'));
        this.announcement = this.failure;
      }
    } finally {
      this.loading = false;
    }
  }

  private async applyFilters(event: Event): Promise<void> {
    event.preventDefault();
    const validation = this.filters.attemptSubmit();
    if (!validation.ok) {
      await focusSummary(this);
      return;
    }
    this.applied = filtersToQuery(this.filters.values);
    await this.load(false);
  }

  private async clearFilters(): Promise<void> {
    this.filters.reset();
    this.applied = {};
    await this.load(false);
  }

  private personOptions() {
    return [
      { value: '', label: msg('Everyone') },
      ...this.people,
      { value: 'api-token', label: msg('Integration (API token)') },
    ];
  }

  private renderFilters() {
    const fields = filterSummaryFields();
    const form = this.filters;
    const input = (name: 'from' | 'to' | 'target', type: 'date' | 'text') =>
      renderInput(
        {
          name,
          label: fields[name]!.label,
          type,
          ltr: type === 'text',
          maxLength: type === 'text' ? 200 : undefined,
          optional: true,
        },
        form.text(name),
        errorText(form, name, fields),
        (value) => form.set(name, value),
      );
    return html`<form novalidate class="card filters" @submit=${this.applyFilters} aria-labelledby="filters-title">
      <h2 id="filters-title">${msg('Filters')}</h2>
      ${renderSummary(shownErrors(form, FILTER_FIELDS, fields), this.renderRoot as ShadowRoot)}
      <div class="filter-grid">
        ${input('from', 'date')} ${input('to', 'date')}
        ${renderSelect({ name: 'actor', label: fields.actor!.label }, form.text('actor'), this.personOptions(), errorText(form, 'actor', fields), (value) => form.set('actor', value))}
        ${renderSelect(
          { name: 'action', label: fields.action!.label },
          form.text('action'),
          [
            { value: '', label: msg('All actions') },
            ...AUDIT_ACTIONS.map((action) => ({ value: action, label: actionLabel(action) })),
          ],
          errorText(form, 'action', fields),
          (value) => form.set('action', value),
        )}
        ${input('target', 'text')}
      </div>
      <div class="actions">
        <button type="submit" class="primary">${msg('Apply the filters')}</button>
        <button type="button" class="link" @click=${this.clearFilters}>${msg('Clear the filters')}</button>
      </div>
    </form>`;
  }

  private renderActor(entry: Entry) {
    if (entry.actorLabel === 'api-token') return msg('Integration (API token)');
    if (entry.actorLabel === 'anonymous') return msg('Not signed in');
    // One element per cell: at 768 px a cell is a grid of its label and one value.
    return html`<span>${entry.actorLabel}${entry.actorRole ? html`<br /><span class="muted">${roleLabel(entry.actorRole as StaffRole)}</span>` : nothing}</span>`;
  }

  /** A case by its reference as people write it, an account by its name, anything else as recorded. */
  private renderTarget(target: string | null) {
    if (!target) return nothing;
    if (isReference(target)) return html`<span class="ltr">${formatReference(target)}</span>`;
    const person = this.people.find((item) => item.value === target);
    return person ? person.label : html`<span class="ltr">${target}</span>`;
  }

  private renderTable() {
    if (!this.loaded) return html`<p class="muted">${msg('Loading…')}</p>`;
    if (this.items.length === 0) return html`<p class="status-line">${msg('No entries match these filters.')}</p>`;
    return html`<table class="list" data-audit>
      <caption>${msg('Audit log')}</caption>
      <thead>
        <tr>
          <th scope="col">${msg('When')}</th>
          <th scope="col">${msg('Person')}</th>
          <th scope="col">${msg('Action')}</th>
          <th scope="col">${msg('Target')}</th>
          <th scope="col">${msg('Address')}</th>
          <th scope="col">${msg('Details')}</th>
        </tr>
      </thead>
      <tbody>
        ${this.items.map(
          (entry) => html`<tr data-action=${entry.action}>
            <td data-label=${msg('When')} class="nowrap">${dateTime(entry.at)}</td>
            <td data-label=${msg('Person')}>${this.renderActor(entry)}</td>
            <td data-label=${msg('Action')}>${actionLabel(entry.action)}</td>
            <td data-label=${msg('Target')}>${this.renderTarget(entry.target)}</td>
            <td data-label=${msg('Address')}><span class="ltr">${entry.ip}</span></td>
            <td data-label=${msg('Details')}><span>${detailPairs(entry.details).map((pair, index) => html`${index ? html`<br />` : nothing}<span class="ltr">${pair}</span>`)}</span></td>
          </tr>`,
        )}
      </tbody>
    </table>`;
  }

  override render() {
    const csv = this.context?.api.url('/v1/staff/audit.csv', this.applied) ?? '';
    return html`<div class="stack">
      <div class="row spread">
        <h1 tabindex="-1">${msg('Audit log')}</h1>
        <a class="button secondary" href=${csv} download data-csv>${msg('Download CSV (these filters)')}</a>
      </div>
      ${this.renderFilters()}
      ${this.failure ? html`<p class="notice warning" role="alert">${this.failure}</p>` : nothing}
      ${this.renderTable()}
      ${
        this.nextCursor
          ? html`<div><button type="button" class="secondary" aria-disabled=${this.loading ? 'true' : 'false'} @click=${() => this.load(true)}>${msg('Show more')}</button></div>`
          : nothing
      }
      ${renderLiveRegion(this.announcement)}
    </div>`;
  }
}

StaffAudit.define('sila-staff-audit');

declare global {
  interface HTMLElementTagNameMap {
    'sila-staff-audit': StaffAudit;
  }
}
