/**
 * The console's own layout on top of the widgets' tokens and form styles. Logical
 * properties only; the table turns into stacked cards below 48rem (a reception tablet
 * at 768 px keeps every column readable without scrolling sideways).
 */
import { css } from 'lit';

export const staffStyles = css`
  :host {
    max-inline-size: none;
  }

  h1 {
    margin: 0;
    font-size: 1.5em;
    line-height: 1.3;
  }

  h1[tabindex='-1']:focus {
    outline: none;
  }

  .stack {
    display: grid;
    gap: var(--_space);
    align-content: start;
  }

  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
    align-items: center;
  }

  .spread {
    justify-content: space-between;
  }

  .card {
    display: grid;
    gap: var(--_space);
    padding: var(--_space);
    background: var(--_surface);
    border: 1px solid color-mix(in srgb, var(--_border) 40%, transparent);
    border-radius: var(--_radius);
    min-inline-size: 0;
  }

  .muted {
    color: var(--_muted);
  }

  .badge {
    display: inline-block;
    padding: 0.125rem 0.625rem;
    border-radius: 999px;
    font-size: 0.875em;
    font-weight: 600;
    white-space: nowrap;
    background: var(--_surface-alt);
    color: var(--_text);
    border: 1px solid color-mix(in srgb, var(--_border) 50%, transparent);
  }

  .badge.late {
    color: var(--_error);
    border-color: currentColor;
  }

  .badge.soon {
    color: #8a4b00;
    border-color: currentColor;
  }

  .ltr {
    direction: ltr;
    unicode-bidi: isolate;
  }

  .nowrap {
    white-space: nowrap;
  }

  input[type='password'] {
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
    appearance: none;
  }

  input[type='password']:focus-visible,
  dialog:focus-visible,
  main:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }

  .summary h2 {
    margin: 0;
    font-size: 1.125em;
  }

  summary {
    display: flex;
    align-items: center;
    min-block-size: 2.75rem;
    inline-size: fit-content;
    padding-inline: 0.25rem;
    color: var(--_accent);
    font-weight: 700;
    cursor: pointer;
  }

  summary:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }

  textarea {
    min-block-size: 5rem;
  }

  dl.facts {
    display: grid;
    grid-template-columns: minmax(8rem, max-content) 1fr;
    gap: 0.375rem 1rem;
    margin: 0;
  }

  dl.facts dt {
    font-weight: 600;
    color: var(--_muted);
  }

  dl.facts dd {
    margin: 0;
    min-inline-size: 0;
    overflow-wrap: anywhere;
  }

  .status-line {
    padding: 0.75rem var(--_space);
    background: var(--_surface-alt);
    border-radius: calc(var(--_radius) * 0.5);
  }

  @media (forced-colors: active) {
    .badge {
      border-color: CanvasText;
    }
  }
`;
