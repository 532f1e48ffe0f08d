/**
 * Property-based bad input: at least 1000 generated bodies per create route and for the
 * status lookup. Whatever arrives, the answer is below 500 and either a contract answer
 * or a problem+json.
 */
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import fc from 'fast-check';
import type * as z from 'zod/mini';
import { complaintCreated } from '../../src/contract/complaint.js';
import { generateReference } from '../../src/contract/identifiers.js';
import { lookupResult } from '../../src/contract/lookup.js';
import { problemSchema } from '../../src/contract/problem.js';
import { ratingCreated } from '../../src/contract/rating.js';
import { requestCreated } from '../../src/contract/request.js';
import { DEFAULT_LIMITS } from '../../server/limits.js';
import {
  call,
  describeEachDatabase,
  makeApp,
  validComplaint,
  validRating,
  validRequest,
  type TestApp,
} from './helpers.js';

const RUNS = 1000;

/** Strings people and attackers type: Arabic, digits of three scripts, controls, surrogates, bidi, HTML. */
const nastyString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    '\ud800',
    '\udfff',
    '\u202e0551234567',
    'محمد\u2066',
    '٠٥٥١٢٣٤٥٦٧',
    '۰۵۵۱۲۳۴۵۶۷',
    '<script>alert(1)</script>',
    '=HYPERLINK("http://x")',
    '__proto__',
    'constructor',
    'a'.repeat(5000),
    'C-4F7K-2M9Q-X3TB',
    '1000000008',
  ),
);
const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  nastyString,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant([]),
  fc.constant({}),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), { maxKeys: 3 }),
);

function paths(value: unknown, prefix: string[] = []): string[][] {
  if (value === null || typeof value !== 'object') return [prefix];
  return [prefix, ...Object.entries(value).flatMap(([key, item]) => paths(item, [...prefix, key]))];
}

function mutate(base: unknown, path: string[], value: unknown, remove: boolean): unknown {
  if (path.length === 0) return value;
  // An earlier change may have replaced a parent with a scalar: start a fresh object there.
  const copy: Record<string, unknown> =
    base !== null && typeof base === 'object' && !Array.isArray(base) ? { ...(base as Record<string, unknown>) } : {};
  const [head, ...rest] = path as [string, ...string[]];
  if (rest.length === 0 && remove) delete copy[head];
  else copy[head] = mutate(copy[head], rest, value, remove);
  return copy;
}

/** A valid body with 1–3 fields replaced or removed, or arbitrary JSON, or raw text. */
function bodies(valid: () => Record<string, unknown>): fc.Arbitrary<string> {
  const base = valid();
  const allPaths = paths(base);
  const mutation = fc.record({ path: fc.constantFrom(...allPaths), value: nastyValue, remove: fc.boolean() });
  return fc.oneof(
    {
      weight: 6,
      arbitrary: fc
        .array(mutation, { minLength: 1, maxLength: 3 })
        .map((changes) =>
          JSON.stringify(
            changes.reduce<unknown>((body, change) => mutate(body, change.path, change.value, change.remove), base),
          ),
        ),
    },
    { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify(value)) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
    {
      weight: 1,
      arbitrary: fc
        .anything({ maxDepth: 3, withObjectString: true })
        .map((value) => JSON.stringify(value) ?? 'undefined'),
    },
  );
}

const contentTypes = fc.oneof(
  { weight: 8, arbitrary: fc.constant('application/json') },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      'text/plain',
      'application/x-www-form-urlencoded',
      'application/json; charset=latin1',
      'multipart/form-data; boundary=x',
      '',
    ),
  },
);

async function checkAnswer(app: TestApp, path: string, body: string, contentType: string, success: z.ZodMiniType) {
  const headers: Record<string, string> = { 'Idempotency-Key': crypto.randomUUID() };
  if (contentType) headers['Content-Type'] = contentType;
  const answer = await call(app, path, { method: 'POST', headers, body });
  assert.ok(
    answer.status < 500,
    `${path} answered ${answer.status} to ${JSON.stringify(body).slice(0, 300)}: ${answer.text}`,
  );
  if (answer.status >= 400) {
    assert.match(answer.headers.get('content-type') ?? '', /^application\/problem\+json/);
    assert.ok(problemSchema.safeParse(answer.json).success, answer.text);
  } else {
    assert.ok(success.safeParse(answer.json).success, `${path} ${answer.status}: ${answer.text}`);
  }
  return answer.status;
}

describeEachDatabase('bad input never causes a server error', (db) => {
  let app: TestApp;
  before(() => {
    app = makeApp(db(), {
      limits: {
        ...DEFAULT_LIMITS,
        postsPerMinutePerIp: 0,
        lookupFailuresPerHourPerIp: 0,
        lookupFailuresPerReferencePerDay: 1_000_000,
      },
    });
  });

  const routes: [string, () => Record<string, unknown>, z.ZodMiniType][] = [
    ['/v1/complaints', () => validComplaint(), complaintCreated],
    ['/v1/requests', () => validRequest(), requestCreated],
    ['/v1/ratings', () => validRating(), ratingCreated],
    ['/v1/status', () => ({ reference: generateReference('request'), verifier: '4321' }), lookupResult],
  ];

  for (const [path, valid, success] of routes) {
    it(`POST ${path}: ${RUNS} generated bodies, no 5xx`, async () => {
      const seen = new Map<number, number>();
      await fc.assert(
        fc.asyncProperty(bodies(valid), contentTypes, async (body, type) => {
          const status = await checkAnswer(app, path, body, type, success);
          seen.set(status, (seen.get(status) ?? 0) + 1);
        }),
        { numRuns: RUNS },
      );
      if (process.env.SILA_TEST_VERBOSE) console.log(path, JSON.stringify([...seen]));
      const total = [...seen.values()].reduce((a, b) => a + b, 0);
      assert.ok(total >= RUNS);
      assert.ok((seen.get(422) ?? 0) > RUNS / 10, `mostly field errors expected: ${JSON.stringify([...seen])}`);
    });
  }
});
