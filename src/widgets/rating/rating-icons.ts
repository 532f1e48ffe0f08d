/**
 * The glyphs of the CSAT scale as inline SVG (no font or emoji differences between
 * phones). Decorative: each radio is named by its text, so the SVGs are aria-hidden.
 */
import { svg } from 'lit';

export function starIcon() {
  return svg`<svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
    <path d="M12 2.6l2.85 5.95 6.55.85-4.8 4.55 1.2 6.5L12 17.3l-5.8 3.15 1.2-6.5-4.8-4.55 6.55-.85z" />
  </svg>`;
}

/** Mouth curve per point, 1 (very dissatisfied) to 5: [corner height, middle height]. */
const MOUTHS: Record<number, [number, number]> = {
  1: [17.5, 13.5],
  2: [17, 15],
  3: [16, 16],
  4: [15.5, 17.5],
  5: [15, 19.5],
};

export function faceIcon(score: number) {
  const [corner, middle] = MOUTHS[score] ?? [16, 16];
  return svg`<svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
    <circle class="face" cx="12" cy="12" r="9.5" />
    <circle class="eye" cx="8.75" cy="9.5" r="1.25" />
    <circle class="eye" cx="15.25" cy="9.5" r="1.25" />
    <path class="mouth" d="M7.5 ${corner} Q12 ${middle * 2 - corner} 16.5 ${corner}" />
  </svg>`;
}
