/**
 * The report's content, shared by the screen view and the printed A4 report: a header
 * (association, period in both calendars, date of issue), then one section per part,
 * every chart with its table beside it.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { FormConfig } from '../../contract/form-config.js';
import { formatReference } from '../../contract/identifiers.js';
import type { PeriodSummary, Report, ReportCount, Satisfaction } from '../../contract/reports.js';
import { formatDate, getLocale } from '../../core/i18n.js';
import './report-chart.js';
import { channelName, hours, kindName, percent, plain, purposeLabel, statusName, topicNamer } from './report-labels.js';

export interface SectionOptions {
  config?: FormConfig;
  /** Charts drawn without animation (print). */
  still?: boolean;
}

type Namer = (key: string) => string;

/**
 * A wide table scrolls sideways inside its own region, which the keyboard can reach (on
 * screen; the printed copy is hidden from assistive technology and has nothing to reach).
 */
let focusableRegions = true;
function scrollable(label: string, table: TemplateResult): TemplateResult {
  return focusableRegions
    ? html`<div class="table-scroll" tabindex="0" role="region" aria-label=${label}>${table}</div>`
    : html`<div class="table-scroll">${table}</div>`;
}

/** `id` and each row's `data-key` name the figure for tools and tests, whatever the language. */
function countTable(id: string, caption: string, head: string, rows: ReportCount[], name: Namer): TemplateResult {
  const total = rows.reduce((sum, row) => sum + row.count, 0);
  return html`<table data-figure=${id}>
    <caption>${caption}</caption>
    <thead><tr><th scope="col">${head}</th><th scope="col" class="num">${msg('Count')}</th></tr></thead>
    <tbody>
      ${
        rows.length === 0
          ? html`<tr><td colspan="2" class="muted">${msg('Nothing in this period.')}</td></tr>`
          : rows.map(
              (row) =>
                html`<tr data-key=${row.key}><th scope="row">${name(row.key)}</th><td class="num">${plain(row.count)}</td></tr>`,
            )
      }
    </tbody>
    ${rows.length > 1 ? html`<tfoot><tr><th scope="row">${msg('Total')}</th><td class="num">${plain(total)}</td></tr></tfoot>` : nothing}
  </table>`;
}

function chartWithTable(
  title: string,
  head: string,
  rows: ReportCount[],
  name: Namer,
  options: SectionOptions,
  chart: { id: string; type?: 'bar' | 'line'; horizontal?: boolean },
): TemplateResult {
  return html`<div class="pair">
    ${
      rows.length > 0
        ? html`<sila-report-chart
          .type=${chart.type ?? 'bar'}
          ?horizontal=${chart.horizontal ?? false}
          ?still=${options.still ?? false}
          .locale=${getLocale() === 'ar' ? 'ar' : 'en'}
          .labels=${rows.map((row) => name(row.key))}
          .series=${[{ label: msg('Count'), values: rows.map((row) => row.count) }]}
          summary=${msg(str`Chart: ${title}. The figures are in the table beside it.`)}
        ></sila-report-chart>`
        : html`<p class="muted chart-empty">${msg('No chart: nothing in this period.')}</p>`
    }
    ${countTable(chart.id, title, head, rows, name)}
  </div>`;
}

/** "1 October" for a day key (YYYY-MM-DD): days are Riyadh calendar days. */
function dayName(day: string): string {
  return new Intl.DateTimeFormat(getLocale() === 'ar' ? 'ar-SA-u-ca-gregory-nu-latn' : 'en-GB-u-nu-latn', {
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  }).format(new Date(`${day}T12:00:00Z`));
}

