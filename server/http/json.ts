/**
 * Strict JSON for request bodies: bounded nesting, no prototype-polluting keys, and a
 * canonical form (sorted keys) so "the same body" can be recognised by its hash.
 */
import { createHash } from 'node:crypto';

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export type JsonFailure = 'malformed_json' | 'nesting_too_deep' | 'forbidden_key' | 'duplicate_key';

export class JsonRejected extends Error {
  override readonly name = 'JsonRejected';
  constructor(readonly reason: JsonFailure) {
    super(reason);
  }
}

const isSpace = (ch: string | undefined) => ch === ' ' || ch === '\n' || ch === '\r' || ch === '\t';

/**
 * Checks what JSON.parse silently allows, before parsing (cheap, no recursion): nesting
 * deeper than max, and a key given twice in one object (JSON.parse keeps the last, so a
 * proxy or log reading the first would see other data than the server stores).
 */
export function scanJson(text: string, maxDepth: number): JsonFailure | null {
  const objects: (Set<string> | null)[] = []; // a Set of keys per open object, null per array
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') {
      const start = i;
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
      let next = i + 1;
      while (isSpace(text[next])) next++;
      const keys = objects.at(-1);
      if (text[next] === ':' && keys) {
        let key: string;
        try {
          key = JSON.parse(text.slice(start, i + 1)) as string; // "\u0061" and "a" are one key
        } catch {
          return null; // malformed: JSON.parse reports it
        }
        if (keys.has(key)) return 'duplicate_key';
        keys.add(key);
      }
    } else if (ch === '{' || ch === '[') {
      objects.push(ch === '{' ? new Set() : null);
      if (objects.length > maxDepth) return 'nesting_too_deep';
    } else if (ch === '}' || ch === ']') {
      objects.pop();
    }
  }
  return null;
}

export function parseStrictJson(text: string, maxDepth: number): unknown {
  const failure = scanJson(text, maxDepth);
  if (failure) throw new JsonRejected(failure);
  let forbidden = false;
  let value: unknown;
  try {
    value = JSON.parse(text, (key, item: unknown) => {
      if (FORBIDDEN_KEYS.has(key)) forbidden = true;
      return item;
    });
  } catch {
    throw new JsonRejected('malformed_json');
  }
  if (forbidden) throw new JsonRejected('forbidden_key');
  return value;
}

/** JSON with object keys sorted at every level: equal data gives equal text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}
