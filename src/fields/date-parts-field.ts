/**
 * A date typed as day, month and year (GOV.UK's date-input pattern) in the Hijri or the
 * Gregorian calendar, the person's choice: Saudi IDs carry a Hijri birth date. The parts live
 * in the form under `<name>#calendar|day|month|year` (so drafts keep what was typed); the
 * field's own value `<name>` is the ISO Gregorian date the contract takes, or '' while the
 * parts do not name a real date. The other calendar's date is shown beside the inputs.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { msg } from '@lit/localize';
import type { FieldError } from '../contract/problem.js';
import type { FormController, FormValues } from '../core/form-controller.js';
import { formatDate } from '../core/i18n.js';
import { partsOfIso, readDateParts, type CalendarId, type DateParts } from './calendar-date.js';
import { describedBy, fieldId, labelText, renderError, renderHint, type FieldBase } from './field-parts.js';

type Part = 'day' | 'month' | 'year';
const PARTS: readonly Part[] = ['day', 'month', 'year'];

const key = (name: string, part: Part | 'calendar') => `${name}#${part}`;

function text(values: FormValues, name: string): string {
  const value = values[name];
  return typeof value === 'string' ? value : '';
}

/** The typed parts; a value saved without them (an older draft) is shown in Hijri. */
export function datePartsOf(values: FormValues, name: string): DateParts {
  const calendar: CalendarId = text(values, key(name, 'calendar')) === 'gregory' ? 'gregory' : 'hijri';
  const typed = PARTS.some((part) => text(values, key(name, part)) !== '');
  if (!typed) {
    const saved = partsOfIso(text(values, name), calendar);
    if (saved) return saved;
  }
  return {
    calendar,
    day: text(values, key(name, 'day')),
    month: text(values, key(name, 'month')),
    year: text(values, key(name, 'year')),
  };
}

/**
 * The error of a date-parts field, if any, for the form's validation: it names what is
 * wrong (the day, the month, a future date) where the contract would only say "invalid".
 */
export function datePartsError(values: FormValues, name: string): FieldError | undefined {
  const read = readDateParts(datePartsOf(values, name));
  return read.problem ? { path: name, code: read.problem, message: read.problem } : undefined;
}

/** Replaces the contract's error for a date-parts field by the field's own (more precise) one. */
export function withDatePartsErrors<T extends { ok: boolean; errors: FieldError[] }>(
  validation: T,
  values: FormValues,
  names: readonly string[],
): T {
  const own = names.map((name) => datePartsError(values, name)).filter((error) => error !== undefined);
  const errors = [...validation.errors.filter((error) => !names.includes(error.path)), ...own];
  return { ...validation, ok: errors.length === 0, errors };
}

function partLabel(part: Part): string {
  switch (part) {
    case 'day':
      return msg('Day');
    case 'month':
      return msg('Month');
    case 'year':
      return msg('Year');
  }
}

/** The date in the other calendar, in words, once the parts name a real date. */
function otherCalendar(iso: string, calendar: CalendarId): string {
  const noon = `${iso}T12:00:00Z`;
  return calendar === 'hijri'
    ? `${msg('Gregorian:')} ${formatDate(noon)}`
    : `${msg('Hijri:')} ${formatDate(noon, 'islamic-umalqura')}`;
}

export function renderDatePartsField(form: FormController<unknown>, field: FieldBase): TemplateResult {
  const error = form.errorFor(field.name);
  const parts = datePartsOf(form.values, field.name);
  const read = readDateParts(parts);
  const id = fieldId(field.name);
  const otherId = `${id}-other`;
  const update = (next: DateParts) => {
    // Parts first, then the ISO value: the form validates on the last change.
    form.set(key(field.name, 'calendar'), next.calendar);
    for (const part of PARTS) form.set(key(field.name, part), next[part]);
    form.set(field.name, readDateParts(next).iso ?? '');
  };
  // Handlers read the parts at event time, not at render time: two quick inputs before the
  // next render must not undo each other.
  const current = () => datePartsOf(form.values, field.name);
  const switchTo = (calendar: CalendarId) => {
    const now = current();
    if (calendar === now.calendar) return;
    // A real date is shown again in the chosen calendar; half-typed parts are kept as typed.
    const iso = readDateParts(now).iso;
    update((iso && partsOfIso(iso, calendar)) || { ...now, calendar });
  };
  const describe = describedBy(field, Boolean(error), read.iso ? [otherId] : []);
  return html`<fieldset class="group date-field ${error ? 'has-error' : ''}" part="field" aria-describedby=${describe}>
    <legend>${labelText(field)}</legend>
    ${renderHint(field)} ${renderError(form, field)}
    <div class="calendar-choice" role="radiogroup" aria-label=${msg('Calendar')}>
      ${(['hijri', 'gregory'] as const).map(
        (calendar) => html`<label class="choice compact">
          <input
            type="radio"
            name="${field.name}#calendar"
            value=${calendar}
            .checked=${parts.calendar === calendar}
            @change=${() => switchTo(calendar)}
          />
          <span>${calendar === 'hijri' ? msg('Hijri') : msg('Gregorian')}</span>
        </label>`,
      )}
    </div>
    <div class="date-parts">
      ${PARTS.map(
        (part) => html`<div class="date-part ${part}">
          <label for=${part === 'day' ? id : `${id}-${part}`}>${partLabel(part)}</label>
          <input
            id=${part === 'day' ? id : `${id}-${part}`}
            name="${field.name}#${part}"
            type="text"
            part="input"
            inputmode="numeric"
            autocomplete=${autocompleteOf(part, parts.calendar)}
            maxlength=${part === 'year' ? 8 : 4}
            size=${part === 'year' ? 4 : 2}
            .value=${live(parts[part])}
            aria-invalid=${error ? 'true' : 'false'}
            @input=${(event: Event) => update({ ...current(), [part]: (event.target as HTMLInputElement).value })}
            @blur=${() => form.leave(field.name)}
          />
        </div>`,
      )}
    </div>
    ${read.iso ? html`<p class="other-calendar" id=${otherId}>${otherCalendar(read.iso, parts.calendar)}</p>` : nothing}
  </fieldset>`;
}

/** The browser's saved birth date is Gregorian: offer it only to the Gregorian inputs. */
function autocompleteOf(part: Part, calendar: CalendarId): string {
  if (calendar !== 'gregory') return 'off';
  return part === 'day' ? 'bday-day' : part === 'month' ? 'bday-month' : 'bday-year';
}
