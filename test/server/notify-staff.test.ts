/**
 * The staff side of notifications: a status change through the real staff route sends a
 * second message; each case lists its messages (roles as docs/staff-side.md says); an
 * officer's resend queues a fresh copy and is audited.
 */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { staffMessageList } from '../../src/contract/notifications.js';
import { DEFAULT_CONFIG_PATH } from '../../server/config.js';
import type { Sender } from '../../server/notify/sender.js';
import { prepareNotifications } from '../../server/notify/start.js';
import {
  assertProblem,
  assertSchema,
  call,
  describeEachDatabase,
  exampleConfig,
  makeApp,
  postJson,
  staffGet,
  staffPost,
  validComplaint,
  type TestApp,
} from './helpers.js';
import { startSmtp, type SmtpFake } from './notify-fakes.js';
import { asStaff, createStaff, signIn, type SignedIn } from './staff-auth-helpers.js';

const FAST = { SILA_NOTIFY_BACKOFF_MS: '40', SILA_NOTIFY_POLL_MS: '50', SILA_NOTIFY_TIMEOUT_MS: '2000' };

describeEachDatabase('notifications on the staff side', (db) => {
  let smtp: SmtpFake;
  let sender: Sender;
  let app: TestApp;
  let officer: SignedIn;
  let manager: SignedIn;
  let committee: SignedIn;
  let admin: SignedIn;
  before(async () => {
    smtp = await startSmtp();
    sender = prepareNotifications(DEFAULT_CONFIG_PATH, {
      ...FAST,
      SILA_SMTP_URL: smtp.url,
      SILA_MAIL_FROM: 'Sila <no-reply@charity.example>',
    }).start(db(), exampleConfig);
    app = makeApp(db());
    officer = await signIn(app, await createStaff(db(), 'officer'));
    manager = await signIn(app, await createStaff(db(), 'manager'));
    committee = await signIn(app, await createStaff(db(), 'committee'));
    admin = await signIn(app, await createStaff(db(), 'admin'));
  });
  after(async () => {
    await sender.stop();
    await smtp.stop();
  });

  async function newCase(email: string): Promise<string> {
    const answer = await postJson(
      app,
      '/v1/complaints',
      validComplaint({ contactChannel: 'email', contact: { name: 'ليلى أحمد', mobile: '0559876543', email } }),
    );
    assert.equal(answer.status, 201, answer.text);
    return answer.json.reference;
  }

  async function messages(reference: string) {
    const answer = await staffGet(app, `/v1/staff/submissions/${reference}/messages`);
    assert.equal(answer.status, 200, answer.text);
    return assertSchema(staffMessageList, answer.json).items;
  }

  async function settled(reference: string, count: number) {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const items = await messages(reference);
      if (items.length === count && items.every((item) => item.state !== 'queued' && item.state !== 'sending'))
        return items;
      if (Date.now() > deadline) throw new Error(`messages not settled: ${JSON.stringify(items)}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  it('a staff status change with a public note (the real route) sends a second message', async (t) => {
    const email = 'status-route@example.com';
    const reference = await newCase(email);
    await settled(reference, 1);
    const view = await asStaff(app, officer, `/v1/staff/submissions/${reference}`);
    assert.equal(view.status, 200, view.text);
    const changed = Date.now();
    const answer = await asStaff(app, officer, `/v1/staff/submissions/${reference}/status`, 'POST', {
      status: 'under_review',
      note: 'بدأنا دراسة شكواك وسنتواصل مع الإدارة المعنية.',
      notePublic: true,
      version: view.json.version,
    });
    assert.equal(answer.status, 200, answer.text);
    const items = await settled(reference, 2);
    const mails = smtp.mails.filter(
      (mail) => mail.to && !Array.isArray(mail.to) && mail.to.value[0]?.address === email,
    );
    t.diagnostic(`status message sent ${Date.now() - changed} ms after the change`);
    assert.equal(mails.length, 2);
    assert.match(mails[1]!.subject ?? '', /تحديث على الشكوى/);
    assert.ok(mails[1]!.text?.includes('بدأنا دراسة شكواك'));
    assert.deepEqual(
      items.map((item) => [item.event, item.state]),
      [
        ['received', 'sent'],
        ['status', 'sent'],
      ],
    );

    // An internal note sends nothing.
    const current = await asStaff(app, officer, `/v1/staff/submissions/${reference}`);
    const internal = await asStaff(app, officer, `/v1/staff/submissions/${reference}/notes`, 'POST', {
      text: 'ملاحظة داخلية للفريق فقط',
      public: false,
      version: current.json.version,
    });
    assert.equal(internal.status, 200, internal.text);
    // Messages are written in the change's own transaction: none now means none ever.
    assert.equal((await messages(reference)).length, 2);
  });

  it('lists a case’s messages for officer, manager and token; not for admin, nor committee outside its queue', async () => {
    const reference = await newCase('roles@example.com');
    const path = `/v1/staff/submissions/${reference}/messages`;
    for (const session of [officer, manager]) {
      const answer = await asStaff(app, session, path);
      assert.equal(answer.status, 200, answer.text);
      assertSchema(staffMessageList, answer.json);
      assert.ok(!answer.text.includes('roles@example.com'), 'no address in the list');
    }
    assertProblem(await asStaff(app, admin, path), 403, 'forbidden');
    assertProblem(await asStaff(app, committee, path), 404);
    assertProblem(await call(app, path), 401);
  });

  it('resend (officer): a fresh copy with a new id, audited as message.resend; refused while one is pending', async () => {
    await smtp.stop();
    const reference = await newCase('resend@example.com');
    const deadline = Date.now() + 10_000;
    while ((await messages(reference))[0]?.attempts === 0) {
      if (Date.now() > deadline) throw new Error('no attempt');
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    const [pending] = await messages(reference);
    const path = `/v1/staff/submissions/${reference}/messages/${pending!.id}/resend`;
    assertProblem(await asStaff(app, officer, path, 'POST'), 409, 'message_pending');
    await smtp.restart();
    const [sent] = await settled(reference, 1);
    assert.equal(sent?.state, 'sent');

    assertProblem(await staffPost(app, path, {}), 403, 'forbidden');
    assertProblem(await asStaff(app, manager, path, 'POST'), 403, 'forbidden');
    const answer = await asStaff(app, officer, path, 'POST');
    assert.equal(answer.status, 202, answer.text);
    assert.equal(answer.json.resendOf, sent!.id);
    assert.notEqual(answer.json.id, sent!.id);
    const items = await settled(reference, 2);
    assert.equal(items[1]?.state, 'sent');
    const mails = smtp.mails.filter(
      (mail) => mail.to && !Array.isArray(mail.to) && mail.to.value[0]?.address === 'resend@example.com',
    );
    assert.equal(mails.length, 2);
    assert.notEqual(mails[0]!.messageId, mails[1]!.messageId, 'the copy is not dropped as a repeat');

    const { rows } = await db().query<{ action: string; target: string; details: Record<string, unknown> }>(
      `SELECT action, target, details FROM audit_log WHERE action = 'message.resend' AND target = $1`,
      [reference],
    );
    assert.equal(rows.length, 1);
    assert.equal(rows[0]?.details.messageId, sent!.id);
    assertProblem(await asStaff(app, officer, `/v1/staff/submissions/${reference}/messages/nope/resend`, 'POST'), 404);
  });

  it('statistics count the messages by state and channel', async () => {
    const answer = await staffGet(app, '/v1/staff/stats');
    assert.equal(answer.status, 200, answer.text);
    const { rows } = await db().query<{ n: number }>(`SELECT count(*)::int AS n FROM messages WHERE state = 'sent'`);
    assert.equal(answer.json.messages.byState.sent, rows[0]?.n);
    assert.ok(answer.json.messages.byChannel.email >= 4);
    assert.equal(
      answer.json.messages.total,
      Object.values(answer.json.messages.byState as Record<string, number>).reduce((a, b) => a + b, 0),
    );
  });
});
