/**
 * Notifications end to end with real parts: the app takes a complaint, the outbox row is
 * written in its transaction, the sender delivers it to a real SMTP server in this process
 * (parsed with mailparser) or to a local HTTP server answering as Unifonic does.
 */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { ParsedMail } from 'mailparser';
import { formatReference } from '../../src/contract/identifiers.js';
import type { Database } from '../../server/db/database.js';
import { readNotifyConfig } from '../../server/notify/config.js';
import { queueCaseMessage } from '../../server/notify/queue.js';
import { prepareNotifications } from '../../server/notify/start.js';
import type { Sender } from '../../server/notify/sender.js';
import { DEFAULT_CONFIG_PATH } from '../../server/config.js';
import {
  describeEachDatabase,
  exampleConfig,
  makeApp,
  postJson,
  validComplaint,
  validRequest,
  validSuggestion,
  VALID_NATIONAL_ID,
} from './helpers.js';
import {
  startHttpFake,
  startSmtp,
  unifonicSuccess,
  UNIFONIC_BAD_NUMBER,
  type HttpFake,
  type SmtpFake,
} from './notify-fakes.js';

const FROM = 'جمعية صلة <no-reply@charity.example>';
const STATUS_PAGE = 'https://charity.example/follow-up';
/** The mobile's last four digits are the follow-up code: never in a message with the reference. */
const MOBILE = '0551238463';
const VERIFIER = '8463';

/** How long the outage tests keep SMTP / the provider down (SILA_TEST_OUTAGE_MS=60000 for the minute). */
const OUTAGE_MS = Number(process.env.SILA_TEST_OUTAGE_MS ?? 1500);
/** Fast retries for tests: 40 ms base, capped so a long outage still sees a retry every few seconds; 50 ms polling. */
const FAST = {
  SILA_NOTIFY_BACKOFF_MS: '40',
  SILA_NOTIFY_BACKOFF_MAX_MS: String(Math.max(300, Math.min(5000, OUTAGE_MS / 10))),
  SILA_NOTIFY_MAX_ATTEMPTS: '100',
  SILA_NOTIFY_POLL_MS: '50',
  // Generous: a timeout after the server took a mail means a (deduplicable) second copy.
  SILA_NOTIFY_TIMEOUT_MS: '5000',
  SILA_NOTIFY_LEASE_MS: '5000',
};

async function sleepUntil(time: number): Promise<void> {
  if (time > Date.now()) await new Promise((resolve) => setTimeout(resolve, time - Date.now()));
}

function startSender(db: Database, env: Record<string, string>): Sender {
  return prepareNotifications(DEFAULT_CONFIG_PATH, { ...FAST, SILA_STATUS_PAGE_URL: STATUS_PAGE, ...env }).start(
    db,
    exampleConfig,
  );
}

function emailComplaint(email = 'applicant@example.com') {
  return validComplaint({ contactChannel: 'email', contact: { name: 'سارة محمد الشهري', mobile: MOBILE, email } });
}

