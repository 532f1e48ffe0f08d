/**
 * Vite plugin for the per-widget single files: lit-localize writes every Arabic string of
 * every widget into one module, so a page with only the rating would download the request
 * form's Arabic too. This keeps just the messages used by the files the entry imports,
 * found the way lit-localize itself finds them (same ids).
 */
import { extractMessagesFromProgram } from '@lit/localize-tools/lib/program-analysis.js';
import ts from 'typescript';
import type { Plugin } from 'vite';

const LOCALE_MODULE = /\/src\/generated\/locales\/[a-z-]+\.ts$/i;
const ENTRY_LINE = /^\s*'([a-z0-9]+)':/i;

function messageIdsOf(entry: string): Set<string> {
  const config = ts.readConfigFile('tsconfig.json', ts.sys.readFile).config as unknown;
  const { options } = ts.parseJsonConfigFileContent(config, ts.sys, process.cwd());
  const program = ts.createProgram([entry], { ...options, noEmit: true });
  const { messages } = extractMessagesFromProgram(program);
  return new Set(messages.map((message) => message.name));
}

export function localeSubset(entry: string): Plugin {
  let used: Set<string>;
  return {
    name: 'sila:locale-subset',
    apply: 'build',
    enforce: 'pre',
    buildStart() {
      used = messageIdsOf(entry);
    },
    transform(code, id) {
      if (!LOCALE_MODULE.test(id)) return null;
      const lines = code.split('\n').filter((line) => {
        const key = ENTRY_LINE.exec(line)?.[1];
        return key === undefined || used.has(key);
      });
      return { code: lines.join('\n'), map: null };
    },
  };
}
