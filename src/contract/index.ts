/**
 * The HTTP contract (v1), shared by the widgets and the reference server: one zod
 * schema per payload and answer. docs/openapi.json is generated from these.
 */
export * from './codes.js';
export * from './digits.js';
export * from './identifiers.js';
export * from './fields.js';
export * from './limits.js';
export * from './status.js';
export * from './complaint.js';
export * from './request.js';
export * from './rating.js';
export * from './lookup.js';
export * from './form-config.js';
export * from './problem.js';
export * from './issues.js';
export * from './staff.js';
export * from './reports.js';
export * from './staff-auth.js';
export * from './notifications.js';
