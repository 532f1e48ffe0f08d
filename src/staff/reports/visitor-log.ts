/**
 * The daily visitor log (officers at reception; managers and admins too): how many people
 * walked in on a day and why. No names. Each entry is added to that day's total, which
 * feeds the reports; the last seven days are listed under the form.
 */
import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { normalizeDigits } from '../../contract/digits.js';
import { VISIT_PURPOSES, visitorEntry, visitorList, type VisitorList } from '../../contract/reports.js';
import { formatNumber, getLocale } from '../../core/i18n.js';
import { renderLiveRegion } from '../../core/live-region.js';
import { StaffApiError } from '../api.js';
import { fieldMessage, focusSummary, renderSelect, renderSummary, type ShownError } from '../form-parts.js';
import { failureText } from '../messages.js';
import { StaffView } from '../staff-element.js';
import { purposeLabel } from './report-labels.js';
import { reportStyles } from './report.styles.js';
import { renderPlainInput } from './plain-input.js';

interface EntryForm {
  day: string;
  purpose: string;
  count: string;
}

/** Today in Riyadh (UTC+3). */
const today = () => new Date(Date.now() + 3 * 3_600_000).toISOString().slice(0, 10);

export class StaffVisitorLog extends StaffView {
  static override styles = [...(StaffView.styles as []), reportStyles];

  @state() private form: EntryForm = { day: today(), purpose: 'new_request', count: '' };
  @state() private errors: Partial<Record<keyof EntryForm, string>> = {};
  @state() private list?: VisitorList;
  @state() private sending = false;
  @state() private failure = '';
  @state() private announcement = '';

  private labels = (): Record<keyof EntryForm, string> => ({
    day: msg('Day'),
    purpose: msg('Purpose of visit'),
    count: msg('Number of visitors'),
  });

  override connectedCallback(): void {
    super.connectedCallback();
    void this.refresh();
  }

  private async refresh(): Promise<void> {
    try {
      this.list = await this.context?.api.get('/v1/staff/visitors', { schema: visitorList });
    } catch (error) {
      this.failure = failureText(error instanceof StaffApiError ? error : new StaffApiError('invalid_response'));
    }
  }

  private validate(): Partial<Record<keyof EntryForm, string>> {
    const errors: Partial<Record<keyof EntryForm, string>> = {};
    if (!/^\d{4}-\d{2}-\d{2}$/.test(this.form.day)) errors.day = msg('Choose the day.');
    else if (this.form.day > today()) errors.day = msg('The day cannot be in the future.');
    const count = normalizeDigits(this.form.count.trim());
    if (!/^\d+$/.test(count)) errors.count = msg('Enter the number of visitors, such as 12.');
    else if (Number(count) < 1 || Number(count) > 5000) errors.count = msg('Enter a number from 1 to 5000.');
    return errors;
  }

  private async submit(event: Event): Promise<void> {
    event.preventDefault();
    if (this.sending) return;
    this.errors = this.validate();
    if (Object.keys(this.errors).length > 0) {
      await focusSummary(this);
      return;
    }
    this.sending = true;
    this.failure = '';
    try {
      const body = {
        day: this.form.day,
        purpose: this.form.purpose,
        count: Number(normalizeDigits(this.form.count.trim())),
      };
      const entry = await this.context!.api.post('/v1/staff/visitors', body, { schema: visitorEntry });
      this.announcement = msg(str`Recorded: ${formatNumber(entry.count)} visitors (${purposeLabel(entry.purpose)}).`);
      // Keep the day and purpose (several entries in a row are common); clear the number.
      this.form = { ...this.form, count: '' };
      await this.refresh();
    } catch (error) {
      const failure = error instanceof StaffApiError ? error : new StaffApiError('invalid_response');
      if (failure.fieldErrors.length > 0) {
        this.errors = Object.fromEntries(failure.fieldErrors.map((item) => [item.path, fieldMessage(item.code)]));
        await focusSummary(this);
      } else {
        this.failure = failureText(failure);
        this.announcement = this.failure;
      }
    } finally {
      this.sending = false;
    }
  }

