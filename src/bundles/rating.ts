/** dist/sila-rating.iife.js: a page that only asks for a rating loads just this. */
export { SilaRating } from '../widgets/rating/rating.js';
export { SilaRatingChangeEvent } from '../widgets/rating/rating-change-event.js';
export * from '../page-api.js';
