/**
 * The sender killed mid-send: the real server process (server/main.ts) is SIGKILLed while
 * the SMTP server holds a mail it has received but not yet acknowledged. After a restart
 * every message is delivered at least once, and the repeats carry the same Message-ID, so
 * the receiver can drop them. On the embedded database (on disk) and, when DATABASE_URL
 * is set, on PostgreSQL in a schema of its own.
 */
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, it } from 'node:test';
import type { ParsedMail } from 'mailparser';
import { freshSchema } from '../../scripts/lib/pg-schema.mjs';
import { startServer } from '../../scripts/lib/server-process.mjs';
import { formatReference } from '../../src/contract/identifiers.js';
import { ADMIN_TOKEN, validComplaint } from './helpers.js';
import { startSmtp } from './notify-fakes.js';

const dir = mkdtempSync(join(tmpdir(), 'sila-notify-crash-'));
after(() => rmSync(dir, { recursive: true, force: true }));

interface Server {
  child: ChildProcess;
  url: string;
}

function start(smtpUrl: string, database: Record<string, string>): Promise<Server> {
  return startServer({
    logPath: join(dir, `server-${randomUUID()}.log`),
    env: {
      ...database,
      SILA_RATE_LIMIT_PER_MINUTE: '0',
      SILA_ADMIN_TOKEN: ADMIN_TOKEN,
      SILA_SMTP_URL: smtpUrl,
      SILA_MAIL_FROM: 'Sila <no-reply@charity.example>',
      SILA_NOTIFY_POLL_MS: '100',
      SILA_NOTIFY_BACKOFF_MS: '100',
      SILA_NOTIFY_LEASE_MS: '2000',
      SILA_NOTIFY_TIMEOUT_MS: '30000',
    },
  });
}

async function kill(server: Server): Promise<void> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  const exited = once(server.child, 'exit');
  server.child.kill('SIGKILL');
  await exited;
}

async function messagesOf(
  server: Server,
  reference: string,
): Promise<Array<{ id: string; state: string; attempts: number }>> {
  const response = await fetch(`${server.url}/v1/staff/submissions/${reference}/messages`, {
    headers: { Authorization: `Bearer ${ADMIN_TOKEN}` },
  });
  const text = await response.text();
  assert.equal(response.status, 200, text);
  return (JSON.parse(text) as { items: Array<{ id: string; state: string; attempts: number }> }).items;
}

async function killedMidSend(
  database: Record<string, string>,
  t: { diagnostic: (line: string) => void },
): Promise<void> {
  const smtp = await startSmtp();
  /** Every mail the SMTP server received, acknowledged or not. */
  const seen: ParsedMail[] = [];
  let releaseHeld: () => void = () => {};
  const held = new Promise<void>((resolve) => (releaseHeld = resolve));
  let firstSeen: () => void = () => {};
  const first = new Promise<void>((resolve) => (firstSeen = resolve));
  smtp.onData = async (mail) => {
    seen.push(mail);
    if (seen.length === 1) {
      firstSeen();
      await held; // received, never acknowledged: the sender is mid-send when it dies
    }
  };

  let server = await start(smtp.url, database);
  const references: string[] = [];
  try {
    for (let i = 0; i < 5; i++) {
      const response = await fetch(`${server.url}/v1/complaints`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() },
        body: JSON.stringify(
          validComplaint({
            contactChannel: 'email',
            contact: { name: 'عميل اختبار', mobile: `05512300${i}${i}`, email: `crash${i}@example.com` },
          }),
        ),
      });
      const text = await response.text();
      assert.equal(response.status, 201, text);
      references.push((JSON.parse(text) as { reference: string }).reference);
    }
    await first;
    await kill(server);
    releaseHeld();

    const restarted = Date.now();
    server = await start(smtp.url, database);
    const listening = Date.now() - restarted;
    const deadline = Date.now() + 30_000;
    for (;;) {
      const items = (await Promise.all(references.map((ref) => messagesOf(server, ref)))).flat();
      if (items.length === 5 && items.every((item) => item.state === 'sent')) break;
      if (Date.now() > deadline) throw new Error(`not all sent after the restart: ${JSON.stringify(items)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const recovered = Date.now() - restarted;

    const byId = new Map<string, number>();
    for (const mail of seen) byId.set(mail.messageId ?? '', (byId.get(mail.messageId ?? '') ?? 0) + 1);
    assert.equal(byId.size, 5, 'five distinct Message-IDs: one per message');
    for (const ref of references) {
      assert.ok(
        seen.some((mail) => mail.subject?.includes(formatReference(ref))),
        `the receipt for ${ref} arrived`,
      );
    }
    const repeated = [...byId.values()].filter((count) => count > 1).length;
    assert.ok(repeated >= 1, 'the mail in flight at the kill was sent again, with the same Message-ID');
    t.diagnostic(
      `${seen.length} mails received for 5 messages (${repeated} repeated with its Message-ID); the new process listened after ${listening} ms, all sent ${recovered} ms after the restart`,
    );
  } finally {
    releaseHeld();
    await kill(server);
    await smtp.stop();
  }
}

it('killed mid-send (embedded database): every message at least once, repeats share the Message-ID', (t) =>
  killedMidSend({ DATABASE_URL: '', SILA_DATA_DIR: join(dir, 'data') }, t));

const url = process.env.DATABASE_URL;
it(
  'killed mid-send (PostgreSQL): every message at least once, repeats share the Message-ID',
  { skip: url ? false : 'DATABASE_URL is not set' },
  async (t) => {
    const schema = await freshSchema(url!, 'sila_notify_crash');
    try {
      await killedMidSend({ DATABASE_URL: schema.url }, t);
    } finally {
      await schema.drop();
    }
  },
);
