/**
 * The sender killed mid-send: the real server process (server/main.ts, embedded database
 * on disk) is SIGKILLed while the SMTP server holds a mail it has received but not yet
 * acknowledged. After a restart every message is delivered at least once, and the repeats
 * carry the same Message-ID, so the receiver can drop them.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, it } from 'node:test';
import type { ParsedMail } from 'mailparser';
import { formatReference } from '../../src/contract/identifiers.js';
import { ADMIN_TOKEN, validComplaint } from './helpers.js';
import { startSmtp } from './notify-fakes.js';

const root = new URL('../..', import.meta.url).pathname;
const dataDir = mkdtempSync(join(tmpdir(), 'sila-notify-crash-'));
after(() => rmSync(dataDir, { recursive: true, force: true }));

interface Server {
  child: ChildProcess;
  url: string;
  output: () => string;
}

async function start(smtpUrl: string): Promise<Server> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      DATABASE_URL: '',
      SILA_DATA_DIR: dataDir,
      PORT: '0',
      HOST: '127.0.0.1',
      SILA_SERVE_STATIC: '0',
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
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no listening line within 60 s:\n${output}`)), 60_000);
    child.stdout!.on('data', () => {
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`exited ${code ?? signal} before listening:\n${output}`));
    });
  });
  return { child, url, output: () => output };
}

async function kill(server: Server): Promise<void> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  const exited = once(server.child, 'exit');
  server.child.kill('SIGKILL');
  await exited;
}

async function messagesOf(server: Server, reference: string): Promise<Array<{ id: string; state: string; attempts: number }>> {
  const response = await fetch(`${server.url}/v1/staff/submissions/${reference}/messages`, {
    headers: { Authorization: `Bearer ${ADMIN_TOKEN}` },
  });
  const text = await response.text();
  assert.equal(response.status, 200, text);
  return (JSON.parse(text) as { items: Array<{ id: string; state: string; attempts: number }> }).items;
}

it('killed mid-send: after a restart every message arrives at least once, repeats share the Message-ID', async (t) => {
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

  let server = await start(smtp.url);
  const references: string[] = [];
  try {
    for (let i = 0; i < 5; i++) {
      const response = await fetch(`${server.url}/v1/complaints`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() },
        body: JSON.stringify(
          validComplaint({ contactChannel: 'email', contact: { name: 'عميل اختبار', mobile: `05512300${i}${i}`, email: `crash${i}@example.com` } }),
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
    server = await start(smtp.url);
    const deadline = Date.now() + 30_000;
    for (;;) {
      const items = (await Promise.all(references.map((ref) => messagesOf(server, ref)))).flat();
      if (items.length === 5 && items.every((item) => item.state === 'sent')) break;
      if (Date.now() > deadline) throw new Error(`not all sent after the restart: ${JSON.stringify(items)}\n${server.output()}`);
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
    t.diagnostic(`${seen.length} mails received for 5 messages (${repeated} repeated with its Message-ID); all sent ${recovered} ms after the restart`);
  } finally {
    releaseHeld();
    await kill(server);
    await smtp.stop();
  }
});
