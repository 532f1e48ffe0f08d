import { css } from 'lit';

/** Only what is particular to the request form; the rest is the shared form styles. */
export const requestFormStyles = css`
  :host {
    container-type: inline-size;
  }

  /* Columns never grow past the form: a file input's intrinsic width would push it. */
  .form,
  .step-body {
    grid-template-columns: minmax(0, 1fr);
  }

  .steps {
    display: grid;
    grid-auto-flow: column;
    grid-auto-columns: minmax(0, 1fr);
    gap: 0.25rem;
    margin: 0;
    padding: 0;
    list-style: none;
    font-size: 0.8125em;
    line-height: 1.3;
  }

  .steps li {
    padding-block-start: 0.5rem;
    border-block-start: 4px solid color-mix(in srgb, var(--_border) 45%, transparent);
    color: var(--_muted);
  }

  .steps li.done {
    border-block-start-color: var(--_success);
  }

  .steps li.current {
    border-block-start-color: var(--_accent);
    color: var(--_text);
    font-weight: 700;
  }

  /*
   * Forced colours (Windows contrast themes) paint every border one colour: the steps then
   * differ by shape too. To do: thin dashed; done: solid; current: thick, in the highlight.
   */
  @media (forced-colors: active) {
    .steps li {
      forced-color-adjust: none;
      color: CanvasText;
      border-block-start: 2px dashed GrayText;
      padding-block-start: calc(0.5rem + 2px);
    }
    .steps li.done {
      border-block-start: 4px solid CanvasText;
      padding-block-start: 0.5rem;
    }
    .steps li.current {
      border-block-start: 8px solid Highlight;
      padding-block-start: calc(0.5rem - 4px);
      text-decoration: underline;
    }
  }

  /* On a phone only the bar shows; the current step is named in the heading below it. */
  @container (max-width: 34rem) {
    .steps .step-name {
      position: absolute;
      inline-size: 1px;
      block-size: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
  }

  .step-title {
    display: grid;
    gap: 0.125rem;
    font-size: 1.25em;
    line-height: 1.3;
  }

  .step-title .caption {
    font-size: 0.75em;
    font-weight: 600;
    color: var(--_muted);
  }

  .step-body {
    display: grid;
    gap: calc(var(--_space) * 1.25);
  }

  .privacy {
    display: grid;
    gap: 0.5rem;
  }

  .privacy h4,
  .review-section h4 {
    margin: 0;
    font-size: 1em;
  }

  .privacy ul {
    margin: 0;
    padding-inline-start: 1.25rem;
  }

  .hijri {
    font-size: 0.9375em;
    color: var(--_muted);
  }

  .review-section {
    display: grid;
    gap: 0.5rem;
    padding-block-end: var(--_space);
    border-block-end: 1px solid color-mix(in srgb, var(--_border) 40%, transparent);
  }

  .review-head {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    align-items: center;
    gap: 0.5rem;
  }

  .review-list {
    display: grid;
    gap: 0.5rem;
    margin: 0;
  }

  .review-row {
    display: grid;
    grid-template-columns: minmax(8rem, 2fr) 3fr;
    gap: 0.25rem 1rem;
  }

  @container (max-width: 30rem) {
    .review-row {
      grid-template-columns: 1fr;
    }
  }

  .review-row dt {
    font-weight: 600;
  }

  .review-row dd {
    margin: 0;
    overflow-wrap: anywhere;
  }

  .multiline {
    white-space: pre-wrap;
  }

  .step-actions .clear {
    margin-inline-start: auto;
  }

  .saved {
    font-size: 0.875em;
    color: var(--_muted);
  }

  .queued {
    display: grid;
    gap: 0.75rem;
  }
`;
