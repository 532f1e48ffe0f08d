/**
 * What every single-file build exposes on `window.Sila` besides its widgets: page-wide
 * configuration, the language, the events and the client.
 */
export { configure, getConfig, type SilaConfig } from './config.js';
export { setLocale, getLocale, type Locale } from './core/i18n.js';
export { SilaSubmitEvent, SilaSubmittedEvent, SilaErrorEvent } from './core/events.js';
export type { SubmitDetail, SubmittedDetail, ErrorDetail } from './core/events.js';
export { SilaError } from './client/errors.js';
export { createSilaClient, type SilaClient } from './client/api.js';
export { formatReference, normalizeReference } from './contract/identifiers.js';
