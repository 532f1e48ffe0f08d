/**
 * Privacy of the logs: canary values (a national ID, a mobile, an e-mail, names, free
 * text) go through every route — accepted, refused, replayed, looked up, handled by
 * staff, and through a database failure whose message quotes them — and none of them
 * may appear in any log line, on stdout or stderr. Refusals must not echo them either.
 * (The spawned process's output is checked in reliability-crash.test.ts.)
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { it } from 'node:test';
import type { LogLine } from '../../server/context.js';
import type { Database, Queryable } from '../../server/db/database.js';
import {
  assertProblem,
  call,
  describeEachDatabase,
  makeApp,
  postJson,
  staffGet,
  staffPost,
  validComplaint,
  validRating,
  validRequest,
  type Answer,
} from './helpers.js';

const CANARY = {
  nationalId: '1987654322',
  iqama: '2468135799',
  mobile: '0559876123',
  email: 'canary.person@example.org',
  name: 'كناري الاختباري',
  latinName: 'Zelda Canarywood',
  subject: 'CanarySubjectText',
  note: 'CanaryStaffNote',
};
/** Each canary and the forms it is stored or shown in (E.164, national digits, lower case). */
const NEEDLES = [
  CANARY.nationalId,
  CANARY.iqama,
  '559876123',
  CANARY.email,
  'canary.person',
  CANARY.name,
  'كناري',
  CANARY.latinName,
  'Canarywood',
  CANARY.subject,
  CANARY.note,
];

const LOG_KEYS = new Set(['method', 'route', 'status', 'ms', 'reference']);

/** Records what the process writes to stdout and stderr (console included) while fn runs. */
async function captureOutput(fn: () => Promise<void>): Promise<string> {
  let captured = '';
  const streams = [process.stdout, process.stderr];
  const originals = streams.map((stream) => stream.write);
  streams.forEach((stream, i) => {
    stream.write = ((chunk: unknown, ...rest: unknown[]) => {
      captured += String(chunk);
      return (originals[i] as (...args: unknown[]) => boolean).call(stream, chunk, ...rest);
    }) as typeof stream.write;
  });
  try {
    await fn();
  } finally {
    streams.forEach((stream, i) => (stream.write = originals[i]!));
  }
  return captured;
}

/** The real database, except that inserting a submission fails like a constraint would, quoting the row. */
function failingInserts(db: Database): Database {
  const fail = (sql: string, params: readonly unknown[]) => {
    if (/INSERT INTO submissions/i.test(sql)) {
      const error = new Error(
        `new row violates check constraint: Failing row contains (${params.map(String).join(', ')})`,
      );
      Object.assign(error, { code: '23514' });
      throw error;
    }
  };
  const wrap = (q: Queryable): Queryable => ({
    query: async (sql, params = []) => {
      fail(sql, params);
      return q.query(sql, params);
    },
    exec: (sql) => q.exec(sql),
  });
  return { ...db, ...wrap(db), transaction: (fn) => db.transaction((tx) => fn(wrap(tx))), close: () => db.close() };
}

function assertNoCanary(text: string, where: string): void {
  for (const needle of NEEDLES) assert.ok(!text.includes(needle), `${where} contains ${needle}: ${text.slice(0, 500)}`);
}

