/**
 * The language engine of the bilingual files: @lit/localize's runtime mode, with the
 * Arabic strings bundled, so every widget on the page switches language live.
 * The per-language files (dist/sila.ar.iife.js, …) are built with
 * scripts/lib/vite-locale-transform.ts, which swaps this module for ./locale-fixed.ts.
 */
import { configureLocalization } from '@lit/localize';
import { sourceLocale, targetLocales } from '../generated/locale-codes.js';
import * as arabic from '../generated/locales/ar.js';

const localization = configureLocalization({
  sourceLocale,
  targetLocales,
  loadLocale: async () => arabic,
});

/** Starts loading `locale`; resolves once its strings are in place. */
export const switchLocale: (locale: string) => Promise<void> = localization.setLocale;
/** The locale the page speaks now (or the one being loaded). */
export const activeLocale: () => string = localization.getLocale;
