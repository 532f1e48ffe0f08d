import { css } from 'lit';

/**
 * The rating's styles, in parts: each rating adopts the core, the part for its display
 * (stars, faces or numbers) and the part for its mode (full or inline), and nothing else
 * — on a page of fifty ratings every rule is matched in fifty shadow roots. Every point
 * is at least 24px (44px for stars and faces); the radio covers its whole point, so the
 * target is the point. Rows follow the host's direction (low → high in reading order).
 */
export const ratingCoreStyles = css`
  :host {
    --_star: var(--sila-color-star, #b45309);
  }
  :host([theme='dark']) {
    --_star: var(--sila-color-star, #fbbf24);
  }

  .question-group {
    display: grid;
    gap: 0.5rem;
    justify-items: start;
    min-inline-size: 0;
  }

  .question-group.has-error {
    border-inline-start: 4px solid var(--_error);
    padding-inline-start: 0.75rem;
  }

  .question {
    font-size: 1.125em;
    font-weight: 700;
    line-height: 1.4;
  }

  .scale-row {
    display: grid;
    grid-template-columns: auto auto;
    gap: 0.25rem 1rem;
    max-inline-size: 100%;
  }

  .scale {
    grid-column: 1 / -1;
    grid-row: 1;
    display: flex;
    gap: 0.25rem;
  }

  .end {
    grid-row: 2;
    font-size: 0.875em;
    color: var(--_muted);
    line-height: 1.3;
  }

  .end-high {
    text-align: end;
  }

  .option {
    position: relative;
    display: inline-grid;
    place-items: center;
    min-inline-size: 2.75rem;
    min-block-size: 2.75rem;
    border-radius: calc(var(--_radius) * 0.75);
    color: var(--_text);
    cursor: pointer;
  }

  /* The real radio lies over the whole point: it is the click target and the focus. */
  .option input {
    position: absolute;
    inset: 0;
    inline-size: 100%;
    block-size: 100%;
    margin: 0;
    opacity: 0;
    cursor: pointer;
  }

  .option:has(input:focus-visible) {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }

  .icon {
    inline-size: 2.25rem;
    block-size: 2.25rem;
    pointer-events: none;
  }

  .status {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1rem;
  }

  @media (forced-colors: active) {
    .option:has(input:checked) {
      outline: 3px solid Highlight;
      outline-offset: 1px;
    }
  }
`;

export const starStyles = css`
  .icon {
    fill: transparent;
    stroke: var(--_border);
    stroke-width: 1.5;
    stroke-linejoin: round;
  }

  .filled .icon {
    fill: var(--_star);
    stroke: var(--_star);
  }

  /* Hovering previews how many stars a click would give. */
  .option:hover .icon,
  .option:has(~ .option:hover) .icon {
    stroke: var(--_star);
    fill: color-mix(in srgb, var(--_star) 35%, transparent);
  }

  /* Forced colours: outlines in the text colour, the chosen stars in the system's highlight. */
  @media (forced-colors: active) {
    .icon {
      stroke: CanvasText;
    }
    .filled .icon,
    .option:hover .icon,
    .option:has(~ .option:hover) .icon {
      fill: Highlight;
      stroke: Highlight;
    }
  }
`;

export const faceStyles = css`
  .face {
    fill: transparent;
    stroke: var(--_border);
    stroke-width: 1.5;
  }
  .eye {
    fill: currentColor;
  }
  .mouth {
    fill: none;
    stroke: currentColor;
    stroke-width: 1.6;
    stroke-linecap: round;
  }
  .option:hover .face {
    stroke: var(--_accent);
  }
  .filled {
    color: var(--_accent);
    background: color-mix(in srgb, var(--_accent) 10%, var(--_surface));
  }
  .filled .face {
    stroke: var(--_accent);
    stroke-width: 2;
  }

  @media (forced-colors: active) {
    .face {
      stroke: CanvasText;
    }
    .filled .face {
      stroke: Highlight;
    }
  }
`;

/** Numbered boxes (NPS, CES, CSAT as numbers): they take the whole width. */
export const numberStyles = css`
  .question-group {
    justify-items: stretch;
  }
  .scale-row {
    grid-template-columns: 1fr 1fr;
  }

  .numbers {
    inline-size: 100%;
  }

  .option {
    flex: 1 1 0;
    min-inline-size: 1.5rem;
    border: 2px solid var(--_border);
    background: var(--_surface);
    font-weight: 700;
    font-variant-numeric: tabular-nums;
  }

  .option:hover {
    border-color: var(--_accent);
  }

  .filled {
    color: var(--_on-accent);
    background: var(--_accent);
    border-color: var(--_accent);
  }

  .digit {
    pointer-events: none;
  }

  /*
   * A narrow NPS (a phone, or a rating inside a card): two rows of six slots, 0–5 above
   * and 6–10 below against the end side, so 10 sits under 5 and the end labels under
   * the scale's ends: «Not at all likely» under 0's column, «Extremely likely» under 10.
   */
  @container (max-width: 28rem) {
    [data-scale='nps'] {
      flex-wrap: wrap;
      justify-content: flex-end;
      row-gap: 0.375rem;
    }
    [data-scale='nps'] .option {
      flex: 0 0 calc((100% - 5 * 0.25rem) / 6);
    }
  }

  @media (forced-colors: active) {
    .filled {
      color: HighlightText;
      background: Highlight;
      border-color: Highlight;
      forced-color-adjust: none;
    }
  }
`;

/** Full mode: a form with the comment field; container queries measure the form. */
export const fullStyles = css`
  .form {
    container-type: inline-size;
  }

  .meaning {
    font-weight: 600;
    color: var(--_text);
  }

  .note {
    font-size: 0.875em;
    color: var(--_muted);
  }

  .panel.outcome .title {
    font-size: 1.25em;
    font-weight: 700;
  }
`;

/** Inline mode: one row (it wraps on a narrow screen), for a page footer. */
export const inlineStyles = css`
  :host {
    max-inline-size: min(100%, var(--sila-max-width, 100%));
  }

  .inline-form {
    container-type: inline-size;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1rem;
  }

  .question-group {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem 1rem;
  }

  .question {
    font-size: 1em;
    font-weight: 600;
  }

  .scale-row {
    display: flex;
    align-items: center;
    gap: 0.5rem;
  }

  .scale {
    flex: none;
    inline-size: auto;
  }

  .numbers .option {
    min-inline-size: 2.25rem;
  }

  /* Narrow (a phone footer): the question above, the ends under the scale, as in full mode. */
  @container (max-width: 36rem) {
    .question-group {
      display: grid;
      inline-size: 100%;
    }
    .scale-row {
      display: grid;
      grid-template-columns: auto auto;
      justify-content: start;
      gap: 0.25rem 1rem;
    }
    .question-group:has(.numbers) .scale-row {
      grid-template-columns: 1fr 1fr;
    }
    .scale {
      flex: initial;
    }
    .scale.numbers {
      inline-size: 100%;
    }
    .numbers .option {
      min-inline-size: 1.5rem;
    }
  }

  .hint {
    display: none;
  }

  .sending {
    color: var(--_muted);
  }

  .inline-outcome {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    min-block-size: 2.75rem;
    font-weight: 600;
    color: var(--_success);
  }
`;
