/**
 * POST /v1/ratings: one rating per reference (409 already_rated), or anonymous ratings
 * tied to a context (e.g. a page). A rating of a reference carries proof that it is the
 * sender's: the verifier or the rating token of the confirmation and the status lookup
 * (server/ratings/proof.ts); without it 422, with a wrong one 403, under the lookup's
 * limits. A reference deleted meanwhile is a 422 field error.
 */
import { Hono } from 'hono';
import { ratingSchema, type Rating } from '../../src/contract/rating.js';
import type { FieldError } from '../../src/contract/problem.js';
import type { AppEnv, AppState } from '../context.js';
import { randomId } from '../crypto.js';
import { HttpProblem, validationProblem } from '../http/problem.js';
import { requireRatingProof } from '../ratings/proof.js';
import { insertRating } from '../ratings/store.js';
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
      authorize: (c, data) => requireRatingProof(state, c.get('clientKey'), data),
      async create(tx, { data, receivedAt }) {
        if (data.reference && !(await referenceExists(tx, data.reference))) {
          throw validationProblem([
            { path: 'reference', code: 'invalid_reference', message: 'No submission has this reference.' },
          ]);
        }
        const id = await insertRating(tx, data, receivedAt);
        if (!id)
          throw new HttpProblem(409, { code: 'already_rated', detail: 'This reference has already been rated.' });
        return { status: 201, body: { id } };
      },
      decoy: () => ({ id: randomId() }),
    }),
  );
  return app;
}
