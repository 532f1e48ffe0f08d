/** GET /v1/form-config: the association's configuration, cached briefly by browsers and CDNs. */
import { Hono } from 'hono';
import type { AppEnv, AppState } from '../context.js';

export function formConfigRoutes(state: AppState): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const body = JSON.stringify(state.formConfig);
  app.get('/v1/form-config', (c) =>
    c.body(body, 200, { 'Content-Type': 'application/json; charset=UTF-8', 'Cache-Control': 'public, max-age=300' }),
  );
  return app;
}
