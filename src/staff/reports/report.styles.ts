/**
 * The report's layout, on screen and on A4 paper: each chart beside its table (one above
 * the other below 48rem and on paper narrower than that), tables with numbers aligned
 * at the end, sections that do not break inside a table row. Logical properties only.
 */
import { css } from 'lit';

export const reportStyles = css`
  .report {
    display: grid;
    gap: calc(var(--_space) * 1.5);
    min-inline-size: 0;
    /* Chart and table side by side by the report's own width, not the window's: the
       printed report (A4 text width) is laid out the same on screen and on paper. */
    container-type: inline-size;
  }

  .report-header {
    display: flex;
    gap: var(--_space);
    align-items: center;
    padding-block-end: var(--_space);
    border-block-end: 2px solid var(--_accent);
  }

  .report-header p {
    margin: 0;
  }

  .logo {
    inline-size: 3.5rem;
    block-size: 3.5rem;
    flex: none;
    object-fit: contain;
  }

  .logo.mark {
    display: grid;
    place-items: center;
    border-radius: 50%;
    background: var(--_accent);
    color: var(--_on-accent);
    font-size: 1.75rem;
    font-weight: 700;
  }

  .association {
    font-weight: 700;
    font-size: 1.125em;
  }

  .title {
    font-size: 1.375em;
    font-weight: 700;
  }

  section {
    display: grid;
    gap: 0.75rem;
    min-inline-size: 0;
  }

  h2 {
    margin: 0;
    font-size: 1.25em;
    color: var(--_accent);
  }

  h3 {
    margin: 0.5rem 0 0;
    font-size: 1.05em;
  }

  .period-fields {
    align-items: end;
  }

  .period-fields select {
    min-inline-size: 12rem;
  }

  .period-fields input {
    box-sizing: border-box;
    min-block-size: 2.75rem;
    padding-inline: 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    font: inherit;
  }

  .pair {
    display: grid;
    grid-template-columns: minmax(0, 3fr) minmax(0, 2fr);
    gap: var(--_space);
    align-items: start;
  }

  @container (max-width: 36rem) {
    .pair {
      grid-template-columns: minmax(0, 1fr);
    }
  }

  .stacked {
    display: grid;
    gap: var(--_space);
  }

  .table-scroll {
    overflow-x: auto;
  }

  table {
    inline-size: 100%;
    border-collapse: collapse;
    font-size: 0.9375em;
  }

  caption {
    text-align: start;
    font-weight: 600;
    padding-block-end: 0.375rem;
  }

  th,
  td {
    text-align: start;
    padding: 0.375rem 0.5rem;
    border-block-end: 1px solid color-mix(in srgb, var(--_border) 35%, transparent);
    vertical-align: top;
  }

  thead th {
    background: var(--_surface-alt);
  }

  tbody th {
    font-weight: 500;
  }

  tfoot th,
  tfoot td {
    font-weight: 700;
  }

  .num {
    text-align: end;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }

  .ltr {
    direction: ltr;
    text-align: start;
    unicode-bidi: isolate;
    white-space: nowrap;
  }

  .chart-empty {
    margin: 0;
  }

  .notes {
    font-size: 0.875em;
  }

  @media print {
    .report {
      gap: 0.75rem;
      font-size: 10pt;
    }
    h2 {
      break-after: avoid;
      page-break-after: avoid;
    }
    h3,
    caption {
      break-after: avoid;
    }
    tr,
    .pair,
    sila-report-chart {
      break-inside: avoid;
    }
    .table-scroll {
      overflow: visible;
    }
    thead {
      display: table-header-group;
    }
  }
`;
