/**
 * `sila-rate-invite`: a lookup found a submission in a final status that was not rated
 * yet. The host may show its own rating UI; calling preventDefault() tells the lookup
 * not to embed <sila-rating> itself (the `rating` slot is rendered either way).
 */
import type { LookupResult } from '../../contract/lookup.js';
import type { Status } from '../../contract/status.js';

export interface RateInviteDetail {
  /** Canonical reference number (no dashes), as the rating API takes it. */
  reference: string;
  kind: LookupResult['kind'];
  status: Status;
}

export class SilaRateInviteEvent extends Event {
  constructor(readonly detail: RateInviteDetail) {
    super('sila-rate-invite', { bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'sila-rate-invite': SilaRateInviteEvent;
  }
}
