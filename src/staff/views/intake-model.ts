/**
 * Intake at the reception desk (officer): what was received, through which channel, and
 * the payload built from the same fields and contract schemas as the public widgets.
 * Pure: no Lit element, no network, so it can be reasoned about and tested alone.
 */
import { msg } from '@lit/localize';
import * as z from 'zod/mini';
import { ANONYMOUS_KINDS, complaintSchema, type ComplaintKind } from '../../contract/complaint.js';
import { DEFAULT_FORM_CONFIG, type FormConfig } from '../../contract/form-config.js';
import type { FieldError } from '../../contract/problem.js';
import { requestSchema } from '../../contract/request.js';
import { INTAKE_CHANNELS } from '../../contract/staff.js';
import type { FormValues, Validation } from '../../core/form-controller.js';
import { validateWith } from '../../core/validate.js';
import type { Choice } from '../../fields/choice-group.js';
import type { SummaryField } from '../../fields/error-summary.js';
import { channelLabel } from '../labels.js';
import {
  FIELD_ORDER as COMPLAINT_FIELD_ORDER,
  summaryFields as complaintSummaryFields,
} from '../../widgets/complaint-form/complaint-fields.js';
import { STEP_FIELDS, summaryFields as requestSummaryFields } from '../../widgets/request-form/request-fields.js';

/** A service request, or a complaint / suggestion / inquiry / compensation claim. */
export const INTAKE_TYPES = ['request', 'complaint'] as const;
export type IntakeType = (typeof INTAKE_TYPES)[number];

/** The first two questions: how it came in and what it is. */
export const intakeStartSchema = z.object({
  channel: z.enum(INTAKE_CHANNELS, { error: 'required' }),
  type: z.enum(INTAKE_TYPES, { error: 'required' }),
});

export const START_FIELDS = ['channel', 'type'] as const;

export const EMPTY_START: FormValues = { channel: '', type: '' };

/** The request form's steps that intake asks, in order (no documents: they are seen at the desk). */
export const REQUEST_FIELD_ORDER: readonly string[] = [
  ...STEP_FIELDS.applicant,
  ...STEP_FIELDS.household,
  ...STEP_FIELDS.service,
  ...STEP_FIELDS.declaration,
];

/** Every field empty: the same paths the widgets use, so their templates and errors fit. */
export const EMPTY_REQUEST: FormValues = Object.fromEntries(
  REQUEST_FIELD_ORDER.map((name) => [name, name.endsWith('.accepted') ? false : '']),
);

export const EMPTY_COMPLAINT: FormValues = {
  ...Object.fromEntries(
    COMPLAINT_FIELD_ORDER.filter((name) => !name.startsWith('attachments.')).map((name) => [name, '']),
  ),
  kind: 'complaint',
  anonymous: false,
  contactChannel: 'phone',
  'consent.accepted': false,
};

export { COMPLAINT_FIELD_ORDER };

/** The console's one set of channel names (labels.ts), so the inbox and intake agree. */
export function channelChoices(): Choice[] {
  return INTAKE_CHANNELS.map((value) => ({ value, label: channelLabel(value) }));
}

export function typeChoices(): Choice[] {
  return [
    {
      value: 'request',
      label: msg('Service request'),
      hint: msg('Support from the association, studied by the research committee.'),
    },
    { value: 'complaint', label: msg('Complaint, suggestion or inquiry'), hint: msg('Also a compensation claim.') },
  ];
}

/** Labels for the error summary: the start questions, then the chosen form's fields. */
export function intakeSummaryFields(type: IntakeType): Record<string, SummaryField> {
  const own = type === 'request' ? requestSummaryFields() : complaintSummaryFields();
  return {
    channel: { label: msg('Received through') },
    type: { label: msg('What was received') },
    ...own,
    'declaration.accepted': { label: msg('Declaration') },
    'consent.accepted': { label: msg('Privacy notice') },
  };
}

type Versions = NonNullable<FormConfig['textVersions']>;

function versionsOf(config: FormConfig): Versions {
  return config.textVersions ?? DEFAULT_FORM_CONFIG.textVersions!;
}

const textOf = (values: FormValues, name: string) => (typeof values[name] === 'string' ? (values[name] as string) : '');

/**
 * The request payload, as the public form builds it. The channel goes beside it (the
 * intake body's own `channel`), not in it.
 */
export function requestPayload(values: FormValues, config: FormConfig): unknown {
  const text = (name: string) => textOf(values, name);
  const size = text('household.householdSize');
  const versions = versionsOf(config);
  return {
    audience: 'beneficiary',
    applicant: {
      fullName: text('applicant.fullName'),
      nationalId: text('applicant.nationalId'),
      mobile: text('applicant.mobile'),
      email: text('applicant.email'),
      city: text('applicant.city'),
      birthDate: text('applicant.birthDate'),
    },
    household: {
      // Empty means "not answered" (required), not "not a number".
      householdSize: size.trim() === '' ? undefined : size,
      incomeBracket: text('household.incomeBracket'),
      employment: text('household.employment'),
      housing: text('household.housing'),
    },
    service: text('service'),
    description: text('description'),
    declaration: { accepted: values['declaration.accepted'] === true, version: versions.declaration },
    consent: { accepted: values['consent.accepted'] === true, version: versions.consent },
  };
}

/** The complaint payload, as the public form builds it (the channel goes beside it). */
export function complaintPayload(values: FormValues, config: FormConfig): unknown {
  const kind = textOf(values, 'kind') as ComplaintKind;
  const anonymous = ANONYMOUS_KINDS.includes(kind) && values.anonymous === true;
  return {
    kind,
    category: textOf(values, 'category'),
    subject: textOf(values, 'subject'),
    description: textOf(values, 'description'),
    relatedReference: textOf(values, 'relatedReference'),
    anonymous,
    contactChannel: anonymous ? undefined : textOf(values, 'contactChannel') || 'phone',
    contact: anonymous
      ? undefined
      : {
          name: textOf(values, 'contact.name'),
          mobile: textOf(values, 'contact.mobile'),
          email: textOf(values, 'contact.email'),
        },
    consent: { accepted: values['consent.accepted'] === true, version: versionsOf(config).consent },
  };
}

/** Validates one kind's fields with the public contract schema (the server runs the same). */
export function validateIntake(type: IntakeType, values: FormValues, config: FormConfig): Validation<unknown> {
  return type === 'request'
    ? validateWith(requestSchema, requestPayload(values, config))
    : validateWith(complaintSchema, complaintPayload(values, config));
}

/**
 * Where a server field error belongs: paths of the whole body ("payload.applicant.mobile")
 * or of the payload alone ("applicant.mobile"); the top-level `kind` is the start question.
 */
export function splitServerErrors(errors: readonly FieldError[]): { start: FieldError[]; form: FieldError[] } {
  const start: FieldError[] = [];
  const form: FieldError[] = [];
  for (const error of errors) {
    if (error.path === 'channel' || error.path === 'payload.channel') start.push({ ...error, path: 'channel' });
    else if (error.path === 'kind') start.push({ ...error, path: 'type' });
    else form.push({ ...error, path: error.path.replace(/^payload\.?/, '') || 'type' });
  }
  return { start, form };
}
