/**
 * The case table and its controls. Below 48rem (a 768 px tablet) each row becomes a card
 * with its column names beside the values, so nothing scrolls sideways.
 */
import { css } from 'lit';

export const caseTableStyles = css`
  .tabs {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem;
    border-block-end: 2px solid color-mix(in srgb, var(--_border) 30%, transparent);
  }

  .tabs button {
    color: var(--_text);
    background: transparent;
    border: 0;
    border-block-end: 3px solid transparent;
    border-radius: 0;
    font-weight: 600;
  }

  .tabs button[aria-selected='true'] {
    color: var(--_accent);
    border-block-end-color: currentColor;
  }

  .count {
    display: inline-block;
    min-inline-size: 1.75rem;
    padding: 0 0.375rem;
    border-radius: 999px;
    background: var(--_surface-alt);
    color: var(--_text);
    font-size: 0.875em;
  }

  .search-row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
    align-items: end;
  }

  .search-row .field {
    flex: 1 1 20rem;
    max-inline-size: 36rem;
  }

  details {
    display: grid;
    gap: 0.75rem;
  }

  details[open] > summary {
    margin-block-end: 0.75rem;
  }

  details > .actions {
    margin-block-start: 0.75rem;
  }

  .filter-grid {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(12rem, 1fr));
    gap: 0.75rem 1rem;
  }

  table.cases {
    inline-size: 100%;
    border-collapse: collapse;
    background: var(--_surface);
    border-radius: var(--_radius);
  }

  .cases th,
  .cases td {
    padding: 0.625rem 0.75rem;
    text-align: start;
    vertical-align: top;
    border-block-end: 1px solid color-mix(in srgb, var(--_border) 25%, transparent);
  }

  .cases th {
    font-size: 0.875em;
    color: var(--_muted);
    background: var(--_surface-alt);
  }

  .case-link {
    font-weight: 700;
  }

  @media (max-width: 64rem) {
    table.cases,
    .cases tbody,
    .cases tr,
    .cases td {
      display: block;
    }

    .cases thead {
      position: absolute;
      inline-size: 1px;
      block-size: 1px;
      overflow: hidden;
      clip-path: inset(50%);
    }

    .cases tr {
      display: grid;
      grid-template-columns: repeat(2, minmax(0, 1fr));
      gap: 0.25rem 1rem;
      padding: 0.75rem var(--_space);
      border-block-end: 1px solid color-mix(in srgb, var(--_border) 40%, transparent);
    }

    .cases td {
      display: grid;
      justify-items: start;
      padding: 0;
      border: 0;
    }

    .cases td::before {
      content: attr(data-label);
      font-size: 0.8125em;
      font-weight: 600;
      color: var(--_muted);
    }
  }
`;
