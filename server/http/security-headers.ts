/**
 * Security headers on every answer. The widgets are embedded by <script>, never in an
 * iframe, so nothing here may be framed. dist/ scripts must load from other sites, so
 * they alone are cross-origin resources.
 */
import type { MiddlewareHandler } from 'hono';

/** For the demo pages: scripts and styles from this server only (Lit's styles are constructed sheets). */
export const PAGE_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; " +
  "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

/** For API answers: nothing may run or load. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'; sandbox";

export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const path = c.req.path;
    const headers = c.res.headers;
    headers.set('X-Content-Type-Options', 'nosniff');
    headers.set('Referrer-Policy', 'no-referrer');
    headers.set('X-Frame-Options', 'DENY');
    const isPage = path === '/demo' || path.startsWith('/demo/');
    if (!headers.has('Content-Security-Policy')) headers.set('Content-Security-Policy', isPage ? PAGE_CSP : API_CSP);
    headers.set('Cross-Origin-Resource-Policy', path.startsWith('/dist/') ? 'cross-origin' : 'same-site');
    if (!isPage) headers.set('Cross-Origin-Opener-Policy', 'same-origin');
  };
}
