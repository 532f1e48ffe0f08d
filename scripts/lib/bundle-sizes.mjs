// Sizes of the single-file bundles (dist/sila*.iife.js) as a phone downloads them:
// minified, gzip (level 9, what servers use for static files) and brotli.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';

/** All-in-one first, then per widget; each bilingual, then .ar, then .en. */
const order = (file) => `${file.startsWith('sila.') ? 0 : 1}${file.replace(/\.(ar|en)\.iife\.js$/, '.iife.js~$1')}`;

/** @returns {{ file: string, min: number, gzip: number, brotli: number }[]} bytes */
export function bundleSizes(dist) {
  return readdirSync(dist)
    .filter((file) => /^sila.*\.iife\.js$/.test(file))
    .sort((a, b) => order(a).localeCompare(order(b)))
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
