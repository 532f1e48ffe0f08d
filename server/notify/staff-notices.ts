/**
 * Optional notices to staff, chosen per account: a daily digest of new cases (sent from
 * 07:00 Riyadh time) and a warning when a case the person works on is due within two
 * days. Ids, counts and dates only: a notice carries no applicant's personal data.
 */
import { formatReference } from '../../src/contract/identifiers.js';
import { FINAL_STATUSES } from '../../src/contract/status.js';
import type { Queryable } from '../db/database.js';
import { localDateTime, localDay, nextDay, startOfLocalDay } from '../dates.js';
import type { EmailChannel } from './channels/channel.js';
import { longDate } from './dates.js';
import type { ClaimedRow, Outcome } from './outbox.js';
import { htmlDocument } from './render.js';

/** The digest goes out from this hour (Riyadh), once a day. */
export const DIGEST_HOUR = 7;
/** A case is "due soon" within this many days (as the inbox's dueSoon flag). */
const DUE_SOON_DAYS = 2;
const KIND_PLURALS: Record<'ar' | 'en', Record<string, string>> = {
  ar: {
    request: 'طلبات الخدمة',
    complaint: 'الشكاوى',
    suggestion: 'الاقتراحات',
    inquiry: 'الاستفسارات',
    compensation: 'طلبات التعويض',
  },
  en: {
    request: 'service requests',
    complaint: 'complaints',
    suggestion: 'suggestions',
    inquiry: 'inquiries',
    compensation: 'compensation claims',
  },
};
const FINAL_LIST = FINAL_STATUSES.map((status) => `'${status}'`).join(', ');

export interface StaffNoticeRow extends ClaimedRow {
  account_id: string;
  kind: 'digest' | 'due_warning';
  params: { day?: string; reference?: string; dueAt?: string };
}

export const STAFF_NOTICE_COLUMNS = 'id, account_id, kind, params, attempts';

/** Which cases a role's notices cover: an officer's own and unassigned ones; the committee's queue. */
const SCOPE = `((a.role = 'officer' AND (s.assignee_id = a.id OR s.assignee_id IS NULL))
             OR (a.role = 'committee' AND s.kind = 'request' AND s.status = 'referred')
             OR a.role = 'manager')`;

/** Queues what is due now; a repeated call queues nothing new (one notice per key). */
export async function scheduleStaffNotices(db: Queryable, now: Date): Promise<void> {
  const day = localDay(now);
  if (Number(localDateTime(now).slice(11, 13)) >= DIGEST_HOUR) {
    await db.query(
      `INSERT INTO staff_notices (id, account_id, kind, notice_key, params, state, next_attempt_at, created_at, updated_at)
       SELECT gen_random_uuid()::text, a.id, 'digest', 'digest:' || $1, jsonb_build_object('day', $1::text), 'queued', now(), $2, $2
         FROM staff_accounts a JOIN staff_notice_settings n ON n.account_id = a.id
        WHERE a.active AND n.daily_digest AND a.role IN ('officer', 'committee', 'manager')
       ON CONFLICT (account_id, notice_key) DO NOTHING`,
      [day, now],
    );
  }
  await db.query(
    `INSERT INTO staff_notices (id, account_id, kind, notice_key, params, state, next_attempt_at, created_at, updated_at)
     SELECT gen_random_uuid()::text, a.id, 'due_warning',
            'due:' || s.reference || ':' || to_char(s.expected_decision_by AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS'),
            jsonb_build_object('reference', s.reference, 'dueAt', to_char(s.expected_decision_by AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')),
            'queued', now(), $1, $1
       FROM staff_accounts a
       JOIN staff_notice_settings n ON n.account_id = a.id AND n.due_warnings
       JOIN submissions s ON s.status NOT IN (${FINAL_LIST})
                          AND s.expected_decision_by > $1 AND s.expected_decision_by <= $1 + make_interval(days => ${DUE_SOON_DAYS})
      WHERE a.active AND ${SCOPE}
     ON CONFLICT (account_id, notice_key) DO NOTHING`,
    [now],
  );
}

