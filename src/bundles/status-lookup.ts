/**
 * dist/sila-status-lookup.iife.js: the follow-up page alone. It invites a rating only
 * when <sila-rating> is defined: load the all-in-one file to embed one.
 */
export { SilaStatusLookup } from '../widgets/status-lookup/status-lookup.js';
export { SilaRateInviteEvent } from '../widgets/status-lookup/rate-invite-event.js';
export * from '../page-api.js';
