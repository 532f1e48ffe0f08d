/**
 * The staff console at /staff/, from dist/staff/ (built by `npm run build`), served
 * whether or not the demo is: it is how the association works. Same origin as the API,
 * so the session cookie stays first-party; a strict CSP (no inline script or style,
 * nothing from elsewhere); the page itself is never cached (it names the current
 * hashed files), the hashed files are cached for good. No CORS: nothing here is for
 * other sites.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';
import type { AppEnv } from './context.js';
import { problemResponse } from './http/problem.js';

export const CONSOLE_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
  "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

const DIST = fileURLToPath(new URL('../dist/', import.meta.url));

export function consoleRoutes(dist = DIST): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/staff', (c) => c.redirect('/staff/', 301));
  app.get('/staff/', async (c) => {
    let page: string;
    try {
      page = await readFile(join(dist, 'staff', 'index.html'), 'utf8');
    } catch {
      return problemResponse(c, 503, {
        code: 'console_not_built',
        detail: 'The staff console is not built: run `npm run build` (npm start does it).',
      });
    }
    c.header('Content-Security-Policy', CONSOLE_CSP);
    c.header('Cache-Control', 'no-store');
    return c.html(page);
  });
  app.use('/staff/assets/*', async (c, next) => {
    await next();
    c.header('Content-Security-Policy', CONSOLE_CSP);
    if (c.res.status === 200) c.header('Cache-Control', 'public, max-age=31536000, immutable');
  });
  app.use('/staff/assets/*', serveStatic({ root: dist }));
  return app;
}