  private set(name: keyof EntryForm, value: string): void {
    this.form = { ...this.form, [name]: value };
    if (this.errors[name]) this.errors = { ...this.errors, [name]: undefined };
  }

  private renderInput(name: 'day' | 'count', type: 'date' | 'text') {
    return renderPlainInput({
      name,
      label: this.labels()[name],
      type,
      value: this.form[name],
      error: this.errors[name],
      numeric: type === 'text',
      max: type === 'date' ? today() : undefined,
      onInput: (value) => this.set(name, value),
    });
  }

  private dayName(day: string): string {
    return new Intl.DateTimeFormat(getLocale() === 'ar' ? 'ar-SA-u-ca-gregory-nu-latn' : 'en-GB-u-nu-latn', {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      timeZone: 'UTC',
    }).format(new Date(`${day}T12:00:00Z`));
  }

  override render() {
    const labels = this.labels();
    const shown: ShownError[] = Object.entries(this.errors)
      .filter(([, message]) => message)
      .map(([name, message]) => ({ name, label: labels[name as keyof EntryForm], message: message! }));
    return html`<div class="stack">
      <h1 tabindex="-1">${msg('Visitor log')}</h1>
      <p class="muted">${msg('Record the people who came to the office in person: how many and why. No names are recorded.')}</p>
      <form novalidate class="card" @submit=${this.submit} aria-labelledby="entry-title">
        <h2 id="entry-title">${msg('Add visitors')}</h2>
        ${renderSummary(shown, this.renderRoot as ShadowRoot)}
        <div class="row">
          ${this.renderInput('day', 'date')}
          ${renderSelect(
            { name: 'purpose', label: labels.purpose },
            this.form.purpose,
            VISIT_PURPOSES.map((purpose) => ({ value: purpose, label: purposeLabel(purpose) })),
            this.errors.purpose,
            (value) => this.set('purpose', value),
          )}
          ${this.renderInput('count', 'text')}
        </div>
        <div class="actions row">
          <button type="submit" class="primary" ?disabled=${this.sending}>${msg('Record')}</button>
        </div>
      </form>
      ${renderLiveRegion(this.announcement)}
      ${this.failure ? html`<p class="card error-box" role="alert">${this.failure}</p>` : nothing}
      ${
        this.list
          ? html`<section class="card" aria-labelledby="recent-title">
            <h2 id="recent-title">${msg('The last seven days')}</h2>
            ${
              this.list.items.length === 0
                ? html`<p class="muted">${msg('No visitors recorded yet in these days.')}</p>`
                : html`<div class="table-scroll"><table>
                  <caption class="visually-hidden">${msg('The last seven days')}</caption>
                  <thead><tr><th scope="col">${msg('Day')}</th><th scope="col">${msg('Purpose of visit')}</th><th scope="col" class="num">${msg('Visitors')}</th><th scope="col">${msg('Recorded by')}</th></tr></thead>
                  <tbody>
                    ${this.list.items.map(
                      (item) =>
                        html`<tr><td>${this.dayName(item.day)}</td><td>${purposeLabel(item.purpose)}</td><td class="num">${formatNumber(item.count)}</td><td>${item.recordedBy}</td></tr>`,
                    )}
                  </tbody>
                  <tfoot>
                    ${this.list.byDay.map(
                      (day) =>
                        html`<tr><th scope="row" colspan="2">${msg(str`Total for ${this.dayName(day.key)}`)}</th><td class="num">${formatNumber(day.count)}</td><td></td></tr>`,
                    )}
                  </tfoot>
                </table></div>`
            }
          </section>`
          : nothing
      }
    </div>`;
  }
}

StaffVisitorLog.define('sila-staff-visitors');
