/**
 * The outbox's sender: runs in the server process, takes due messages (FOR UPDATE SKIP
 * LOCKED, so several instances never take the same one), sends each through its channel
 * and records the outcome. A claimed message is leased: when a sender dies mid-send, the
 * lease runs out and another sender sends it again with the same id (at least once; the
 * receiver drops the repeat by its Message-ID / id). It also queues and sends the staff
 * notices (digests, due-date warnings) the accounts asked for.
 */
import type { FormConfig } from '../../src/contract/form-config.js';
import type { NotificationEvent } from '../../src/contract/notifications.js';
import type { Queryable } from '../db/database.js';
import type { NotifyConfig, Templates } from './config.js';
import {
  BATCH,
  attempt,
  claimDue,
  recordOutcome,
  releaseClaim,
  type ClaimedRow,
  type Outcome,
  type OutboxTable,
} from './outbox.js';
import { caseContact } from './recipient.js';
import { renderMessage, statusLink } from './render.js';
import {
  STAFF_NOTICE_COLUMNS,
  deliverStaffNotice,
  scheduleStaffNotices,
  type StaffNoticeRow,
} from './staff-notices.js';

export { backoffMs } from './outbox.js';

export const NOT_CONFIGURED = 'not sent: no channel configured';

interface MessageRow extends ClaimedRow {
  reference: string;
  event: NotificationEvent;
  channel: 'email' | 'sms';
  locale: 'ar' | 'en';
  params: { status?: string; note?: string; at: string };
}

const MESSAGE_COLUMNS = 'id, reference, event, channel, locale, params, attempts';
/** Staff notices are looked for at most this often. */
const SCHEDULE_EVERY_MS = 60_000;

export interface SenderDeps {
  db: Queryable;
  config: NotifyConfig;
  templates: Templates;
  formConfig: FormConfig;
  /** Problems worth an operator's eye (never personal data). */
  warn?: (line: { warning: string; message: string }) => void;
  /** The clock for staff notices (tests move it). */
  now?: () => Date;
}

export class Sender {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = true;
  private scheduledAt = 0;

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
    let handled = 0;
    try {
      if (Date.now() - this.scheduledAt >= SCHEDULE_EVERY_MS) {
        this.scheduledAt = Date.now();
        await scheduleStaffNotices(this.deps.db, (this.deps.now ?? (() => new Date()))());
      }
      handled = await this.runOnce();
    } catch (error) {
      this.deps.warn?.({ warning: 'notify_sender', message: `outbox not read: ${(error as Error).message}` });
    }
    // A full batch: more may be waiting, look again at once.
    this.schedule(handled >= BATCH ? 0 : this.deps.config.pollMs);
  }

  /** Claims the due messages and staff notices and sends them; returns how many it handled. */
  async runOnce(): Promise<number> {
    const { db, config } = this.deps;
    const messages = await claimDue<MessageRow>(db, 'messages', MESSAGE_COLUMNS, config.leaseMs);
    await this.each('messages', messages, (row) => this.deliver(row));
    const notices = await claimDue<StaffNoticeRow>(db, 'staff_notices', STAFF_NOTICE_COLUMNS, config.leaseMs);
    await this.each('staff_notices', notices, async (row) => {
      const prepared = await deliverStaffNotice(db, row, config.email);
      return 'send' in prepared ? attempt(row, config.maxAttempts, prepared.send) : prepared;
    });
    return Math.max(messages.length, notices.length);
  }

  private async each<Row extends ClaimedRow>(
    table: OutboxTable,
    rows: Row[],
    deliver: (row: Row) => Promise<Outcome>,
  ): Promise<void> {
    const { db, config } = this.deps;
    for (const row of rows) {
      if (this.stopped && row !== rows[0]) {
        // Stopping: hand the rest back at once instead of waiting for their lease.
        await releaseClaim(db, table, row.id);
        continue;
      }
      const outcome =
        row.attempts > config.maxAttempts
          ? { state: 'failed' as const, reason: `gave up after ${config.maxAttempts} attempts` }
          : await deliver(row);
      await recordOutcome(db, table, row, outcome, config);
    }
  }

  private async deliver(row: MessageRow): Promise<Outcome> {
    const { db, config, templates, formConfig } = this.deps;
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
      secrets: [contact.nationalId, contact.channel === 'sms' ? contact.address : undefined].filter((s): s is string =>
        Boolean(s),
      ),
    });
    const to = contact.address;
    return attempt(row, config.maxAttempts, () =>
      row.channel === 'email'
        ? email!.send({
            id: row.id,
            to,
            subject: rendered.subject,
            text: rendered.text,
            html: rendered.html,
            locale: row.locale,
          })
        : sms!.send({ id: row.id, to, text: rendered.sms }),
    );
  }
}
