/**
 * What every form shares: fields, errors, buttons, panels. Logical properties only
 * (RTL is the default), 24px+ targets, visible focus, forced-colors aware. Written
 * defensively so a host page's global CSS (resets, Bootstrap) cannot leak in: inherited
 * properties are set explicitly on the controls.
 */
import { css } from 'lit';
import { baseStyles } from './base.styles.js';
import { fieldStyles } from './field.styles.js';

/** What only the forms use: sections, choice groups, the error summary, references, links. */
const formOnlyStyles = css`
  .section {
    display: grid;
    gap: var(--_space);
    border: 0;
    min-inline-size: 0;
  }

  .section > legend {
    font-size: 1.125em;
    font-weight: 700;
    margin-block-end: calc(var(--_space) * 0.5);
  }

  select {
    padding-inline-end: 2.25rem;
    background-image: linear-gradient(45deg, transparent 50%, currentColor 50%),
      linear-gradient(135deg, currentColor 50%, transparent 50%);
    background-size: 0.375rem 0.375rem;
    background-repeat: no-repeat;
    background-position: calc(100% - 1.125rem) 55%, calc(100% - 0.75rem) 55%;
  }

  :host([dir='rtl']) select {
    background-position: 0.75rem 55%, 1.125rem 55%;
    padding-inline-end: 0.75rem;
    padding-inline-start: 2.25rem;
  }

  /* Numbers, phones and e-mails are written left to right, but sit on the start side. */
  input[dir='ltr'] {
    text-align: start;
  }
  :host([dir='rtl']) input[dir='ltr'] {
    text-align: right;
  }

  .group {
    display: grid;
    gap: 0.5rem;
    border: 0;
    min-inline-size: 0;
  }

  .choices {
    display: grid;
    gap: 0.5rem;
  }

  .choices.inline {
    grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr));
  }

  .choice {
    display: flex;
    align-items: flex-start;
    gap: 0.625rem;
    min-block-size: 2.75rem;
    padding: 0.5rem 0.75rem;
    border: 2px solid color-mix(in srgb, var(--_border) 60%, transparent);
    border-radius: calc(var(--_radius) * 0.75);
    cursor: pointer;
    font-weight: 400;
    color: var(--_text);
  }

  .choice:has(input:checked) {
    border-color: var(--_accent);
    background: color-mix(in srgb, var(--_accent) 8%, var(--_surface));
  }

  .choice input {
    flex: none;
    inline-size: 1.5rem;
    block-size: 1.5rem;
    margin: 0.125rem 0 0;
    accent-color: var(--_accent);
  }

  .choice .choice-text {
    display: grid;
  }

  a {
    color: var(--_accent);
    text-decoration: underline;
    text-underline-offset: 0.2em;
  }

  /* The next step after sending (follow it up) is a link that looks like the action it is. */
  a.button {
    text-decoration: none;
  }

  button.link {
    color: var(--_accent);
    background: transparent;
    padding-inline: 0.25rem;
    text-decoration: underline;
    font-weight: 600;
  }

  .summary {
    display: grid;
    gap: 0.5rem;
    padding: var(--_space);
    border: 3px solid var(--_error);
    border-radius: var(--_radius);
  }

  .summary h3 {
    font-size: 1.125em;
  }

  .summary ul {
    margin: 0;
    padding-inline-start: 1.25rem;
  }

  .summary a {
    color: var(--_error);
    font-weight: 600;
  }

  .reference {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.75rem;
    padding: 0.75rem var(--_space);
    background: var(--_surface-alt);
    border-radius: calc(var(--_radius) * 0.75);
  }

  .reference strong {
    /* One line even on a 320px phone: a reference split in two is misread. */
    white-space: nowrap;
    font-size: clamp(1.125em, 5.5vw, 1.5em);
    letter-spacing: 0.05em;
    font-variant-numeric: tabular-nums;
    direction: ltr;
    unicode-bidi: isolate;
  }

  /* A date, or its Hijri twin in brackets, is read as one: never split over two lines. */
  .date {
    white-space: nowrap;
  }

  @media (forced-colors: active) {
    .choice:has(input:checked) {
      border-color: Highlight;
    }
    .summary {
      border-color: Mark;
    }
  }
`;

export const formStyles = [baseStyles, fieldStyles, formOnlyStyles];
