/**
 * The case workflow of the staff API (docs/staff-side.md, "Cases"): moves per role,
 * notes, versions, search, filters, keyset paging, intake, what each role sees, and one
 * audit row per action.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { before, describe, it } from 'node:test';
import { normalizeArabic } from '../../src/contract/arabic-normalize.js';
import { lookupResult } from '../../src/contract/lookup.js';
import {
  staffCaseCounts,
  staffIntakeCreated,
  staffSubmissionDetail,
  staffSubmissionList,
  staffVersionConflict,
} from '../../src/contract/staff.js';
import { STATUSES, type Status } from '../../src/contract/status.js';
import {
  TRANSITIONS,
  allowedActions,
  statusMoves,
  type CaseKind,
  type WorkflowActor,
} from '../../src/contract/workflow.js';
import { backfillSearchColumns } from '../../server/staff/search-index.js';
import {
  type Answer,
  type TestApp,
  ADMIN_TOKEN,
  assertProblem,
  assertSchema,
  call,
  describeEachDatabase,
  fieldPaths,
  makeApp,
  postJson,
  staffGet,
  staffPost,
  validComplaint,
  validRequest,
  validSuggestion,
} from './helpers.js';
import { type SignedIn, type StaffUser, asStaff, createStaff, signIn } from './staff-auth-helpers.js';

describe('workflow table', () => {
  const ROLES: WorkflowActor[] = ['officer', 'committee', 'manager', 'admin', 'token'];
  it('no status moves backwards to received; closed is the end; referred and accepted only for requests', () => {
    for (const from of STATUSES) assert.ok(!TRANSITIONS[from].includes('received'), from);
    assert.deepEqual(TRANSITIONS.closed, []);
    for (const role of ROLES) {
      for (const kind of ['complaint', 'suggestion', 'inquiry', 'compensation'] as CaseKind[]) {
        for (const from of STATUSES) {
          const moves = statusMoves(kind, from, role);
          assert.ok(!moves.includes('referred') && !moves.includes('accepted'), `${role} ${kind} ${from}`);
          assert.equal(allowedActions(kind, from, role).refer, false);
          assert.equal(allowedActions(kind, from, role).decision, false);
        }
      }
    }
  });

  it('who may make which move', () => {
    const moves = (kind: CaseKind, from: Status, role: WorkflowActor) => statusMoves(kind, from, role).sort();
    assert.deepEqual(moves('request', 'received', 'officer'), ['closed', 'needs_info', 'rejected', 'under_review']);
    assert.deepEqual(moves('complaint', 'received', 'officer'), [
      'closed',
      'needs_info',
      'rejected',
      'resolved',
      'under_review',
    ]);
    assert.deepEqual(moves('request', 'received', 'token'), moves('request', 'received', 'officer'));
    for (const role of ['committee', 'manager', 'admin'] as const)
      assert.deepEqual(moves('request', 'received', role), [], role);
    // A referred request: the decision is the committee's (its own route); either may ask the applicant.
    assert.deepEqual(moves('request', 'referred', 'officer'), ['needs_info']);
    assert.deepEqual(moves('request', 'referred', 'committee'), ['needs_info']);
    assert.deepEqual(allowedActions('request', 'referred', 'committee'), {
      status: ['needs_info'],
      note: false,
      assign: false,
      refer: false,
      decision: true,
    });
    assert.deepEqual(allowedActions('request', 'under_review', 'officer').refer, true);
    assert.deepEqual(moves('request', 'accepted', 'officer'), ['closed', 'resolved']);
    assert.deepEqual(moves('request', 'resolved', 'officer'), ['closed', 'under_review']);
    assert.deepEqual(allowedActions('request', 'closed', 'officer'), {
      status: [],
      note: false,
      assign: false,
      refer: false,
      decision: false,
    });
  });

  it('Arabic normalization', () => {
    assert.equal(normalizeArabic('أحمد'), normalizeArabic('احمد'));
    assert.equal(normalizeArabic('إيمان آل ٱلشيخ'), 'ايمان ال الشيخ');
    assert.equal(normalizeArabic('فاطمة'), normalizeArabic('فاطمه'));
    assert.equal(normalizeArabic('مصطفى'), 'مصطفي');
    assert.equal(normalizeArabic('مُحَمَّـــد'), 'محمد');
    assert.equal(normalizeArabic(' رقم ١٢٣  Ali '), 'رقم 123 ali');
  });
});

const hasItem = (answer: Answer, reference: string) =>
  answer.json.items.some((item: { reference: string }) => item.reference === reference);

describeEachDatabase('staff cases', (db) => {
  let now = new Date('2025-03-01T09:00:00Z');
  let app: TestApp;
  const as: Record<'officer' | 'officer2' | 'committee' | 'manager' | 'admin', SignedIn> = {} as never;
  const ids: Record<string, string> = {};

  const create = async (path: string, body: unknown) => {
    const answer = await postJson(app, path, body);
    assert.equal(answer.status, 201, answer.text);
    return answer.json.reference as string;
  };
  const get = (who: keyof typeof as, path: string) => asStaff(app, as[who], path);
  const post = (who: keyof typeof as, path: string, body: unknown) => asStaff(app, as[who], path, 'POST', body);
  const detail = async (reference: string) =>
    assertSchema(staffSubmissionDetail, (await staffGet(app, `/v1/staff/submissions/${reference}`)).json);
  const auditCount = async (action: string, target: string) =>
    (
      await db().query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log WHERE action = $1 AND target = $2', [
        action,
        target,
      ])
    ).rows[0]!.n;
  /** Runs an action and checks it wrote exactly one audit row of its kind for the case. */
  const audited = async (action: string, target: string, run: () => Promise<Answer>) => {
    const before = await auditCount(action, target);
    const answer = await run();
    assert.equal(await auditCount(action, target), before + 1, `one ${action} row for ${answer.status}`);
    return answer;
  };

  const users: Partial<Record<keyof typeof as, StaffUser>> = {};
  /** Moves the clock; everyone signs in again (sessions expire after 30 idle minutes). */
  const setClock = async (at: string) => {
    now = new Date(at);
    for (const [who, user] of Object.entries(users)) as[who as keyof typeof as] = await signIn(app, user);
  };

  before(async () => {
    app = makeApp(db(), { now: () => now });
    for (const role of ['officer', 'committee', 'manager', 'admin'] as const) {
      users[role] = await createStaff(db(), role, { name: `${role} name` });
      ids[role] = users[role].id;
    }
    users.officer2 = await createStaff(db(), 'officer', { name: 'Second officer' });
    ids.officer2 = users.officer2.id;
    await setClock(now.toISOString());
  });

  it('status moves allowed and refused per role; rejected and needs_info need the applicant’s note', async () => {
    const reference = await create('/v1/requests', validRequest());
    assertProblem(
      await post('committee', `/v1/staff/submissions/${reference}/status`, { status: 'under_review', version: 1 }),
      404,
      'not_found',
    );
    assertProblem(
      await post('manager', `/v1/staff/submissions/${reference}/status`, { status: 'under_review', version: 1 }),
      403,
      'forbidden',
    );
    assertProblem(
      await post('admin', `/v1/staff/submissions/${reference}/status`, { status: 'under_review', version: 1 }),
      403,
      'forbidden',
    );
    // A request is never "resolved" straight from received, nor "accepted" but by the committee.
    for (const status of ['resolved', 'accepted', 'referred', 'received']) {
      const refused = await post('officer', `/v1/staff/submissions/${reference}/status`, { status, version: 1 });
      assert.ok([403, 422].includes(refused.status), `${status}: ${refused.text}`);
    }
    const noNote = await post('officer', `/v1/staff/submissions/${reference}/status`, {
      status: 'needs_info',
      version: 1,
    });
    assertProblem(noNote, 422);
    assert.deepEqual(fieldPaths(noNote), ['note']);
    const asked = await audited('case.status', reference, () =>
      post('officer', `/v1/staff/submissions/${reference}/status`, {
        status: 'needs_info',
        note: 'يرجى إرفاق صورة الهوية.',
        version: 1,
      }),
    );
    assert.equal(asked.status, 200, asked.text);
    const moved = assertSchema(staffSubmissionDetail, asked.json);
    assert.equal(moved.version, 2);
    assert.equal(moved.timeline.at(-1)!.public, true, 'the question is public even when notePublic is left out');
    assert.equal(moved.timeline.at(-1)!.actor, 'officer name');
    assert.deepEqual(moved.allowedActions.status.sort(), ['closed', 'under_review']);
    // needs_info → rejected is not in the table.
    assertProblem(
      await post('officer', `/v1/staff/submissions/${reference}/status`, {
        status: 'rejected',
        note: 'x y',
        version: 2,
      }),
      422,
      'transition_not_allowed',
    );
    // The token: status changes as before accounts existed; nothing else.
    const token = await staffPost(app, `/v1/staff/submissions/${reference}/status`, {
      status: 'under_review',
      version: 2,
    });
    assert.equal(token.status, 200, token.text);
    assert.equal(token.json.timeline.at(-1).actor, 'api-token');
    assertProblem(
      await staffPost(app, `/v1/staff/submissions/${reference}/notes`, { text: 'ملاحظة', version: 3 }),
      403,
    );
    const closed = await post('officer', `/v1/staff/submissions/${reference}/status`, { status: 'closed', version: 3 });
    assert.equal(closed.status, 200, closed.text);
    assertProblem(
      await post('officer', `/v1/staff/submissions/${reference}/status`, { status: 'under_review', version: 4 }),
      422,
      'transition_not_allowed',
    );
    assertProblem(
      await post('officer', `/v1/staff/submissions/${reference}/notes`, { text: 'بعد الإغلاق', version: 4 }),
      422,
      'case_closed',
    );
  });

  it('notes: internal by default and never in the lookup; public ones are; the staff timeline names who acted', async () => {
    const reference = await create('/v1/requests', validRequest());
    const internal = await audited('case.note', reference, () =>
      post('officer', `/v1/staff/submissions/${reference}/notes`, { text: 'اتصلت بالمستفيدة ولم ترد', version: 1 }),
    );
    assert.equal(internal.status, 200, internal.text);
    const shown = await post('officer2', `/v1/staff/submissions/${reference}/notes`, {
      text: 'استلمنا مستنداتك، شكرًا لك.',
      public: true,
      version: 2,
    });
    assert.equal(shown.status, 200, shown.text);
    const timeline = assertSchema(staffSubmissionDetail, shown.json).timeline;
    assert.deepEqual(
      timeline.map((entry) => [entry.type, entry.public, entry.actor, entry.note ?? null]),
      [
        ['status', false, 'applicant', null],
        ['note', false, 'officer name', 'اتصلت بالمستفيدة ولم ترد'],
        ['note', true, 'Second officer', 'استلمنا مستنداتك، شكرًا لك.'],
      ],
    );
    const lookup = await postJson(app, '/v1/status', { reference, verifier: '4321' });
    const result = assertSchema(lookupResult, lookup.json);
    assert.ok(!lookup.text.includes('اتصلت'), 'no internal note');
    assert.ok(!lookup.text.includes('officer'), 'no staff names');
    assert.deepEqual(
      result.history.map((entry) => [entry.status, entry.note ?? null]),
      [
        ['received', null],
        ['received', 'استلمنا مستنداتك، شكرًا لك.'],
      ],
    );
  });

  it('assign, refer, decide: the committee sees referred requests only, and its public note reaches the lookup', async () => {
    const reference = await create('/v1/requests', validRequest());
    const complaint = await create('/v1/complaints', validComplaint());
    assertProblem(
      await post('officer', `/v1/staff/submissions/${reference}/assign`, { assigneeId: ids.manager, version: 1 }),
      422,
    );
    const assigned = await audited('case.assign', reference, () =>
      post('officer', `/v1/staff/submissions/${reference}/assign`, { assigneeId: ids.officer2, version: 1 }),
    );
    assert.deepEqual(assigned.json.assignee, { id: ids.officer2, name: 'Second officer' });
    assert.deepEqual(assigned.json.timeline.at(-1).assignee, { id: ids.officer2, name: 'Second officer' });
    assert.ok(hasItem(await get('officer2', '/v1/staff/submissions?assignee=me'), reference));
    assert.ok(!hasItem(await get('officer', '/v1/staff/submissions?assignee=me'), reference));
    assert.ok(!hasItem(await get('officer', '/v1/staff/submissions?assignee=none'), reference));
    assert.ok(hasItem(await get('officer', `/v1/staff/submissions?assignee=${ids.officer2}`), reference));

    // Before the referral the committee has nothing of it.
    assertProblem(await get('committee', `/v1/staff/submissions/${reference}`), 404);
    assert.ok(!hasItem(await get('committee', '/v1/staff/submissions'), reference));
    assertProblem(
      await post('officer', `/v1/staff/submissions/${complaint}/refer`, { version: 1 }),
      422,
      'transition_not_allowed',
    );
    assertProblem(await post('committee', `/v1/staff/submissions/${reference}/refer`, { version: 2 }), 403);
    const referred = await audited('case.refer', reference, () =>
      post('officer', `/v1/staff/submissions/${reference}/refer`, { note: 'الملف مكتمل', version: 2 }),
    );
    assert.equal(referred.json.status, 'referred');
    assert.ok(hasItem(await get('committee', '/v1/staff/submissions'), reference));
    assert.ok(!hasItem(await get('committee', '/v1/staff/submissions'), complaint));
    assertProblem(await get('committee', `/v1/staff/submissions/${complaint}`), 404);

    const seen = assertSchema(
      staffSubmissionDetail,
      (await get('committee', `/v1/staff/submissions/${reference}`)).json,
    );
    assert.equal(seen.allowedActions.decision, true);
    assert.equal(
      (seen.payload as any).household.incomeBracket,
      'under_3000',
      'the committee weighs household and income',
    );
    assert.equal((seen.payload as any).applicant.nationalId, '1000000008');

    assertProblem(
      await post('officer', `/v1/staff/submissions/${reference}/decision`, {
        decision: 'accepted',
        reason: 'مستحق',
        version: 3,
      }),
      403,
    );
    const noNote = await post('committee', `/v1/staff/submissions/${reference}/decision`, {
      decision: 'rejected',
      reason: 'الدخل أعلى من الحد',
      version: 3,
    });
    assertProblem(noNote, 422);
    assert.deepEqual(fieldPaths(noNote), ['publicNote']);
    await setClock('2025-03-02T09:00:00Z');
    const decided = await audited('case.decision', reference, () =>
      post('committee', `/v1/staff/submissions/${reference}/decision`, {
        decision: 'accepted',
        reason: 'الأسرة مستحقة وفق لائحة الخدمات',
        publicNote: 'تمت الموافقة على طلبك، نرجو مراجعة الجمعية لاستلام السلة.',
        version: 3,
      }),
    );
    assert.equal(decided.status, 200, decided.text);
    const after = assertSchema(staffSubmissionDetail, decided.json);
    assert.equal(after.status, 'accepted');
    assert.equal(after.decision?.by.name, 'committee name');
    assert.equal(after.decision?.reason, 'الأسرة مستحقة وفق لائحة الخدمات');
    assert.ok(
      hasItem(await get('committee', '/v1/staff/submissions?status=accepted'), reference),
      'decided requests stay in the committee’s list',
    );

    const lookup = await postJson(app, '/v1/status', { reference, verifier: '4321' });
    const result = assertSchema(lookupResult, lookup.json);
    assert.equal(result.status, 'accepted');
    assert.equal(result.history.at(-1)!.note, 'تمت الموافقة على طلبك، نرجو مراجعة الجمعية لاستلام السلة.');
    assert.ok(!lookup.text.includes('الأسرة مستحقة'), 'the reason stays internal');
    assert.ok(!lookup.text.includes('الملف مكتمل'), 'the referral note stays internal');
    assert.ok(!lookup.text.includes('committee'), 'nobody is named');
    // The applicant is told (the outbox, issue #15).
    const { rows } = await db().query<{ event: string }>(
      `SELECT event FROM messages WHERE reference = $1 ORDER BY created_at`,
      [reference],
    );
    assert.ok(
      rows.some((row) => row.event === 'decision'),
      JSON.stringify(rows),
    );
  });

  it('two people change one case at once: exactly one wins, the other gets 409 with what changed', async () => {
    const reference = await create('/v1/complaints', validComplaint());
    const answers = await Promise.all([
      post('officer', `/v1/staff/submissions/${reference}/status`, { status: 'under_review', version: 1 }),
      post('officer2', `/v1/staff/submissions/${reference}/notes`, { text: 'أتولى هذه الشكوى', version: 1 }),
    ]);
    const statuses = answers.map((answer) => answer.status).sort();
    assert.deepEqual(statuses, [200, 409], answers.map((answer) => answer.text).join('\n'));
    const lost = answers.find((answer) => answer.status === 409)!;
    assertProblem(lost, 409, 'version_conflict');
    const conflict = assertSchema(staffVersionConflict, lost.json);
    assert.equal(conflict.current.version, 2);
    assert.equal(conflict.changes.length, 1);
    assert.equal(conflict.changes[0]!.version, 2);
    const won = answers.find((answer) => answer.status === 200)!;
    assert.equal(conflict.changes[0]!.type, won.json.timeline.at(-1).type);
    // Nothing of the loser was written, and the case has one entry per version.
    const timeline = (await detail(reference)).timeline;
    assert.deepEqual(
      timeline.map((entry) => entry.version),
      [1, 2],
    );
    // An old version later is refused the same way.
    assertProblem(
      await post('officer', `/v1/staff/submissions/${reference}/assign`, { assigneeId: null, version: 1 }),
      409,
      'version_conflict',
    );
  });

  it('search: Arabic-normalised names, exact mobile and national ID, never a partial number', async () => {
    const ahmad = await create(
      '/v1/requests',
      validRequest({
        applicant: {
          ...validRequest().applicant,
          fullName: 'أحمد بن سعيد الغامدي',
          nationalId: '1234567897',
          mobile: '0501112233',
        },
      }),
    );
    const fatima = await create(
      '/v1/complaints',
      validComplaint({ contact: { name: 'فاطمة الزهراء', mobile: '0559998877' } }),
    );
    const search = async (q: string) => staffGet(app, `/v1/staff/submissions?q=${encodeURIComponent(q)}`);
    const only = async (q: string, reference: string) => {
      const answer = await search(q);
      assert.equal(answer.status, 200, answer.text);
      assert.deepEqual(
        answer.json.items.map((item: { reference: string }) => item.reference),
        [reference],
        q,
      );
    };
    await only('احمد', ahmad);
    await only('أحمد الغامدي'.split(' ')[1]!, ahmad);
    await only('فاطمه', fatima);
    await only('فاطِمة الزهراء', fatima);
    await only('1234567897', ahmad);
    await only('١٢٣٤٥٦٧٨٩٧', ahmad);
    await only('0501112233', ahmad);
    await only('+966 50 111 2233', ahmad);
    await only('٠٥٥٩٩٩٨٨٧٧', fatima);
    for (const partial of ['123456', '1234567', '050111', '2233', '%', '_']) {
      assert.deepEqual((await search(partial)).json.items, [], partial);
    }
    // The officer searches by the full number, and sees only the last 4 digits of it.
    const found = (await get('officer', `/v1/staff/submissions?q=1234567897`)).json;
    assert.deepEqual(
      found.items.map((item: { reference: string }) => item.reference),
      [ahmad],
    );
    assert.equal(
      ((await get('officer', `/v1/staff/submissions/${ahmad}`)).json.payload as any).applicant.nationalId,
      '••••7897',
    );
    // Rows written before the search columns existed are filled at start-up.
    await db().query(
      'UPDATE submissions SET search_name = NULL, national_id_hash = NULL, mobile_hash = NULL, search_key_id = NULL WHERE reference = $1',
      [ahmad],
    );
    assert.deepEqual((await search('احمد')).json.items, []);
    assert.ok((await backfillSearchColumns(db())) >= 1);
    await only('احمد', ahmad);
    await only('1234567897', ahmad);
  });

  it('unknown filters are a 400, unsupported values a 422, naming the parameter', async () => {
    for (const [query, path] of [
      ['foo=1', 'foo'],
      ['overdue=yes', 'overdue'],
      ['dueSoon=1', 'dueSoon'],
      ['channel=fax', 'channel'],
      ['sort=name', 'sort'],
      ['assignee=me%20too', 'assignee'],
      ['cursor=abc', 'cursor'],
      ['limit=0', 'limit'],
      ['page=2', 'page'],
    ] as const) {
      const answer = await staffGet(app, `/v1/staff/submissions?${query}`);
      assertProblem(answer, ['foo', 'page'].includes(path) ? 400 : 422, 'invalid_query');
      assert.deepEqual(fieldPaths(answer), [path], query);
    }
    // The token has no cases of its own.
    assert.deepEqual(fieldPaths(await staffGet(app, '/v1/staff/submissions?assignee=me')), ['assignee']);
    assertProblem(await staffGet(app, '/v1/staff/submissions/counts?mine=1'), 400, 'invalid_query');
  });

  it('overdue and due soon follow the clock; counts per tab', async () => {
    await setClock('2025-04-01T09:00:00Z');
    const request = await create('/v1/requests', validRequest()); // due in 14 days
    const complaint = await create('/v1/complaints', validComplaint()); // due in 7 days
    const flags = async (query: string) =>
      new Set(
        (
          (await staffGet(app, `/v1/staff/submissions?${query}&from=2025-04-01`)).json.items as { reference: string }[]
        ).map((item) => item.reference),
      );
    assert.equal((await flags('overdue=true')).size, 0);
    assert.equal((await flags('dueSoon=true')).size, 0);
    await setClock('2025-04-06T10:00:00Z');
    assert.deepEqual(await flags('dueSoon=true'), new Set([complaint]));
    await setClock('2025-04-09T10:00:00Z');
    assert.deepEqual(await flags('overdue=true'), new Set([complaint]));
    assert.deepEqual(await flags('overdue=false'), new Set([request]));
    await setClock('2025-04-14T10:00:00Z');
    assert.deepEqual(await flags('dueSoon=true'), new Set([request]));
    const listed = (await staffGet(app, `/v1/staff/submissions?from=2025-04-01`)).json.items as {
      reference: string;
      overdue: boolean;
      dueSoon: boolean;
    }[];
    // Received at the same instant: the reference breaks the tie (R after C, newest-first order reversed).
    assert.deepEqual(
      listed.map((item) => [item.reference, item.overdue, item.dueSoon]),
      [
        [request, false, true],
        [complaint, true, false],
      ],
    );
    // Resolved cases are never overdue.
    const resolved = await post('officer', `/v1/staff/submissions/${complaint}/status`, {
      status: 'resolved',
      version: 1,
    });
    assert.equal(resolved.status, 200, resolved.text);
    assert.equal((await flags('overdue=true')).size, 0);

    const counts = assertSchema(staffCaseCounts, (await get('officer', '/v1/staff/submissions/counts')).json);
    assert.equal(counts.limit, 1000);
    assert.ok(counts.unassigned >= 2 && counts.dueSoon >= 1 && counts.mine === 0, JSON.stringify(counts));
    assert.equal(
      (await get('officer2', '/v1/staff/submissions/counts')).json.mine,
      1,
      'the case assigned in the referral test',
    );
    const committee = assertSchema(staffCaseCounts, (await get('committee', '/v1/staff/submissions/counts')).json);
    assert.equal(committee.committee, 0, 'the one referred request was decided');
    assertProblem(await get('admin', '/v1/staff/submissions/counts'), 403);
  });

  it('keyset paging over 250 rows returns each row once, in order, for every sort', async () => {
    // Three rows per instant (ties broken by reference), microseconds as SQL loads have them, some without due date.
    await db().query(
      `INSERT INTO submissions (reference, kind, status, channel, payload, verifier_hash, received_at, updated_at, expected_decision_by)
       SELECT 'K' || lpad(g::text, 12, '0'), 'compensation', 'received', 'letter', '{}'::jsonb, 'x',
              timestamptz '2024-06-01 00:00:00.123456+00' - (g / 3) * interval '1 hour',
              timestamptz '2024-06-01 00:00:00+00',
              CASE WHEN g % 5 = 0 THEN NULL ELSE timestamptz '2024-07-01 00:00:00.000001+00' + (g % 7) * interval '1 day' END
         FROM generate_series(1, 250) g`,
    );
    const { rows } = await db().query<{ reference: string; received: string; due: string }>(
      `SELECT reference, to_char(received_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US') AS received,
              coalesce(to_char(expected_decision_by AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US'), 'infinity') AS due
         FROM submissions WHERE kind = 'compensation'`,
    );
    assert.equal(rows.length, 250);
    const byReceived = [...rows].sort((a, b) =>
      a.received === b.received ? a.reference.localeCompare(b.reference) : a.received < b.received ? -1 : 1,
    );
    const due = (row: { due: string }) => (row.due === 'infinity' ? '9999' : row.due);
    const expected = {
      '-received': byReceived.map((row) => row.reference).reverse(),
      received: byReceived.map((row) => row.reference),
      due: [...rows]
        .sort((a, b) => (due(a) === due(b) ? a.reference.localeCompare(b.reference) : due(a) < due(b) ? -1 : 1))
        .map((row) => row.reference),
    };
    for (const [sort, order] of Object.entries(expected)) {
      const seen: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const answer = await staffGet(
          app,
          `/v1/staff/submissions?kind=compensation&channel=letter&sort=${sort}&limit=37${cursor ? `&cursor=${cursor}` : ''}`,
        );
        const page = assertSchema(staffSubmissionList, answer.json, answer.text);
        seen.push(...page.items.map((item) => item.reference));
        cursor = page.nextCursor;
        pages++;
      } while (cursor);
      assert.equal(pages, 7, sort);
      assert.deepEqual(seen, order, sort);
    }
    const first = (await staffGet(app, '/v1/staff/submissions?kind=compensation&limit=5')).json.nextCursor;
    assertProblem(
      await staffGet(app, `/v1/staff/submissions?kind=compensation&sort=due&cursor=${first}`),
      422,
      'invalid_query',
    );
    await db().query(`DELETE FROM submissions WHERE kind = 'compensation'`);
  });

  it('intake by channel: officers only, the public schema, Idempotency-Key, how the applicant follows up', async () => {
    await setClock('2025-05-01T09:00:00Z');
    const intake = (who: keyof typeof as, body: unknown, key = randomUUID()) =>
      call(app, '/v1/staff/intake', {
        method: 'POST',
        headers: {
          Cookie: as[who].cookie,
          'X-CSRF-Token': as[who].csrf,
          'Content-Type': 'application/json',
          'Idempotency-Key': key,
        },
        body: JSON.stringify(body),
      });
    const { client: _client, ...walkIn } = validRequest();
    const key = randomUUID();
    const created = await intake('officer', { kind: 'request', channel: 'walk_in', payload: walkIn }, key);
    assert.equal(created.status, 201, created.text);
    const answer = assertSchema(staffIntakeCreated, created.json);
    assert.equal(answer.verifierHint, 'mobile_last4');
    assert.equal(answer.dueAt, '2025-05-15T09:00:00.000Z');
    const again = await intake('officer', { kind: 'request', channel: 'walk_in', payload: walkIn }, key);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    assert.equal(again.json.reference, answer.reference);
    assert.equal(await auditCount('case.intake', answer.reference), 1, 'one intake, one audit row, replay or not');
    const stored = await detail(answer.reference);
    assert.equal(stored.channel, 'walk_in');
    assert.equal((await postJson(app, '/v1/status', { reference: answer.reference, verifier: '4321' })).status, 200);

    for (const channel of ['phone', 'email', 'social', 'letter'] as const) {
      const complaint = await intake('officer', { kind: 'complaint', channel, payload: validComplaint() });
      assert.equal(complaint.status, 201, complaint.text);
      assert.equal((await detail(complaint.json.reference)).channel, channel);
    }
    const letter = await intake('officer', { kind: 'suggestion', channel: 'letter', payload: validSuggestion() });
    assert.equal(letter.status, 201, letter.text);
    assert.equal(letter.json.verifierHint, 'code');
    assert.equal(
      (await postJson(app, '/v1/status', { reference: letter.json.reference, verifier: letter.json.verifier })).status,
      200,
    );

    const website = await intake('officer', { kind: 'request', channel: 'website', payload: walkIn });
    assertProblem(website, 422);
    assert.deepEqual(fieldPaths(website), ['channel']);
    const bad = await intake('officer', {
      kind: 'request',
      channel: 'phone',
      payload: { ...walkIn, applicant: { ...walkIn.applicant, nationalId: '123' } },
    });
    assertProblem(bad, 422);
    assert.deepEqual(fieldPaths(bad), ['payload.applicant.nationalId']);
    const mismatch = await intake('officer', {
      kind: 'inquiry',
      channel: 'phone',
      payload: validComplaint({ kind: 'complaint' }),
    });
    assert.deepEqual(fieldPaths(mismatch), ['payload.kind']);
    const unknownService = await intake('officer', {
      kind: 'request',
      channel: 'phone',
      payload: { ...walkIn, service: 'no_such_service' },
    });
    assert.deepEqual(fieldPaths(unknownService), ['payload.service']);
    for (const who of ['committee', 'manager', 'admin'] as const) {
      assertProblem(await intake(who, { kind: 'request', channel: 'walk_in', payload: walkIn }), 403);
    }
    assertProblem(
      await postJson(
        app,
        '/v1/staff/intake',
        { kind: 'request', channel: 'walk_in', payload: walkIn },
        { headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } },
      ),
      403,
    );
  });

  it('what each role sees of a case, and one audit row per read of personal data', async () => {
    const reference = await create('/v1/requests', validRequest());
    const read = async (who: keyof typeof as) => {
      const answer = await audited('case.view', reference, () => get(who, `/v1/staff/submissions/${reference}`));
      return assertSchema(staffSubmissionDetail, answer.json);
    };
    const officer = await read('officer');
    assert.equal((officer.payload as any).applicant.nationalId, '••••0008');
    assert.equal((officer.payload as any).applicant.mobile, '+966557654321');
    assert.equal((officer.payload as any).household, undefined);
    assert.deepEqual(officer.redacted.sort(), ['applicant.nationalId', 'household']);
    assert.equal(officer.allowedActions.download, true);
    const manager = await read('manager');
    assert.equal((manager.payload as any).applicant.mobile, '••••4321');
    assert.equal((manager.payload as any).applicant.email, 'n•••@example.com');
    assert.equal((manager.payload as any).household, undefined);
    assert.deepEqual(manager.allowedActions, {
      status: [],
      note: false,
      assign: false,
      refer: false,
      decision: false,
      download: false,
    });
    const token = await staffGet(app, `/v1/staff/submissions/${reference}`);
    assert.equal(token.json.payload.applicant.nationalId, '1000000008');
    assert.equal(token.json.payload.household.householdSize, 5);
    assertProblem(await get('admin', `/v1/staff/submissions/${reference}`), 403);
    assertProblem(await get('admin', '/v1/staff/submissions'), 403);
    // The list carries no more than names.
    const list = await get('manager', '/v1/staff/submissions');
    assert.ok(!list.text.includes('1000000008') && !list.text.includes('557654321'));

    // Attachments: listed for the manager, downloaded (and audited) by the officer and the token only.
    await db().query(
      `INSERT INTO attachments (id, reference, kind, media_type, size, sha256, data, created_at)
       VALUES ('file-1', $1, 'id_copy', 'application/pdf', 5, 'x', $2, now())`,
      [reference, new TextEncoder().encode('%PDF-')],
    );
    assert.equal((await get('manager', `/v1/staff/submissions/${reference}`)).json.attachments.length, 1);
    const path = `/v1/staff/submissions/${reference}/attachments/file-1`;
    const downloaded = await audited('case.attachment', reference, () => get('officer', path));
    assert.equal(downloaded.status, 200);
    assert.equal(downloaded.text, '%PDF-');
    assert.equal((await audited('case.attachment', reference, () => staffGet(app, path))).status, 200);
    const before = await auditCount('case.attachment', reference);
    assertProblem(await get('manager', path), 403);
    assertProblem(await get('committee', path), 404, 'not_found');
    assertProblem(await get('officer', `/v1/staff/submissions/${reference}/attachments/file-2`), 404);
    assert.equal(await auditCount('case.attachment', reference), before, 'refusals read nothing, so no row');
  });
});
