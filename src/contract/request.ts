/**
 * The service request (beneficiary) or member service request payload, one part per
 * step of the multi-step form.
 */
import * as z from 'zod/mini';
import { lazy } from './lazy.js';
import {
  acceptance,
  channel,
  choiceId,
  clientMeta,
  integer,
  isoDate,
  nationalId,
  optionalEmail,
  personName,
  saudiMobile,
  textWithin,
} from './fields.js';
import { CITY, DESCRIPTION, HOUSEHOLD_SIZE } from './limits.js';
import { AUDIENCES } from './kinds.js';
import type { requestCreated } from './answers.js';

export { AUDIENCES };
export { requestCreated } from './answers.js';
export type Audience = (typeof AUDIENCES)[number];

export const applicantPart = /* @__PURE__ */ lazy(() =>
  z.object({
    fullName: personName,
    nationalId,
    mobile: saudiMobile,
    email: optionalEmail,
    city: textWithin(CITY),
    birthDate: isoDate,
  }),
);

export const INCOME_BRACKETS = ['none', 'under_3000', '3000_5999', '6000_9999', '10000_plus'] as const;
export const EMPLOYMENT = ['employed', 'unemployed', 'retired', 'student', 'other'] as const;
export const HOUSING = ['owned', 'rented', 'with_family', 'other'] as const;

export const householdPart = /* @__PURE__ */ lazy(() =>
  z.object({
    householdSize: integer(HOUSEHOLD_SIZE.min, HOUSEHOLD_SIZE.max),
    incomeBracket: z.enum(INCOME_BRACKETS, { error: 'invalid_choice' }),
    employment: z.enum(EMPLOYMENT, { error: 'invalid_choice' }),
    housing: z.enum(HOUSING, { error: 'invalid_choice' }),
  }),
);

export const servicePart = /* @__PURE__ */ lazy(() =>
  z.object({
    service: choiceId,
    description: textWithin(DESCRIPTION),
  }),
);

export const requestSchema = /* @__PURE__ */ lazy(() =>
  z.object({
    audience: z.optional(z.enum(AUDIENCES)),
    applicant: applicantPart,
    /** Optional step: an association may switch it off. */
    household: z.optional(householdPart),
    ...servicePart.shape,
    /** "I confirm the data is correct and I bear direct responsibility for it." */
    declaration: acceptance,
    /** The privacy notice (PDPL) the applicant agreed to. */
    consent: z.optional(acceptance),
    channel: z.optional(channel),
    client: z.optional(clientMeta),
  }),
);

export type RequestInput = z.input<typeof requestSchema>;
export type ServiceRequest = z.output<typeof requestSchema>;

export type RequestCreated = z.output<typeof requestCreated>;
