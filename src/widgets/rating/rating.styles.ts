import { css } from 'lit';

/**
 * The scale and the inline row; the rest is the shared form styles. Every point is at
 * least 24px (44px for stars and faces); the radio covers its whole point, so the
 * target is the point. Rows follow the host's direction (low → high in reading order).
 */
export const ratingStyles = css`
  :host {
    --_star: var(--sila-color-star, #b45309);
  }
  :host([theme='dark']) {
    --_star: var(--sila-color-star, #fbbf24);
  }

  .form,
  .inline-form {
    container-type: inline-size;
  }

  .question-group {
    display: grid;
    gap: 0.5rem;
    justify-items: start;
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
  }

  /* Numbered scales take the whole width; stars and faces keep their size. */
  .question-group:has(.numbers) {
    justify-items: stretch;
  }
  .question-group:has(.numbers) .scale-row {
    grid-template-columns: 1fr 1fr;
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

  .stars .icon {
    fill: transparent;
    stroke: var(--_border);
    stroke-width: 1.5;
    stroke-linejoin: round;
  }

  .stars .option.filled .icon {
    fill: var(--_star);
    stroke: var(--_star);
  }

  /* Hovering previews how many stars a click would give. */
  .stars .option:hover .icon,
  .stars .option:has(~ .option:hover) .icon {
    stroke: var(--_star);
    fill: color-mix(in srgb, var(--_star) 35%, transparent);
  }

  .faces .icon .face {
    fill: transparent;
    stroke: var(--_border);
    stroke-width: 1.5;
  }
  .faces .icon .eye {
    fill: currentColor;
  }
  .faces .icon .mouth {
    fill: none;
    stroke: currentColor;
    stroke-width: 1.6;
    stroke-linecap: round;
  }
  .faces .option:hover .face {
    stroke: var(--_accent);
  }
  .faces .option.filled {
    color: var(--_accent);
    background: color-mix(in srgb, var(--_accent) 10%, var(--_surface));
  }
  .faces .option.filled .face {
    stroke: var(--_accent);
    stroke-width: 2;
  }

  .numbers {
    inline-size: 100%;
  }

  .numbers .option {
    flex: 1 1 0;
    min-inline-size: 1.5rem;
    border: 2px solid var(--_border);
    background: var(--_surface);
    font-weight: 700;
    font-variant-numeric: tabular-nums;
  }

  .numbers .option:hover {
    border-color: var(--_accent);
  }

  .numbers .option.filled {
    color: var(--_on-accent);
    background: var(--_accent);
    border-color: var(--_accent);
  }

  .digit {
    pointer-events: none;
  }

  .meaning {
    font-weight: 600;
    color: var(--_text);
  }

  .note {
    font-size: 0.875em;
    color: var(--_muted);
  }

  .status {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1rem;
  }

  /* Inline: one row (it wraps on a narrow screen), for a page footer. */
  .inline-form {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1rem;
  }

  /* A footer row may use the page's whole width. */
  :host([mode='inline']) {
    max-inline-size: min(100%, var(--sila-max-width, 100%));
  }

  :host([mode='inline']) .numbers .option {
    min-inline-size: 2.25rem;
  }

  :host([mode='inline']) .question-group {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem 1rem;
  }

  :host([mode='inline']) .question {
    font-size: 1em;
    font-weight: 600;
  }

  :host([mode='inline']) .scale-row {
    display: flex;
    align-items: center;
    gap: 0.5rem;
  }

  :host([mode='inline']) .scale {
    flex: none;
    inline-size: auto;
  }

  /* Narrow (a phone footer): the question above, the ends under the scale, as in full mode. */
  @container (max-width: 36rem) {
    :host([mode='inline']) .question-group {
      display: grid;
      inline-size: 100%;
    }
    :host([mode='inline']) .scale-row {
      display: grid;
      grid-template-columns: auto auto;
      justify-content: start;
      gap: 0.25rem 1rem;
    }
    :host([mode='inline']) .question-group:has(.numbers) .scale-row {
      grid-template-columns: 1fr 1fr;
    }
    :host([mode='inline']) .scale {
      flex: initial;
    }
    :host([mode='inline']) .scale.numbers {
      inline-size: 100%;
    }
    :host([mode='inline']) .numbers .option {
      min-inline-size: 1.5rem;
    }
  }

  :host([mode='inline']) .meaning,
  :host([mode='inline']) .hint {
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

  .panel.outcome .title {
    font-size: 1.25em;
    font-weight: 700;
  }

  /* A narrow NPS row: two lines (0–5, 6–10) rather than points under 24px. */
  @container (max-width: 19rem) {
    .numbers[data-scale='nps'] {
      flex-wrap: wrap;
    }
    .numbers[data-scale='nps'] .option {
      flex-basis: calc((100% - 5 * 0.25rem) / 6);
      flex-grow: 0;
    }
  }

  @media (forced-colors: active) {
    .option:has(input:checked) {
      outline: 3px solid Highlight;
      outline-offset: 1px;
    }
    .stars .icon,
    .faces .icon .face {
      stroke: CanvasText;
    }
    .stars .option.filled .icon {
      fill: Highlight;
      stroke: Highlight;
    }
    .numbers .option.filled {
      color: HighlightText;
      background: Highlight;
      forced-color-adjust: none;
    }
  }
`;
