/** GET /v1/form-config: the association's configuration, cached briefly by browsers and CDNs. */
import type { Hono } from 'hono';
import type { AppEnv, AppState } from '../context.js';

export function formConfigRoutes(app: Hono<AppEnv>, state: AppState): void {
  const body = JSON.stringify(state.formConfig);
  app.get('/v1/form-config', (c) =>
    c.body(body, 200, { 'Content-Type': 'application/json; charset=UTF-8', 'Cache-Control': 'public, max-age=300' }),
  );
}
