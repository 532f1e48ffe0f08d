// Demo page glue: the language switch and an event log. A real site needs none of it.
import { LANGUAGE_EVENT } from './i18n.js';

const toggle = document.getElementById('language-toggle');
const log = document.getElementById('event-log');

function applyLanguage(lang) {
  document.documentElement.lang = lang;
  document.documentElement.dir = lang === 'ar' ? 'rtl' : 'ltr';
  for (const node of document.querySelectorAll('[data-ar]')) node.textContent = node.dataset[lang];
  toggle.textContent = lang === 'ar' ? 'English' : 'العربية';
  toggle.lang = lang === 'ar' ? 'en' : 'ar';
  for (const node of document.querySelectorAll('[data-ar-label]'))
    node.setAttribute('aria-label', node.dataset[`${lang}Label`]);
  document.title = lang === 'ar' ? 'صلة — عرض تجريبي' : 'Sila demo';
  // Every Sila widget on the page follows.
  window.Sila?.setLocale(lang);
  // The demo's own panels (theme, snippet) re-render their JS-built text.
  document.dispatchEvent(new CustomEvent(LANGUAGE_EVENT, { detail: { lang } }));
}

toggle.addEventListener('click', () => applyLanguage(document.documentElement.lang === 'ar' ? 'en' : 'ar'));

// Same origin as the reference server that serves this page.
window.Sila?.configure({ endpoint: location.origin });

const initial = new URLSearchParams(location.search).get('lang');
// This module loads last, so the other demo panels already listen for the language event.
if (initial === 'en' || initial === 'ar') applyLanguage(initial);

// The confirmation links back here with ?ref=: show the follow-up section.
if (new URLSearchParams(location.search).has('ref')) document.getElementById('follow-up').scrollIntoView();

for (const type of ['sila-submit', 'sila-submitted', 'sila-error']) {
  document.addEventListener(type, (event) => {
    const item = document.createElement('li');
    const detail = event.detail ?? {};
    const summary =
      type === 'sila-submitted' ? detail.reference : type === 'sila-error' ? detail.error?.kind : detail.kind;
    item.textContent = `${new Date().toLocaleTimeString('en-GB')} ${type} ${summary ?? ''}`;
    log.prepend(item);
  });
}
