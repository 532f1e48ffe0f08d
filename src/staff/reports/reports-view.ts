/**
 * The reports view (manager, admin): choose a period (month, quarter, year or custom
 * days) and optionally a kind; the server computes the figures; the view shows them
 * with charts and tables, prints them as an A4 report and downloads them as Excel.
 * Loaded only when opened (views.ts), so the charting library never reaches other views
 * or the public widgets.
 */
import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { formConfigSchema, type FormConfig } from '../../contract/form-config.js';
import { report as reportSchema, type Report } from '../../contract/reports.js';
import { SUBMISSION_KINDS } from '../../contract/staff.js';
import { getLocale } from '../../core/i18n.js';
import { renderLiveRegion } from '../../core/live-region.js';
import { StaffApiError, type QueryValue } from '../api.js';
import { fieldMessage, focusSummary, renderSelect, renderSummary, type ShownError } from '../form-parts.js';
import { failureText } from '../messages.js';
import { StaffView } from '../staff-element.js';
import { PERIOD_FIELDS, defaultPeriod, periodQuery, validatePeriod, type PeriodForm } from './period-form.js';
import { kindName } from './report-labels.js';
import { ReportPrint } from './report-print.js';
import { renderReport } from './report-sections.js';
import { reportStyles } from './report.styles.js';
import { renderPlainInput } from './plain-input.js';

export class StaffReports extends StaffView {
  static override styles = [...(StaffView.styles as []), reportStyles];

  @state() private form: PeriodForm = defaultPeriod(new Date());
  @state() private errors: Partial<Record<keyof PeriodForm, string>> = {};
  @state() private report?: Report;
  @state() private config?: FormConfig;
  @state() private loading = false;
  @state() private failure = '';
  @state() private announcement = '';

  private printout?: ReportPrint;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.context?.api
      .get('/v1/form-config', { schema: formConfigSchema })
      .then((config) => (this.config = config))
      .catch(() => {});
    void this.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.printout?.remove();
    this.printout = undefined;
  }

  private query(): Record<string, QueryValue> {
    return periodQuery(this.form);
  }

  private async load(): Promise<void> {
    const api = this.context?.api;
    if (!api || this.loading) return;
    this.loading = true;
    this.failure = '';
    this.announcement = msg('Preparing the report…');
    try {
      this.report = await api.get('/v1/staff/reports', { query: this.query(), schema: reportSchema });
      const lang = getLocale() === 'ar' ? 'ar' : 'en';
      this.announcement = msg(str`Report for ${this.report.period.labels[lang].gregorian} is ready.`);
    } catch (error) {
      const failure = error instanceof StaffApiError ? error : new StaffApiError('invalid_response');
      if (failure.fieldErrors.length > 0) {
        // `at` is whichever field names the period (the month, or the year of a quarter or year).
        const field = (path: string) => (path === 'at' ? (this.form.period === 'month' ? 'month' : 'year') : path);
        this.errors = Object.fromEntries(
          failure.fieldErrors.map((item) => [field(item.path), fieldMessage(item.code)]),
        );
        void focusSummary(this);
      } else {
        this.failure = failureText(failure);
      }
      this.announcement = this.failure || msg('The report could not be prepared.');
    } finally {
      this.loading = false;
    }
  }

  private async submit(event: Event): Promise<void> {
    event.preventDefault();
    this.errors = validatePeriod(this.form);
    if (Object.keys(this.errors).length > 0) {
      await focusSummary(this);
      return;
    }
    await this.load();
  }

  private set(name: keyof PeriodForm, value: string): void {
    this.form = { ...this.form, [name]: value };
    if (this.errors[name]) this.errors = { ...this.errors, [name]: undefined };
  }

  protected override updated(changed: Map<PropertyKey, unknown>): void {
    super.updated(changed);
    if (!this.report) return;
    if (!this.printout) {
      this.printout = document.createElement('sila-report-print');
      document.body.append(this.printout);
    }
    this.printout.report = this.report;
    this.printout.config = this.config;
  }

  private renderField(
    name: keyof PeriodForm,
    type: 'month' | 'number' | 'date',
    extra: { min?: string; max?: string } = {},
  ) {
    return renderPlainInput({
      name,
      label: PERIOD_FIELDS()[name],
      type,
      value: this.form[name],
      error: this.errors[name],
      ...extra,
      onInput: (value) => this.set(name, value),
    });
  }

  private renderForm() {
    const f = this.form;
    const labels = PERIOD_FIELDS();
    const shown: ShownError[] = Object.entries(this.errors)
      .filter(([, message]) => message)
      .map(([name, message]) => ({ name, label: labels[name as keyof PeriodForm], message: message! }));
    const select = (name: keyof PeriodForm, options: { value: string; label: string }[]) =>
      renderSelect({ name, label: labels[name] }, f[name], options, this.errors[name], (value) =>
        this.set(name, value),
      );
    return html`<form novalidate class="card filters" @submit=${this.submit} aria-labelledby="period-title">
      <h2 id="period-title">${msg('Period')}</h2>
      ${renderSummary(shown, this.renderRoot as ShadowRoot)}
      <div class="row period-fields">
        ${select('period', [
          { value: 'month', label: msg('Month') },
          { value: 'quarter', label: msg('Quarter') },
          { value: 'year', label: msg('Year') },
          { value: 'custom', label: msg('Custom range') },
        ])}
        ${f.period === 'month' ? this.renderField('month', 'month') : nothing}
        ${f.period === 'quarter' || f.period === 'year' ? this.renderField('year', 'number', { min: '2000', max: '2100' }) : nothing}
        ${
          f.period === 'quarter'
            ? select('quarter', [
                { value: '1', label: msg('First quarter') },
                { value: '2', label: msg('Second quarter') },
                { value: '3', label: msg('Third quarter') },
                { value: '4', label: msg('Fourth quarter') },
              ])
            : nothing
        }
        ${f.period === 'custom' ? html`${this.renderField('from', 'date')} ${this.renderField('to', 'date')}` : nothing}
        ${select('kind', [{ value: '', label: msg('All kinds') }, ...SUBMISSION_KINDS.map((kind) => ({ value: kind, label: kindName(kind) }))])}
      </div>
      <div class="actions row">
        <button type="submit" class="primary" ?disabled=${this.loading}>${msg('Show the report')}</button>
        ${
          this.report
            ? html`<button type="button" @click=${() => window.print()}>${msg('Print or save as PDF')}</button>
              <a class="button" href=${this.context!.api.url('/v1/staff/reports.xlsx', { ...this.query(), lang: 'ar' })} download
                >${msg('Excel (Arabic)')}</a
              >
              <a class="button" href=${this.context!.api.url('/v1/staff/reports.xlsx', { ...this.query(), lang: 'en' })} download
                >${msg('Excel (English)')}</a
              >`
            : nothing
        }
      </div>
    </form>`;
  }

  override render() {
    return html`<div class="stack">
      <h1 tabindex="-1">${msg('Reports')}</h1>
      ${this.renderForm()}
      ${renderLiveRegion(this.announcement)}
      ${this.failure ? html`<p class="card error-box" role="alert">${this.failure}</p>` : nothing}
      ${this.loading && !this.report ? html`<p class="muted">${msg('Preparing the report…')}</p>` : nothing}
      ${
        this.report
          ? html`<article class="report card" aria-busy=${this.loading ? 'true' : 'false'}>${renderReport(this.report, { config: this.config })}</article>`
          : nothing
      }
    </div>`;
  }
}

StaffReports.define('sila-staff-reports');
