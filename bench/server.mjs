// The bench's static server on 127.0.0.1 (random port): bench/dist/ (built variants at
// /<variant>/, Sila's snapshot at /sila-dist/) and the static form-config at
// /v1/form-config. no-store: nothing is cached between runs. Bodies go gzip'd (level 9,
// compressed once) as any real host serves them: it matters on the throttled-network cell.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import { FORM_CONFIG, OUT } from './paths.mjs';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
};

function fileFor(pathname) {
  if (pathname === '/v1/form-config') return FORM_CONFIG;
  const file = normalize(join(OUT, decodeURIComponent(pathname)));
  return file.startsWith(OUT) ? file : undefined;
}

/** @returns {Promise<{ origin: string, close: () => Promise<void> }>} */
export async function startServer() {
  const gzipped = new Map(); // file → gzip'd body
  const server = createServer(async (request, response) => {
    const file = fileFor(new URL(request.url, 'http://x').pathname);
    try {
      if (!file) throw new Error('outside');
      const gzip = /\bgzip\b/.test(request.headers['accept-encoding'] ?? '');
      if (gzip && !gzipped.has(file)) gzipped.set(file, gzipSync(await readFile(file), { level: 9 }));
      const body = gzip ? gzipped.get(file) : await readFile(file);
      response.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-store',
        ...(gzip ? { 'content-encoding': 'gzip', vary: 'accept-encoding' } : {}),
      });
      response.end(body);
    } catch {
      response.writeHead(404, { 'cache-control': 'no-store' }).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
