/** The case view: the case on one side, the actions beside it (stacked below 64rem). */
import { css } from 'lit';

export const caseStyles = css`
  .case-grid {
    display: grid;
    grid-template-columns: minmax(0, 3fr) minmax(18rem, 2fr);
    gap: var(--_space);
    align-items: start;
  }

  .case-grid.single {
    grid-template-columns: minmax(0, 1fr);
  }

  @media (max-width: 64rem) {
    .case-grid {
      grid-template-columns: minmax(0, 1fr);
    }
  }

  h2 {
    margin: 0;
    font-size: 1.125em;
  }

  .back {
    justify-self: start;
  }

  dl.pairs {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem 2rem;
    margin: 0;
  }

  dl.pairs dt {
    font-size: 0.875em;
    font-weight: 600;
    color: var(--_muted);
  }

  dl.pairs dd {
    margin: 0;
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 0.5rem;
    align-items: center;
  }

  ul.plain {
    margin: 0;
    padding: 0;
    list-style: none;
    display: grid;
    gap: 0.5rem;
  }

  ol.timeline {
    margin: 0;
    padding: 0;
    list-style: none;
    display: grid;
    gap: 0.75rem;
  }

  .entry {
    display: grid;
    gap: 0.25rem;
    padding-inline-start: 0.75rem;
    border-inline-start: 3px solid color-mix(in srgb, var(--_border) 40%, transparent);
  }

  .entry.public {
    border-inline-start-color: var(--_accent);
  }

  .entry p {
    margin: 0;
  }

  /* Names in the other script never pull the dates and dots around them out of order. */
  .entry-head strong,
  .entry-head .nowrap {
    unicode-bidi: isolate;
  }

  .entry-note {
    display: grid;
    gap: 0.25rem;
    justify-items: start;
    white-space: pre-wrap;
  }

  .badge.public {
    color: var(--_accent);
    border-color: currentColor;
  }

  .check {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 0.25rem 0.625rem;
    align-items: center;
  }

  .check input {
    inline-size: 1.5rem;
    block-size: 1.5rem;
    margin: 0;
    accent-color: var(--_accent);
  }

  .check label {
    font-weight: 600;
  }

  .check .hint {
    grid-column: 2;
  }

  #conflict {
    display: grid;
    gap: 0.5rem;
  }
`;
