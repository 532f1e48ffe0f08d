// The demo's own two-language helper: static text uses data-ar/data-en attributes,
// text built in JS uses t({ ar, en }) and re-renders on the "demo-language" event.
export const LANGUAGE_EVENT = 'demo-language';

export function pageLanguage() {
  return document.documentElement.lang === 'en' ? 'en' : 'ar';
}

export function t(pair) {
  return pair[pageLanguage()];
}

export function onLanguageChange(render) {
  document.addEventListener(LANGUAGE_EVENT, render);
}

/** Latin digits, the Gregorian calendar and Riyadh time in both languages, as the widgets show dates. */
export function formatDateTime(iso) {
  const locale = pageLanguage() === 'ar' ? 'ar-SA-u-nu-latn-ca-gregory' : 'en-GB';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Riyadh' }).format(
    date,
  );
}
