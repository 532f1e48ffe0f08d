/**
 * Staff filters never answer 500 on a date (#18.8): an impossible day (2025-02-30, which
 * Date.parse turns into 2 March), a year the system cannot handle (0000, 9999) or a
 * malformed date is 422 invalid_query naming the parameter, on every staff route that
 * takes dates; an unknown parameter stays 400.
 */
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import {
  assertProblem,
  describeEachDatabase,
  fieldPaths,
  makeApp,
  staffGet as tokenGet,
  type Answer,
  type TestApp,
} from './helpers.js';
import { asStaff, createStaff, signIn, type SignedIn } from './staff-auth-helpers.js';

const BAD_DATES = [
  '9999-12-31',
  '0000-01-01',
  '2025-02-30',
  '2025-13-01',
  '2025-04-31',
  '2023-02-29',
  '2025-02-28T25:00:00Z',
  '9999-12-31T23:59:59Z',
  '0001-01-01T00:00:00Z',
  '10000-01-01',
];

type Caller = 'token' | 'manager' | 'admin';

/** Each staff route that takes a date, who may call it, and the rest of a valid query. */
const ROUTES: { path: string; field: 'from' | 'to'; as: Caller; rest?: string }[] = [
  { path: '/v1/staff/submissions', field: 'to', as: 'token' },
  { path: '/v1/staff/submissions', field: 'from', as: 'token' },
  { path: '/v1/staff/export.csv', field: 'to', as: 'token' },
  { path: '/v1/staff/stats', field: 'from', as: 'token' },
  { path: '/v1/staff/stats', field: 'to', as: 'manager' },
  { path: '/v1/staff/reports', field: 'from', as: 'manager', rest: 'period=custom&to=2026-10-31' },
  { path: '/v1/staff/reports', field: 'to', as: 'manager', rest: 'period=custom&from=2026-10-01' },
  { path: '/v1/staff/visitors', field: 'from', as: 'manager' },
  { path: '/v1/staff/audit', field: 'to', as: 'admin' },
];

describeEachDatabase('staff date filters', (db) => {
  let app: TestApp;
  const sessions: Partial<Record<Caller, SignedIn>> = {};
  const staffGet = (path: string, as: Caller = 'token'): Promise<Answer> =>
    as === 'token' ? tokenGet(app, path) : asStaff(app, sessions[as]!, path);
  before(async () => {
    app = makeApp(db());
    for (const role of ['manager', 'admin'] as const) sessions[role] = await signIn(app, await createStaff(db(), role));
  });

  it('every bad date is 422 naming its parameter, never 500', async () => {
    for (const { path, field, as, rest } of ROUTES) {
      for (const bad of BAD_DATES) {
        const url = `${path}?${rest ? `${rest}&` : ''}${field}=${encodeURIComponent(bad)}`;
        const answer = await staffGet(url, as);
        assert.equal(answer.status, 422, `${url}: ${answer.status} ${answer.text}`);
        assertProblem(answer, 422, 'invalid_query');
        assert.ok(fieldPaths(answer).includes(field), `${url}: ${fieldPaths(answer)}`);
      }
    }
  });

  it('good dates at the edges of the range are answered', async () => {
    for (const query of ['from=1900-01-01&to=2999-12-31', 'from=2024-02-29', 'to=2026-10-31T23:59:59%2B03:00']) {
      const answer = await staffGet(`/v1/staff/submissions?${query}`);
      assert.equal(answer.status, 200, `${query}: ${answer.text}`);
    }
    const year = await staffGet('/v1/staff/reports?period=year&at=9999', 'manager');
    assertProblem(year, 422, 'invalid_query');
    assert.deepEqual(fieldPaths(year), ['at']);
  });

  it('an unknown parameter is 400, naming it', async () => {
    const answer = await staffGet('/v1/staff/submissions?to=2026-01-01&colour=red');
    assertProblem(answer, 400, 'invalid_query');
    assert.deepEqual(fieldPaths(answer), ['colour']);
  });
});
