/** dist/sila-complaint-form.iife.js: a page that only takes complaints loads just this. */
export { SilaComplaintForm } from '../widgets/complaint-form/complaint-form.js';
export * from '../page-api.js';
