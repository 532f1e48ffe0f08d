#!/usr/bin/env node
// Where the bytes of Sila's single files go, and what the required stack alone weighs: the
// figures behind the size targets. Each file is rebuilt with a source map into a temporary
// folder (dist/ is left alone); every byte of the minified output is charged to the source
// file it came from, each group is gzipped on its own and the shares are scaled to the file's
// real gzip size (gzip shares are estimates: groups compress a little better together).
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { SourceMapConsumer } from 'source-map-js';
import { build, parseAst } from 'vite';
import { compressed } from './compress.mjs';
import { BENCH, ROOT } from './paths.mjs';

const WIDGETS = ['complaint-form', 'request-form', 'rating', 'status-lookup'];
/** Every single file: bilingual (language ''), Arabic and English, as scripts/build.mjs makes them. */
export const LANGUAGES = ['', 'ar', 'en'];
const FILES = LANGUAGES.flatMap((language) =>
  ['', ...WIDGETS].map((widget) => ({
    language,
    file: `sila${widget && `-${widget}`}${language && `.${language}`}.iife.js`,
    mode: `iife${widget && `-${widget}`}${language && `-${language}`}`,
  })),
);

/** Groups in report order; the first match wins. The libraries come first; everything after them is Sila's own. */
const GROUPS = [
  ['lit', /node_modules\/(lit|lit-html|lit-element|@lit\/reactive-element)\//],
  ['@lit/localize (runtime)', /node_modules\/@lit\/localize\//],
  ['zod/mini', /node_modules\/zod\//],
  ['idb-keyval', /node_modules\/idb-keyval\//],
  ['Arabic catalog, bilingual files (strings and ids)', /src\/generated\/locales\//],
  ['Sila: contract (schemas, validators)', /src\/contract\//],
  ['Sila: client (HTTP, retries, drafts, outbox)', /src\/client\//],
  ['Sila: shared UI (core, fields, styles)', /src\/(core|fields|styles)\//],
  ['Sila: widgets (code, templates; copy in the per-language files)', /src\/widgets\//],
  ['Sila: entry, settings, page API', /src\//],
];
const OTHER = 'bundler glue (unmapped)';
const LIBRARIES = new Set(
  GROUPS.filter(([, pattern]) => pattern.source.startsWith('node_modules')).map(([name]) => name),
);

/** gzip bytes of everything but the libraries: Sila's code, styles, strings and glue. */
const ownShare = (groups) =>
  [...groups].filter(([group]) => !LIBRARIES.has(group)).reduce((sum, [, bytes]) => sum + bytes, 0);

const gzip = (text) => gzipSync(text, { level: 9 }).length;

function groupOf(source) {
  if (!source) return OTHER;
  return GROUPS.find(([, pattern]) => pattern.test(source))?.[0] ?? OTHER;
}

/** gzip bytes per group of one minified file and its source map. */
function attribute(code, map) {
  const lines = code.split('\n');
  const mappings = [];
  new SourceMapConsumer(map).eachMapping((m) => mappings.push(m));
  mappings.sort((a, b) => a.generatedLine - b.generatedLine || a.generatedColumn - b.generatedColumn);
  const texts = new Map();
  const charge = (group, text) => texts.set(group, (texts.get(group) ?? '') + text);
  mappings.forEach((m, i) => {
    const next = mappings[i + 1];
    const line = lines[m.generatedLine - 1] ?? '';
    const end = next && next.generatedLine === m.generatedLine ? next.generatedColumn : line.length;
    charge(groupOf(m.source), line.slice(m.generatedColumn, end));
  });
  const separate = new Map([...texts].map(([group, text]) => [group, gzip(text)]));
  const sum = [...separate.values()].reduce((a, b) => a + b, 0);
  const total = gzip(code);
  return new Map([...separate].map(([group, bytes]) => [group, (bytes * total) / sum]));
}

/**
 * gzip bytes the Arabic copy adds to a file: the file against itself with every string and
 * template text that holds Arabic letters taken out (strings are inlined in the .ar files).
 */
function arabicCopy(code) {
  const spans = [];
  const visit = (node) => {
    if (!node || typeof node.type !== 'string') return;
    if (node.type === 'Literal' && typeof node.value === 'string' && /[\u0600-\u06ff]/.test(node.value))
      spans.push([node.start + 1, node.end - 1]);
    if (node.type === 'TemplateElement' && /[\u0600-\u06ff]/.test(node.value.raw)) spans.push([node.start, node.end]);
    for (const value of Object.values(node)) {
      if (Array.isArray(value)) value.forEach(visit);
      else if (value && typeof value === 'object') visit(value);
    }
  };
  visit(parseAst(code));
  let without = code;
  for (const [start, end] of spans.sort((a, b) => b[0] - a[0])) without = without.slice(0, start) + without.slice(end);
  return gzip(code) - gzip(without);
}

/** A source file's short name: src/… for Sila's own, the package's file for a library. */
const moduleName = (source) => (source ? source.replace(/^.*?(node_modules\/|src\/)/, '$1') : OTHER);

/** gzip bytes per source file (the same estimate as the groups, one level finer). */
function attributeModules(code, map) {
  const lines = code.split('\n');
  const mappings = [];
  new SourceMapConsumer(map).eachMapping((m) => mappings.push(m));
  mappings.sort((a, b) => a.generatedLine - b.generatedLine || a.generatedColumn - b.generatedColumn);
  const texts = new Map();
  mappings.forEach((m, i) => {
    const next = mappings[i + 1];
    const line = lines[m.generatedLine - 1] ?? '';
    const end = next && next.generatedLine === m.generatedLine ? next.generatedColumn : line.length;
    const name = moduleName(m.source);
    texts.set(name, (texts.get(name) ?? '') + line.slice(m.generatedColumn, end));
  });
  const separate = new Map([...texts].map(([name, text]) => [name, gzip(text)]));
  const sum = [...separate.values()].reduce((a, b) => a + b, 0);
  const total = gzip(code);
  return new Map([...separate].map(([name, bytes]) => [name, (bytes * total) / sum]));
}

async function buildWithMap(mode, outDir) {
  await build({
    root: ROOT,
    configFile: join(ROOT, 'vite.config.ts'),
    mode,
    logLevel: 'warn',
    build: { outDir, sourcemap: 'hidden', emptyOutDir: true },
  });
  const file = readdirSync(outDir).find((name) => name.endsWith('.js'));
  return {
    code: readFileSync(join(outDir, file), 'utf8'),
    map: JSON.parse(readFileSync(join(outDir, `${file}.map`), 'utf8')),
  };
}

/** The stack alone (bench/stack-floor/entry.js), built like Sila's single file. */
async function stackFloor(outDir) {
  await build({
    root: BENCH,
    configFile: false,
    logLevel: 'warn',
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      minify: true,
      lib: {
        entry: join(BENCH, 'stack-floor', 'entry.js'),
        name: 'StackFloor',
        formats: ['iife'],
        fileName: () => 'stack-floor.js',
      },
    },
  });
  return compressed(readFileSync(join(outDir, 'stack-floor.js')));
}

/** Every message's English source and Arabic translation as plain text, without ids or markup. */
function copyText() {
  const xliff = readFileSync(join(ROOT, 'locales', 'ar.xlf'), 'utf8');
  const text = (tag) =>
    [...xliff.matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, 'g'))]
      .map((m) => m[1].replace(/<[^>]+>/g, ''))
      .join('\n');
  const english = text('source');
  const arabic = text('target');
  return {
    messages: (xliff.match(/<trans-unit /g) ?? []).length,
    english: gzip(english),
    arabic: gzip(arabic),
    both: gzip(`${english}\n${arabic}`),
  };
}

export async function measureComposition() {
  const work = mkdtempSync(join(tmpdir(), 'sila-composition-'));
  try {
    const files = [];
    for (const { file, mode, language } of FILES) {
      const { code, map } = await buildWithMap(mode, join(work, mode));
      const groups = attribute(code, map);
      const modules = attributeModules(code, map);
      const copy = language === 'ar' ? arabicCopy(code) : undefined;
      files.push({ file, language, gzip: gzip(code), groups, modules, copy, own: ownShare(groups) });
    }
    return {
      files,
      groupOrder: GROUPS.map(([name]) => name),
      stack: await stackFloor(join(work, 'stack-floor')),
      copy: copyText(),
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { renderComposition } = await import('./report.mjs');
  console.log(renderComposition(await measureComposition()));
}
