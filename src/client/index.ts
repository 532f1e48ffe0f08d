/** Network and storage for the widgets, usable without Lit by any host page. */
export * from './api.js';
export * from './errors.js';
export * from './http.js';
export * from './retry.js';
export * from './idempotency.js';
export * from './drafts.js';
export * from './outbox.js';
