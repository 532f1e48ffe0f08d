/**
 * Strict JSON for request bodies: bounded nesting and array length, no prototype-polluting
 * keys, no key given twice, and a canonical form (sorted keys) so "the same body" can be
 * recognised by its hash. The checks run in one linear pass over the text before
 * JSON.parse, which then runs without a reviver: the work per request stays in proportion
 * to its (bounded) size, and a body that breaks a bound is refused before it is parsed.
 */
import { createHash } from 'node:crypto';

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export type JsonFailure = 'malformed_json' | 'nesting_too_deep' | 'array_too_long' | 'forbidden_key' | 'duplicate_key';

export interface JsonBounds {
  maxDepth: number;
  /** Most elements in one array. */
  maxArrayLength: number;
}

export class JsonRejected extends Error {
  override readonly name = 'JsonRejected';
  constructor(readonly reason: JsonFailure) {
    super(reason);
  }
}

const isSpace = (ch: string | undefined) => ch === ' ' || ch === '\n' || ch === '\r' || ch === '\t';

/**
 * Checks what JSON.parse silently allows, before parsing (one pass, no recursion): nesting
 * deeper than allowed, an array longer than allowed, a reserved key (__proto__ …), and a
 * key given twice in one object (JSON.parse keeps the last, so a proxy or log reading the
 * first would see other data than the server stores).
 */
export function scanJson(text: string, bounds: JsonBounds | number): JsonFailure | null {
  const { maxDepth, maxArrayLength } =
    typeof bounds === 'number' ? { maxDepth: bounds, maxArrayLength: Infinity } : bounds;
  // Per open container: a Set of keys for an object, the element count so far for an array.
  const open: (Set<string> | number)[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') {
      const start = i;
      let escaped = false;
      for (i++; i < text.length && text[i] !== '"'; i++)
        if (text[i] === '\\') {
          escaped = true;
          i++;
        }
      let next = i + 1;
      while (isSpace(text[next])) next++;
      const keys = open.at(-1);
      if (text[next] === ':' && keys instanceof Set) {
        let key = text.slice(start + 1, i);
        if (escaped) {
          try {
            key = JSON.parse(text.slice(start, i + 1)) as string; // "\u0061" and "a" are one key
          } catch {
            return null; // malformed: JSON.parse reports it
          }
        }
        if (FORBIDDEN_KEYS.has(key)) return 'forbidden_key';
        if (keys.has(key)) return 'duplicate_key';
        keys.add(key);
      }
    } else if (ch === '{' || ch === '[') {
      open.push(ch === '{' ? new Set() : 0);
      if (open.length > maxDepth) return 'nesting_too_deep';
      if (ch === '[') {
        // An element starts unless the array is empty: count it now, the rest at each comma.
        let next = i + 1;
        while (isSpace(text[next])) next++;
        if (text[next] !== ']') open[open.length - 1] = 1;
      }
    } else if (ch === ',') {
      const top = open.at(-1);
      if (typeof top === 'number') {
        open[open.length - 1] = top + 1;
        if (top + 1 > maxArrayLength) return 'array_too_long';
      }
    } else if (ch === '}' || ch === ']') {
      open.pop();
    }
  }
  return null;
}

export function parseStrictJson(text: string, bounds: JsonBounds | number): unknown {
  const failure = scanJson(text, bounds);
  if (failure) throw new JsonRejected(failure);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new JsonRejected('malformed_json');
  }
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
