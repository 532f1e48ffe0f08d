/**
 * The read-only parts of a case: the submission as this role receives it, the attachments
 * and the timeline. Field names are the ones the applicant saw in the form, so staff and
 * applicant speak of the same thing.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { FormConfig } from '../../contract/form-config.js';
import type { StaffSubmissionDetail, StaffTimelineEntry } from '../../contract/staff.js';
import { localized, formatNumber } from '../../core/i18n.js';
import {
  contactChannelChoices,
  summaryFields as complaintFields,
} from '../../widgets/complaint-form/complaint-fields.js';
import {
  attachmentLabel,
  employmentChoices,
  housingChoices,
  incomeChoices,
  summaryFields as requestFields,
} from '../../widgets/request-form/request-fields.js';
import type { StaffApi } from '../api.js';
import { dateTime, shortDate } from '../format.js';
import { kindLabel, statusLabel } from '../labels.js';

/** Payload parts that are not the applicant's answers (shown elsewhere or not at all). */
const SKIPPED = new Set([
  'declaration',
  'consent',
  'client',
  'channel',
  'audience',
  'website',
  'attachments',
  'startedAt',
]);

function flatten(value: unknown, path: string, out: [string, unknown][]): void {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, inner] of Object.entries(value)) flatten(inner, path ? `${path}.${key}` : key, out);
  } else {
    out.push([path, value]);
  }
}

function choiceLabel(path: string, value: string, config?: FormConfig): string {
  const from = (choices: { value: string; label: string }[]) =>
    choices.find((choice) => choice.value === value)?.label ?? value;
  if (path === 'household.incomeBracket') return from(incomeChoices());
  if (path === 'household.employment') return from(employmentChoices());
  if (path === 'household.housing') return from(housingChoices());
  if (path === 'contactChannel') return from(contactChannelChoices());
  if (path === 'kind') return kindLabel(value as Parameters<typeof kindLabel>[0]);
  if (path === 'service' && config) {
    const service = config.services.find((entry) => entry.id === value);
    return service ? localized(service.label) : value;
  }
  if (path === 'category' && config) {
    const category = config.complaintCategories.find((entry) => entry.id === value);
    return category ? localized(category.label) : value;
  }
  return value;
}

function shown(path: string, value: unknown, config?: FormConfig): string {
  if (typeof value === 'boolean') return value ? msg('Yes') : msg('No');
  if (typeof value === 'number') return formatNumber(value);
  if (Array.isArray(value)) return value.join('، ');
  return choiceLabel(path, String(value ?? ''), config);
}

/** Answers that read left to right (numbers, phones, e-mails, IDs, references). */
const LTR = /(mobile|nationalId|email|Reference|birthDate)$/;

export function renderSubmission(detail: StaffSubmissionDetail, config?: FormConfig): TemplateResult {
  const labels = detail.kind === 'request' ? requestFields() : complaintFields();
  const rows: [string, unknown][] = [];
  flatten(detail.payload, '', rows);
  const order = Object.keys(labels);
  const rank = (path: string) => (order.includes(path) ? order.indexOf(path) : order.length);
  const answers = rows
    .filter(
      ([path, value]) => !SKIPPED.has(path.split('.')[0]!) && value !== undefined && value !== null && value !== '',
    )
    .sort(([a], [b]) => rank(a) - rank(b));
  const hidden = detail.redacted.filter((path) => !answers.some(([shownPath]) => shownPath === path));
  return html`<section class="card" aria-labelledby="submission-title">
    <h2 id="submission-title">${msg('The submission')}</h2>
    <dl class="facts">
      ${answers.map(
        ([path, value]) => html`<dt>${labels[path]?.label ?? path}</dt>
          <dd>
            ${LTR.test(path) ? html`<span class="ltr">${shown(path, value, config)}</span>` : html`<span dir="auto">${shown(path, value, config)}</span>`}
            ${detail.redacted.includes(path) ? html` <span class="muted">(${msg('masked for your role')})</span>` : nothing}
          </dd>`,
      )}
      ${hidden.map(
        (path) => html`<dt>${labels[path]?.label ?? hiddenLabel(path)}</dt>
          <dd class="muted">${msg('Not shown to your role')}</dd>`,
      )}
    </dl>
  </section>`;
}

