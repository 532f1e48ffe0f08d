/** `sila-rating-change`: the person chose a point on the scale (nothing sent yet). */
import type { RatingScale } from '../../contract/rating.js';

export interface RatingChangeDetail {
  scale: RatingScale;
  score: number;
}

export class SilaRatingChangeEvent extends Event {
  constructor(readonly detail: RatingChangeDetail) {
    super('sila-rating-change', { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'sila-rating-change': SilaRatingChangeEvent;
  }
}