async function waitUntil(what: string, check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function messageRows(db: Database, reference: string) {
  const { rows } = await db.query<{
    id: string;
    event: string;
    state: string;
    attempts: number;
    last_error: string | null;
    channel: string;
  }>(
    'SELECT id, event, state, attempts, last_error, channel FROM messages WHERE reference = $1 ORDER BY created_at, id',
    [reference],
  );
  return rows;
}

function mailText(mail: ParsedMail): string {
  return `${mail.subject ?? ''}\n${mail.text ?? ''}\n${typeof mail.html === 'string' ? mail.html : ''}`;
}

describeEachDatabase('notifications by e-mail', (db) => {
  let smtp: SmtpFake;
  let sender: Sender;
  before(async () => {
    smtp = await startSmtp({ reject: (address) => address.startsWith('nobody@') });
    sender = startSender(db(), { SILA_SMTP_URL: smtp.url, SILA_MAIL_FROM: FROM });
  });
  after(async () => {
    await sender.stop();
    await smtp.stop();
  });

  it('a complaint with an e-mail address: the Arabic receipt reaches the SMTP server within 5 s of the 201', async (t) => {
    const app = makeApp(db());
    smtp.mails.length = 0;
    const answer = await postJson(app, '/v1/complaints', emailComplaint());
    assert.equal(answer.status, 201, answer.text);
    const created = Date.now();
    const reference: string = answer.json.reference;
    const [mail] = await smtp.waitFor(1, 5000);
    const elapsed = Date.now() - created;
    t.diagnostic(`receipt received ${elapsed} ms after the 201`);
    assert.ok(elapsed < 5000);
    assert.ok(mail);

    assert.equal(mail.to && !Array.isArray(mail.to) ? mail.to.value[0]?.address : undefined, 'applicant@example.com');
    assert.equal(mail.from?.value[0]?.address, 'no-reply@charity.example');
    assert.match(mail.subject ?? '', /تم استلام الشكوى رقم/);
    assert.ok(mail.subject?.includes(formatReference(reference)));
    assert.match(mail.text ?? '', /السلام عليكم ورحمة الله وبركاته سارة محمد الشهري/);
    assert.ok(mail.text?.includes(`الرقم المرجعي: ${formatReference(reference)}`));
    assert.ok(
      mail.text?.includes(`${STATUS_PAGE}?ref=${formatReference(reference)}`),
      'links the follow-up page with ?ref=',
    );
    assert.match(mail.text ?? '', /\d{1,2} [^\d]+ 14\d\d هـ \(\d{1,2} [^\d]+ 20\d\dم\)/, 'Hijri and Gregorian dates');
    assert.ok(!mailText(mail).includes(VERIFIER), 'never the follow-up code with the reference');
    assert.match(String(mail.html), /<html lang="ar" dir="rtl">/);

    await waitUntil('the outcome recorded', async () => (await messageRows(db(), reference))[0]?.state === 'sent');
    const [row] = await messageRows(db(), reference);
    assert.equal(mail.messageId, `<${row?.id}@charity.example>`, 'the Message-ID comes from the outbox id');
    for (const line of `received Arabic e-mail:\nSubject: ${mail.subject}\n${mail.text}`.split('\n'))
      t.diagnostic(line);
  });

  it('a status change with a public note: a second message, the note arrives as text, never as markup', async (t) => {
    const app = makeApp(db());
    smtp.mails.length = 0;
    const answer = await postJson(app, '/v1/complaints', emailComplaint());
    const reference: string = answer.json.reference;
    await smtp.waitFor(1);
    const note = 'نرجو إرسال صورة الفاتورة <b>قبل</b> نهاية الأسبوع <script>alert(1)</script> & شكرًا';
    // S2's status route calls queueCaseMessage in its transaction; here the same call, directly.
    await db().transaction(async (tx) => {
      await tx.query(`UPDATE submissions SET status = 'under_review' WHERE reference = $1`, [reference]);
      await queueCaseMessage(tx, { reference, event: 'status', status: 'under_review', note, at: new Date() });
    });
    const mails = await smtp.waitFor(2);
    const second = mails[1]!;
    assert.match(second.subject ?? '', /تحديث على الشكوى رقم/);
    assert.ok(second.text?.includes('قيد الدراسة'));
    assert.ok(second.text?.includes(note), 'the note verbatim in the plain text part');
    const html = String(second.html);
    assert.ok(!html.includes('<script>') && !html.includes('<b>'), 'no markup from the note in the HTML part');
    assert.ok(html.includes('&#60;script&#62;alert(1)&#60;/script&#62;') && html.includes('&#38; شكرًا'));
    for (const line of `status e-mail:\n${second.text}`.split('\n')) t.diagnostic(line);
  });

  it('a request: the national ID never appears, even when a staff note carries it', async () => {
    const app = makeApp(db());
    smtp.mails.length = 0;
    const answer = await postJson(app, '/v1/requests', validRequest());
    assert.equal(answer.status, 201, answer.text);
    const reference: string = answer.json.reference;
    await smtp.waitFor(1);
    await db().transaction((tx) =>
      queueCaseMessage(tx, {
        reference,
        event: 'needs_info',
        status: 'needs_info',
        note: `أرسل صورة الهوية رقم ${VALID_NATIONAL_ID}`,
        at: new Date(),
      }),
    );
    const mails = await smtp.waitFor(2);
    for (const mail of mails) {
      assert.ok(!mailText(mail).includes(VALID_NATIONAL_ID), 'no national ID');
      assert.ok(!mailText(mail).includes('4321'), 'no follow-up code (last digits of the mobile)');
    }
    assert.match(mails[1]!.text ?? '', /نحتاج منك ما يلي/);
  });

  it('the same event twice queues one message (idempotent per case and event)', async () => {
    const app = makeApp(db());
    const answer = await postJson(app, '/v1/complaints', emailComplaint());
    const reference: string = answer.json.reference;
    const at = new Date();
    const event = { reference, event: 'decision' as const, status: 'accepted', note: 'تمت الموافقة', at };
    const first = await db().transaction((tx) => queueCaseMessage(tx, event));
    const again = await db().transaction((tx) => queueCaseMessage(tx, event));
    assert.ok(first);
    assert.equal(again, undefined);
    assert.equal((await messageRows(db(), reference)).filter((row) => row.event === 'decision').length, 1);
  });

  it('anonymous suggestions get nothing; without consent nothing is queued', async () => {
    const app = makeApp(db());
    const answer = await postJson(app, '/v1/complaints', validSuggestion());
    assert.equal(answer.status, 201, answer.text);
    assert.deepEqual(await messageRows(db(), answer.json.reference), []);
    const request = await postJson(app, '/v1/requests', validRequest({ consent: undefined }));
    assert.equal(request.status, 201, request.text);
    assert.deepEqual(await messageRows(db(), request.json.reference), []);
  });

  it('a wrong address: failed with the SMTP server’s reason, the case unaffected', async () => {
    const app = makeApp(db());
    const answer = await postJson(app, '/v1/complaints', emailComplaint('nobody@example.com'));
    const reference: string = answer.json.reference;
    await waitUntil('the failure', async () => (await messageRows(db(), reference))[0]?.state === 'failed');
    const [row] = await messageRows(db(), reference);
    assert.equal(row?.attempts, 1, 'a permanent refusal is not retried');
    assert.match(row?.last_error ?? '', /550.*No such user/);
    const lookup = await postJson(app, '/v1/status', { reference, verifier: VERIFIER });
    assert.equal(lookup.status, 200, lookup.text);
    assert.equal(lookup.json.status, 'received');
  });

  it('SMTP down for a while: messages wait in the outbox, then exactly one each arrives', async (t) => {
    const app = makeApp(db());
    await smtp.stop();
    const downAt = Date.now();
    const references: string[] = [];
    for (let i = 0; i < 3; i++) {
      const answer = await postJson(app, '/v1/complaints', emailComplaint(`person${i}@example.com`));
      assert.equal(answer.status, 201, answer.text);
      references.push(answer.json.reference);
    }
    await waitUntil(
      'retries while SMTP is down',
      async () => {
        const rows = (await Promise.all(references.map((ref) => messageRows(db(), ref)))).flat();
        return rows.every((row) => (row.state === 'queued' || row.state === 'sending') && row.attempts >= 3);
      },
      OUTAGE_MS + 10_000,
    );
    await sleepUntil(downAt + OUTAGE_MS);
    const [sample] = await messageRows(db(), references[0]!);
    assert.match(sample?.last_error ?? '', /^E[A-Z]+: /, 'the connection error is recorded');
    smtp.mails.length = 0;
    await smtp.restart();
    const outage = Date.now() - downAt;
    await smtp.waitFor(3, 15_000);
    const back = Date.now() - downAt - outage;
    // A row is marked sent only after its last send returned, and the SMTP server records a
    // mail before it answers: once all three are sent, every copy there will be is here.
    await waitUntil('all recorded as sent', async () =>
      (await Promise.all(references.map((ref) => messageRows(db(), ref)))).flat().every((row) => row.state === 'sent'),
    );
    const ids = smtp.mails.map((mail) => mail.messageId);
    assert.equal(smtp.mails.length, 3, `one message each: ${ids.join(' ')}`);
    assert.equal(new Set(ids).size, 3);
    t.diagnostic(
      `SMTP down ${outage} ms (${sample?.attempts}+ attempts each); all 3 delivered ${back} ms after it returned, one each`,
    );
  });
});

describeEachDatabase('notifications by SMS (Unifonic)', (db) => {
  let provider: HttpFake;
  let sender: Sender;
  let nextId = 42_000_348_806_924;
  before(async () => {
    provider = await startHttpFake((call) => {
      const form = new URLSearchParams(call.body);
      return unifonicSuccess(form.get('Recipient') ?? '', form.get('CorrelationID') ?? '', nextId++);
    });
    // A short timeout: the "no answer" test waits for it.
    sender = startSender(db(), {
      SILA_UNIFONIC_APP_SID: 'test-app-sid',
      SILA_UNIFONIC_SENDER_ID: 'SILA',
      SILA_UNIFONIC_URL: provider.url,
      SILA_NOTIFY_TIMEOUT_MS: '800',
    });
  });
  after(async () => {
    await sender.stop();
    await provider.stop();
  });

  async function smsComplaint(): Promise<string> {
    const answer = await postJson(
      makeApp(db()),
      '/v1/complaints',
      validComplaint({ contact: { name: 'محمد عبدالله العتيبي', mobile: MOBILE } }),
    );
    assert.equal(answer.status, 201, answer.text);
    return answer.json.reference;
  }

  it('sends the Arabic receipt as Unifonic documents it, and records its MessageID', async (t) => {
    const before = provider.calls.length;
    const started = Date.now();
    const reference = await smsComplaint();
    await waitUntil('the SMS', async () => (await messageRows(db(), reference))[0]?.state === 'sent');
    t.diagnostic(`SMS accepted by the provider ${Date.now() - started} ms after the create`);
    const call = provider.calls[before]!;
    assert.equal(call.headers['content-type'], 'application/x-www-form-urlencoded');
    const form = new URLSearchParams(call.body);
    assert.equal(form.get('AppSid'), 'test-app-sid');
    assert.equal(form.get('SenderID'), 'SILA');
    assert.equal(form.get('Recipient'), '966551238463');
    assert.equal(form.get('responseType'), 'JSON');
    const [row] = await messageRows(db(), reference);
    assert.equal(form.get('CorrelationID'), row?.id);
    const text = form.get('Body') ?? '';
    assert.ok(text.includes(formatReference(reference)) && text.includes('تم استلام الشكوى'));
    assert.ok(!text.replace(/\D/g, ' ').split(' ').includes(VERIFIER), 'never the follow-up code');
    const { rows } = await db().query<{ provider_id: string }>('SELECT provider_id FROM messages WHERE id = $1', [
      row?.id,
    ]);
    assert.match(rows[0]?.provider_id ?? '', /^\d+$/);
    for (const line of `received SMS text (${text.length} characters):\n${text}`.split('\n')) t.diagnostic(line);
  });

  it('provider answers 5xx, then 200: sent once, on the second attempt', async () => {
    provider.script.push({ status: 503, body: { message: 'Service Unavailable' } });
    const before = provider.calls.length;
    const reference = await smsComplaint();
    await waitUntil('the SMS', async () => (await messageRows(db(), reference))[0]?.state === 'sent');
    const [row] = await messageRows(db(), reference);
    assert.equal(row?.attempts, 2);
    assert.equal(provider.calls.length - before, 2);
  });

  it('a timeout is retried; Unifonic’s error answer (ER-04) fails for good with its text', async () => {
    provider.script.push('hang');
    const slow = await smsComplaint();
    await waitUntil('the SMS after a timeout', async () => (await messageRows(db(), slow))[0]?.state === 'sent');
    assert.equal((await messageRows(db(), slow))[0]?.attempts, 2);

    provider.script.push(UNIFONIC_BAD_NUMBER);
    const bad = await smsComplaint();
    await waitUntil('the failure', async () => (await messageRows(db(), bad))[0]?.state === 'failed');
    const [row] = await messageRows(db(), bad);
    assert.equal(row?.last_error, 'ER-04: Dest num is too short');
    assert.equal(row?.attempts, 1);
  });

  it('provider down for a while (503): one SMS each once it is back', async (t) => {
    const down = Date.now();
    const real = provider.fallback;
    provider.fallback = () => ({ status: 503, body: { message: 'Service Unavailable' } });
    const references = [await smsComplaint(), await smsComplaint(), await smsComplaint()];
    await waitUntil(
      'retries',
      async () =>
        (await Promise.all(references.map((ref) => messageRows(db(), ref)))).flat().every((row) => row.attempts >= 3),
      OUTAGE_MS + 10_000,
    );
    await sleepUntil(down + OUTAGE_MS);
    const before = provider.calls.length;
    provider.fallback = real;
    const backAt = Date.now();
    await waitUntil(
      'all sent',
      async () =>
        (await Promise.all(references.map((ref) => messageRows(db(), ref))))
          .flat()
          .every((row) => row.state === 'sent'),
      15_000,
    );
    // Sent is recorded after the provider's answer, and the provider counts a call before it
    // answers: every call there will be is counted now.
    const accepted = provider.calls.slice(before).map((call) => new URLSearchParams(call.body).get('CorrelationID'));
    assert.equal(accepted.length, 3, 'one accepted call per message');
    assert.equal(new Set(accepted).size, 3);
    t.diagnostic(
      `provider down ${backAt - down} ms; all ${accepted.length} SMS accepted ${Date.now() - backAt} ms after it returned, one each`,
    );
  });
});

it('nothing configured: recorded as "not sent: no channel configured", the server still works', async () => {
  const { openDatabase, MEMORY } = await import('../../server/db/open.js');
  const database = await openDatabase({ dataDir: MEMORY });
  const config = readNotifyConfig({});
  assert.match(config.summary, /no channel configured/);
  const sender = startSender(database, {});
  try {
    const answer = await postJson(makeApp(database), '/v1/complaints', emailComplaint());
    assert.equal(answer.status, 201, answer.text);
    const reference: string = answer.json.reference;
    await waitUntil('the record', async () => (await messageRows(database, reference))[0]?.state === 'not_configured');
    assert.equal((await messageRows(database, reference))[0]?.last_error, 'not sent: no channel configured');
  } finally {
    await sender.stop();
    await database.close();
  }
});

it('dead letter: after SILA_NOTIFY_MAX_ATTEMPTS tries the message is failed with the last reason', async () => {
  const { openDatabase, MEMORY } = await import('../../server/db/open.js');
  const database = await openDatabase({ dataDir: MEMORY });
  const closed = await startSmtp();
  await closed.stop();
  const sender = startSender(database, {
    SILA_SMTP_URL: closed.url,
    SILA_MAIL_FROM: FROM,
    SILA_NOTIFY_MAX_ATTEMPTS: '3',
    SILA_NOTIFY_BACKOFF_MAX_MS: '100',
  });
  try {
    const answer = await postJson(makeApp(database), '/v1/complaints', emailComplaint());
    const reference: string = answer.json.reference;
    await waitUntil('the dead letter', async () => (await messageRows(database, reference))[0]?.state === 'failed');
    const [row] = await messageRows(database, reference);
    assert.equal(row?.attempts, 3);
    assert.match(row?.last_error ?? '', /^gave up after 3 attempts: .*ECONNREFUSED/);
  } finally {
    await sender.stop();
    await database.close();
  }
});
