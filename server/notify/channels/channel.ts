/** What a channel adapter does, and how it says "do not try again". */

export interface EmailMessage {
  /** The outbox id: the Message-ID is derived from it, so a retry carries the same one. */
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  locale: 'ar' | 'en';
}

export interface SmsMessage {
  id: string;
  /** E.164, e.g. +966501234567. */
  to: string;
  text: string;
}

export interface SendResult {
  /** The provider's own id (or the Message-ID for e-mail). */
  providerId?: string;
}

export interface EmailChannel {
  readonly name: string;
  send(message: EmailMessage): Promise<SendResult>;
  close?(): void;
}

export interface SmsChannel {
  readonly name: string;
  send(message: SmsMessage): Promise<SendResult>;
}

/** The provider refused the message for good (a wrong address, a rejected number): no retry. */
export class PermanentSendError extends Error {
  override readonly name = 'PermanentSendError';
}

/** HTTP answers worth another try later: overload, rate limit, server errors. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 425 || status === 429 || status >= 500;
}

/** The provider's answer, trimmed for the staff view (it is shown, never parsed again). */
export function providerAnswer(text: string, max = 300): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > max ? `${oneLine.slice(0, max)}…` : oneLine;
}
