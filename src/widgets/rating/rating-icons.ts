/**
 * The faces of the CSAT scale are inline SVG (no font or emoji differences between
 * phones), drawn in rating-options.ts; only the mouth changes from point to point.
 */

/** Mouth curve per point, 1 (very dissatisfied) to 5: [corner height, middle height]. */
const MOUTHS: Record<number, [number, number]> = {
  1: [17.5, 13.5],
  2: [17, 15],
  3: [16, 16],
  4: [15.5, 17.5],
  5: [15, 19.5],
};

/** The mouth's corner height and its quadratic control point's height. */
export function mouthOf(score: number): [number, number] {
  const [corner, middle] = MOUTHS[score] ?? [16, 16];
  return [corner, middle * 2 - corner];
}
