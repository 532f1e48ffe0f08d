/**
 * The dated history, oldest first (an ordered list reads as the story so far; the
 * current status is shown above it). Staff notes are text, never HTML.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { LookupResult } from '../../contract/lookup.js';
import { formatDate } from '../../core/i18n.js';
import { formatTime } from './lookup-format.js';
import { statusLabel } from './status-texts.js';

type History = LookupResult['history'];

/** Chronological order whatever the server sent; ties keep the server's order. */
export function chronological(history: History): History {
  return history
    .map((entry, index) => ({ entry, index, at: Date.parse(entry.at) }))
    .sort((a, b) => (Number.isNaN(a.at) || Number.isNaN(b.at) || a.at === b.at ? a.index - b.index : a.at - b.at))
    .map(({ entry }) => entry);
}

/** The hidden label stays outside the text, so the note's own language sets its direction. */
function renderNote(note: string): TemplateResult {
  return html`<div class="note">
    <span class="visually-hidden">${msg('Note from the team:')} </span>
    <p dir="auto">${note}</p>
  </div>`;
}

export function renderTimeline(history: History): TemplateResult {
  return html`<ol class="timeline" part="timeline">
    ${chronological(history).map(
      (entry) => html`<li class="event" data-status=${entry.status}>
        <span class="event-status">${statusLabel(entry.status)}</span>
        <time datetime=${entry.at}
          ><span class="date">${msg(str`${formatDate(entry.at)} at ${formatTime(entry.at)}`)}</span>
          <span class="hijri date">(${formatDate(entry.at, 'islamic-umalqura')})</span></time
        >
        ${entry.note ? renderNote(entry.note) : nothing}
      </li>`,
    )}
  </ol>`;
}
