/**
 * createApp(deps) → the Hono app. No socket, no env: tests call app.request() on it,
 * main.ts serves it.
 */
import { Hono } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';
import { staffAuth } from './auth/middleware.js';
import { LOOPBACK_PROXIES, UntrustedForwarding, clientAddress, clientKey, parseProxyRanges } from './http/client-ip.js';
import type { AppDeps, AppEnv, AppState, ErrorLine, LogLine, WarningLine } from './context.js';
import { counterStoreFor } from './http/counter-store.js';
import { RefusedOrigins, corsPolicy } from './http/cors.js';
import { isDatabaseUnavailable, sqlState } from './db/database.js';
import { HttpProblem, problemResponse } from './http/problem.js';
import { FixedWindowLimit, InFlightLimit } from './http/rate-limit.js';
import { consoleRoutes } from './console-static.js';
import { clientReportRoutes } from './routes/client-reports.js';
import { complaintRoutes } from './routes/complaints.js';
import { formConfigRoutes } from './routes/form-config.js';
import { ratingRoutes } from './routes/ratings.js';
import { referenceReminderRoutes } from './routes/reference-reminders.js';
import { replyRoutes } from './routes/replies.js';
import { requestRoutes } from './routes/requests.js';
import { staffAccountRoutes } from './routes/staff-accounts.js';
import { staffAuditRoutes } from './routes/staff-audit.js';
import { staffSessionRoutes } from './routes/staff-session.js';
import { staffCaseRoutes } from './routes/staff-cases.js';
import { staffMessageRoutes } from './routes/staff-messages.js';
import { staffPrivacyRoutes } from './routes/staff-privacy.js';
import { staffReportRoutes } from './routes/staff-reports.js';
import { staffRoutes } from './routes/staff.js';
import { statusRoutes } from './routes/status.js';
import { securityHeaders } from './http/security-headers.js';
import { FaultLog } from './faults.js';
import { ResultCache } from './reports/result-cache.js';
import { staffLane } from './http/staff-lane.js';

export type { AppDeps } from './context.js';

/** PII-free request log: method, route pattern, status, duration, reference at most. */
function defaultLog(line: LogLine): void {
  process.stdout.write(`${JSON.stringify({ t: new Date().toISOString(), ...line })}\n`);
}

/** Configuration warnings: JSON on stderr, beside the error lines. */
function defaultWarn(line: WarningLine): void {
  process.stderr.write(`${JSON.stringify({ t: new Date().toISOString(), level: 'warn', ...line })}\n`);
}

/** Unexpected errors: JSON on stderr. */
function defaultError(line: ErrorLine): void {
  process.stderr.write(`${JSON.stringify({ t: new Date().toISOString(), level: 'error', ...line })}\n`);
}

function tooManyRequests(detail: string, wait: number): HttpProblem {
  return new HttpProblem(429, { code: 'rate_limited', detail, headers: { 'Retry-After': String(wait) } });
}

/** The public API: every /v1 route but the staff ones (authenticated, exempt from per-client limits). */
const isPublicApi = (path: string) => path.startsWith('/v1/') && !path.startsWith('/v1/staff/') && path !== '/v1/staff';

