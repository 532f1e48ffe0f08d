/**
 * POST /v1/client-reports: a widget says it cannot reach this service (sent with
 * navigator.sendBeacon as text/plain, a CORS-safelisted body: no preflight, so it
 * arrives even from a site CORS refuses). The page's Origin is logged once per hour per
 * origin, so the association learns that a site embeds the widgets without being allowed
 * (SILA_ALLOWED_ORIGINS) or with a wrong endpoint. No personal data: a reason and a
 * widget name; nothing typed, no address.
 */
import { Hono } from 'hono';
import { LRUCache } from 'lru-cache';
import { CLIENT_REPORT_MAX_BYTES, clientReportSchema } from '../../src/contract/client-reports.js';
import type { AppEnv, AppState, WarningLine } from '../context.js';
import { readLimited } from '../http/body.js';
import { HttpProblem } from '../http/problem.js';
import { FixedWindowLimit } from '../http/rate-limit.js';

export const REPORTS_PER_HOUR_PER_CLIENT = 10;
const LOG_EVERY_MS = 60 * 60_000;
/** Origins remembered; more are forgotten oldest first (a flood cannot grow memory). */
const MAX_ORIGINS = 1000;

/** An http(s) origin as browsers send it, or undefined (nothing else is ever logged). */
function loggableOrigin(origin: string | undefined): string | undefined {
  if (!origin || origin.length > 200) return undefined;
  try {
    const url = new URL(origin);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === origin ? origin : undefined;
  } catch {
    return undefined;
  }
}

function defaultWarn(line: WarningLine): void {
  process.stderr.write(`${JSON.stringify({ t: new Date().toISOString(), level: 'warn', ...line })}\n`);
}

export function clientReportRoutes(state: AppState): Hono<AppEnv> {
  const perClient = new FixedWindowLimit(state.counters, 'client-report', REPORTS_PER_HOUR_PER_CLIENT, 60 * 60_000);
  const logged = new LRUCache<string, true>({ max: MAX_ORIGINS, ttl: LOG_EVERY_MS });
  const warn = state.warn ?? defaultWarn;
  const app = new Hono<AppEnv>();
  app.post('/v1/client-reports', async (c) => {
    const wait = (await perClient.hit(c.get('clientKey'))).retryAfter;
    if (wait > 0) {
      throw new HttpProblem(429, {
        code: 'rate_limited',
        detail: 'Too many reports from this address.',
        headers: { 'Retry-After': String(wait) },
      });
    }
    const raw = await readLimited(c, CLIENT_REPORT_MAX_BYTES);
    let report;
    try {
      report = clientReportSchema.safeParse(JSON.parse(new TextDecoder().decode(raw)));
    } catch {
      report = undefined;
    }
    if (!report?.success) {
      throw new HttpProblem(422, { code: 'validation_failed', detail: 'Send {"reason":"unreachable"}.' });
    }
    const origin = loggableOrigin(c.req.header('origin'));
    if (origin && !logged.has(origin)) {
      logged.set(origin, true);
      warn({
        warning: 'widget_unreachable',
        origin,
        message:
          `A ${report.data.widget ?? 'Sila'} widget on ${origin} reported that it cannot reach this service. ` +
          `If the widgets are embedded there, add the site to SILA_ALLOWED_ORIGINS (e.g. SILA_ALLOWED_ORIGINS=${origin}) ` +
          'and check the endpoint the page uses.',
      });
    }
    return c.body(null, 204);
  });
  return app;
}
