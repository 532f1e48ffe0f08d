/**
 * Several server instances on one PostgreSQL database: two senders, each with its own
 * connection pool and its own SMTP server, work the same outbox. FOR UPDATE SKIP LOCKED
 * gives each message to one of them: every message arrives exactly once in total.
 * Runs when DATABASE_URL is set (scripts/ci-postgres.sh).
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { it } from 'node:test';
import { DEFAULT_CONFIG_PATH } from '../../server/config.js';
import { MEMORY, openDatabase } from '../../server/db/open.js';
import { prepareNotifications } from '../../server/notify/start.js';
import { exampleConfig, makeApp, postJson, validComplaint } from './helpers.js';
import { startSmtp } from './notify-fakes.js';

const url = process.env.DATABASE_URL;
const MESSAGES = 40;

it(
  'two senders on one PostgreSQL database never send a message twice',
  { skip: url ? false : 'DATABASE_URL is not set' },
  async (t) => {
    const schema = `sila_test_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
    const first = await openDatabase({ databaseUrl: url!, dataDir: MEMORY, schema });
    const second = await openDatabase({ databaseUrl: url!, dataDir: MEMORY, schema });
    const [smtpA, smtpB] = [await startSmtp(), await startSmtp()];
    // A slow mail server: both senders are busy at the same time.
    const slow = () => new Promise<void>((resolve) => setTimeout(resolve, 15));
    smtpA.onData = slow;
    smtpB.onData = slow;
    const env = (smtpUrl: string) => ({
      SILA_SMTP_URL: smtpUrl,
      SILA_MAIL_FROM: 'Sila <no-reply@charity.example>',
      SILA_NOTIFY_POLL_MS: '20',
      SILA_NOTIFY_BACKOFF_MS: '50',
    });
    try {
      const app = makeApp(first);
      for (let i = 0; i < MESSAGES; i++) {
        const mobile = `0551${String(100_000 + i)}`;
        const answer = await postJson(
          app,
          '/v1/complaints',
          validComplaint({ contactChannel: 'email', contact: { name: 'عميل', mobile, email: `p${i}@example.com` } }),
        );
        assert.equal(answer.status, 201, answer.text);
      }
      const started = Date.now();
      const senders = [
        prepareNotifications(DEFAULT_CONFIG_PATH, env(smtpA.url)).start(first, exampleConfig),
        prepareNotifications(DEFAULT_CONFIG_PATH, env(smtpB.url)).start(second, exampleConfig),
      ];
      const deadline = Date.now() + 30_000;
      while (smtpA.mails.length + smtpB.mails.length < MESSAGES) {
        if (Date.now() > deadline)
          throw new Error(`only ${smtpA.mails.length + smtpB.mails.length} of ${MESSAGES} mails`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      const elapsed = Date.now() - started;
      // Every row marked sent: no sender can claim one again, so no copy is still to come.
      const sent = async () =>
        (await first.query<{ n: number }>(`SELECT count(*)::int AS n FROM messages WHERE state = 'sent'`)).rows[0]!.n;
      while ((await sent()) < MESSAGES) {
        if (Date.now() > deadline) throw new Error(`only ${await sent()} of ${MESSAGES} recorded as sent`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      await Promise.all(senders.map((sender) => sender.stop()));

      const ids = [...smtpA.mails, ...smtpB.mails].map((mail) => mail.messageId);
      assert.equal(ids.length, MESSAGES, 'no message sent twice');
      assert.equal(new Set(ids).size, MESSAGES);
      assert.ok(smtpA.mails.length > 0 && smtpB.mails.length > 0, 'both senders worked');
      const { rows } = await first.query<{ state: string; n: number }>(
        'SELECT state, count(*)::int AS n FROM messages GROUP BY state',
      );
      assert.deepEqual(rows, [{ state: 'sent', n: MESSAGES }]);
      t.diagnostic(
        `${MESSAGES} messages in ${elapsed} ms: ${smtpA.mails.length} by one sender, ${smtpB.mails.length} by the other, none twice`,
      );
    } finally {
      await smtpA.stop();
      await smtpB.stop();
      await first.exec(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).catch(() => {});
      await first.close();
      await second.close();
    }
  },
);
