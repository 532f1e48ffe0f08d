/**
 * What the request form asks, step by step: labels, hints, choices and limits.
 * Functions, not constants, so every label is read in the active language at render.
 * The audience changes the words (an applicant or a general-assembly member, seed 002).
 */
import { msg } from '@lit/localize';
import { EMPLOYMENT, HOUSING, INCOME_BRACKETS, type Audience } from '../../contract/request.js';
import { CITY, DESCRIPTION, HOUSEHOLD_SIZE, PERSON_NAME } from '../../contract/limits.js';
import type { Choice } from '../../fields/choice-group.js';
import type { SummaryField } from '../../fields/error-summary.js';

export type StepId = 'applicant' | 'household' | 'service' | 'attachments' | 'review' | 'declaration';

/** Field names are payload paths, so the schema's and the server's errors land on them. */
export const STEP_FIELDS: Record<StepId, readonly string[]> = {
  applicant: [
    'applicant.fullName',
    'applicant.nationalId',
    'applicant.mobile',
    'applicant.email',
    'applicant.city',
    'applicant.birthDate',
  ],
  household: ['household.householdSize', 'household.incomeBracket', 'household.employment', 'household.housing'],
  service: ['service', 'description'],
  attachments: [],
  review: [],
  declaration: ['declaration.accepted', 'consent.accepted'],
};

/** The documents an applicant can add, in the order they are asked. */
export const ATTACHMENT_KINDS = ['id_copy', 'income_proof', 'other'] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

/** The contract's limits per field: the schema is built from the same constants. */
export const LIMITS = {
  fullName: PERSON_NAME,
  city: CITY,
  householdSize: HOUSEHOLD_SIZE,
  description: DESCRIPTION,
} as const;

export function formHeading(audience: Audience): string {
  return audience === 'member' ? msg('Member service request') : msg('Service request');
}

export function formLead(audience: Audience): string {
  return audience === 'member'
    ? msg('Request a service as a member of the general assembly. Your answers are saved on this device as you go.')
    : msg(
        'Apply for the association’s support. It takes about 10 minutes; your answers are saved on this device as you go.',
      );
}

export function stepTitle(step: StepId, audience: Audience): string {
  switch (step) {
    case 'applicant':
      return audience === 'member' ? msg('Member details') : msg('Applicant details');
    case 'household':
      return msg('Household and situation');
    case 'service':
      return msg('The service requested');
    case 'attachments':
      return msg('Documents');
    case 'review':
      return msg('Check your answers');
    case 'declaration':
      return msg('Declaration and sending');
  }
}

export function incomeChoices(): Choice[] {
  const labels: Record<(typeof INCOME_BRACKETS)[number], string> = {
    none: msg('No income'),
    under_3000: msg('Less than 3,000 SAR a month'),
    '3000_5999': msg('3,000 to 5,999 SAR a month'),
    '6000_9999': msg('6,000 to 9,999 SAR a month'),
    '10000_plus': msg('10,000 SAR a month or more'),
  };
  return INCOME_BRACKETS.map((value) => ({ value, label: labels[value] }));
}

export function employmentChoices(): Choice[] {
  const labels: Record<(typeof EMPLOYMENT)[number], string> = {
    employed: msg('Employed'),
    unemployed: msg('Not working'),
    retired: msg('Retired'),
    student: msg('Student'),
    other: msg('Other'),
  };
  return EMPLOYMENT.map((value) => ({ value, label: labels[value] }));
}

export function housingChoices(): Choice[] {
  const labels: Record<(typeof HOUSING)[number], string> = {
    owned: msg('Own home'),
    rented: msg('Rented'),
    with_family: msg('Living with relatives'),
    other: msg('Other'),
  };
  return HOUSING.map((value) => ({ value, label: labels[value] }));
}

export function attachmentLabel(kind: string): string {
  switch (kind) {
    case 'id_copy':
      return msg('Copy of the national ID or iqama');
    case 'income_proof':
      return msg('Proof of income');
    default:
      return msg('Other supporting document');
  }
}

/** What a field says when left empty: it names the field, as a Saudi association's form does. */
export function requiredMessages(): Record<string, string> {
  return {
    'applicant.fullName': msg('Enter your full name.'),
    'applicant.nationalId': msg('Enter your national ID or iqama number.'),
    'applicant.mobile': msg('Enter your mobile number.'),
    'applicant.city': msg('Enter your city.'),
    'applicant.birthDate': msg('Enter your date of birth.'),
    'household.householdSize': msg('Enter the number of people in the household.'),
    'household.incomeBracket': msg('Choose the monthly household income.'),
    'household.employment': msg('Choose your work situation.'),
    'household.housing': msg('Choose your housing.'),
    service: msg('Choose the service you need.'),
    description: msg('Describe your need.'),
  };
}

/** Labels (and limits) for the error summary and the review, keyed by field name. */
export function summaryFields(): Record<string, SummaryField> {
  const fields: Record<string, SummaryField> = {
    'applicant.fullName': { label: msg('Full name'), ...LIMITS.fullName },
    'applicant.nationalId': { label: msg('National ID or iqama number') },
    'applicant.mobile': { label: msg('Mobile number') },
    'applicant.email': { label: msg('E-mail address') },
    'applicant.city': { label: msg('City'), ...LIMITS.city },
    'applicant.birthDate': { label: msg('Date of birth') },
    'household.householdSize': { label: msg('Number of people in the household'), ...LIMITS.householdSize },
    'household.incomeBracket': { label: msg('Monthly household income') },
    'household.employment': { label: msg('Work') },
    'household.housing': { label: msg('Housing') },
    service: { label: msg('Service') },
    description: { label: msg('Describe your need'), ...LIMITS.description },
    'declaration.accepted': { label: msg('Declaration') },
    'consent.accepted': { label: msg('Privacy notice') },
  };
  for (const kind of ATTACHMENT_KINDS) fields[`attachments.${kind}`] = { label: attachmentLabel(kind) };
  for (const [name, required] of Object.entries(requiredMessages())) fields[name] = { ...fields[name]!, required };
  return fields;
}
