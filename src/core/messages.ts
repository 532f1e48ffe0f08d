/** Localized text for error codes; looked up at render time, never stored. */
import { msg, str } from '@lit/localize';
import type { SilaError } from '../client/errors.js';
import type { FieldError } from '../contract/problem.js';
import { formatClockTime } from './i18n.js';

const MINUTE_MS = 60_000;

export interface FieldLimits {
  /** What to say when the field is left empty ("Enter your full name."): names the field, so the summary needs no label before it. */
  required?: string;
  minLength?: number;
  maxLength?: number;
  min?: number;
  max?: number;
}

/**
 * The limits to name in a field error's message: the bound the contract reported with
 * the error (zod's minimum/maximum, or the server's) wins over the field's own.
 */
export function limitsOf(error: FieldError, field: FieldLimits = {}): FieldLimits {
  const { minimum, maximum } = error;
  return {
    ...field,
    ...(minimum === undefined ? {} : { minLength: minimum, min: minimum }),
    ...(maximum === undefined ? {} : { maxLength: maximum, max: maximum }),
  };
}

export function errorMessage(code: string, limits: FieldLimits = {}): string {
  switch (code) {
    case 'required':
      return limits.required ?? msg('This field is required.');
    case 'too_short':
      return limits.minLength ? msg(str`Enter at least ${limits.minLength} characters.`) : msg('This is too short.');
    case 'too_long':
      return limits.maxLength ? msg(str`Enter no more than ${limits.maxLength} characters.`) : msg('This is too long.');
    case 'too_small':
      return limits.min !== undefined ? msg(str`Enter ${limits.min} or more.`) : msg('This number is too small.');
    case 'too_large':
      return limits.max !== undefined ? msg(str`Enter ${limits.max} or less.`) : msg('This number is too large.');
    case 'invalid_email':
      return msg('Enter an e-mail address like name@example.com.');
    case 'invalid_mobile':
      return msg('Enter a Saudi mobile number, like 05XXXXXXXX.');
    case 'invalid_national_id':
      return msg('Enter a valid 10-digit national ID or iqama number.');
    case 'invalid_reference':
      return msg('Enter the reference number as shown on your confirmation, like C-4F7K-2M9Q-X3TB.');
    case 'invalid_date':
      return msg('Enter a real date.');
    case 'date_incomplete':
      return msg('Enter the day, the month and the year.');
    case 'invalid_day':
      return msg('Enter a day that exists in this month.');
    case 'invalid_month':
      return msg('Enter a month from 1 to 12.');
    case 'invalid_year':
      return msg('Enter the year in 4 digits.');
    case 'date_in_future':
      return msg('The date must be today or in the past.');
    case 'date_too_early':
      return msg('Check the year: the date is too early.');
    case 'invalid_choice':
      return msg('Choose one of the options.');
    case 'invalid_number':
      return msg('Enter a whole number.');
    case 'invalid_characters':
      return msg('Remove the hidden or unsupported characters.');
    case 'must_accept':
      return msg('You must agree to continue.');
    case 'invalid_file_type':
      return msg('This type of file is not accepted. Use PDF, JPEG or PNG.');
    case 'file_too_large':
      return msg('This file is too large.');
    case 'anonymous_not_allowed':
      return msg('Only a suggestion can be sent without your name.');
    default:
      return msg('Check this answer.');
  }
}

/** What went wrong with a call, in words for the person filling the form. */
export function failureMessage(error: SilaError | undefined): string {
  switch (error?.kind) {
    case 'offline':
      return msg('You seem to be offline. Your answers are saved and will be sent when the connection returns.');
    case 'unreachable':
      // No answer while online: the service may be down, or refuse this site (CORS), which
      // does not fix itself. Say it was not sent, and what to do.
      return msg(
        'Not sent: the service did not answer this site. Your answers are kept on this device and we will try again while this page is open. If it keeps failing, contact the association and tell them the form could not be sent.',
      );
    case 'timeout':
    case 'server':
      return msg('The service is not answering right now. Your answers are saved and will be sent automatically.');
    case 'rate_limited': {
      if (error.retryAfterMs === undefined) return msg('Too many attempts. Please wait a little and try again.');
      // Rounded up to the minute: trying at the time shown must never be too early.
      const at = formatClockTime(Math.ceil((error.at + error.retryAfterMs) / MINUTE_MS) * MINUTE_MS);
      return msg(str`Too many attempts. Your answers are kept; you can send them again at ${at}.`);
    }
    case 'validation':
      return msg('Some answers need to be corrected.');
    case 'conflict':
      return msg('This was already received.');
    case 'invalid_response':
      return msg('The service sent an unexpected answer. Please try again later.');
    default:
      return msg('Something went wrong. Your answers are kept; please try again.');
  }
}
