/**
 * The language engine of the per-language files (dist/sila.ar.iife.js, dist/sila.en.iife.js,
 * …): the strings were inlined at build time by @lit/localize's transform mode, so the
 * language is fixed and there is nothing to load or switch. Same exports as ./locale-live.ts,
 * which scripts/lib/vite-locale-transform.ts replaces with this module.
 */
import { configureTransformLocalization } from '@lit/localize';
import { sourceLocale } from '../generated/locale-codes.js';

const localization = configureTransformLocalization({ sourceLocale });

/** Nothing to load: the file speaks one language, whatever is asked. */
export const switchLocale = (locale: string): Promise<void> => {
  void locale;
  return Promise.resolve();
};
export const activeLocale = (): string => localization.getLocale();
