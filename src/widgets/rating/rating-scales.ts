/**
 * What each rating scale asks and what each of its points means. Functions, not
 * constants, so every word is read in the active language at render time.
 */
import { msg, str } from '@lit/localize';
import { RATING_SCALES, type RatingScale } from '../../contract/rating.js';
import { REFERENCE_KINDS, type ReferenceKind } from '../../contract/identifiers.js';

export const SCALES: readonly RatingScale[] = ['csat', 'nps', 'ces'];
export type RatingDisplay = 'stars' | 'faces' | 'numbers';

export function isScale(value: unknown): value is RatingScale {
  return typeof value === 'string' && (SCALES as readonly string[]).includes(value);
}

const POINTS = new Map<RatingScale, readonly number[]>();

/** The scale's points, lowest first: one array per scale, read by every render of every rating. */
export function scalePoints(scale: RatingScale): readonly number[] {
  let points = POINTS.get(scale);
  if (!points) {
    const [min, max] = RATING_SCALES[scale];
    points = Array.from({ length: max - min + 1 }, (_, index) => min + index);
    POINTS.set(scale, points);
  }
  return points;
}

/** Stars and faces suit CSAT only; NPS and CES are always numbered boxes. */
export function displayFor(scale: RatingScale, requested: string | undefined): RatingDisplay {
  if (scale !== 'csat') return 'numbers';
  return requested === 'faces' ? 'faces' : requested === 'numbers' ? 'numbers' : 'stars';
}

/** The words at the two ends of the scale: [lowest, highest]. */
export function endLabels(scale: RatingScale): [string, string] {
  switch (scale) {
    case 'csat':
      return [msg('Very dissatisfied'), msg('Very satisfied')];
    case 'nps':
      return [msg('Not at all likely'), msg('Extremely likely')];
    case 'ces':
      return [msg('Strongly disagree'), msg('Strongly agree')];
  }
}

/** What one point means, when it has a meaning of its own (NPS names only its ends). */
export function pointMeaning(scale: RatingScale, score: number): string | undefined {
  if (scale === 'csat') {
    return [
      msg('Very dissatisfied'),
      msg('Dissatisfied'),
      msg('Neither satisfied nor dissatisfied'),
      msg('Satisfied'),
      msg('Very satisfied'),
    ][score - 1];
  }
  if (scale === 'ces') {
    return [
      msg('Strongly disagree'),
      msg('Disagree'),
      msg('Somewhat disagree'),
      msg('Neither agree nor disagree'),
      msg('Somewhat agree'),
      msg('Agree'),
      msg('Strongly agree'),
    ][score - 1];
  }
  const [min, max] = RATING_SCALES.nps;
  return score === min ? msg('Not at all likely') : score === max ? msg('Extremely likely') : undefined;
}

/** The accessible name of one point: its value and what it means ("4 of 5, satisfied"). */
export function pointName(scale: RatingScale, score: number): string {
  const max = RATING_SCALES[scale][1];
  const meaning = pointMeaning(scale, score);
  return meaning ? msg(str`${score} of ${max}, ${meaning}`) : msg(str`${score} of ${max}`);
}

export interface QuestionContext {
  /** The reference the rating is about, if any: its first letter says what was handled. */
  reference?: string;
  inline: boolean;
}

/** What the reference is for, from its first letter (REFERENCE_KINDS). */
function kindOf(reference: string): ReferenceKind | undefined {
  return (Object.keys(REFERENCE_KINDS) as ReferenceKind[]).find((kind) => REFERENCE_KINDS[kind] === reference[0]);
}

/** "How we handled your …", in the words of what the person sent. */
function handledQuestion(kind: ReferenceKind | undefined): string {
  switch (kind) {
    case 'complaint':
      return msg('How satisfied are you with how we handled your complaint?');
    case 'suggestion':
      return msg('How satisfied are you with how we handled your suggestion?');
    case 'inquiry':
      return msg('How satisfied are you with how we handled your inquiry?');
    case 'compensation':
      return msg('How satisfied are you with how we handled your compensation claim?');
    default:
      return msg('How satisfied are you with how we handled your request?');
  }
}

/** The question the scale answers, unless the page sets its own. */
export function defaultQuestion(scale: RatingScale, { reference, inline }: QuestionContext): string {
  switch (scale) {
    case 'csat':
      if (reference) return handledQuestion(kindOf(reference));
      return inline ? msg('How satisfied are you with this page?') : msg('How satisfied are you with our service?');
    case 'nps':
      return msg('How likely are you to recommend the association to a friend or relative?');
    case 'ces':
      // CES is a statement to agree with, as the standard wording has it.
      return reference && kindOf(reference) !== 'request'
        ? msg('It was easy to get this handled.')
        : msg('It was easy to get my request handled.');
  }
}

/** A line under the question that says how to answer (CES needs one). */
export function scaleHint(scale: RatingScale): string | undefined {
  return scale === 'ces' ? msg('How much do you agree with this statement?') : undefined;
}
