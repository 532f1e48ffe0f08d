/**
 * Personal data rights (PDPL) in the staff API: find everything held about one person,
 * export it, correct it, erase it (docs/staff-side.md, "Personal data rights and
 * retention"). The person is found by an exact national ID, mobile or case reference,
 * sent in the body, never in the URL.
 */
import * as z from 'zod/mini';
import { lazy } from './lazy.js';
import { STATUSES } from './status.js';
import { SUBMISSION_KINDS } from './staff.js';
import { optionalEmail, optionalReference, personName, saudiMobile, nationalId, text, isoDate } from './fields.js';

/** Exactly one of the three; the server matches it through keyed hashes, never a LIKE. */
export const privacySearchBody = /* @__PURE__ */ lazy(() =>
  z
    .strictObject({
      nationalId: z.optional(nationalId),
      mobile: z.optional(saudiMobile),
      reference: optionalReference,
    })
    .check(
      z.superRefine((value, ctx) => {
        const given = [value.nationalId, value.mobile, value.reference].filter(Boolean).length;
        if (given !== 1)
          ctx.issues.push({ code: 'custom', message: 'one_required', path: ['nationalId'], input: undefined });
      }),
    ),
);
export type PrivacySearchBody = z.output<typeof privacySearchBody>;

export const PRIVACY_EXPORT_FORMATS = ['json', 'csv'] as const;

/** Body of POST /v1/staff/privacy/export: the search, and the file's format. */
export const privacyExportBody = /* @__PURE__ */ lazy(() =>
  z.strictObject({
    nationalId: z.optional(nationalId),
    mobile: z.optional(saudiMobile),
    reference: optionalReference,
    format: z.enum(PRIVACY_EXPORT_FORMATS, { error: 'invalid_choice' }),
  }),
);

const version = /* @__PURE__ */ lazy(() =>
  z.number({ error: 'required' }).check(z.int({ error: 'invalid_number' }), z.gte(1, { error: 'too_small' })),
);

/**
 * The fields a correction may change, with the public form's own checks: a request's
 * applicant (fullName, nationalId, mobile, email, city, birthDate), a complaint's contact
 * (name, mobile, email). Which apply is decided by the case's kind on the server.
 */
export const CORRECTABLE_FIELDS = ['fullName', 'name', 'nationalId', 'mobile', 'email', 'city', 'birthDate'] as const;
export type CorrectableField = (typeof CORRECTABLE_FIELDS)[number];

export const privacyCorrectBody = /* @__PURE__ */ lazy(() =>
  z.strictObject({
    version,
    changes: z.strictObject({
      fullName: z.optional(personName),
      name: z.optional(personName),
      nationalId: z.optional(nationalId),
      mobile: z.optional(saudiMobile),
      email: optionalEmail,
      city: z.optional(text(2, 60)),
      birthDate: z.optional(isoDate),
    }),
  }),
);
export type PrivacyCorrectBody = z.output<typeof privacyCorrectBody>;

/** Erasing asks for the case's reference typed again: it cannot be undone. */
export const privacyEraseBody = /* @__PURE__ */ lazy(() =>
  z.strictObject({
    version,
    confirm: z.string({ error: 'required' }).check(z.maxLength(40, { error: 'too_long' })),
  }),
);
export type PrivacyEraseBody = z.output<typeof privacyEraseBody>;

/** One case held about the person, as the privacy view lists it (unmasked: admins only). */
export const privacyCase = /* @__PURE__ */ lazy(() =>
  z.object({
    reference: z.string(),
    kind: z.enum(SUBMISSION_KINDS),
    status: z.enum(STATUSES),
    channel: z.string(),
    receivedAt: z.string(),
    updatedAt: z.string(),
    version: z.number(),
    /** Set once the person's data in this case was erased. */
    anonymisedAt: z.optional(z.string()),
    /** The person as the case holds them (applicant of a request, contact of a complaint). */
    person: z.record(z.string(), z.string()),
    /** Which fields a correction may change for this case (none once anonymised). */
    correctable: z.array(z.enum(CORRECTABLE_FIELDS)),
    held: z.object({
      attachments: z.number(),
      messages: z.number(),
      historyEntries: z.number(),
      rating: z.boolean(),
    }),
  }),
);
export type PrivacyCase = z.output<typeof privacyCase>;

export const privacySearchResult = /* @__PURE__ */ lazy(() => z.object({ cases: z.array(privacyCase) }));
export type PrivacySearchResult = z.output<typeof privacySearchResult>;
