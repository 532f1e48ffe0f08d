/**
 * SMS through the association's own gateway: POST {to, text, id} as JSON to
 * SILA_SMS_WEBHOOK_URL, signed so the gateway knows it came from this server:
 *   X-Sila-Timestamp: <unix seconds>
 *   X-Sila-Signature: sha256=<hex HMAC-SHA-256(secret, timestamp + "." + body)>
 * The id is stable across retries (also sent as Idempotency-Key): drop repeats by it.
 */
import { createHmac } from 'node:crypto';
import {
  PermanentSendError,
  isRetryableStatus,
  providerAnswer,
  type SendResult,
  type SmsChannel,
  type SmsMessage,
} from './channel.js';

export interface WebhookOptions {
  url: string;
  secret: string;
  timeoutMs: number;
}

export function webhookSignature(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

export function webhookChannel(options: WebhookOptions): SmsChannel {
  return {
    name: 'webhook',
    async send(message: SmsMessage): Promise<SendResult> {
      const body = JSON.stringify({ to: message.to, text: message.text, id: message.id });
      const timestamp = String(Math.floor(Date.now() / 1000));
      const response = await fetch(options.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'idempotency-key': message.id,
          'x-sila-timestamp': timestamp,
          'x-sila-signature': webhookSignature(options.secret, timestamp, body),
        },
        body,
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      const text = await response.text();
      if (response.ok) return { providerId: message.id };
      const answer = `HTTP ${response.status}: ${providerAnswer(text)}`;
      if (isRetryableStatus(response.status)) throw new Error(answer);
      throw new PermanentSendError(answer);
    },
  };
}
