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
export { configure, getConfig, type SilaConfig } from './config.js';
export { setLocale, getLocale, type Locale } from './core/i18n.js';
export { SilaSubmitEvent, SilaSubmittedEvent, SilaErrorEvent } from './core/events.js';
export type { SubmitDetail, SubmittedDetail, ErrorDetail } from './core/events.js';
export { SilaError } from './client/errors.js';
export { createSilaClient, type SilaClient } from './client/api.js';
export { formatReference, normalizeReference } from './contract/identifiers.js';
