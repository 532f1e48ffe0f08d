/**
 * Vite plugin for the per-language single files (dist/sila.ar.iife.js, dist/sila.en.iife.js
 * and the per-widget .ar/.en files): @lit/localize's transform mode, run on each source
 * file as vite loads it. Every msg() call becomes its text in `locale` (Arabic from
 * locales/ar.xlf, English from the source), so the file carries no catalog, no message ids
 * and no localize runtime; the price is that the language cannot change on the page.
 * The runtime engine (src/core/locale-live.ts) is swapped for src/core/locale-fixed.ts.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { TransformLitLocalizer } from '@lit/localize-tools/lib/modes/transform.js';
import type { Config } from '@lit/localize-tools/lib/types/config.js';
import ts from 'typescript';
import type { Plugin } from 'vite';

const SOURCE = /\/src\/.*\.ts$/;
const LIVE_ENGINE = /\/src\/core\/locale-live\.ts$/;
const FIXED_ENGINE = resolve('src/core/locale-fixed.ts');

function transformerFor(locale: string): (program: ts.Program) => ts.TransformerFactory<ts.SourceFile> {
  const json = JSON.parse(readFileSync('lit-localize.json', 'utf8')) as Omit<Config, 'baseDir' | 'resolve'>;
  const config = {
    ...json,
    output: { mode: 'transform' },
    baseDir: process.cwd(),
    resolve: (path: string) => resolve(path),
  } as Config;
  const factory = new TransformLitLocalizer(config as never).transformers().get(locale as never);
  if (!factory) throw new Error(`lit-localize.json has no locale ${locale}`);
  return factory;
}

/**
 * One program for every entry and both languages, made once per process: scripts/build.mjs
 * runs all the single-file builds in one process, and the type checker is the slow part.
 * (Kept on globalThis: vite evaluates its config, and so this module, afresh for each build.)
 */
function sharedProgram(entry: string): ts.Program {
  const cache = globalThis as { silaLocaleProgram?: ts.Program };
  const cached = cache.silaLocaleProgram;
  if (cached?.getSourceFile(resolve(entry))) return cached;
  const config = ts.readConfigFile('tsconfig.json', ts.sys.readFile).config as unknown;
  const { options } = ts.parseJsonConfigFileContent(config, ts.sys, process.cwd());
  const roots = ['src/index.ts', ...ts.sys.readDirectory('src/bundles', ['.ts']), entry, FIXED_ENGINE];
  cache.silaLocaleProgram = ts.createProgram(
    roots.map((root) => resolve(root)),
    { ...options, noEmit: true },
  );
  return cache.silaLocaleProgram;
}

export function localeTransform(entry: string, locale: string): Plugin {
  let program: ts.Program;
  let factory: ts.TransformerFactory<ts.SourceFile>;
  // Non-ASCII text stays as written (the transform's synthesized literals would be \u-escaped).
  const printer = ts.createPrinter({ neverAsciiEscape: true } as ts.PrinterOptions);
  return {
    name: 'sila:locale-transform',
    apply: 'build',
    enforce: 'pre',
    buildStart() {
      program = sharedProgram(entry);
      factory = transformerFor(locale)(program);
    },
    async resolveId(source, importer, options) {
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      return resolved && LIVE_ENGINE.test(resolved.id) ? FIXED_ENGINE : null;
    },
    transform(code, id) {
      if (!SOURCE.test(id) || !/\bmsg\b|@lit\/localize/.test(code)) return null;
      const file = program.getSourceFile(id);
      if (!file) throw new Error(`${id} is not in the program built from ${entry}`);
      const result = ts.transform(file, [factory]);
      try {
        return { code: printer.printFile(result.transformed[0]!), map: null };
      } finally {
        result.dispose();
      }
    },
  };
}
