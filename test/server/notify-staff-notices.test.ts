/**
 * Optional staff notices: an account chooses them (audited), the sender queues a daily
 * digest from 07:00 Riyadh time and a warning before a case it works on is due, once
 * each, and delivers them to a real SMTP server in this process.
 */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { DEFAULT_CONFIG_PATH } from '../../server/config.js';
import { startOfLocalDay, localDay, nextDay } from '../../server/dates.js';
import { loadTemplates, readNotifyConfig } from '../../server/notify/config.js';
import { Sender } from '../../server/notify/sender.js';
import { scheduleStaffNotices } from '../../server/notify/staff-notices.js';
import {
  assertProblem,
  describeEachDatabase,
  exampleConfig,
  makeApp,
  postJson,
  staffGet,
  validComplaint,
  type TestApp,
} from './helpers.js';
import { startSmtp, type SmtpFake } from './notify-fakes.js';
import { asStaff, createStaff, signIn, type SignedIn, type StaffUser } from './staff-auth-helpers.js';

describeEachDatabase('staff notices', (db) => {
  let smtp: SmtpFake;
  let app: TestApp;
  let officer: StaffUser;
  let officerSession: SignedIn;
  let manager: StaffUser;
  before(async () => {
    smtp = await startSmtp();
    app = makeApp(db());
    officer = await createStaff(db(), 'officer');
    manager = await createStaff(db(), 'manager');
    officerSession = await signIn(app, officer);
  });
  after(() => smtp.stop());

  it('an account chooses its notices; the choice is audited; the token has none', async () => {
    const path = '/v1/staff/me/notifications';
    assert.deepEqual((await asStaff(app, officerSession, path)).json, { dailyDigest: false, dueWarnings: false });
    assertProblem(await asStaff(app, officerSession, path, 'PUT', { dailyDigest: 'yes', dueWarnings: true }), 422);
    const saved = await asStaff(app, officerSession, path, 'PUT', { dailyDigest: true, dueWarnings: true });
    assert.equal(saved.status, 200, saved.text);
    assert.deepEqual((await asStaff(app, officerSession, path)).json, { dailyDigest: true, dueWarnings: true });
    assertProblem(await staffGet(app, path), 403, 'forbidden');
    const { rows } = await db().query<{ details: Record<string, unknown> }>(
      `SELECT details FROM audit_log WHERE action = 'account.update' AND target = $1`,
      [officer.id],
    );
    assert.deepEqual(rows.at(-1)?.details, { dailyDigest: true, dueWarnings: true });
  });

  it('a digest from 07:00 Riyadh time and a due-date warning, once each, by e-mail', async (t) => {
    const references: string[] = [];
    for (let i = 0; i < 3; i++) {
      const answer = await postJson(app, '/v1/complaints', validComplaint());
      assert.equal(answer.status, 201, answer.text);
      references.push(answer.json.reference);
    }
    // Tomorrow 08:00 in Riyadh: the digest covers today; one case is due tomorrow afternoon.
    const today = localDay(new Date());
    const now = new Date(startOfLocalDay(nextDay(today)).getTime() + 8 * 60 * 60 * 1000);
    await db().query('UPDATE submissions SET expected_decision_by = $2 WHERE reference = $1', [
      references[0],
      new Date(now.getTime() + 30 * 60 * 60 * 1000),
    ]);
    await db().query('UPDATE submissions SET expected_decision_by = $2 WHERE reference <> $1', [
      references[0],
      new Date(now.getTime() + 10 * 24 * 60 * 60 * 1000),
    ]);

    const config = readNotifyConfig({
      SILA_SMTP_URL: smtp.url,
      SILA_MAIL_FROM: 'Sila <no-reply@charity.example>',
      SILA_NOTIFY_POLL_MS: '50',
    });
    const sender = new Sender({
      db: db(),
      config,
      templates: loadTemplates(DEFAULT_CONFIG_PATH),
      formConfig: exampleConfig,
      now: () => now,
    });
    sender.start();
    try {
      const mails = await smtp.waitFor(2);
      await scheduleStaffNotices(db(), now);
      await scheduleStaffNotices(db(), new Date(now.getTime() + 60 * 60 * 1000));
      // Let what is in flight finish, then look at the outbox once more ourselves.
      await sender.stop();
      assert.equal(await sender.runOnce(), 0, 'nothing more to send');
      assert.equal(smtp.mails.length, 2, 'one digest and one warning, not repeated');
      for (const mail of mails)
        assert.equal(mail.to && !Array.isArray(mail.to) ? mail.to.value[0]?.address : '', officer.email);
      const digest = mails.find((mail) => mail.subject?.startsWith('ملخص'));
      const warning = mails.find((mail) => mail.subject?.startsWith('يحين موعد'));
      assert.ok(digest && warning, mails.map((mail) => mail.subject).join(' | '));
      assert.match(digest.text ?? '', /الحالات الجديدة أمس: 3 \(الشكاوى 3\)\./);
      assert.match(digest.text ?? '', /يحين موعدها خلال يومين: 1\./);
      assert.ok(warning.subject?.includes(references[0]!.slice(1, 5)));
      assert.ok(!`${digest.text}${warning.text}`.includes('محمد'), 'no applicant’s personal data');
      const { rows } = await db().query<{ account_id: string }>('SELECT DISTINCT account_id FROM staff_notices');
      assert.deepEqual(
        rows.map((row) => row.account_id),
        [officer.id],
        `${manager.name} asked for nothing and gets nothing`,
      );
      for (const line of `digest:\nSubject: ${digest.subject}\n${digest.text}\nwarning:\nSubject: ${warning.subject}\n${warning.text}`.split(
        '\n',
      ))
        t.diagnostic(line);
    } finally {
      await sender.stop();
    }
  });
});
