/**
 * Sila: registers every widget and exposes the page-wide API.
 *
 *   <script src="sila.iife.js"></script>
 *   <sila-complaint-form endpoint="https://example.org/sila"></sila-complaint-form>
 */
export { SilaComplaintForm } from './widgets/complaint-form/complaint-form.js';
export { SilaRequestForm } from './widgets/request-form/request-form.js';
export { SilaRating } from './widgets/rating/rating.js';
export { SilaStatusLookup } from './widgets/status-lookup/status-lookup.js';
export { SilaRatingChangeEvent } from './widgets/rating/rating-change-event.js';
export { SilaRateInviteEvent } from './widgets/status-lookup/rate-invite-event.js';
export * from './page-api.js';