function hiddenLabel(path: string): string {
  return path === 'household' ? msg('Household and income') : path;
}

export function renderAttachments(detail: StaffSubmissionDetail, api: StaffApi): TemplateResult | typeof nothing {
  if (!detail.attachments.length) return nothing;
  return html`<section class="card" aria-labelledby="attachments-title">
    <h2 id="attachments-title">${msg('Documents')}</h2>
    <ul class="plain">
      ${detail.attachments.map((file) => {
        const size = msg(str`${formatNumber(Math.max(1, Math.round(file.size / 1024)))} KB`);
        const name = attachmentLabel(file.kind);
        return html`<li>
          ${
            detail.allowedActions.download
              ? html`<a href=${api.url(`/v1/staff/submissions/${encodeURIComponent(detail.reference)}/attachments/${encodeURIComponent(file.id)}`)} download
                >${msg(str`Download: ${name}`)}</a
              >`
              : html`<span>${name}</span>`
          }
          <span class="muted">(${size})</span>
        </li>`;
      })}
    </ul>
    ${detail.allowedActions.download ? nothing : html`<p class="hint">${msg('Your role can see that these documents exist, not open them.')}</p>`}
  </section>`;
}

function entryTitle(entry: StaffTimelineEntry): string {
  switch (entry.type) {
    case 'assign':
      return entry.assignee ? msg(str`Assigned to ${entry.assignee.name}`) : msg('No longer assigned');
    case 'note':
      return entry.public ? msg('Note to the applicant') : msg('Internal note');
    case 'reply':
      return msg('Reply from the applicant');
    default:
      return msg(str`Status: ${statusLabel(entry.status)}`);
  }
}

/** The applicant's answer to "information needed": their words, and the documents they added. */
function renderReply(entry: StaffTimelineEntry): TemplateResult {
  const files = entry.attachments ?? [];
  return html`<p class="entry-note"><span dir="auto">${entry.note ?? ''}</span></p>
    ${
      files.length > 0
        ? html`<p class="muted">
          ${msg(str`Documents added: ${formatNumber(files.length)} (listed under Documents)`)}
        </p>`
        : nothing
    }`;
}

export function renderTimelineEntry(entry: StaffTimelineEntry): TemplateResult {
  return html`<li class="entry ${entry.public ? 'public' : 'internal'}">
    <p class="entry-head">
      <strong>${entryTitle(entry)}</strong>
      <span class="muted">· <bdi>${entry.actor === 'applicant' ? msg('The applicant') : entry.actor}</bdi> · <span class="nowrap">${dateTime(entry.at)}</span></span>
    </p>
    ${
      entry.type === 'reply'
        ? renderReply(entry)
        : entry.note
          ? html`<p class="entry-note">
          <span class="badge ${entry.public ? 'public' : ''}">${entry.public ? msg('The applicant sees this') : msg('Internal: staff only')}</span>
          <span dir="auto">${entry.note}</span>
        </p>`
          : nothing
    }
  </li>`;
}

export function renderTimeline(detail: StaffSubmissionDetail): TemplateResult {
  return html`<section class="card" aria-labelledby="timeline-title">
    <h2 id="timeline-title">${msg('Timeline')}</h2>
    <ol class="timeline">
      ${[...detail.timeline].reverse().map(renderTimelineEntry)}
    </ol>
  </section>`;
}

export function renderDecision(detail: StaffSubmissionDetail): TemplateResult | typeof nothing {
  const decision = detail.decision;
  if (!decision) return nothing;
  return html`<section class="card" aria-labelledby="decision-title">
    <h2 id="decision-title">${msg('Committee decision')}</h2>
    <dl class="facts">
      <dt>${msg('Decision')}</dt>
      <dd><strong>${statusLabel(decision.decision)}</strong></dd>
      <dt>${msg('Reason (internal)')}</dt>
      <dd dir="auto">${decision.reason}</dd>
      ${decision.publicNote ? html`<dt>${msg('Note to the applicant')}</dt><dd dir="auto">${decision.publicNote}</dd>` : nothing}
      <dt>${msg('Recorded by')}</dt>
      <dd><bdi>${decision.by.name}</bdi> · <span class="nowrap">${shortDate(decision.at)}</span></dd>
    </dl>
  </section>`;
}
