/**
 * What every form shares: fields, errors, buttons, panels. Logical properties only
 * (RTL is the default), 24px+ targets, visible focus, forced-colors aware. Written
 * defensively so a host page's global CSS (resets, Bootstrap) cannot leak in: inherited
 * properties are set explicitly on the controls.
 */
import { css } from 'lit';

export const formStyles = css`
  .form {
    display: grid;
    gap: calc(var(--_space) * 1.25);
    padding: var(--_space);
    background: var(--_surface);
    border: 1px solid color-mix(in srgb, var(--_border) 40%, transparent);
    border-radius: var(--_radius);
  }

  h2,
  h3,
  p,
  fieldset,
  legend {
    margin: 0;
    padding: 0;
  }

  .title {
    font-size: 1.375em;
    line-height: 1.3;
    font-weight: 700;
  }

  .lead,
  .hint {
    color: var(--_muted);
  }

  .hint {
    font-size: 0.9375em;
  }

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

  .field {
    display: grid;
    gap: 0.25rem;
  }

  .field > label,
  .group > legend {
    font-weight: 600;
    color: var(--_text);
  }

  .optional {
    font-weight: 400;
    color: var(--_muted);
  }

  input[type='text'],
  input[type='tel'],
  input[type='email'],
  input[type='search'],
  input[type='number'],
  input[type='date'],
  select,
  textarea {
    display: block;
    inline-size: 100%;
    min-block-size: 2.75rem;
    margin: 0;
    padding: 0.5rem 0.75rem;
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    border: 2px solid var(--_border);
    border-radius: calc(var(--_radius) * 0.75);
    box-shadow: none;
    appearance: none;
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

  textarea {
    min-block-size: 8rem;
    resize: vertical;
  }

  /* Numbers, phones and e-mails are written left to right, but sit on the start side. */
  input[dir='ltr'] {
    text-align: start;
  }
  :host([dir='rtl']) input[dir='ltr'] {
    text-align: right;
  }

  [aria-invalid='true'] {
    border-color: var(--_error);
  }

  .field.has-error,
  .group.has-error {
    border-inline-start: 4px solid var(--_error);
    padding-inline-start: 0.75rem;
  }

  .error {
    display: flex;
    gap: 0.375rem;
    align-items: baseline;
    color: var(--_error);
    font-weight: 600;
  }

  .counter {
    font-size: 0.875em;
    color: var(--_muted);
    text-align: end;
  }
  .counter.over {
    color: var(--_error);
    font-weight: 600;
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

  input:focus-visible,
  select:focus-visible,
  textarea:focus-visible,
  button:focus-visible,
  a:focus-visible,
  [tabindex='-1']:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }

  h2[tabindex='-1']:focus,
  h3[tabindex='-1']:focus,
  [tabindex='-1']:focus:not(:focus-visible) {
    outline: none;
  }

  a {
    color: var(--_accent);
    text-decoration: underline;
    text-underline-offset: 0.2em;
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
    align-items: center;
  }

  button,
  a.button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.5rem;
    min-block-size: 2.75rem;
    min-inline-size: 2.75rem;
    margin: 0;
    padding: 0.5rem 1.25rem;
    font: inherit;
    font-weight: 700;
    line-height: 1.3;
    text-transform: none;
    letter-spacing: normal;
    border: 2px solid transparent;
    border-radius: calc(var(--_radius) * 0.75);
    cursor: pointer;
    box-shadow: none;
  }

  button.primary,
  a.button.primary {
    color: var(--_on-accent);
    background: var(--_accent);
  }

  /* The next step after sending (follow it up) is a link that looks like the action it is. */
  a.button {
    text-decoration: none;
  }

  button.secondary {
    color: var(--_accent);
    background: transparent;
    border-color: currentColor;
  }

  button.link {
    color: var(--_accent);
    background: transparent;
    padding-inline: 0.25rem;
    text-decoration: underline;
    font-weight: 600;
  }

  button[aria-disabled='true'] {
    opacity: 0.7;
    cursor: progress;
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

  .notice {
    padding: 0.75rem var(--_space);
    background: var(--_surface-alt);
    border-inline-start: 4px solid var(--_accent);
    border-radius: calc(var(--_radius) * 0.5);
  }

  .notice.warning {
    border-inline-start-color: var(--_error);
  }

  .panel {
    display: grid;
    gap: var(--_space);
    padding: calc(var(--_space) * 1.25);
    border-radius: var(--_radius);
    border: 2px solid var(--_success);
    background: var(--_surface);
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

  .visually-hidden,
  .honeypot {
    position: absolute !important;
    inline-size: 1px;
    block-size: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }

  @media (forced-colors: active) {
    .choice:has(input:checked) {
      border-color: Highlight;
    }
    button.primary,
    a.button.primary {
      border-color: ButtonText;
    }
    .field.has-error,
    .group.has-error,
    .summary {
      border-color: Mark;
    }
  }

  @media (prefers-reduced-motion: no-preference) {
    button,
    a.button {
      transition: filter 120ms ease;
    }
    button.primary:hover,
    a.button.primary:hover {
      filter: brightness(1.1);
    }
  }
`;
