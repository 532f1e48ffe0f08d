/** dist/sila-request-form.iife.js: a page that only takes requests loads just this. */
export { SilaRequestForm } from '../widgets/request-form/request-form.js';
export * from '../page-api.js';
