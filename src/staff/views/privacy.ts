/**
 * Personal data (admin): a person's rights under the PDPL. Find every case held about
 * them by national ID, mobile or reference number; see what each holds; download it all
 * (JSON or CSV); correct a field; erase a case's personal data after typing its reference
 * again. The person is sent in the request body, never in the address; the server writes
 * an audit row for every search, download and change.
 */
import { css, html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { formatReference } from '../../contract/identifiers.js';
import { privacyCase, privacySearchResult, type PrivacyCase } from '../../contract/privacy.js';
import { FormController } from '../../core/form-controller.js';
import { formatNumber } from '../../core/i18n.js';
import { renderLiveRegion } from '../../core/live-region.js';
import type { SummaryField } from '../../fields/error-summary.js';
import { StaffApiError } from '../api.js';
import { focusSummary, renderInput, renderSelect, renderSummary, type ShownError } from '../form-parts.js';
import { dateTime, shortDate } from '../format.js';
import { kindLabel, statusLabel } from '../labels.js';
import { failureText } from '../messages.js';
import { StaffView } from '../staff-element.js';
import {
  EMPTY_SEARCH,
  SEARCH_BY,
  correctionFields,
  fieldLabel,
  privacyCodeText,
  searchBody,
  searchByLabel,
  searchSummaryFields,
  validateCorrection,
  validateErasure,
  validateSearch,
  type SearchBy,
} from './privacy-model.js';

/** Values that read left to right (numbers, e-mail, dates). */
const LTR_FIELDS = ['nationalId', 'mobile', 'email', 'birthDate'];
const FIELD_ORDER = ['fullName', 'name', 'nationalId', 'mobile', 'email', 'city', 'birthDate'];
const fieldRank = (field: string) => (FIELD_ORDER.includes(field) ? FIELD_ORDER.indexOf(field) : FIELD_ORDER.length);

type Open = { reference: string; action: 'correct' | 'erase' } | undefined;

/** The errors of a form in words, for its summary and its fields. */
function shown(form: FormController<unknown>, order: readonly string[], fields: Record<string, SummaryField>) {
  const errorText = (name: string) => {
    const error = form.errorFor(name);
    return error ? privacyCodeText(error.code, fields[name]) : undefined;
  };
  const summary: ShownError[] = form.submitAttempted
    ? form.visibleErrors(order).map((error) => ({
        name: error.path,
        label: fields[error.path]?.label ?? error.path,
        message: privacyCodeText(error.code, fields[error.path]),
      }))
    : [];
  return { errorText, summary };
}

export class StaffPrivacy extends StaffView {
  static override styles = [
    ...(StaffView.styles as []),
    css`
      .search {
        display: grid;
        gap: 0 var(--_space);
        grid-template-columns: repeat(auto-fit, minmax(min(100%, 14rem), 1fr));
        align-items: end;
      }
      .cases {
        display: grid;
        gap: var(--_space);
      }
      h3 {
        margin: 0;
        font-size: 1.125rem;
      }
      .held {
        margin: 0;
      }
      form h4 {
        margin: 0;
        font-size: 1rem;
      }
      .danger {
        border-inline-start: 4px solid var(--sila-color-danger, #b42318);
      }
    `,
  ];

  @state() private cases?: PrivacyCase[];
  @state() private searchedBy?: Record<string, string>;
  @state() private open: Open;
  @state() private busy = false;
  @state() private failure = '';
  @state() private announcement = '';

  private readonly search = new FormController<unknown>(this, { initial: EMPTY_SEARCH, validate: validateSearch });
  private readonly correction = new FormController<unknown>(this, {
    initial: {},
    validate: (values) => (this.openCase ? validateCorrection(this.openCase, values) : { ok: false, errors: [] }),
  });
  private readonly erasure = new FormController<unknown>(this, {
    initial: { confirm: '' },
    validate: (values) => (this.openCase ? validateErasure(this.openCase, values) : { ok: false, errors: [] }),
  });

  private get api() {
    return this.context!.api;
  }

  private get openCase(): PrivacyCase | undefined {
    return this.cases?.find((item) => item.reference === this.open?.reference);
  }

  private get by(): SearchBy {
    return this.search.text('by') as SearchBy;
  }

  /** Runs one call at a time (a double click does nothing more). */
  private async run(action: () => Promise<void>): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.failure = '';
    try {
      await action();
    } catch (error) {
      const failure = error instanceof StaffApiError ? error : new StaffApiError('invalid_response');
      this.failure =
        failure.code === 'anonymised'
          ? msg('The personal data of this case was already erased.')
          : failure.kind === 'conflict'
            ? msg(
                'Someone changed this case while you were working on it. The list now shows it as it is; nothing was saved.',
              )
            : failureText(failure);
      this.announcement = this.failure;
      if (failure.kind === 'conflict' && this.searchedBy) await this.find(this.searchedBy).catch(() => {});
    } finally {
      this.busy = false;
    }
  }

  private async find(body: Record<string, string>): Promise<void> {
    const result = await this.api.post('/v1/staff/privacy/search', body, { schema: privacySearchResult });
    this.cases = result.cases;
    this.searchedBy = body;
  }

  private async submitSearch(event: Event): Promise<void> {
    event.preventDefault();
    const validation = this.search.attemptSubmit();
    if (!validation.ok) {
      await focusSummary(this);
      return;
    }
    await this.run(async () => {
      try {
        this.open = undefined;
        await this.find(searchBody(this.search.values));
        this.announcement =
          this.cases!.length === 0
            ? msg('Nothing is held about this person.')
            : msg(str`${formatNumber(this.cases!.length)} cases found.`);
        await this.updateComplete;
        this.renderRoot.querySelector<HTMLElement>('#results-title')?.focus();
      } catch (error) {
        if (error instanceof StaffApiError && error.fieldErrors.length > 0) {
          this.search.setServerErrors(error.fieldErrors.map((fieldError) => ({ ...fieldError, path: 'value' })));
          void focusSummary(this);
          return;
        }
        throw error;
      }
    });
  }

  private download(format: 'json' | 'csv'): Promise<void> {
    const body = this.searchedBy;
    if (!body) return Promise.resolve();
    return this.run(async () => {
      const file = await this.api.post<Blob>('/v1/staff/privacy/export', { ...body, format }, { file: true });
      const url = URL.createObjectURL(file);
      const link = document.createElement('a');
      link.href = url;
      link.download = `personal-data.${format}`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      this.announcement = msg('The file was downloaded.');
    });
  }

  private openAction(item: PrivacyCase, action: 'correct' | 'erase'): void {
    this.open = { reference: item.reference, action };
    this.failure = '';
    if (action === 'correct') {
      this.correction.reset();
      this.correction.values = Object.fromEntries(item.correctable.map((field) => [field, item.person[field] ?? '']));
    } else {
      this.erasure.reset();
    }
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#${action}-title`)?.focus());
  }

  private async change(
    event: Event,
    form: FormController<unknown>,
    path: 'correct' | 'erase',
    done: (item: PrivacyCase) => string,
  ): Promise<void> {
    event.preventDefault();
    const item = this.openCase;
    if (!item) return;
    const validation = form.attemptSubmit();
    if (!validation.ok) {
      await focusSummary(this);
      return;
    }
    await this.run(async () => {
      try {
        const updated = await this.api.post(
          `/v1/staff/privacy/cases/${encodeURIComponent(item.reference)}/${path}`,
          validation.payload,
          { schema: privacyCase },
        );
        this.cases = this.cases?.map((entry) => (entry.reference === updated.reference ? updated : entry));
        this.open = undefined;
        this.announcement = done(updated);
      } catch (error) {
        if (error instanceof StaffApiError && error.fieldErrors.length > 0) {
          form.setServerErrors(
            error.fieldErrors.map((fieldError) => ({ ...fieldError, path: fieldError.path.replace(/^changes\./, '') })),
          );
          void focusSummary(this);
          return;
        }
        throw error;
      }
    });
  }

  private renderSearch() {
    const fields = searchSummaryFields(this.by);
    const { errorText, summary } = shown(this.search, ['by', 'value'], fields);
    return html`<form novalidate class="card" @submit=${this.submitSearch} aria-labelledby="search-title">
      <h2 id="search-title">${msg('Find a person')}</h2>
      ${renderSummary(summary, this.renderRoot as ShadowRoot)}
      <div class="search">
        ${renderSelect(
          { name: 'by', label: fields.by!.label },
          this.by,
          SEARCH_BY.map((by) => ({ value: by, label: searchByLabel(by) })),
          undefined,
          (value) => this.search.set('by', value),
        )}
        ${renderInput(
          {
            name: 'value',
            label: fields.value!.label,
            autocomplete: 'off',
            ltr: true,
            maxLength: 40,
            inputmode: this.by === 'reference' ? 'text' : 'numeric',
          },
          this.search.text('value'),
          errorText('value'),
          (value) => this.search.set('value', value),
        )}
        <div class="actions">
          <button type="submit" class="primary" aria-disabled=${this.busy ? 'true' : 'false'}>${msg('Find')}</button>
        </div>
      </div>
    </form>`;
  }

  private renderCorrection(item: PrivacyCase) {
    const fields = correctionFields(item);
    const { errorText, summary } = shown(this.correction, item.correctable, fields);
    return html`<form novalidate class="panel" data-correction @submit=${(event: Event) =>
      this.change(event, this.correction, 'correct', (updated) =>
        msg(str`The data of case ${formatReference(updated.reference)} was corrected.`),
      )} aria-labelledby="correct-title">
      <h4 id="correct-title" tabindex="-1">${msg('Correct the data')}</h4>
      <p class="hint">${msg('Change only what the person asked to correct. The case timeline notes which fields changed, never the values.')}</p>
      ${renderSummary(summary, this.renderRoot as ShadowRoot)}
      ${item.correctable.map((field) =>
        renderInput(
          {
            name: field,
            label: fieldLabel(field),
            autocomplete: 'off',
            ltr: LTR_FIELDS.includes(field),
            type: field === 'birthDate' ? 'date' : field === 'email' ? 'email' : 'text',
            optional: field === 'email',
          },
          this.correction.text(field),
          errorText(field),
          (value) => this.correction.set(field, value),
        ),
      )}
      <div class="actions">
        <button type="submit" class="primary" aria-disabled=${this.busy ? 'true' : 'false'}>${msg('Save the correction')}</button>
        <button type="button" class="link" @click=${() => (this.open = undefined)}>${msg('Cancel')}</button>
      </div>
    </form>`;
  }

  private renderErasure(item: PrivacyCase) {
    const fields = { confirm: { label: msg('Reference number of this case') } };
    const { errorText, summary } = shown(this.erasure, ['confirm'], fields);
    return html`<form novalidate class="notice warning" data-erasure @submit=${(event: Event) =>
      this.change(event, this.erasure, 'erase', (updated) =>
        msg(str`The personal data of case ${formatReference(updated.reference)} was erased.`),
      )} aria-labelledby="erase-title">
      <h4 id="erase-title" tabindex="-1">${msg('Erase the personal data of this case?')}</h4>
      <p>${msg('The name, identity and contact details, the free text and the documents are deleted for good. The case stays in the statistics with its type, dates and status, and the audit log keeps a record. This cannot be undone.')}</p>
      ${renderSummary(summary, this.renderRoot as ShadowRoot)}
      ${renderInput(
        {
          name: 'confirm',
          label: fields.confirm.label,
          hint: msg(str`Type ${formatReference(item.reference)} to confirm.`),
          autocomplete: 'off',
          ltr: true,
          maxLength: 40,
        },
        this.erasure.text('confirm'),
        errorText('confirm'),
        (value) => this.erasure.set('confirm', value),
      )}
      <div class="actions">
        <button type="submit" class="primary" aria-disabled=${this.busy ? 'true' : 'false'}>${msg('Erase for good')}</button>
        <button type="button" class="link" @click=${() => (this.open = undefined)}>${msg('Cancel')}</button>
      </div>
    </form>`;
  }

  private renderCase(item: PrivacyCase) {
    const open = this.open?.reference === item.reference ? this.open.action : undefined;
    const titleId = `case-${item.reference}`;
    // The form's order (name, identity, contact), whatever order the case stored them in.
    const person = Object.entries(item.person).sort(([a], [b]) => fieldRank(a) - fieldRank(b));
    return html`<article class="card ${open === 'erase' ? 'danger' : ''}" data-case=${item.reference} aria-labelledby=${titleId}>
      <h3 id=${titleId}><bdi class="ltr">${formatReference(item.reference)}</bdi> · ${kindLabel(item.kind)}</h3>
      <p class="muted">
        ${msg(str`Status: ${statusLabel(item.status)}`)} · ${msg(str`Date received: ${shortDate(item.receivedAt)}`)}
        ${item.anonymisedAt ? html` · <span class="badge" data-anonymised>${msg(str`Personal data erased ${dateTime(item.anonymisedAt)}`)}</span>` : nothing}
      </p>
      ${
        person.length > 0
          ? html`<dl class="facts">
              ${person.map(
                ([field, value]) =>
                  html`<dt>${fieldLabel(field)}</dt>
                    <dd data-field=${field}>${LTR_FIELDS.includes(field) ? html`<bdi class="ltr">${value}</bdi>` : value}</dd>`,
              )}
            </dl>`
          : html`<p class="muted">${item.anonymisedAt ? msg('Nothing here names the person any more.') : msg('This case names nobody (sent without a name).')}</p>`
      }
      <p class="held">
        ${msg(
          str`Also held — documents: ${formatNumber(item.held.attachments)}, messages: ${formatNumber(item.held.messages)}, timeline entries: ${formatNumber(item.held.historyEntries)}, rating: ${item.held.rating ? msg('Yes') : msg('No')}.`,
        )}
      </p>
      ${
        !item.anonymisedAt && !open
          ? html`<div class="actions">
              ${item.correctable.length > 0 ? html`<button type="button" class="secondary" data-do="correct" @click=${() => this.openAction(item, 'correct')}>${msg('Correct the data')}</button>` : nothing}
              <button type="button" class="secondary" data-do="erase" @click=${() => this.openAction(item, 'erase')}>${msg('Erase the personal data')}</button>
            </div>`
          : nothing
      }
      ${open === 'correct' ? this.renderCorrection(item) : nothing} ${open === 'erase' ? this.renderErasure(item) : nothing}
    </article>`;
  }

  private renderResults(cases: PrivacyCase[]) {
    return html`<section class="stack" aria-labelledby="results-title" data-results>
      <h2 id="results-title" tabindex="-1">
        ${cases.length === 0 ? msg('Nothing is held about this person') : msg(str`Cases held about this person: ${formatNumber(cases.length)}`)}
      </h2>
      ${
        cases.length > 0
          ? html`<div class="actions">
              <button type="button" class="secondary" data-download="json" @click=${() => this.download('json')}>${msg('Download everything (JSON)')}</button>
              <button type="button" class="secondary" data-download="csv" @click=${() => this.download('csv')}>${msg('Download everything (CSV)')}</button>
            </div>`
          : nothing
      }
      <div class="cases">${cases.map((item) => this.renderCase(item))}</div>
    </section>`;
  }

  override render() {
    return html`<div class="stack">
      <h1 tabindex="-1">${msg('Personal data')}</h1>
      <p>${msg('When someone asks what the association holds about them, to correct it or to erase it (Personal Data Protection Law), find them here. Every search, download and change is recorded in the audit log.')}</p>
      ${this.failure ? html`<p class="notice warning" role="alert" data-failure>${this.failure}</p>` : nothing}
      ${this.renderSearch()} ${this.cases ? this.renderResults(this.cases) : nothing}
      ${renderLiveRegion(this.announcement)}
    </div>`;
  }
}

StaffPrivacy.define('sila-staff-privacy');

declare global {
  interface HTMLElementTagNameMap {
    'sila-staff-privacy': StaffPrivacy;
  }
}
