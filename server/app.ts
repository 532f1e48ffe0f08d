/**
 * createApp(deps) → the Hono app. No socket, no env: tests call app.request() on it,
 * main.ts serves it.
 */
import { Hono } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';
import { staffAuth } from './auth/middleware.js';
import { clientIp } from './http/client-ip.js';
import type { AppDeps, AppEnv, AppState, LogLine, WarningLine } from './context.js';
import { RefusedOrigins, corsPolicy } from './http/cors.js';
import { isDatabaseUnavailable, sqlState } from './db/database.js';
import { HttpProblem, problemResponse } from './http/problem.js';
import { WindowCounter } from './http/rate-limit.js';
import { consoleRoutes } from './console-static.js';
import { complaintRoutes } from './routes/complaints.js';
import { formConfigRoutes } from './routes/form-config.js';
import { ratingRoutes } from './routes/ratings.js';
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

export type { AppDeps } from './context.js';

/** PII-free request log: method, route pattern, status, duration, reference at most. */
function defaultLog(line: LogLine): void {
  process.stdout.write(`${JSON.stringify({ t: new Date().toISOString(), ...line })}\n`);
}

/** Configuration warnings: JSON on stderr, beside the error lines. */
function defaultWarn(line: WarningLine): void {
  process.stderr.write(`${JSON.stringify({ t: new Date().toISOString(), level: 'warn', ...line })}\n`);
}

export function createApp(deps: AppDeps): Hono<AppEnv> {
  const state: AppState = {
    ...deps,
    now: deps.now ?? (() => new Date()),
    staffDb: deps.staffDb ?? deps.db,
    postsPerIp: new WindowCounter(deps.limits.postsPerMinutePerIp, 60_000),
    lookupFailuresPerIp: new WindowCounter(deps.limits.lookupFailuresPerHourPerIp, 60 * 60_000),
  };
  const log = deps.log ?? defaultLog;
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
    c.set('clientIp', clientIp(c, deps.trustProxy));
    await next();
  });
  // Every public POST counts against the client's per-minute budget (staff are exempt:
  // they are authenticated and may work through a queue quickly).
  app.use('/v1/*', async (c, next) => {
    if (c.req.method === 'POST' && !c.req.path.startsWith('/v1/staff/')) {
      const wait = state.postsPerIp.hit(c.get('clientIp'));
      if (wait > 0) {
        throw new HttpProblem(429, {
          code: 'rate_limited',
          detail: 'Too many requests from this address. Try again later.',
          headers: { 'Retry-After': String(wait) },
        });
      }
    }
    await next();
    if (!c.res.headers.has('Cache-Control')) c.header('Cache-Control', 'no-store');
  });

  app.route('/', formConfigRoutes(state));
  app.route('/', complaintRoutes(state));
  app.route('/', requestRoutes(state));
  app.route('/', ratingRoutes(state));
  app.route('/', statusRoutes(state));
  // Who calls /v1/staff/*: the session cookie or the bearer token sets c.get('actor').
  app.use('/v1/staff/*', staffAuth(state));
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
    deps.faults ?? new FaultLog({}, (fault) => (deps.warn ?? defaultWarn)({ warning: fault.kind, message: fault.message }));
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
    process.stderr.write(
      `${JSON.stringify({ t: new Date().toISOString(), error: error.name, sqlState: sqlState(error), at: error.stack?.split('\n')[1]?.trim() })}\n`,
    );
    return problemResponse(c, 500, { code: 'internal_error', detail: 'Something went wrong on our side.' });
  });
  return app;
}
