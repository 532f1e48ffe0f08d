/** What to tell the person when their answer did not go through: what happened, what to do. */
import { msg } from '@lit/localize';
import type { SilaError } from '../../client/errors.js';

export interface ReplyFailure {
  title: string;
  body: string;
}

export function replyFailure(error: SilaError): ReplyFailure {
  if (error.problem?.code === 'not_awaiting_reply')
    return {
      title: msg('The team is no longer waiting for an answer'),
      body: msg('The status has changed since you looked it up. Check the status again to see where it stands.'),
    };
  switch (error.kind) {
    case 'not_found':
      return {
        title: msg('Your answer was not sent'),
        body: msg('The reference number and code no longer match. Look the status up again, then send your answer.'),
      };
    case 'rate_limited':
      return {
        title: msg('Your answer was not sent'),
        body: msg('Too many attempts. Your answer is kept on this page: wait a little, then send it again.'),
      };
    case 'offline':
      return {
        title: msg('Your answer was not sent'),
        body: msg('You seem to be offline. Your answer is kept: send it again when the connection returns.'),
      };
    default:
      return {
        title: msg('Your answer was not sent'),
        body: msg(
          'We could not reach the service. Your answer is kept on this page: send it again in a few minutes. It will not be received twice.',
        ),
      };
  }
}