function monthName(month: string): string {
  return new Intl.DateTimeFormat(getLocale() === 'ar' ? 'ar-SA-u-ca-gregory-nu-latn' : 'en-GB-u-nu-latn', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${month}-15T12:00:00Z`));
}

export function renderHeader(report: Report): TemplateResult {
  const lang = getLocale() === 'ar' ? 'ar' : 'en';
  const name = report.association[lang];
  return html`<header class="report-header">
    ${
      report.association.logoUrl
        ? html`<img class="logo" src=${report.association.logoUrl} alt="" />`
        : html`<span class="logo mark" aria-hidden="true">${name.trim().charAt(0)}</span>`
    }
    <div>
      <p class="association">${name}</p>
      <p class="title">${msg('Beneficiary services report')}</p>
      <p class="period">
        ${report.period.labels[lang].gregorian} <span class="hijri">(${report.period.labels[lang].hijri})</span>
      </p>
      <p class="issued muted">
        ${msg('Issued')}: ${formatDate(report.generatedAt)} (${formatDate(report.generatedAt, 'islamic-umalqura')})
        ${report.kind ? html` · ${msg('Kind')}: ${kindName(report.kind)}` : nothing}
      </p>
    </div>
  </header>`;
}

function summaryRow(label: string, current: string, pick: (s: PeriodSummary) => string, report: Report) {
  return html`<tr>
    <th scope="row">${label}</th>
    <td class="num">${current}</td>
    <td class="num">${pick(report.comparison.previous)}</td>
    <td class="num">${pick(report.comparison.lastYear)}</td>
  </tr>`;
}

function renderComparison(report: Report): TemplateResult {
  const lang = getLocale() === 'ar' ? 'ar' : 'en';
  const kinds = report.counts.byKind.map((row) => row.key);
  // Not a named region itself: its table's scroll region already carries this name.
  return html`<section>
    <h2 id="r-summary">${msg('Summary and comparison')}</h2>
    ${scrollable(
      msg('Summary and comparison'),
      html`
      <table class="comparison">
        <caption class="visually-hidden">${msg('Summary and comparison')}</caption>
        <thead>
          <tr>
            <th scope="col">${msg('Figure')}</th>
            <th scope="col" class="num">${msg('This period')}<br /><span class="muted">${report.period.labels[lang].gregorian}</span></th>
            <th scope="col" class="num">${msg('Previous period')}<br /><span class="muted">${report.comparison.previous.period.labels[lang].gregorian}</span></th>
            <th scope="col" class="num">${msg('Same period last year')}<br /><span class="muted">${report.comparison.lastYear.period.labels[lang].gregorian}</span></th>
          </tr>
        </thead>
        <tbody>
          ${summaryRow(msg('Submissions received'), plain(report.counts.total), (s) => plain(s.submissions), report)}
          ${kinds.map((kind) =>
            summaryRow(
              kindName(kind),
              plain(report.counts.byKind.find((row) => row.key === kind)?.count ?? 0),
              (s) => plain(s.byKind.find((row) => row.key === kind)?.count ?? 0),
              report,
            ),
          )}
          ${summaryRow(msg('Walk-in visitors'), plain(report.visitors.total), (s) => plain(s.visitors), report)}
          ${summaryRow(msg('Satisfied with the service (CSAT)'), percent(report.satisfaction.service.csat.satisfiedPercent), (s) => percent(s.serviceCsatPercent), report)}
          ${summaryRow(msg('Median time to first response'), hours(report.times.firstResponse.medianHours), (s) => hours(s.firstResponseMedianHours), report)}
        </tbody>
      </table>`,
    )}
  </section>`;
}

function renderCounts(report: Report, options: SectionOptions): TemplateResult {
  const topic = topicNamer(options.config);
  const c = report.counts;
  return html`<section aria-labelledby="r-counts">
    <h2 id="r-counts">${msg('Submissions received')}</h2>
    <h3>${msg('By kind')}</h3>
    ${chartWithTable(msg('Submissions by kind'), msg('Kind'), c.byKind, kindName, options, { id: 'byKind' })}
    <h3>${msg('By complaint category')}</h3>
    ${chartWithTable(msg('Complaints, suggestions and inquiries by category'), msg('Category'), c.byCategory, (key) => topic(key, 'complaint'), options, { id: 'byCategory', horizontal: true })}
    <h3>${msg('By requested service')}</h3>
    ${chartWithTable(msg('Service requests by service'), msg('Service'), c.byService, (key) => topic(key, 'request'), options, { id: 'byService', horizontal: true })}
    <h3>${msg('By channel')}</h3>
    ${chartWithTable(msg('Submissions by channel'), msg('Channel'), c.byChannel, channelName, options, { id: 'byChannel' })}
    <h3>${msg('By current status')}</h3>
    ${chartWithTable(msg('Submissions by current status'), msg('Status'), c.byStatus, statusName, options, { id: 'byStatus', horizontal: true })}
    <h3>${msg('By day')}</h3>
    ${chartWithTable(msg('Submissions by day'), msg('Day'), c.byDay, dayName, options, { id: 'byDay', type: 'line' })}
  </section>`;
}

function renderActions(report: Report, options: SectionOptions): TemplateResult {
  const a = report.actions;
  const t = report.times;
  const d = report.deadlines;
  const duration = (label: string, value: Report['times']['firstResponse']) =>
    html`<tr><th scope="row">${label}</th><td class="num">${plain(value.count)}</td><td class="num">${hours(value.medianHours)}</td><td class="num">${hours(value.p90Hours)}</td></tr>`;
  const deadline = (label: string, value: Report['deadlines']['requestsDecided']) =>
    html`<tr><th scope="row">${label}</th><td class="num">${plain(value.due)}</td><td class="num">${plain(value.onTime)}</td><td class="num">${percent(value.percent)}</td></tr>`;
  return html`<section aria-labelledby="r-actions">
    <h2 id="r-actions">${msg('Actions taken')}</h2>
    <table data-figure="actions">
      <caption>${msg('Actions taken in the period')}</caption>
      <tbody>
        <tr data-key="statusChanges"><th scope="row">${msg('Status changes')}</th><td class="num">${plain(a.statusChanges)}</td></tr>
        <tr data-key="referrals"><th scope="row">${msg('Referrals to the committee')}</th><td class="num">${plain(a.referrals)}</td></tr>
        <tr data-key="accepted"><th scope="row">${msg('Committee decisions: accepted')}</th><td class="num">${plain(a.decisions.accepted)}</td></tr>
        <tr data-key="rejected"><th scope="row">${msg('Committee decisions: not accepted')}</th><td class="num">${plain(a.decisions.rejected)}</td></tr>
      </tbody>
    </table>
    <h3>${msg('Status changes by new status')}</h3>
    ${chartWithTable(msg('Status changes by new status'), msg('Status'), a.byStatus, statusName, options, { id: 'actionsByStatus', horizontal: true })}
    <h3>${msg('Response times')}</h3>
    ${scrollable(
      msg('Response times'),
      html`
      <table>
        <caption>${msg('Time to first response and to resolution (submissions of the period)')}</caption>
        <thead><tr><th scope="col">${msg('Measure')}</th><th scope="col" class="num">${msg('Cases')}</th><th scope="col" class="num">${msg('Median')}</th><th scope="col" class="num">${msg('90th percentile')}</th></tr></thead>
        <tbody>${duration(msg('Time to first response'), t.firstResponse)} ${duration(msg('Time to resolution'), t.resolution)}</tbody>
      </table>`,
    )}
    ${scrollable(
      msg('Within the promised periods'),
      html`
      <table>
        <caption>${msg('Within the promised periods')}</caption>
        <thead><tr><th scope="col">${msg('Measure')}</th><th scope="col" class="num">${msg('Due')}</th><th scope="col" class="num">${msg('On time')}</th><th scope="col" class="num">${msg('Share')}</th></tr></thead>
        <tbody>
          ${deadline(msg('Requests decided within the review period'), d.requestsDecided)}
          ${deadline(msg('Complaints answered within the response period'), d.complaintsAnswered)}
        </tbody>
      </table>`,
    )}
  </section>`;
}

function renderOverdue(report: Report, options: SectionOptions): TemplateResult {
  const topic = topicNamer(options.config);
  const o = report.overdue;
  // Not a named region itself: its table's scroll region already carries this name.
  return html`<section>
    <h2 id="r-overdue">${msg('Overdue')}</h2>
    <p>${msg(str`${plain(o.total)} submissions of this period are still open past their due date.`)}
      ${o.total > o.items.length ? msg(str`The ${plain(o.items.length)} longest overdue are listed.`) : nothing}</p>
    ${
      o.items.length > 0
        ? scrollable(
            msg('Overdue'),
            html`<table>
          <caption class="visually-hidden">${msg('Overdue')}</caption>
          <thead><tr><th scope="col">${msg('Reference')}</th><th scope="col">${msg('Kind')}</th><th scope="col">${msg('Service or category')}</th><th scope="col">${msg('Status')}</th><th scope="col">${msg('Due')}</th><th scope="col" class="num">${msg('Days overdue')}</th></tr></thead>
          <tbody>
            ${o.items.map(
              (item) => html`<tr>
                <th scope="row" class="ltr" dir="ltr">${formatReference(item.reference)}</th>
                <td>${kindName(item.kind)}</td>
                <td>${topic(item.topic, item.kind)}</td>
                <td>${statusName(item.status)}</td>
                <td>${formatDate(item.dueAt)}</td>
                <td class="num">${plain(item.daysOverdue)}</td>
              </tr>`,
            )}
          </tbody>
        </table>`,
          )
        : nothing
    }
  </section>`;
}

function satisfactionCells(s: Satisfaction) {
  return html`<td class="num">${percent(s.csat.satisfiedPercent)} <span class="muted">(${plain(s.csat.count)})</span></td>
    <td class="num">${plain(s.nps.score)} <span class="muted">(${plain(s.nps.count)})</span></td>
    <td class="num">${plain(s.ces.average)} <span class="muted">(${plain(s.ces.count)})</span></td>`;
}

function satisfactionHead(first: string) {
  return html`<thead><tr>
    <th scope="col">${first}</th>
    <th scope="col" class="num">${msg('Satisfied (CSAT)')}</th>
    <th scope="col" class="num">${msg('NPS')}</th>
    <th scope="col" class="num">${msg('Effort (CES, 1–7)')}</th>
  </tr></thead>`;
}

function renderSatisfaction(report: Report, options: SectionOptions): TemplateResult {
  const topic = topicNamer(options.config);
  const s = report.satisfaction;
  const lang = getLocale() === 'ar' ? 'ar' : 'en';
  return html`<section aria-labelledby="r-satisfaction">
    <h2 id="r-satisfaction">${msg('Satisfaction')}</h2>
    <p class="muted">${msg('Ratings of a service (given with a reference number) and the website\'s "rate this page" ratings are counted apart. In brackets: the number of answers.')}</p>
    ${scrollable(
      msg('Satisfaction in the period'),
      html`<table>
      <caption>${msg('Satisfaction in the period')}</caption>
      ${satisfactionHead(msg('Source'))}
      <tbody>
        <tr><th scope="row">${msg('Service ratings')}</th>${satisfactionCells(s.service)}</tr>
        <tr><th scope="row">${msg('Website page ratings')}</th>${satisfactionCells(s.website)}</tr>
      </tbody>
    </table>`,
    )}
    <h3>${msg('By month')}</h3>
    <div class="stacked">
      ${
        s.byMonth.length > 0
          ? html`<sila-report-chart
            .type=${s.byMonth.length > 1 ? 'line' : 'bar'}
            ?still=${options.still ?? false}
            .locale=${lang}
            .labels=${s.byMonth.map((row) => monthName(row.month))}
            .series=${[
              { label: msg('Service ratings'), values: s.byMonth.map((row) => row.service.csat.satisfiedPercent) },
              { label: msg('Website page ratings'), values: s.byMonth.map((row) => row.website.csat.satisfiedPercent) },
            ]}
            summary=${msg('Chart: share satisfied (CSAT) by month. The figures are in the table beside it.')}
          ></sila-report-chart>`
          : html`<p class="muted chart-empty">${msg('No chart: nothing in this period.')}</p>`
      }
      ${scrollable(
        msg('Satisfaction by month'),
        html`<table>
        <caption>${msg('Satisfaction by month')}</caption>
        ${satisfactionHead(msg('Month'))}
        <tbody>
          ${s.byMonth.flatMap((row) => [
            html`<tr><th scope="row">${monthName(row.month)} · ${msg('Service ratings')}</th>${satisfactionCells(row.service)}</tr>`,
            html`<tr><th scope="row">${monthName(row.month)} · ${msg('Website page ratings')}</th>${satisfactionCells(row.website)}</tr>`,
          ])}
        </tbody>
      </table>`,
      )}
    </div>
    ${scrollable(
      msg('Service satisfaction by kind'),
      html`<table>
      <caption>${msg('Service satisfaction by kind')}</caption>
      ${satisfactionHead(msg('Kind'))}
      <tbody>${s.byKind.map((row) => html`<tr><th scope="row">${kindName(row.key)}</th>${satisfactionCells(row.satisfaction)}</tr>`)}</tbody>
    </table>`,
    )}
    ${scrollable(
      msg('Service satisfaction by service or category'),
      html`<table>
      <caption>${msg('Service satisfaction by service or category')}</caption>
      ${satisfactionHead(msg('Service or category'))}
      <tbody>${s.byCategory.map((row) => html`<tr><th scope="row">${topic(row.key)}</th>${satisfactionCells(row.satisfaction)}</tr>`)}</tbody>
    </table>`,
    )}
    <h3>${msg('Comments')}</h3>
    ${
      s.comments.length === 0
        ? html`<p class="muted">${msg('No comments in this period.')}</p>`
        : scrollable(
            msg('Comments'),
            html`<table class="comments">
          <caption class="visually-hidden">${msg('Comments')}</caption>
          <thead><tr><th scope="col">${msg('Day')}</th><th scope="col">${msg('Source')}</th><th scope="col">${msg('Score')}</th><th scope="col">${msg('Comment')}</th></tr></thead>
          <tbody>
            ${s.comments.map(
              (row) => html`<tr>
                <td>${dayName(row.day)}</td>
                <td>${row.source === 'service' ? `${kindName(row.kind ?? '')} · ${topic(row.topic, row.kind)}` : msg('Website page')}</td>
                <td class="num">${plain(row.score)} <span class="muted">${row.scale.toUpperCase()}</span></td>
                <td><bdi>${row.comment}</bdi></td>
              </tr>`,
            )}
          </tbody>
        </table>`,
          )
    }
  </section>`;
}

function renderVisitors(report: Report, options: SectionOptions): TemplateResult {
  const v = report.visitors;
  return html`<section aria-labelledby="r-visitors">
    <h2 id="r-visitors">${msg('Walk-in visitors')}</h2>
    <p>${msg(str`${plain(v.total)} visitors recorded in the visitor log.`)}</p>
    <h3>${msg('By day')}</h3>
    ${chartWithTable(msg('Visitors by day'), msg('Day'), v.byDay, dayName, options, { id: 'visitorsByDay' })}
    <h3>${msg('By purpose')}</h3>
    ${chartWithTable(msg('Visitors by purpose of visit'), msg('Purpose of visit'), v.byPurpose, purposeLabel, options, { id: 'visitorsByPurpose', horizontal: true })}
  </section>`;
}

export function renderReport(report: Report, options: SectionOptions): TemplateResult {
  focusableRegions = !options.still;
  return html`${renderHeader(report)} ${renderComparison(report)} ${renderCounts(report, options)} ${renderActions(report, options)}
  ${renderOverdue(report, options)} ${renderSatisfaction(report, options)} ${renderVisitors(report, options)}
  <p class="muted notes">${msg('Days and months are counted in Riyadh time. A submission belongs to the period it was received in; actions are counted on the day they were taken. First response: the first entry by staff after the submission; resolution: the first final status.')}</p>`;
}