describeEachDatabase('reliability: no personal data in logs', (db) => {
  it('canaries through every route, refusal, replay, lookup, staff call and a database failure: never logged', async () => {
    const lines: LogLine[] = [];
    const log = (line: LogLine) => lines.push(line);
    const app = makeApp(db(), { log });
    const refusals: Answer[] = [];

    const output = await captureOutput(async () => {
      const contact = { name: CANARY.name, mobile: CANARY.mobile, email: CANARY.email };
      const key = randomUUID();
      const complaint = await postJson(app, '/v1/complaints', validComplaint({ subject: CANARY.subject, contact }), {
        key,
      });
      assert.equal(complaint.status, 201, complaint.text);
      const reference: string = complaint.json.reference;
      assert.equal(
        (await postJson(app, '/v1/complaints', validComplaint({ subject: CANARY.subject, contact }), { key })).status,
        201,
      );
      refusals.push(
        await postJson(app, '/v1/complaints', validComplaint({ contact: { ...contact, name: CANARY.latinName } }), {
          key,
        }),
      );

      const applicant = {
        ...validRequest().applicant,
        fullName: CANARY.latinName,
        nationalId: CANARY.nationalId,
        mobile: CANARY.mobile,
        email: CANARY.email,
      };
      const request = await postJson(app, '/v1/requests', validRequest({ applicant }));
      assert.equal(request.status, 201, request.text);

      // Refused: every canary in a field that is wrong, or in one next to it.
      refusals.push(
        await postJson(
          app,
          '/v1/requests',
          validRequest({ applicant: { ...applicant, nationalId: `${CANARY.iqama}9` } }),
        ),
      );
      refusals.push(
        await postJson(app, '/v1/requests', validRequest({ applicant: { ...applicant, email: `${CANARY.email}@` } })),
      );
      refusals.push(
        await postJson(app, '/v1/requests', validRequest({ applicant: { ...applicant, mobile: `${CANARY.mobile}9` } })),
      );
      refusals.push(
        await postJson(
          app,
          '/v1/complaints',
          validComplaint({ contact: { ...contact, name: `${CANARY.name}\u202e` } }),
        ),
      );
      refusals.push(
        await postJson(
          app,
          '/v1/complaints',
          `{"contact":{"name":"${CANARY.latinName}","nationalId":"${CANARY.iqama}"`,
        ),
      );
      refusals.push(
        await postJson(
          app,
          '/v1/complaints',
          JSON.stringify(validComplaint({ contact })).replace('{', '{"__proto__":{},'),
        ),
      );
      refusals.push(await postJson(app, '/v1/complaints', validComplaint({ contact }), { key: null }));

      assert.equal(
        (
          await postJson(
            app,
            '/v1/ratings',
            validRating({ reference, verifier: CANARY.mobile.slice(-4), comment: `${CANARY.name} ${CANARY.email}` }),
          )
        ).status,
        201,
      );
      assert.equal((await postJson(app, '/v1/status', { reference, verifier: CANARY.mobile.slice(-4) })).status, 200);
      refusals.push(await postJson(app, '/v1/status', { reference, verifier: CANARY.iqama }));
      refusals.push(await postJson(app, '/v1/status', { reference: CANARY.email, verifier: '1234' }));

      assert.equal((await staffGet(app, `/v1/staff/submissions?q=${reference.slice(1, 6)}`)).status, 200);
      assert.equal((await staffGet(app, `/v1/staff/submissions/${reference}`)).status, 200);
      assert.equal(
        (
          await staffPost(app, `/v1/staff/submissions/${reference}/status`, {
            status: 'needs_info',
            note: `${CANARY.note} ${CANARY.name}`,
            notePublic: true,
            version: 1,
          })
        ).status,
        200,
      );
      assert.equal((await staffGet(app, '/v1/staff/export.csv')).status, 200);
      assert.equal(
        (await staffGet(app, `/v1/staff/submissions?q=${encodeURIComponent(CANARY.email)}`)).status < 500,
        true,
      );

      // A database error whose message quotes the submitted row: a 500, logged without the message.
      const broken = makeApp(failingInserts(db()), { log });
      const failed = await postJson(broken, '/v1/requests', validRequest({ applicant }));
      assertProblem(failed, 500, 'internal_error');
      refusals.push(failed);
    });

    assert.ok(lines.length >= 20, `request log has ${lines.length} lines`);
    for (const line of lines) {
      assert.deepEqual(
        Object.keys(line).filter((k) => !LOG_KEYS.has(k)),
        [],
        `unexpected log field: ${JSON.stringify(line)}`,
      );
    }
    assertNoCanary(lines.map((line) => JSON.stringify(line)).join('\n'), 'request log');
    assert.match(output, /"sqlState":"23514"/, 'the failure was logged (without its message)');
    assertNoCanary(output, 'stdout/stderr');
    for (const refusal of refusals) {
      assert.ok(refusal.status >= 400, refusal.text);
      assertNoCanary(refusal.text, `${refusal.status} answer`);
    }
  });

  it('a lookup with the wrong verifier is a 404 without the reference in the answer', async () => {
    const app = makeApp(db());
    const created = await postJson(app, '/v1/complaints', validComplaint());
    const wrong = await call(app, '/v1/status', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ reference: created.json.reference, verifier: '0000' }),
    });
    assertProblem(wrong, 404, 'not_found');
    assert.ok(!wrong.text.includes(created.json.reference));
  });
});
