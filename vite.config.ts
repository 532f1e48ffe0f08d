/**
 * Library builds from one config (vite cannot emit several IIFE entries at once):
 * - `vite build`: ESM per widget, lit/zod external, for npm and bundlers;
 * - `vite build --mode iife`: one self-contained file for a <script> tag (dist/sila.iife.js);
 * - `vite build --mode iife-<widget>`: the same for one widget (dist/sila-<widget>.iife.js);
 * - `--mode iife-ar`, `iife-en`, `iife-<widget>-ar`, `iife-<widget>-en`: the same files in one
 *   language (dist/sila.ar.iife.js, dist/sila-rating.en.iife.js, …): strings inlined by
 *   @lit/localize's transform mode, smaller and faster, no live language switching;
 * - `vite build --mode staff`: the staff console (staff/index.html → dist/staff/), code-split
 *   ES modules so each view (and the reports' charts) loads only when opened.
 *   (Code-split ES modules were measured and lost: the shared chunk holds every Arabic
 *   string, and the extra round trip costs seconds on a 2 s RTT connection.)
 * `vite` alone serves the demo in development.
 */
import { minifyHTMLLiterals } from 'minify-literals';
import { defineConfig, type Plugin } from 'vite';
import { localeSubset } from './scripts/lib/vite-locale-subset.js';
import { localeTransform } from './scripts/lib/vite-locale-transform.js';

// React (for the react entry) is always the host's copy, like @lit/react: optional peers.
const external = (id: string) => /^(lit|@lit\/|zod|idb-keyval)/.test(id) || /^react(\/|$)/.test(id);

export const WIDGETS = ['complaint-form', 'request-form', 'rating', 'status-lookup'] as const;
type Widget = (typeof WIDGETS)[number];

/**
 * Minifies the CSS and HTML inside our `css` and `html` templates, which the JS minifier
 * leaves as written. Whitespace is collapsed conservatively (runs become one space, never
 * none): a space between an expression and a word is text in Arabic sentences.
 */
function minifyTemplates(): Plugin {
  return {
    name: 'sila:minify-templates',
    apply: 'build',
    enforce: 'pre',
    async transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id) || !/\b(html|css|svg)`/.test(code)) return null;
      const result = await minifyHTMLLiterals(code, {
        fileName: id,
        minifyOptions: { conservativeCollapse: true, collapseWhitespace: true, removeEmptyAttributes: false },
      });
      // magic-string types its map's version loosely; it is always 3.
      return result ? { code: result.code, map: result.map ? { ...result.map, version: 3 } : null } : null;
    },
  };
}

/**
 * package.json marks src/ free of side effects (only dist/ files register elements), so an
 * HTML entry's bare `import` of the console would be dropped whole: the console's modules
 * register elements and are kept.
 */
function consoleSideEffects(): Plugin {
  return {
    name: 'sila:console-side-effects',
    apply: 'build',
    transform(code, id) {
      return /\/src\/staff\//.test(id) ? { code, map: null, moduleSideEffects: true } : null;
    },
  };
}

/**
 * `iife`, `iife-<widget>`, and either with `-ar` or `-en`: the single file, all widgets or
 * one, bilingual (live switching) or in one language.
 */
function singleFileMode(mode: string): { widget?: Widget; locale?: 'ar' | 'en' } | undefined {
  const locale = (['ar', 'en'] as const).find((code) => mode.endsWith(`-${code}`));
  const rest = locale ? mode.slice(0, -locale.length - 1) : mode;
  if (rest === 'iife') return { locale };
  const widget = WIDGETS.find((name) => rest === `iife-${name}`);
  return widget ? { widget, locale } : undefined;
}

function singleFile(entry: string, fileName: string, plugins: Plugin[] = []) {
  return {
    // The locale plugin reads the sources from disk, so it runs before the template minifier.
    plugins: [...plugins, minifyTemplates()],
    build: {
      emptyOutDir: false,
      target: 'es2022',
      minify: true,
      lib: { entry, name: 'Sila', formats: ['iife' as const], fileName: () => fileName },
      rolldownOptions: { checks: { pluginTimings: false } },
    },
  };
}

export default defineConfig(({ command, mode }) => {
  if (command === 'serve') {
    return { server: { open: false }, appType: 'mpa' };
  }
  const single = singleFileMode(mode);
  if (single) {
    const entry = single.widget ? `src/bundles/${single.widget}.ts` : 'src/index.ts';
    const name = `sila${single.widget ? `-${single.widget}` : ''}${single.locale ? `.${single.locale}` : ''}.iife.js`;
    // Bilingual: only the Arabic strings the entry uses (never the staff console's), short ids;
    // per-language: the strings inlined, no catalog and no localize runtime.
    const locale = single.locale ? localeTransform(entry, single.locale) : localeSubset(entry, { shortIds: true });
    return singleFile(entry, name, [locale]);
  }
  if (mode === 'staff') {
    return {
      root: 'staff',
      base: '/staff/',
      plugins: [minifyTemplates(), localeSubset('src/staff/index.ts'), consoleSideEffects()],
      build: {
        outDir: '../dist/staff',
        emptyOutDir: true,
        target: 'es2022',
        minify: true,
        sourcemap: true,
        modulePreload: { polyfill: false },
        rolldownOptions: { checks: { pluginTimings: false } },
      },
    };
  }
  return {
    plugins: [minifyTemplates()],
    build: {
      target: 'es2022',
      minify: false,
      sourcemap: true,
      lib: {
        entry: {
          index: 'src/index.ts',
          'complaint-form': 'src/widgets/complaint-form/complaint-form.ts',
          'request-form': 'src/widgets/request-form/request-form.ts',
          rating: 'src/widgets/rating/rating.ts',
          'status-lookup': 'src/widgets/status-lookup/status-lookup.ts',
          contract: 'src/contract/index.ts',
          client: 'src/client/index.ts',
          react: 'src/react/index.ts',
        },
        formats: ['es'],
      },
      rolldownOptions: { external },
    },
  };
});
