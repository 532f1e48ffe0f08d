/**
 * What the complaint form asks, in the order it asks it: labels, hints and limits.
 * Functions, not constants, so every label is read in the active language at render.
 */
import { msg } from '@lit/localize';
import type { ComplaintKind } from '../../contract/complaint.js';
import { COMPLAINT_SUBJECT, DESCRIPTION, PERSON_NAME } from '../../contract/limits.js';
import type { Choice } from '../../fields/choice-group.js';
import type { SummaryField } from '../../fields/error-summary.js';

/** Field names are payload paths, so the schema's and the server's errors land on them. */
export const FIELD_ORDER = [
  'kind',
  'category',
  'subject',
  'description',
  'relatedReference',
  'attachments.evidence',
  'anonymous',
  'contact.name',
  'contact.mobile',
  'contact.email',
  'contactChannel',
  'consent.accepted',
] as const;

/** The one document a complaint may carry (an attachment kind the server accepts). */
export const EVIDENCE_KIND = 'evidence';

/** The contract's limits per field: the schema is built from the same constants. */
export const LIMITS = {
  subject: COMPLAINT_SUBJECT,
  description: DESCRIPTION,
  name: PERSON_NAME,
} as const;

export function evidenceLabel(): string {
  return msg('Supporting document');
}

export function kindChoices(): Choice[] {
  return [
    { value: 'complaint', label: msg('Complaint'), hint: msg('Something went wrong and you want it put right.') },
    { value: 'suggestion', label: msg('Suggestion'), hint: msg('An idea to improve our services. Can be anonymous.') },
    { value: 'inquiry', label: msg('Inquiry'), hint: msg('A question about our services or your request.') },
    {
      value: 'compensation',
      label: msg('Compensation claim'),
      hint: msg('You believe the association breached a right of yours and you ask for redress.'),
    },
  ];
}

/** Whole sentences per kind: Arabic nouns change the words around them. */
export function sendLabel(kind: ComplaintKind): string {
  switch (kind) {
    case 'suggestion':
      return msg('Send suggestion');
    case 'inquiry':
      return msg('Send inquiry');
    case 'compensation':
      return msg('Send compensation claim');
    default:
      return msg('Send complaint');
  }
}

export function receivedTitle(kind: ComplaintKind): string {
  switch (kind) {
    case 'suggestion':
      return msg('We received your suggestion');
    case 'inquiry':
      return msg('We received your inquiry');
    case 'compensation':
      return msg('We received your compensation claim');
    default:
      return msg('We received your complaint');
  }
}

export function contactChannelChoices(): Choice[] {
  return [
    { value: 'phone', label: msg('Phone call or SMS') },
    { value: 'email', label: msg('E-mail') },
  ];
}

/** What a field says when left empty: it names the field, as a Saudi association's form does. */
export function requiredMessages(): Record<string, string> {
  return {
    category: msg('Choose the topic.'),
    subject: msg('Write the subject in a few words.'),
    description: msg('Write the details.'),
    'contact.name': msg('Enter your full name.'),
    'contact.mobile': msg('Enter your mobile number.'),
    'contact.email': msg('Enter your e-mail address.'),
  };
}

/** Labels (and limits) for the error summary, keyed by field name. */
export function summaryFields(): Record<string, SummaryField> {
  const required = requiredMessages();
  return {
    kind: { label: msg('Type of message') },
    category: { label: msg('Topic'), required: required.category },
    subject: { label: msg('Subject'), required: required.subject, ...LIMITS.subject },
    description: { label: msg('Details'), required: required.description, ...LIMITS.description },
    relatedReference: { label: msg('Related reference number') },
    'attachments.evidence': { label: evidenceLabel() },
    anonymous: { label: msg('Send without my name') },
    'contact.name': { label: msg('Full name'), required: required['contact.name'], ...LIMITS.name },
    'contact.mobile': { label: msg('Mobile number'), required: required['contact.mobile'] },
    'contact.email': { label: msg('E-mail address'), required: required['contact.email'] },
    contactChannel: { label: msg('How should we contact you?') },
    'consent.accepted': { label: msg('Privacy notice') },
  };
}
