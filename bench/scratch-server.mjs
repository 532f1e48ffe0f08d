// A static server for the side-by-side page benches (rating-lean.mjs, profile.mjs): serves a
// scratch folder of builds and pages, and its form-config.json at /v1/form-config, uncached.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';

/** Starts it on a free loopback port; resolves to { origin, close }. */
export async function serveScratch(dir) {
  const server = createServer((request, response) => {
    const path = new URL(request.url, 'http://x').pathname;
    const file = path === '/v1/form-config' ? 'form-config.json' : path.slice(1).replace(/\/$/, '/index.html');
    try {
      const body = readFileSync(join(dir, file));
      const type = file.endsWith('.js') ? 'text/javascript' : file.endsWith('.json') ? 'application/json' : 'text/html';
      response.writeHead(200, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-store' }).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${server.address().port}`, close: () => server.close() };
}
