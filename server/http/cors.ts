/**
 * CORS for /v1/*: the origins in SILA_ALLOWED_ORIGINS may call the API from a browser.
 * Nothing else is reflected, not even an Origin equal to the request's Host (which the
 * client writes): a page served by this server is same-origin and needs no CORS headers. A refusal is silent in the browser (the widget can only say it could
 * not reach the server), so the server says it: one line at start-up describing the
 * setting, and a warning naming each refused origin, at most once per origin per
 * REFUSED_ORIGIN_WINDOW_MS.
 */
import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import type { WarningLine } from '../context.js';

export const REFUSED_ORIGIN_WINDOW_MS = 10 * 60_000;
/** Origins remembered per window; beyond that, new ones are counted, not logged (no log flood). */
export const REFUSED_ORIGIN_MAX = 100;
const EXAMPLE_ORIGIN = 'https://your-site.example';

/** The origin as it may appear in the log: a well-formed http(s) origin or "null", else nothing. */
function loggableOrigin(origin: string): string | undefined {
  if (origin === 'null') return origin;
  if (origin.length > 200) return undefined;
  try {
    const url = new URL(origin);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === origin ? origin : undefined;
  } catch {
    return undefined;
  }
}

/** What a SILA_ALLOWED_ORIGINS entry should have been, when it is not a bare origin. */
function suggestedOrigin(entry: string): string | undefined {
  try {
    const url = new URL(entry);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.origin : undefined;
  } catch {
    return undefined;
  }
}

/** The start-up lines about CORS (printed by main.ts after "listening"). */
export function corsStartupNotes(allowedOrigins: readonly string[]): string[] {
  if (allowedOrigins.length === 0) {
    return [
      `CORS: SILA_ALLOWED_ORIGINS is not set, so only pages served by this server can use the API; ` +
        `to embed the widgets on another site, set SILA_ALLOWED_ORIGINS=${EXAMPLE_ORIGIN} (comma-separated for several).`,
    ];
  }
  if (allowedOrigins.includes('*')) {
    return ['CORS: SILA_ALLOWED_ORIGINS=* lets any site use the API (for tests); list exact origins in production.'];
  }
  const notes = [`CORS: pages on ${allowedOrigins.join(', ')} (and this server) may use the API.`];
  for (const entry of allowedOrigins) {
    if (entry === 'null') {
      notes.push(
        'CORS: SILA_ALLOWED_ORIGINS contains "null", which lets file:// pages and sandboxed frames of any site use the API; remove it.',
      );
      continue;
    }
    if (loggableOrigin(entry) === entry) continue;
    const suggestion = suggestedOrigin(entry);
    notes.push(
      `CORS: SILA_ALLOWED_ORIGINS entry "${entry}" is not an origin (scheme://host[:port], no path) and never matches` +
        (suggestion ? `; use ${suggestion}` : `; write it like ${EXAMPLE_ORIGIN}`) +
        '.',
    );
  }
  return notes;
}

/**
 * Warns about browser origins the CORS policy refuses: once per origin per window, with
 * at most `max` origins remembered; past that, one summary line per window. Logs the
 * origin only (scheme, host, port: never a path, an address or anything submitted).
 */
export class RefusedOrigins {
  /** origin → time of its last warning, oldest first. */
  private readonly warned = new Map<string, number>();
  private lastSummary = -Infinity;
  private notLogged = 0;

  constructor(
    private readonly warn: (line: WarningLine) => void,
    private readonly now: () => number = Date.now,
    private readonly windowMs = REFUSED_ORIGIN_WINDOW_MS,
    private readonly max = REFUSED_ORIGIN_MAX,
  ) {}

  refused(origin: string): void {
    const shown = loggableOrigin(origin);
    if (!shown) return; // not something a browser sends: nothing to configure
    const now = this.now();
    const last = this.warned.get(shown);
    if (last !== undefined && now - last < this.windowMs) return;
    if (last === undefined && this.warned.size >= this.max) {
      this.sweep(now);
      if (this.warned.size >= this.max) {
        this.notLogged++;
        if (now - this.lastSummary >= this.windowMs) {
          this.lastSummary = now;
          this.warn({
            warning: 'cors_origins_not_logged',
            message:
              `More than ${this.max} different sites were refused by CORS within ${this.windowMs / 60_000} minutes; ` +
              `further ones are not logged for now (${this.notLogged} so far).`,
          });
        }
        return;
      }
    }
    this.warned.delete(shown);
    this.warned.set(shown, now);
    this.warn({
      warning: 'cors_origin_refused',
      origin: shown,
      message:
        shown === 'null'
          ? 'A page without an origin (a file:// page or a sandboxed frame) called the API and the browser blocked the answer (CORS). ' +
            `Serve the page from a web site and add that site to SILA_ALLOWED_ORIGINS, e.g. SILA_ALLOWED_ORIGINS=${EXAMPLE_ORIGIN}.`
          : `A page on ${shown} called the API and the browser blocked the answer (CORS). ` +
            `If the widgets are embedded there, add it to SILA_ALLOWED_ORIGINS (comma-separated exact origins), e.g. SILA_ALLOWED_ORIGINS=${shown}.`,
    });
  }

  private sweep(now: number): void {
    for (const [origin, at] of this.warned) {
      if (now - at < this.windowMs) break; // oldest first: the rest are newer
      this.warned.delete(origin);
    }
  }
}

/**
 * True when the page is on this very site: the browser says so (Sec-Fetch-Site), or the
 * page's host is the one the request was sent to (behind a TLS proxy the request URL is
 * http:// while the page is https://, so the origins differ but the browser has no CORS
 * check to fail).
 */
function sameSite(origin: string, requestUrl: string, secFetchSite: string | undefined): boolean {
  if (secFetchSite === 'same-origin') return true;
  try {
    return new URL(origin).host === new URL(requestUrl).host;
  } catch {
    return false;
  }
}

/** Staff routes never answer CORS: the console is served by this server, nothing else may call them from a browser. */
const STAFF_PREFIX = '/v1/staff/';

export function corsPolicy(allowedOrigins: readonly string[], refused: RefusedOrigins): MiddlewareHandler {
  const policy = cors({
    origin: (origin, c) => {
      if (allowedOrigins.includes('*')) return '*';
      if (allowedOrigins.includes(origin)) return origin;
      // A same-origin page does not need CORS headers (the browser does not check them):
      // only warn about pages on other sites.
      if (origin && !sameSite(origin, c.req.url, c.req.header('sec-fetch-site'))) refused.refused(origin);
      return null;
    },
    allowMethods: ['GET', 'POST', 'OPTIONS'],
    allowHeaders: ['Content-Type', 'Idempotency-Key', 'Authorization'],
    exposeHeaders: ['Idempotent-Replayed', 'Retry-After'],
    maxAge: 600,
  });
  return (c, next) => (c.req.path.startsWith(STAFF_PREFIX) || c.req.path === '/v1/staff' ? next() : policy(c, next));
}
