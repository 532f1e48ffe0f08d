/**
 * Sila's events: small Event subclasses, bubbling and composed so a host page can
 * listen on document, declared in GlobalEventHandlersEventMap for typed listeners.
 */
import type { SilaError } from '../client/errors.js';

export type SubmissionKind = 'complaint' | 'request' | 'rating';

export interface SubmitDetail<T = unknown> {
  kind: SubmissionKind;
  /** The validated payload exactly as it would be sent. */
  payload: T;
  idempotencyKey: string;
}

/**
 * Fired before a widget sends its payload. Call preventDefault() to send it yourself:
 * the widget then sends nothing and stays as it is.
 */
export class SilaSubmitEvent<T = unknown> extends Event {
  constructor(readonly detail: SubmitDetail<T>) {
    super('sila-submit', { bubbles: true, composed: true, cancelable: true });
  }
}

export interface SubmittedDetail {
  kind: SubmissionKind;
  reference?: string;
  /** The backend's answer, as parsed with the contract. */
  result: unknown;
}

/** Fired when the backend accepted a submission. */
export class SilaSubmittedEvent extends Event {
  constructor(readonly detail: SubmittedDetail) {
    super('sila-submitted', { bubbles: true, composed: true });
  }
}

export interface ErrorDetail {
  kind: SubmissionKind | 'lookup' | 'form-config';
  error: SilaError;
  /** True when the submission is kept and will be sent again automatically. */
  queued: boolean;
}

/** Fired when a call failed (the widget shows its own message too). */
export class SilaErrorEvent extends Event {
  constructor(readonly detail: ErrorDetail) {
    super('sila-error', { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'sila-submit': SilaSubmitEvent;
    'sila-submitted': SilaSubmittedEvent;
    'sila-error': SilaErrorEvent;
  }
}
