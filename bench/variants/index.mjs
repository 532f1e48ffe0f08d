// The builds of the same two pages, and how each one tells that it is interactive.
// `ready: 'probe'` pages set window.__benchReady (ms since navigation start) themselves;
// `ready: 'dcl'` is the no-JS floor, read from navigation timing (no script on the page).
// Sila three ways, same sources: the Arabic file (dist/sila.ar.iife.js, the CDN default),
// the bilingual file (dist/sila.iife.js, live language switching) and the English file
// (its pages in English, like the peers'). `pages` is the folder of the HTML, `language`
// the file's language part ('' bilingual); the pages' BUNDLE placeholders name the file.
export const PAGES = ['form', 'ratings'];

export const VARIANTS = [
  { name: 'sila-ar', label: 'Sila, Arabic file', pages: 'sila', language: '.ar', build: 'copy', ready: 'probe' },
  { name: 'sila', label: 'Sila, bilingual file', pages: 'sila', language: '', build: 'copy', ready: 'probe' },
  { name: 'sila-en', label: 'Sila, English file', pages: 'sila-en', language: '.en', build: 'copy', ready: 'probe' },
  { name: 'shoelace', label: 'Shoelace 2', build: 'vite', ready: 'probe' },
  { name: 'material', label: 'Material Web', build: 'vite', ready: 'probe' },
  { name: 'surveyjs', label: 'SurveyJS', build: 'vite', ready: 'probe' },
  { name: 'floor', label: 'No-JS floor', build: 'copy', ready: 'dcl' },
];

export const FLOOR = 'floor';
/** What "× Sila" compares with: the file people get by default (unpkg, jsdelivr, WordPress in Arabic). */
export const SILA = 'sila-ar';
export const SILA_VARIANTS = VARIANTS.filter((variant) => variant.pages === 'sila' || variant.pages === 'sila-en');
