/**
 * SMS through Unifonic's REST API (docs.unifonic.com/reference/sms-api):
 * POST https://el.cloud.unifonic.com/rest/SMS/messages, form fields AppSid, SenderID,
 * Recipient (international format without + or 00), Body, responseType=JSON and
 * CorrelationID (our outbox id). It answers {success, message, errorCode, data}:
 * success with errorCode "ER-00" and data.MessageID, or success false with an error
 * code and text ("ER-04", "Dest num is too short").
 */
import {
  PermanentSendError,
  isRetryableStatus,
  providerAnswer,
  type SendResult,
  type SmsChannel,
  type SmsMessage,
} from './channel.js';

export const UNIFONIC_URL = 'https://el.cloud.unifonic.com/rest/SMS/messages';

export interface UnifonicOptions {
  appSid: string;
  senderId?: string;
  url: string;
  timeoutMs: number;
}

interface UnifonicAnswer {
  success?: boolean | string;
  message?: string;
  errorCode?: string;
  data?: { MessageID?: number | string; Status?: string };
}

export function unifonicChannel(options: UnifonicOptions): SmsChannel {
  return {
    name: 'Unifonic',
    async send(message: SmsMessage): Promise<SendResult> {
      const form = new URLSearchParams({
        AppSid: options.appSid,
        Recipient: message.to.replace(/^\+|^00/, ''),
        Body: message.text,
        responseType: 'JSON',
        CorrelationID: message.id,
      });
      if (options.senderId) form.set('SenderID', options.senderId);
      const response = await fetch(options.url, {
        method: 'POST',
        headers: { accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' },
        body: form,
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      const text = await response.text();
      if (isRetryableStatus(response.status)) throw new Error(`HTTP ${response.status}: ${providerAnswer(text)}`);
      let answer: UnifonicAnswer;
      try {
        answer = JSON.parse(text) as UnifonicAnswer;
      } catch {
        throw new PermanentSendError(`HTTP ${response.status}: ${providerAnswer(text)}`);
      }
      // The bulk endpoint writes success as the string "true"; accept both.
      if (response.ok && (answer.success === true || answer.success === 'true')) {
        const id = answer.data?.MessageID;
        return id === undefined ? {} : { providerId: String(id) };
      }
      throw new PermanentSendError(
        providerAnswer(`${answer.errorCode ?? `HTTP ${response.status}`}: ${answer.message ?? text}`),
      );
    },
  };
}
