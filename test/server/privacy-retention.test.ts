/**
 * Retention (association config `retention`): closed cases lose their attachments after M
 * months and their personal data after N, counted from when they closed; open cases keep
 * everything; the job runs once per day whichever instance asks; each case gets an audit
 * row with the actor 'system'. The clock is moved, not waited for.
 */
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { applyRetention, monthsBefore } from '../../server/privacy/retention.js';
import { dailyRetention } from '../../server/maintenance.js';
import {
  type TestApp,
  countRows,
  describeEachDatabase,
  makeApp,
  postJson,
  staffPost,
  validComplaint,
  validRequest,
} from './helpers.js';

const RULES = { anonymiseClosedAfterMonths: 24, deleteAttachmentsAfterMonths: 6 };
const T0 = new Date('2026-01-10T08:00:00Z');
const day = 24 * 60 * 60 * 1000;

describeEachDatabase('retention', (db) => {
  let clock = T0;
  let app: TestApp;
  let closedEarly: string;
  let closedLate: string;
  let open: string;

  async function submit(path: string, body: unknown): Promise<string> {
    const answer = await postJson(app, path, body);
    assert.equal(answer.status, 201, answer.text);
    return answer.json.reference as string;
  }

  async function close(reference: string) {
    const answer = await staffPost(app, `/v1/staff/submissions/${reference}/status`, { status: 'closed', version: 1 });
    assert.equal(answer.status, 200, answer.text);
  }

  async function attach(reference: string) {
    await db().query(
      `INSERT INTO attachments (id, reference, kind, media_type, size, sha256, data, created_at)
       VALUES ($1, $2, 'id_copy', 'application/pdf', 3, 'x', '\\x255044'::bytea, $3)`,
      [`file-${reference}`, reference, clock],
    );
  }

  const row = async (reference: string) =>
    (
      await db().query<{ anonymised_at: Date | null; status: string; files: number; name: string | null }>(
        `SELECT anonymised_at, status, payload #>> '{applicant,fullName}' AS name,
                (SELECT count(*)::int FROM attachments f WHERE f.reference = s.reference) AS files
           FROM submissions s WHERE reference = $1`,
        [reference],
      )
    ).rows[0]!;

  before(async () => {
    app = makeApp(db(), { now: () => clock });
    closedEarly = await submit('/v1/requests', validRequest());
    closedLate = await submit('/v1/complaints', validComplaint());
    open = await submit('/v1/requests', validRequest());
    for (const reference of [closedEarly, closedLate, open]) await attach(reference);
    clock = new Date(T0.getTime() + day);
    await close(closedEarly);
    // Closed three months later: its clock starts then.
    clock = new Date(T0.getTime() + 92 * day);
    await close(closedLate);
  });

  it('months are calendar months', () => {
    assert.equal(monthsBefore(new Date('2026-08-31T00:00:00Z'), 6).toISOString(), '2026-03-03T00:00:00.000Z');
    assert.equal(monthsBefore(T0, 24).toISOString(), '2024-01-10T08:00:00.000Z');
  });

  it('deletes attachments of cases closed more than M months ago, once a day across instances', async () => {
    const stats = await countRows(db(), 'report_cases');
    const now = new Date(T0.getTime() + day + 184 * day); // a little over six months after the first closing
    const [first, second] = await Promise.all([applyRetention(db(), RULES, now), applyRetention(db(), RULES, now)]);
    // One instance ran it; the other found the day claimed.
    assert.deepEqual([first, second].filter(Boolean), [{ anonymised: 0, attachmentsDeleted: 1 }]);
    assert.equal((await row(closedEarly)).files, 0);
    assert.equal((await row(closedLate)).files, 1, 'closed later: its files stay for now');
    assert.equal((await row(open)).files, 1, 'open cases keep their files');
    assert.equal(await dailyRetention(db(), RULES, now), undefined, 'the same day again does nothing');
    assert.equal(await countRows(db(), 'report_cases'), stats);
    const audit = await db().query<{ actor_label: string; actor_role: string; target: string; details: unknown }>(
      `SELECT actor_label, actor_role, target, details FROM audit_log WHERE action = 'retention.attachments'`,
    );
    assert.deepEqual(audit.rows, [
      { actor_label: 'system', actor_role: 'system', target: closedEarly, details: { months: 6, deleted: 1 } },
    ]);
  });

  it('anonymises cases closed more than N months ago and keeps the open ones whole', async () => {
    const next = new Date(T0.getTime() + day + 731 * day); // two years after the first closing
    assert.deepEqual(await applyRetention(db(), RULES, next), { anonymised: 1, attachmentsDeleted: 1 });
    const early = await row(closedEarly);
    assert.ok(early.anonymised_at);
    assert.equal(early.status, 'closed', 'the status stays');
    assert.equal(early.name, null);
    assert.equal((await row(closedLate)).anonymised_at, null);
    assert.equal((await row(closedLate)).files, 0, 'six months after its closing: files gone');
    const whole = await row(open);
    assert.equal(whole.anonymised_at, null);
    assert.equal(whole.name, 'نورة سعد القحطاني');
    assert.equal(whole.files, 1);
    const audit = await db().query<{ actor_label: string; target: string }>(
      `SELECT actor_label, target FROM audit_log WHERE action = 'retention.anonymise'`,
    );
    assert.deepEqual(audit.rows, [{ actor_label: 'system', target: closedEarly }]);
    // The timeline tells the staff why the case reads empty.
    const { rows } = await db().query<{ note: string; actor: string }>(
      `SELECT note, actor FROM submission_history WHERE reference = $1 ORDER BY id DESC LIMIT 1`,
      [closedEarly],
    );
    assert.equal(rows[0]!.actor, 'system');
    assert.match(rows[0]!.note, /Personal data erased/);
    // Three months later the complaint follows.
    const later = new Date(next.getTime() + 95 * day);
    assert.deepEqual(await applyRetention(db(), RULES, later), { anonymised: 1, attachmentsDeleted: 0 });
    assert.ok((await row(closedLate)).anonymised_at);
    assert.equal(await applyRetention(db(), undefined, new Date(later.getTime() + day)), undefined, 'no rules: no job');
  });
});
