/** Fills <sila-complaint-form> with a valid complaint, as a person would. */
import { choose, tick, typeInto } from './helpers.js';

export const VALID = {
  subject: 'تأخر الرد على طلبي',
  description: 'قدمت طلب مساعدة قبل شهر ولم يصلني أي رد حتى الآن.',
  name: 'محمد عبدالله',
  mobile: '0551234567',
};

export function fillValidComplaint(el: Element, overrides: Partial<typeof VALID> = {}): void {
  const values = { ...VALID, ...overrides };
  choose(el, 'kind', 'complaint');
  choose(el, 'category', 'delay');
  typeInto(el, 'subject', values.subject);
  typeInto(el, 'description', values.description);
  typeInto(el, 'contact.name', values.name);
  typeInto(el, 'contact.mobile', values.mobile);
  tick(el, 'consent.accepted');
}
