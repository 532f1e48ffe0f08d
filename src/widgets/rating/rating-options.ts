/**
 * The scale itself: native radios (one tab stop, announced as "radio, 4 of 5,
 * satisfied, 4 of 5") inside role=radiogroup, drawn as stars, faces or numbered boxes.
 *
 * Direction, decided once for every display: the scale runs low → high in the reading
 * direction. In English 1 (or 0) is on the left; in Arabic it is on the right, where
 * Arabic reading starts, like every other row of the form. The arrow keys follow
 * what the eye sees, so in Arabic ArrowLeft moves towards the higher end; ArrowUp is
 * always higher and ArrowDown lower (as on a slider); Home is the lowest (the start
 * side), End the highest. The keys stop at the ends instead of wrapping: a jump from
 * "very satisfied" to "very dissatisfied" is never what a person means. The browser's
 * own arrow handling is replaced, because it differs between browsers in RTL and
 * because an arrow key must not count as a final choice in inline mode.
 */
import { html, nothing } from 'lit';
import type { RatingScale } from '../../contract/rating.js';
import { mouthOf } from './rating-icons.js';
import { pointName, scalePoints, type RatingDisplay } from './rating-scales.js';

export interface ScaleOptions {
  scale: RatingScale;
  display: RatingDisplay;
  /** The chosen point, if any. */
  value?: number;
  rtl: boolean;
  labelledBy: string;
  describedBy?: string;
  invalid: boolean;
  /**
   * `commit` is true for a click, a tap or Space (a deliberate choice) and false when
   * the selection only moved with the arrow keys, Home or End.
   */
  onChoose: (score: number, commit: boolean) => void;
  /** Enter on the scale. */
  onEnter: () => void;
}

/** The point the key leads to from `current`, or undefined for other keys. */
export function targetOfKey(
  key: string,
  current: number | undefined,
  points: readonly number[],
  rtl: boolean,
): number | undefined {
  const first = points[0]!;
  const last = points[points.length - 1]!;
  const step: Record<string, number> = {
    ArrowUp: 1,
    ArrowDown: -1,
    ArrowRight: rtl ? -1 : 1,
    ArrowLeft: rtl ? 1 : -1,
  };
  if (key === 'Home') return first;
  if (key === 'End') return last;
  const delta = step[key];
  if (delta === undefined) return undefined;
  // From nothing chosen, the first step lands on the end the key points to.
  if (current === undefined) return delta > 0 ? first : last;
  return Math.min(last, Math.max(first, current + delta));
}

/**
 * The markup of one point around its four bindings (class, part, aria-label, checked),
 * with what never changes written in: the value, the face's mouth, the digit. The radio's
 * name is its aria-label, read once (a hidden text node beside it was read a second time
 * in browse mode). Stars are drawn by CSS (rating.styles.ts): an SVG per star was half
 * the layout of a page of ratings.
 */
function pointMarkup(display: RatingDisplay, point: number): [string, string, string, string, string] {
  const glyph =
    display === 'stars'
      ? '<span class="icon"></span>'
      : display === 'faces'
        ? faceMarkup(point)
        : `<span class="digit" aria-hidden="true">${point}</span>`;
  return [
    '<label class="',
    '" part="',
    `"><input type="radio" name="score" value="${point}" aria-label="`,
    '" .checked=',
    `/>${glyph}</label>`,
  ];
}

function faceMarkup(point: number): string {
  const [corner, middle] = mouthOf(point);
  return `<svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><circle class="face" cx="12" cy="12" r="9.5"/><circle class="eye" cx="8.75" cy="9.5" r="1.25"/><circle class="eye" cx="15.25" cy="9.5" r="1.25"/><path class="mouth" d="M7.5 ${corner} Q12 ${middle} 16.5 ${corner}"/></svg>`;
}

/**
 * The scale and all its points as one template, built once per display and scale: a
 * template per point (and a marker pair each for the list) cost more to stamp than one,
 * and fifty ratings render in one task. Lit accepts a strings array made this way (it
 * has `raw`, as lit/static-html's are).
 */
const scaleTemplates = new Map<string, TemplateStringsArray>();

function scaleStrings(scale: RatingScale, display: RatingDisplay, points: readonly number[]): TemplateStringsArray {
  const key = `${scale} ${display}`;
  let strings = scaleTemplates.get(key);
  if (!strings) {
    const parts = [
      `<div class="scale ${display}" part="scale" role="radiogroup" aria-required="true" data-scale="${scale}" aria-labelledby="`,
      '" aria-describedby="',
      '" aria-invalid="',
      '" @keydown=',
      ' @click=',
      '>',
    ];
    for (const point of points) {
      const [first, ...rest] = pointMarkup(display, point);
      parts[parts.length - 1] += first;
      parts.push(...rest);
    }
    parts[parts.length - 1] += '</div>';
    strings = Object.assign(parts, { raw: parts }) as unknown as TemplateStringsArray;
    scaleTemplates.set(key, strings);
  }
  return strings;
}

export function renderScale(options: ScaleOptions) {
  const { scale, display, value } = options;
  const points = scalePoints(scale);

  const moveWithKeys = (event: KeyboardEvent) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === 'Enter') {
      event.preventDefault();
      options.onEnter();
      return;
    }
    const target = targetOfKey(event.key, value, points, options.rtl);
    if (target === undefined) return;
    event.preventDefault();
    const group = event.currentTarget as HTMLElement;
    const radio = group.querySelector<HTMLInputElement>(`input[value="${target}"]`);
    if (radio) {
      radio.checked = true;
      radio.focus();
    }
    if (target !== value) options.onChoose(target, false);
  };

  // One listener for the points: a click, a tap or Space on a radio (a label's click
  // reaches its radio) is a deliberate choice.
  const choose = (event: Event) => {
    const radio = event.target as HTMLInputElement;
    if (radio.name === 'score') options.onChoose(Number(radio.value), true);
  };

  const values: unknown[] = [
    options.labelledBy,
    options.describedBy || nothing,
    options.invalid ? 'true' : 'false',
    moveWithKeys,
    choose,
  ];
  for (const point of points) {
    const checked = point === value;
    // Stars fill up to the chosen one; faces and numbers mark only the chosen one.
    const filled = display === 'stars' ? value !== undefined && point <= value : checked;
    values.push(
      filled ? 'option filled' : 'option',
      checked ? 'option option-checked' : 'option',
      pointName(scale, point),
      // No live(): what the browser checked on a click is put right by chooseScore.
      checked,
    );
  }
  return html(scaleStrings(scale, display, points), ...values);
}
