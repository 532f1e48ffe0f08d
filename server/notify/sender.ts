/**
 * The outbox's sender: runs in the server process, takes due messages (FOR UPDATE SKIP
 * LOCKED, so several instances never take the same one), sends each through its channel
 * and records the outcome. A claimed message is leased: when a sender dies mid-send, the
 * lease runs out and another sender sends it again with the same id (at least once; the
 * receiver drops the repeat by its Message-ID / id).
 */
import type { FormConfig } from '../../src/contract/form-config.js';
import type { NotificationEvent } from '../../src/contract/notifications.js';
import type { Queryable } from '../db/database.js';
import { PermanentSendError } from './channels/channel.js';
import type { NotifyConfig, Templates } from './config.js';
import { caseContact } from './recipient.js';
import { renderMessage, statusLink } from './render.js';

export const NOT_CONFIGURED = 'not sent: no channel configured';

interface MessageRow {
  id: string;
  reference: string;
  event: NotificationEvent;
  channel: 'email' | 'sms';
  locale: 'ar' | 'en';
  params: { status?: string; note?: string; at: string };
  attempts: number;
}

export interface SenderDeps {
  db: Queryable;
  config: NotifyConfig;
  templates: Templates;
  formConfig: FormConfig;
  /** Problems worth an operator's eye (never personal data). */
  warn?: (line: { warning: string; message: string }) => void;
}

type Outcome = { state: 'sent'; providerId?: string } | { state: 'failed' | 'not_configured'; reason: string } | { state: 'retry'; reason: string };

/** Exponential backoff with full jitter between half and the whole step. */
export function backoffMs(attempt: number, baseMs: number, maxMs: number, random = Math.random): number {
  const step = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(step / 2 + random() * (step / 2));
}

export class Sender {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = true;

  constructor(private readonly deps: SenderDeps) {}

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.schedule(0);
  }

  /** Lets the message in flight finish, then stops. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private schedule(delay: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.tick().finally(() => {
        this.running = undefined;
      });
    }, delay);
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    let sent = 0;
    try {
      sent = await this.runOnce();
    } catch (error) {
      this.deps.warn?.({ warning: 'notify_sender', message: `outbox not read: ${(error as Error).message}` });
    }
    // A full batch: more may be waiting, look again at once.
    this.schedule(sent >= BATCH ? 0 : this.deps.config.pollMs);
  }

  /** Claims the due messages and sends them; returns how many it handled. */
  async runOnce(): Promise<number> {
    const { db, config } = this.deps;
    const { rows } = await db.query<MessageRow>(
      `UPDATE messages m
          SET state = 'sending', attempts = m.attempts + 1, updated_at = now(),
              locked_until = now() + make_interval(secs => $2::double precision / 1000)
         FROM (SELECT id FROM messages
                WHERE state IN ('queued', 'sending') AND next_attempt_at <= now()
                  AND (locked_until IS NULL OR locked_until <= now())
                ORDER BY next_attempt_at
                LIMIT $1
                FOR UPDATE SKIP LOCKED) due
        WHERE m.id = due.id
       RETURNING m.id, m.reference, m.event, m.channel, m.locale, m.params, m.attempts`,
      [BATCH, config.leaseMs],
    );
    for (const row of rows) {
      if (this.stopped && row !== rows[0]) {
        // Stopping: hand the rest back at once instead of waiting for their lease.
        await db.query(`UPDATE messages SET state = 'queued', attempts = attempts - 1, locked_until = NULL WHERE id = $1 AND state = 'sending'`, [row.id]);
        continue;
      }
      await this.record(row, await this.deliver(row));
    }
    return rows.length;
  }

  private async deliver(row: MessageRow): Promise<Outcome> {
    const { db, config, templates, formConfig } = this.deps;
    if (row.attempts > config.maxAttempts) return { state: 'failed', reason: `gave up after ${config.maxAttempts} attempts` };
    const { email, sms } = config;
    if (!(row.channel === 'email' ? email : sms)) return { state: 'not_configured', reason: NOT_CONFIGURED };
    const contact = await caseContact(db, row.reference);
    if (!contact) return { state: 'failed', reason: 'no address or no consent on the case' };
    if (contact.channel !== row.channel) return { state: 'failed', reason: `the case now asks for ${contact.channel}` };
    const association = formConfig.association.name[row.locale] ?? formConfig.association.name.ar;
    const rendered = renderMessage(templates[row.event][row.locale], {
      event: row.event,
      locale: row.locale,
      reference: row.reference,
      kind: contact.kind,
      status: row.params.status,
      note: row.params.note,
      at: new Date(row.params.at),
      dueDate: contact.expectedDecisionBy,
      name: contact.name,
      association,
      statusUrl: statusLink(config.statusPageUrl, row.reference),
      secrets: [contact.nationalId, contact.channel === 'sms' ? contact.address : undefined].filter((s): s is string => Boolean(s)),
    });
    try {
      const to = contact.address;
      const result =
        row.channel === 'email'
          ? await email!.send({ id: row.id, to, subject: rendered.subject, text: rendered.text, html: rendered.html, locale: row.locale })
          : await sms!.send({ id: row.id, to, text: rendered.sms });
      return { state: 'sent', providerId: result.providerId };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      if (error instanceof PermanentSendError) return { state: 'failed', reason };
      if (row.attempts >= config.maxAttempts) return { state: 'failed', reason: `gave up after ${row.attempts} attempts: ${reason}` };
      return { state: 'retry', reason };
    }
  }

  private async record(row: MessageRow, outcome: Outcome): Promise<void> {
    const { db, config } = this.deps;
    if (outcome.state === 'sent') {
      await db.query(
        `UPDATE messages SET state = 'sent', sent_at = now(), updated_at = now(), locked_until = NULL, last_error = NULL, provider_id = $2
          WHERE id = $1`,
        [row.id, outcome.providerId ?? null],
      );
    } else if (outcome.state === 'retry') {
      await db.query(
        `UPDATE messages SET state = 'queued', updated_at = now(), locked_until = NULL, last_error = $2,
                next_attempt_at = now() + make_interval(secs => $3::double precision / 1000)
          WHERE id = $1`,
        [row.id, outcome.reason, backoffMs(row.attempts, config.backoffBaseMs, config.backoffMaxMs)],
      );
    } else {
      await db.query(`UPDATE messages SET state = $2, updated_at = now(), locked_until = NULL, last_error = $3 WHERE id = $1`, [
        row.id,
        outcome.state,
        outcome.reason,
      ]);
    }
  }
}

/** Messages claimed per round. */
const BATCH = 20;
