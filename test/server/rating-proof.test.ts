/**
 * #18.7: a rating of a reference needs proof that it is the sender's — the verifier, or
 * the rating token given in the confirmation and in the status lookup's answer. Without
 * it 422, with a wrong one 403 (an unknown reference alike), and wrong proofs count as
 * failed lookups. Ratings of a page (context) are unchanged.
 */
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { DEFAULT_LIMITS } from '../../server/limits.js';
import {
  assertProblem,
  countRows,
  describeEachDatabase,
  fieldPaths,
  makeApp,
  postJson,
  validComplaint,
  validRating,
  validRequest,
  validSuggestion,
  type TestApp,
} from './helpers.js';

describeEachDatabase('rating proof', (db) => {
  let app: TestApp;
  before(() => {
    app = makeApp(db());
  });

  it('a reference without proof is refused (422 on verifier) and nothing is stored', async () => {
    const { reference } = (await postJson(app, '/v1/complaints', validComplaint())).json;
    const ratings = await countRows(db(), 'ratings');
    const answer = await postJson(app, '/v1/ratings', validRating({ reference }));
    assertProblem(answer, 422, 'validation_failed');
    assert.deepEqual(fieldPaths(answer), ['verifier']);
    assert.equal(await countRows(db(), 'ratings'), ratings);
  });

  it('someone who only knows the reference gets 403 and the owner can still rate', async () => {
    const { reference } = (await postJson(app, '/v1/complaints', validComplaint())).json;
    const stranger = await postJson(app, '/v1/ratings', validRating({ reference, verifier: '0000', score: 1 }));
    assertProblem(stranger, 403, 'rating_not_allowed');
    const forged = await postJson(
      app,
      '/v1/ratings',
      validRating({ reference, ratingToken: 'rt1.AAAAAAAAAAAAAAAAAAAAAAAA' }),
    );
    assertProblem(forged, 403, 'rating_not_allowed');
    const owner = await postJson(app, '/v1/ratings', validRating({ reference, verifier: '4567' }));
    assert.equal(owner.status, 201, owner.text);
    assertProblem(
      await postJson(app, '/v1/ratings', validRating({ reference, verifier: '4567' })),
      409,
      'already_rated',
    );
  });

  it('the confirmation’s rating token proves it (complaint and request), and so does the lookup’s', async () => {
    const complaint = (await postJson(app, '/v1/complaints', validComplaint())).json;
    assert.match(complaint.ratingToken, /^rt1\.[\w-]{24}$/);
    const byToken = await postJson(
      app,
      '/v1/ratings',
      validRating({ reference: complaint.reference, ratingToken: complaint.ratingToken }),
    );
    assert.equal(byToken.status, 201, byToken.text);

    const request = await postJson(app, '/v1/requests', validRequest());
    assert.equal(request.status, 201, request.text);
    const lookup = await postJson(app, '/v1/status', { reference: request.json.reference, verifier: '4321' });
    assert.equal(lookup.status, 200, lookup.text);
    assert.equal(lookup.json.ratingToken, request.json.ratingToken, 'the same token from the lookup');
    const rated = await postJson(
      app,
      '/v1/ratings',
      validRating({ reference: request.json.reference, ratingToken: lookup.json.ratingToken }),
    );
    assert.equal(rated.status, 201, rated.text);

    // A token is bound to its reference.
    const other = (await postJson(app, '/v1/complaints', validComplaint())).json;
    assertProblem(
      await postJson(
        app,
        '/v1/ratings',
        validRating({ reference: other.reference, ratingToken: complaint.ratingToken }),
      ),
      403,
      'rating_not_allowed',
    );
  });

  it('an anonymous suggestion is rated with its code, typed as people type it', async () => {
    const created = (await postJson(app, '/v1/complaints', validSuggestion())).json;
    const typed = ` ${created.verifier.toLowerCase().replace(/0/g, 'o')} `;
    const answer = await postJson(app, '/v1/ratings', validRating({ reference: created.reference, verifier: typed }));
    assert.equal(answer.status, 201, answer.text);
  });

  it('an unknown reference answers like a wrong proof (403), not a field error that tells it apart', async () => {
    const unknown = await postJson(app, '/v1/ratings', validRating({ reference: 'C4F7K2M9QX3TB', verifier: '4567' }));
    assertProblem(unknown, 403, 'rating_not_allowed');
  });

  it('wrong proofs count as failed lookups: the reference’s daily limit holds for ratings too', async () => {
    const limited = makeApp(db(), {
      limits: {
        ...DEFAULT_LIMITS,
        postsPerMinutePerIp: 0,
        lookupFailuresPerHourPerIp: 0,
        maxInFlightPerClient: 0,
        lookupFailuresPerReferencePerDay: 3,
      },
    });
    const { reference } = (await postJson(limited, '/v1/complaints', validComplaint())).json;
    for (let i = 0; i < 3; i++) {
      assertProblem(
        await postJson(limited, '/v1/ratings', validRating({ reference, verifier: `000${i}` })),
        403,
        'rating_not_allowed',
      );
    }
    assertProblem(await postJson(limited, '/v1/ratings', validRating({ reference, verifier: '0009' })), 429);
    assertProblem(await postJson(limited, '/v1/status', { reference, verifier: '0009' }), 429);
  });

  it('ratings of a page or service need no proof, as before', async () => {
    const answer = await postJson(app, '/v1/ratings', validRating({ context: '/services/food-basket' }));
    assert.equal(answer.status, 201, answer.text);
  });
});