export function createApp(deps: AppDeps): Hono<AppEnv> {
  const now = deps.now ?? (() => new Date());
  const counters = deps.counters ?? counterStoreFor(deps.db, () => now().getTime());
  const proxyList = [...(deps.trustedProxies ?? []), ...(deps.trustProxy ? LOOPBACK_PROXIES : [])];
  const trustedRanges = parseProxyRanges(proxyList);
  const state: AppState = {
    ...deps,
    now,
    trustProxy: proxyList.length > 0,
    counters,
    staffDb: deps.staffDb ?? deps.db,
    postsPerIp: new FixedWindowLimit(counters, 'post', deps.limits.postsPerMinutePerIp, 60_000),
    lookupFailuresPerIp: new FixedWindowLimit(counters, 'lookup', deps.limits.lookupFailuresPerHourPerIp, 60 * 60_000),
    inFlight: new InFlightLimit(deps.limits.maxInFlightPerClient),
    statsCache: new ResultCache(deps.statsCacheMs ?? 0),
  };
  const log = deps.log ?? defaultLog;
  const logError = deps.error ?? defaultError;
  const untrustedForwarding = new UntrustedForwarding(deps.warn ?? defaultWarn, proxyList.length > 0);
  const app = new Hono<AppEnv>();

  app.use('*', async (c, next) => {
    const start = performance.now();
    await next();
    log({
      method: c.req.method,
      route: c.req.routePath,
      status: c.res.status,
      ms: Math.round((performance.now() - start) * 10) / 10,
      ...(c.get('reference') ? { reference: c.get('reference') } : {}),
    });
  });
  app.use('*', securityHeaders());
  app.use('/v1/*', corsPolicy(deps.allowedOrigins, new RefusedOrigins(deps.warn ?? defaultWarn)));
  app.use('*', async (c, next) => {
    const { address, ignoredForwarding, viaTrustedProxy } = clientAddress(c, trustedRanges);
    if (ignoredForwarding) untrustedForwarding.seen();
    c.set('viaTrustedProxy', viaTrustedProxy);
    c.set('clientIp', address);
    c.set('clientKey', clientKey(address));
    await next();
  });
  // Public routes: a cap on requests in flight per client (one client cannot occupy the
  // process with slow bodies, heavy parses or slowed lookups), and every POST counts
  // against the client's per-minute budget. Staff are exempt: they are authenticated and
  // may work through a queue quickly.
  app.use('/v1/*', async (c, next) => {
    if (!isPublicApi(c.req.path)) {
      await next();
    } else {
      const key = c.get('clientKey');
      if (!state.inFlight.enter(key))
        throw tooManyRequests('Too many requests at once from this address. Try again in a moment.', 1);
      try {
        if (c.req.method === 'POST') {
          const { retryAfter } = await state.postsPerIp.hit(key);
          if (retryAfter > 0)
            throw tooManyRequests('Too many requests from this address. Try again later.', retryAfter);
        }
        await next();
      } finally {
        state.inFlight.leave(key);
      }
    }
    if (!c.res.headers.has('Cache-Control')) c.header('Cache-Control', 'no-store');
  });

  app.route('/', formConfigRoutes(state));
  app.route('/', complaintRoutes(state));
  app.route('/', requestRoutes(state));
  app.route('/', ratingRoutes(state));
  app.route('/', statusRoutes(state));
  app.route('/', replyRoutes(state));
  app.route('/', referenceReminderRoutes(state));
  app.route('/', clientReportRoutes(state));
  // Who calls /v1/staff/*: the session cookie or the bearer token sets c.get('actor').
  app.use('/v1/staff/*', staffAuth(state));
  // After authentication: nobody signed out can take a staff slot.
  app.use('/v1/staff/*', staffLane(deps.staffConcurrency ?? 0));
  app.route('/', staffSessionRoutes(state));
  app.route('/', staffAccountRoutes(state));
  app.route('/', staffAuditRoutes(state));
  // staffRoutes first: it holds the /v1/staff/* authentication middleware.
  app.route('/', staffRoutes(state));
  app.route('/', staffCaseRoutes(state));
  app.route('/', staffMessageRoutes(state));
  app.route('/', staffReportRoutes(state));
  app.route('/', staffPrivacyRoutes(state));
  app.route('/', consoleRoutes());

  if (deps.staticRoot) {
    const root = deps.staticRoot;
    app.get('/', (c) => c.redirect('/demo/', 302));
    app.get('/demo', (c) => c.redirect('/demo/', 301));
    app.use('/dist/*', serveStatic({ root }));
    app.use('/demo/*', serveStatic({ root }));
  }

  app.notFound((c) => problemResponse(c, 404, { code: 'not_found', detail: 'No such route.' }));
  // A full disk, a permission, an unreachable database: said once in words, 503 to clients.
  const faults =
    deps.faults ??
    new FaultLog({}, (fault) => (deps.warn ?? defaultWarn)({ warning: fault.kind, message: fault.message }));
  app.onError((error, c) => {
    if (faults.report(error instanceof HttpProblem ? error.cause : error)) {
      return problemResponse(c, 503, {
        code: 'service_unavailable',
        detail: 'The server cannot store anything right now. Try again later.',
        headers: { 'Retry-After': '30' },
      });
    }
    if (error instanceof HttpProblem) return problemResponse(c, error.status, error.init);
    if (isDatabaseUnavailable(error)) {
      return problemResponse(c, 503, {
        code: 'service_unavailable',
        detail: 'The database is not reachable right now. Try again shortly.',
        headers: { 'Retry-After': '5' },
      });
    }
    // Log what identifies the bug, not the data: messages can quote submitted values.
    logError({
      error: error.name,
      ...(sqlState(error) ? { sqlState: sqlState(error) } : {}),
      ...(error.stack?.split('\n')[1] ? { at: error.stack.split('\n')[1]!.trim() } : {}),
      method: c.req.method,
      route: c.req.routePath,
    });
    return problemResponse(c, 500, { code: 'internal_error', detail: 'Something went wrong on our side.' });
  });
  return app;
}
