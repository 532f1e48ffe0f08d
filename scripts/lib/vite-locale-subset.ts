/**
 * Vite plugin for the bilingual single files (dist/sila.iife.js, dist/sila-rating.iife.js, …):
 * - lit-localize writes every Arabic string of every widget into one module, so a page with
 *   only the rating would download the request form's Arabic too: this keeps just the
 *   messages used by the files the entry imports, found the way lit-localize itself finds
 *   them (same ids);
 * - with `shortIds`, every message gets a short id ('0', '1', … 'a7') instead of its
 *   17-character hash ('s007ac3850d5d7b45'): the id is written into each msg() call and
 *   the catalog's keys, so the runtime no longer hashes strings to find them, and its
 *   hash function is left out. The hashes were 3.5 kB of the gzip'd Arabic catalog, as
 *   they do not compress. Live language switching is unchanged.
 */
import { resolve } from 'node:path';
import {
  extractMessagesFromProgram,
  extractOptions,
  extractTemplate,
  generateMsgIdFromAstNode,
  isMsgCall,
} from '@lit/localize-tools/lib/program-analysis.js';
import ts from 'typescript';
import type { Plugin } from 'vite';

const LOCALE_MODULE = /\/src\/generated\/locales\/[a-z-]+\.ts$/i;
const ENTRY_LINE = /^(\s*)'([a-z0-9]+)':/i;
const SOURCE = /\/src\/.*\.ts$/;
// The runtime's id hashing, needed only by msg() calls without an id.
const RUNTIME_MSG = /\/@lit\/localize\/internal\/runtime-msg\.js$/;
const NO_HASHING = '\0sila:no-msg-id-hashing';

function programOf(entry: string): ts.Program {
  const config = ts.readConfigFile('tsconfig.json', ts.sys.readFile).config as unknown;
  const { options } = ts.parseJsonConfigFileContent(config, ts.sys, process.cwd());
  return ts.createProgram([resolve(entry)], { ...options, noEmit: true });
}

/** Text edits that give each msg() call of `file` its short id. */
function idEdits(file: ts.SourceFile, checker: ts.TypeChecker, shortId: (id: string) => string) {
  const edits: { start: number; end: number; text: string }[] = [];
  const visit = (node: ts.Node): void => {
    if (isMsgCall(node, checker)) {
      const [templateArg, optionsArg] = node.arguments;
      const template = extractTemplate(templateArg!, file, checker);
      const options = extractOptions(optionsArg, file);
      if (template.error || options.error) throw new Error(`${file.fileName}: msg() call lit-localize cannot read`);
      const id =
        options.result.id ?? generateMsgIdFromAstNode(template.result.template, template.result.tag === 'html');
      const text = `{ id: ${JSON.stringify(shortId(id))} }`;
      if (optionsArg) edits.push({ start: optionsArg.getStart(file), end: optionsArg.end, text });
      else edits.push({ start: templateArg!.end, end: templateArg!.end, text: `, ${text}` });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return edits;
}

export function localeSubset(entry: string, { shortIds = false } = {}): Plugin {
  let program: ts.Program;
  let used: Set<string>;
  let short: Map<string, string>;
  const shortId = (id: string): string => {
    const value = short.get(id);
    if (value === undefined) throw new Error(`message ${id} is not among the entry's messages`);
    return value;
  };
  return {
    name: 'sila:locale-subset',
    apply: 'build',
    enforce: 'pre',
    buildStart() {
      program = programOf(entry);
      used = new Set(extractMessagesFromProgram(program).messages.map((message) => message.name));
      // Sorted, so the same messages always get the same ids.
      short = new Map([...used].sort().map((id, index) => [id, index.toString(36)]));
    },
    resolveId(source, importer) {
      return shortIds && source === './id-generation.js' && RUNTIME_MSG.test(importer ?? '') ? NO_HASHING : null;
    },
    load(id) {
      if (id !== NO_HASHING) return null;
      return `export function generateMsgId() { throw new Error('Sila: a msg() call without an id'); }`;
    },
    transform(code, id) {
      if (LOCALE_MODULE.test(id)) {
        const lines = code.split('\n').flatMap((line) => {
          const match = ENTRY_LINE.exec(line);
          if (!match) return [line];
          const [whole, indent, key] = match;
          if (!used.has(key!)) return [];
          return [shortIds ? `${indent}'${shortId(key!)}':${line.slice(whole.length)}` : line];
        });
        return { code: lines.join('\n'), map: null };
      }
      if (!shortIds || !SOURCE.test(id) || !/\bmsg\b/.test(code)) return null;
      const file = program.getSourceFile(id);
      if (!file) return null;
      if (file.text !== code) throw new Error(`${id} changed during the build (or another plugin ran first)`);
      const edits = idEdits(file, program.getTypeChecker(), shortId).sort((a, b) => b.start - a.start);
      let text = code;
      for (const { start, end, text: replacement } of edits)
        text = text.slice(0, start) + replacement + text.slice(end);
      return { code: text, map: null };
    },
  };
}
