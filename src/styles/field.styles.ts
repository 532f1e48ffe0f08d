import { css } from 'lit';

/** Labelled fields: text inputs, selects and text areas, their errors and counters. */
export const fieldStyles = css`
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

  textarea {
    min-block-size: 8rem;
    resize: vertical;
  }

  [aria-invalid='true'] {
    border-color: var(--_error);
  }

  .field.has-error,
  .group.has-error {
    border-inline-start: 4px solid var(--_error);
    padding-inline-start: 0.75rem;
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

  @media (forced-colors: active) {
    .field.has-error,
    .group.has-error {
      border-color: Mark;
    }
  }
`;
