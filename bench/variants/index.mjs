// The five builds of the same two pages, and how each one tells that it is interactive.
// `ready: 'probe'` pages set window.__benchReady (ms since navigation start) themselves;
// `ready: 'dcl'` is the no-JS floor, read from navigation timing (no script on the page).
export const PAGES = ['form', 'ratings'];

export const VARIANTS = [
  { name: 'sila', label: 'Sila', build: 'copy', ready: 'probe' },
  { name: 'shoelace', label: 'Shoelace 2', build: 'vite', ready: 'probe' },
  { name: 'material', label: 'Material Web', build: 'vite', ready: 'probe' },
  { name: 'surveyjs', label: 'SurveyJS', build: 'vite', ready: 'probe' },
  { name: 'floor', label: 'No-JS floor', build: 'copy', ready: 'dcl' },
];

export const FLOOR = 'floor';
export const SILA = 'sila';
