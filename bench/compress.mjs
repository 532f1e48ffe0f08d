// Bytes as a phone downloads them: raw, gzip level 9 (what servers use for static files)
// and brotli at its default quality 11 (what CDNs pre-compress with).
import { brotliCompressSync, gzipSync } from 'node:zlib';

/** @param {Buffer} bytes */
export function compressed(bytes) {
  return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, brotli: brotliCompressSync(bytes).length };
}

export function addSizes(a, b) {
  return { raw: a.raw + b.raw, gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli };
}

export const ZERO = { raw: 0, gzip: 0, brotli: 0 };

export const kB = (bytes) => (bytes / 1024).toFixed(1);
