/** What went wrong with a call, in words for the person at the desk. */
import { msg, str } from '@lit/localize';
import { formatClockTime } from '../core/i18n.js';
import type { StaffApiError } from './api.js';

const MINUTE_MS = 60_000;

export function failureText(error: StaffApiError): string {
  switch (error.kind) {
    case 'offline':
      return msg('This device seems to be offline. Nothing was sent; try again when the connection returns.');
    case 'unreachable':
    case 'server':
      return msg('The server is not answering right now. Nothing was lost; try again in a moment.');
    case 'rate_limited': {
      if (error.retryAfterMs === undefined) return msg('Too many attempts. Please wait a little and try again.');
      const at = formatClockTime(Math.ceil((Date.now() + error.retryAfterMs) / MINUTE_MS) * MINUTE_MS);
      return msg(str`Too many attempts. You can try again at ${at}.`);
    }
    case 'forbidden':
      return msg('Your role does not allow this.');
    case 'not_found':
      return msg('This case was not found, or your role cannot open it.');
    case 'session_expired':
      return msg('Your session has ended. Sign in again.');
    case 'conflict':
      return msg('Someone else changed this case while you were working on it.');
    case 'validation':
      return msg('Some answers need to be corrected.');
    default:
      return msg('Something went wrong. Nothing was lost; please try again.');
  }
}
