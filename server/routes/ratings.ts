/**
 * POST /v1/ratings: one rating per reference (409 already_rated), or anonymous ratings
 * tied to a context (e.g. a page). An unknown reference is a 422 field error: with 60
 * random bits per reference and the per-IP limit this is no usable enumeration oracle,
 * and it tells a person who mistyped their number what is wrong.
 */
import { Hono } from 'hono';
import { ratingSchema, type Rating } from '../../src/contract/rating.js';
import type { FieldError } from '../../src/contract/problem.js';
import type { AppEnv, AppState } from '../context.js';
import { randomId } from '../crypto.js';
import { HttpProblem, validationProblem } from '../http/problem.js';
import { referenceExists } from '../submissions/store.js';
import { createHandler } from './create.js';

function checkScale(data: Rating, state: AppState): FieldError[] {
  if (state.formConfig.ratingScales.includes(data.scale)) return [];
  return [{ path: 'scale', code: 'invalid_choice', message: 'This rating scale is not enabled.' }];
}

export function ratingRoutes(state: AppState): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.post(
    '/v1/ratings',
    createHandler(state, {
      route: 'POST /v1/ratings',
      schema: ratingSchema,
      acceptsFiles: false,
      minFillMs: 0,
      check: checkScale,
      async create(tx, { data, receivedAt }) {
        if (data.reference && !(await referenceExists(tx, data.reference))) {
          throw validationProblem([
            { path: 'reference', code: 'invalid_reference', message: 'No submission has this reference.' },
          ]);
        }
        const id = randomId();
        const { rows } = await tx.query(
          `INSERT INTO ratings (id, reference, scale, score, context, comment, locale, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
           ON CONFLICT (reference) DO NOTHING RETURNING id`,
          [
            id,
            data.reference ?? null,
            data.scale,
            data.score,
            data.context ?? null,
            data.comment ?? null,
            data.client?.locale ?? null,
            receivedAt,
          ],
        );
        if (rows.length === 0) {
          throw new HttpProblem(409, { code: 'already_rated', detail: 'This reference has already been rated.' });
        }
        return { status: 201, body: { id } };
      },
      decoy: () => ({ id: randomId() }),
    }),
  );
  return app;
}
