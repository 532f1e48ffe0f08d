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

/**
 * A star without an SVG: the star's outline (the path M12 2.6 … of a 24×24 box, stroked
 * 1.5 wide with round joins) as two CSS polygons: the element clipped to the outer edge
 * shows the fill, its ::after clipped to the ring between the outer and inner edges shows
 * the line. Fifty ratings are 250 stars; as SVGs they were half of the page's layout time.
 * Polygons, not a mask image: a host's Content-Security-Policy may forbid data: images.
 */
export const starStyles = css`
  :host {
    --_star-edge:
      47.2% 9.5%, 50% 7.7%, 52.8% 9.5%, 64% 32.7%, 89.6% 36.1%, 92.1% 38.2%, 91.3% 41.4%, 72.5% 59.2%, 77.2% 84.6%,
      76% 87.7%, 72.7% 88%, 50% 75.6%, 27.3% 88%, 24% 87.7%, 22.8% 84.6%, 27.5% 59.2%, 8.7% 41.4%, 7.9% 38.2%,
      10.4% 36.1%, 36% 32.7%;
  }

  .icon {
    position: relative;
    display: block;
    clip-path: polygon(var(--_star-edge));
    background: var(--_fill, transparent);
    print-color-adjust: exact;
  }

  .icon::after {
    content: '';
    position: absolute;
    inset: 0;
    /* The outer edge, then (from the same first point) the inner edge: even-odd leaves the ring. */
    clip-path: polygon(
      evenodd,
      var(--_star-edge),
      47.2% 9.5%,
      50% 18.1%,
      59.1% 37%,
      60% 38.2%,
      61.5% 38.7%,
      82.2% 41.4%,
      67% 55.9%,
      66.2% 57.2%,
      66.1% 58.7%,
      69.9% 79.3%,
      51.5% 69.3%,
      50% 69%,
      48.5% 69.3%,
      30.1% 79.3%,
      33.9% 58.7%,
      33.8% 57.2%,
      33% 55.9%,
      17.8% 41.4%,
      38.5% 38.7%,
      40% 38.2%,
      40.9% 37%,
      50% 18.1%
    );
    background: var(--_line, var(--_border));
    print-color-adjust: exact;
  }

  .filled .icon {
    --_fill: var(--_star);
    --_line: var(--_star);
  }

  /* Hovering previews how many stars a click would give. */
  .option:hover .icon,
  .option:has(~ .option:hover) .icon {
    --_line: var(--_star);
    --_fill: color-mix(in srgb, var(--_star) 35%, transparent);
  }

  /* Forced colours: outlines in the text colour, the chosen stars in the system's highlight. */
  @media (forced-colors: active) {
    .icon,
    .icon::after {
      forced-color-adjust: none;
    }
    .icon {
      --_line: CanvasText;
    }
    .filled .icon,
    .option:hover .icon,
    .option:has(~ .option:hover) .icon {
      --_fill: Highlight;
      --_line: Highlight;
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
   * No container query (a query container per rating is a style recalc per rating): the
   * sizes switch on the scale's own width, (27.25rem - 100%) * 999 being negative above
   * 27.25rem (eleven boxes of 2.25rem and their gaps) and very large below it.
   */
  [data-scale='nps'] {
    flex-wrap: wrap;
    justify-content: flex-end;
    row-gap: 0.375rem;
  }
  [data-scale='nps'] .option {
    flex-basis: clamp(0px, (27.25rem - 100%) * 999, (100% - 1.25rem) / 6);
    max-inline-size: max((100% - 1.25rem) / 6, (100% - 27.25rem) * 999);
  }
  /* An inline NPS or CES on a wide footer keeps boxes of 2.25rem (see inlineStyles). */
  .scale-row:has([data-scale='nps']) {
    --_row-min: min(100%, 27.25rem);
  }
  .scale-row:has([data-scale='ces']) {
    --_row-min: min(100%, 17.25rem);
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

/** Full mode: a form with the comment field. */
export const fullStyles = css`
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

  /*
   * The question, the scale (its end labels under its ends, as in full mode) and the send
   * button or notice share one wrapping row as wide as the form. Narrower than 36rem (a
   * phone footer, a card) the question and the scale each take a whole line. Each min size
   * below is 100% of the row under 36rem and its own above: no container query, which cost
   * a style recalc per rating (fifty on a page of ratings). A query once put the end labels
   * beside the scale on a wide row; no query-free layout does that and the narrow one (the
   * low label would come before the scale in one and after it in the other).
   */
  .question-group {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem 1rem;
  }

  .question-group > :is(.question, .error, .scale-row) {
    min-inline-size: clamp(var(--_row-min, 0px), (36rem - 100%) * 999, 100%);
  }

  .question {
    font-size: 1em;
    font-weight: 600;
  }

  .scale-row {
    justify-content: start;
    align-items: center;
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
