/**
 * What each status means to the person following it up, and what happens next.
 * Functions, not constants, so every text is read in the active language at render.
 */
import { msg } from '@lit/localize';
import type { LookupResult } from '../../contract/lookup.js';
import { FINAL_STATUSES, type Status } from '../../contract/status.js';

export type Kind = LookupResult['kind'];

/** Colour family of the badge: still moving, waiting on the person, or finished. */
export type StatusTone = 'progress' | 'action' | 'positive' | 'ended';

export interface StatusText {
  label: string;
  /** What the status means, in one plain sentence. */
  meaning: string;
  /** What happens next, and whether the person has anything to do. */
  next: string;
  tone: StatusTone;
}

export function kindLabel(kind: Kind): string {
  switch (kind) {
    case 'request':
      return msg('Service request');
    case 'suggestion':
      return msg('Suggestion');
    case 'inquiry':
      return msg('Inquiry');
    case 'compensation':
      return msg('Compensation claim');
    default:
      return msg('Complaint');
  }
}

export function statusLabel(status: Status): string {
  return statusText(status).label;
}

export function statusText(status: Status): StatusText {
  switch (status) {
    case 'received':
      return {
        label: msg('Received'),
        meaning: msg('We have received it and it is waiting to be reviewed.'),
        next: msg('The beneficiary relations team will start reviewing it soon. You do not need to do anything now.'),
        tone: 'progress',
      };
    case 'under_review':
      return {
        label: msg('Under review'),
        meaning: msg('The team is studying it and checking the information you gave.'),
        next: msg(
          'We will update the status when the review is done. If we need anything from you, it will show here.',
        ),
        tone: 'progress',
      };
    case 'needs_info':
      return {
        label: msg('Information needed'),
        meaning: msg('We need more information or documents from you before we can continue.'),
        next: msg(
          'The review is paused until we receive what is asked below. Send it as the note explains, or contact the association.',
        ),
        tone: 'action',
      };
    case 'referred':
      return {
        label: msg('Referred for a decision'),
        meaning: msg('It has been passed to the committee or department that decides on it.'),
        next: msg('They will decide whether to accept it. The decision will show here, and we will contact you.'),
        tone: 'progress',
      };
    case 'accepted':
      return {
        label: msg('Accepted'),
        meaning: msg('It has been accepted.'),
        next: msg(
          'The association will contact you about the next steps, such as how and when the service is provided.',
        ),
        tone: 'positive',
      };
    case 'rejected':
      return {
        label: msg('Not accepted'),
        meaning: msg('It was studied and could not be accepted.'),
        next: msg(
          'Any reason we gave is in the history below. If you disagree, you can send a complaint and mention this reference number.',
        ),
        tone: 'ended',
      };
    case 'resolved':
      return {
        label: msg('Resolved'),
        meaning: msg('The matter has been dealt with.'),
        next: msg('If it is not solved for you, send a new complaint and mention this reference number.'),
        tone: 'positive',
      };
    case 'closed':
      return {
        label: msg('Closed'),
        meaning: msg('It is closed: no further action is planned.'),
        next: msg('If you need anything else, you can send a new request or message at any time.'),
        tone: 'ended',
      };
  }
}

export function isFinal(status: Status): boolean {
  return FINAL_STATUSES.includes(status);
}

/** The promised decision date has passed and nothing has been decided yet. */
export function isOverdue(result: Pick<LookupResult, 'status' | 'expectedDecisionBy'>, now = Date.now()): boolean {
  if (!result.expectedDecisionBy || isFinal(result.status)) return false;
  const due = Date.parse(result.expectedDecisionBy);
  return !Number.isNaN(due) && due < now;
}

/** The latest note staff made public: for `needs_info`, what to provide. */
export function latestPublicNote(history: LookupResult['history']): string | undefined {
  for (let i = history.length - 1; i >= 0; i--) {
    const note = history[i]!.note?.trim();
    if (note) return note;
  }
  return undefined;
}
