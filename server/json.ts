/**
 * Strict JSON for request bodies: bounded nesting, no prototype-polluting keys, and a
 * canonical form (sorted keys) so "the same body" can be recognised by its hash.
 */
import { createHash } from 'node:crypto';

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export type JsonFailure = 'malformed_json' | 'nesting_too_deep' | 'forbidden_key';

export class JsonRejected extends Error {
  override readonly name = 'JsonRejected';
  constructor(readonly reason: JsonFailure) {
    super(reason);
  }
}

/** True when arrays/objects nest deeper than max (checked before parsing: cheap, no recursion). */
export function nestsDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 0x5c) i++; // backslash: skip the escaped character
      else if (ch === 0x22) inString = false;
      continue;
    }
    if (ch === 0x22) inString = true;
    else if (ch === 0x7b || ch === 0x5b) {
      if (++depth > max) return true;
    } else if (ch === 0x7d || ch === 0x5d) depth--;
  }
  return false;
}

export function parseStrictJson(text: string, maxDepth: number): unknown {
  if (nestsDeeperThan(text, maxDepth)) throw new JsonRejected('nesting_too_deep');
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