interface Account {
  email: string;
  name: string;
  role: string;
  active: boolean;
}

async function digestText(
  db: Queryable,
  account: Account & { id: string },
  day: string,
): Promise<{ subject: string; text: string }> {
  const from = startOfLocalDay(day);
  const to = startOfLocalDay(nextDay(day));
  const yesterday = new Date(from.getTime() - 24 * 60 * 60 * 1000);
  const { rows } = await db.query<{ kind: string; n: number }>(
    `SELECT s.kind, count(*)::int AS n FROM submissions s JOIN staff_accounts a ON a.id = $3
      WHERE s.received_at >= $1 AND s.received_at < $2 AND ${SCOPE} GROUP BY s.kind ORDER BY s.kind`,
    [yesterday, from, account.id],
  );
  const open = await db.query<{ overdue: number; soon: number }>(
    `SELECT count(*) FILTER (WHERE s.expected_decision_by < $1)::int AS overdue,
            count(*) FILTER (WHERE s.expected_decision_by >= $1 AND s.expected_decision_by <= $1 + make_interval(days => ${DUE_SOON_DAYS}))::int AS soon
       FROM submissions s JOIN staff_accounts a ON a.id = $2
      WHERE s.status NOT IN (${FINAL_LIST}) AND ${SCOPE}`,
    [to, account.id],
  );
  const total = rows.reduce((sum, row) => sum + row.n, 0);
  const kinds = (locale: 'ar' | 'en') =>
    rows.map((row) => `${KIND_PLURALS[locale][row.kind] ?? row.kind} ${row.n}`).join(locale === 'ar' ? '، ' : ', ');
  const overdue = open.rows[0]?.overdue ?? 0;
  const soon = open.rows[0]?.soon ?? 0;
  return {
    subject: `ملخص ${day} — الحالات الجديدة: ${total} / Digest ${day}: ${total} new`,
    text: [
      `${account.name}،`,
      '',
      `الحالات الجديدة أمس: ${total}${total ? ` (${kinds('ar')})` : ''}.`,
      `متأخرة عن موعدها: ${overdue}. يحين موعدها خلال يومين: ${soon}.`,
      '',
      `New cases yesterday: ${total}${total ? ` (${kinds('en')})` : ''}. Overdue: ${overdue}. Due within two days: ${soon}.`,
    ].join('\n'),
  };
}

function dueText(account: Account, reference: string, dueAt: Date): { subject: string; text: string } {
  const shown = formatReference(reference);
  return {
    subject: `يحين موعد الحالة ${shown} / Case ${shown} is due soon`,
    text: [
      `${account.name}،`,
      '',
      `يحين موعد الحالة ${shown} في ${longDate(dueAt, 'ar')}.`,
      '',
      `Case ${shown} is due on ${longDate(dueAt, 'en')}.`,
    ].join('\n'),
  };
}

/** Sends one claimed notice by e-mail (staff have no SMS). */
export async function deliverStaffNotice(
  db: Queryable,
  row: StaffNoticeRow,
  email: EmailChannel | undefined,
): Promise<Outcome | { send: () => ReturnType<EmailChannel['send']> }> {
  if (!email) return { state: 'not_configured', reason: 'not sent: no channel configured' };
  const { rows } = await db.query<Account & { id: string }>(
    'SELECT id, email, name, role, active FROM staff_accounts WHERE id = $1',
    [row.account_id],
  );
  const account = rows[0];
  if (!account?.active) return { state: 'failed', reason: 'account disabled' };
  const content =
    row.kind === 'digest'
      ? await digestText(db, account, row.params.day ?? '')
      : dueText(account, row.params.reference ?? '', new Date(row.params.dueAt ?? 0));
  return {
    send: () =>
      email.send({
        id: row.id,
        to: account.email,
        subject: content.subject,
        text: content.text,
        html: htmlDocument(content.text, { locale: 'ar', subject: content.subject }),
        locale: 'ar',
      }),
  };
}
