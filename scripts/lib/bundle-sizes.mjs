// Sizes of the single-file bundles (dist/sila*.iife.js) as a phone downloads them:
// minified, gzip (level 9, what servers use for static files) and brotli.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';

/** @returns {{ file: string, min: number, gzip: number, brotli: number }[]} bytes */
export function bundleSizes(dist) {
  return readdirSync(dist)
    .filter((file) => /^sila.*\.iife\.js$/.test(file))
    .sort((a, b) => (a === 'sila.iife.js' ? -1 : b === 'sila.iife.js' ? 1 : a.localeCompare(b)))
    .map((file) => {
      const bytes = readFileSync(join(dist, file));
      return {
        file,
        min: bytes.length,
        gzip: gzipSync(bytes, { level: 9 }).length,
        brotli: brotliCompressSync(bytes).length,
      };
    });
}

export const kB = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;
