/**
 * The admin views' tables (accounts, audit log). Below 62rem (a 768 px tablet) each row
 * becomes a card and each cell carries its column's name (data-label), so nothing
 * scrolls sideways.
 */
import { css } from 'lit';

export const adminTableStyles = css`
  table.list {
    inline-size: 100%;
    border-collapse: collapse;
    font-size: 0.9375em;
  }
  table.list caption {
    text-align: start;
    font-weight: 700;
    padding-block-end: 0.5rem;
  }
  table.list th,
  table.list td {
    padding: 0.5rem 0.625rem;
    text-align: start;
    vertical-align: top;
    border-block-end: 1px solid color-mix(in srgb, var(--_border) 35%, transparent);
    overflow-wrap: anywhere;
  }
  table.list thead th {
    background: var(--_surface-alt);
    font-weight: 700;
    white-space: nowrap;
  }
  table.list tr.selected > * {
    background: color-mix(in srgb, var(--_accent) 8%, var(--_surface));
  }
  .cell-actions {
    white-space: nowrap;
  }
  button.small {
    min-block-size: 2.25rem;
    padding: 0.25rem 0.75rem;
  }
  @media (max-width: 62rem) {
    table.list thead {
      position: absolute;
      inline-size: 1px;
      block-size: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
    table.list,
    table.list tbody,
    table.list tr,
    table.list td,
    table.list th[scope='row'] {
      display: block;
      inline-size: 100%;
    }
    table.list tr {
      margin-block-end: 0.75rem;
      padding: 0.5rem 0.75rem;
      border: 1px solid color-mix(in srgb, var(--_border) 40%, transparent);
      border-radius: var(--_radius);
      background: var(--_surface);
    }
    table.list td,
    table.list th[scope='row'] {
      display: grid;
      grid-template-columns: minmax(7rem, 32%) 1fr;
      gap: 0.75rem;
      border: 0;
      padding: 0.25rem 0;
    }
    table.list caption {
      display: block;
      inline-size: auto;
    }
    table.list td > button {
      justify-self: start;
    }
    table.list td::before,
    table.list th[scope='row']::before {
      content: attr(data-label);
      font-weight: 600;
      color: var(--_muted);
    }
  }
`;

/** The filter and form grids of the admin views: as many columns as fit. */
export const adminGridStyles = css`
  .filter-grid {
    display: grid;
    gap: var(--_space);
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 13rem), 1fr));
    align-items: start;
  }
`;
