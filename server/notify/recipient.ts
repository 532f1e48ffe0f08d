/**
 * Who a case's messages go to, and on which channel, read from the case itself (the
 * outbox never copies an address). Nothing for anonymous senders, nothing without consent.
 */
import type { Queryable } from '../db/database.js';
import { revealPayload } from '../privacy/sealing.js';

export type MessageChannel = 'email' | 'sms';
export type MessageLocale = 'ar' | 'en';

export interface CaseContact {
  kind: string;
  channel: MessageChannel;
  /** The e-mail address or the E.164 mobile. */
  address: string;
  locale: MessageLocale;
  name?: string;
  /** Kept only to make sure no message ever carries it. */
  nationalId?: string;
  expectedDecisionBy?: Date;
}

interface CaseRow {
  kind: string;
  payload: Record<string, unknown>;
  consent: { accepted?: boolean } | null;
  locale: string | null;
  expected_decision_by: Date | string | null;
}

interface Person {
  name?: string;
  fullName?: string;
  mobile?: string;
  email?: string;
  nationalId?: string;
}

export function messageLocale(locale: string | null | undefined): MessageLocale {
  return locale?.toLowerCase().startsWith('en') ? 'en' : 'ar';
}

/** The contact for a case, or undefined when the case must get no message at all. */
export async function caseContact(db: Queryable, reference: string): Promise<CaseContact | undefined> {
  const { rows } = await db.query<CaseRow>(
    'SELECT kind, payload, consent, locale, expected_decision_by FROM submissions WHERE reference = $1',
    [reference],
  );
  const row = rows[0];
  if (!row || row.payload.anonymous === true) return undefined;
  // Only with the privacy consent the sender gave (PDPL).
  if (row.consent?.accepted !== true) return undefined;
  // The mobile and national ID are sealed at rest (server/privacy/sealing.ts).
  const payload = revealPayload(row.payload);
  const person = (payload.applicant ?? payload.contact) as Person | undefined;
  if (!person) return undefined;
  // Complaints ask "how should we contact you?"; requests have no such question: e-mail
  // when they gave one, else their mobile.
  const chosen = row.payload.contactChannel as 'phone' | 'email' | undefined;
  const wantsEmail = chosen ? chosen === 'email' : Boolean(person.email);
  const channel: MessageChannel = wantsEmail && person.email ? 'email' : 'sms';
  const address = channel === 'email' ? person.email : person.mobile;
  if (!address) return undefined;
  return {
    kind: row.kind,
    channel,
    address,
    locale: messageLocale(row.locale),
    name: person.fullName ?? person.name,
    nationalId: person.nationalId,
    ...(row.expected_decision_by ? { expectedDecisionBy: new Date(row.expected_decision_by) } : {}),
  };
}
