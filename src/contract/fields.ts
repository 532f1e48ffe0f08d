/**
 * Field schemas shared by every payload (zod/mini keeps the browser bundle small).
 * Each check names its error code (see codes.ts); no user-facing text lives here.
 *
 * The PURE annotation before each `.check(…)` chain, and NO_SIDE_EFFECTS on the helpers:
 * zod marks its constructors pure, but a method called on one is a call the bundler must
 * keep, so without them every widget's single file carried every schema of each contract
 * module it imports one name from (the rating carried the national-ID and e-mail checks).
 * Building a schema has no side effect. Keep them on new top-level chains. Each top-level
 * schema is also `lazy(() => …)` (lazy.ts): built on first use, not when the script runs.
 */
import * as z from 'zod/mini';
import { lazy } from './lazy.js';
import { hasForbiddenIdentifierChars, hasForbiddenTextChars, normalizeDigits } from './digits.js';
import {
  isReference,
  isSaudiMobile,
  isSaudiNationalId,
  normalizeNationalId,
  normalizeReference,
  toSaudiMobileE164,
} from './identifiers.js';
import {
  CHOICE_ID_MAX_LENGTH,
  EMAIL_MAX_LENGTH,
  MOBILE_MAX_LENGTH,
  NATIONAL_ID_MAX_LENGTH,
  PERSON_NAME,
  REFERENCE_MAX_LENGTH,
  type TextLimits,
} from './limits.js';

/** Zero-width and invisible formatting characters: a value made only of them is empty. */
const INVISIBLE = /[\u200b-\u200f\u2060\ufeff\u202a-\u202e\u2066-\u2069]/g;
const visibleLength = (value: string) => value.replace(INVISIBLE, '').trim().length;

/**
 * Free text (subject, description, comment): trimmed, length-limited, no NUL or lone surrogates.
 * The visible-length check names its minimum like zod's own checks do, so the error says it.
 */
/* @__NO_SIDE_EFFECTS__ */ export function text(min: number, max: number) {
  return /* @__PURE__ */ z.string({ error: 'required' }).check(
    z.trim(),
    z.minLength(1, { error: 'required' }),
    z.minLength(Math.max(min, 1), { error: 'too_short' }),
    z.refine((value) => visibleLength(value) > 0, { error: 'required' }),
    z.refine((value) => visibleLength(value) >= min, { error: 'too_short', params: { minimum: min } }),
    z.maxLength(max, { error: 'too_long' }),
    z.refine((value) => !hasForbiddenTextChars(value), { error: 'invalid_characters' }),
  );
}

/** Free text held to one of the contract's limits (limits.ts). */
/* @__NO_SIDE_EFFECTS__ */ export function textWithin(limits: TextLimits) {
  return text(limits.minLength, limits.maxLength);
}

/** Optional free text: empty becomes absent. */
/* @__NO_SIDE_EFFECTS__ */ export function optionalText(max: number) {
  return z.optional(
    z.pipe(
      /* @__PURE__ */ z.string().check(
        z.trim(),
        z.maxLength(max, { error: 'too_long' }),
        z.refine((value) => !hasForbiddenTextChars(value), { error: 'invalid_characters' }),
      ),
      z.transform((value) => (value === '' ? undefined : value)),
    ),
  );
}

/** A person's name: identifiers must not hide bidi controls (spoofing in staff views). */
export const personName = /* @__PURE__ */ lazy(() =>
  z.string({ error: 'required' }).check(
    z.trim(),
    z.minLength(1, { error: 'required' }),
    z.minLength(PERSON_NAME.minLength, { error: 'too_short' }),
    z.refine((value) => visibleLength(value) > 0, { error: 'required' }),
    z.refine((value) => visibleLength(value) >= PERSON_NAME.minLength, {
      error: 'too_short',
      params: { minimum: PERSON_NAME.minLength },
    }),
    z.maxLength(PERSON_NAME.maxLength, { error: 'too_long' }),
    z.refine((value) => !hasForbiddenIdentifierChars(value) && !hasForbiddenTextChars(value), {
      error: 'invalid_characters',
    }),
  ),
);

/* @__NO_SIDE_EFFECTS__ */ function identifier(max: number) {
  return /* @__PURE__ */ z.string({ error: 'required' }).check(
    z.trim(),
    z.minLength(1, { error: 'required' }),
    z.maxLength(max, { error: 'too_long' }),
    z.refine((value) => !hasForbiddenIdentifierChars(value), { error: 'invalid_characters', abort: true }),
  );
}

/** Saudi mobile in any usual form, any digits; the parsed value is E.164. */
export const saudiMobile = /* @__PURE__ */ lazy(() =>
  z.pipe(
    /* @__PURE__ */ identifier(MOBILE_MAX_LENGTH).check(z.refine(isSaudiMobile, { error: 'invalid_mobile' })),
    z.transform((value) => toSaudiMobileE164(value)!),
  ),
);

/** Saudi national ID or iqama; the parsed value is 10 Latin digits. */
export const nationalId = /* @__PURE__ */ lazy(() =>
  z.pipe(
    /* @__PURE__ */ identifier(NATIONAL_ID_MAX_LENGTH).check(
      z.refine(isSaudiNationalId, { error: 'invalid_national_id' }),
    ),
    z.transform(normalizeNationalId),
  ),
);

/** E-mail; lower-cased domain is left to the mail system, only trimmed here. */
export const email = /* @__PURE__ */ lazy(() =>
  identifier(EMAIL_MAX_LENGTH).check(z.email({ error: 'invalid_email' })),
);

/** Optional e-mail: an empty string means none. */
export const optionalEmail = /* @__PURE__ */ lazy(() =>
  z.optional(
    z.pipe(
      /* @__PURE__ */ z.string().check(z.trim()),
      z.union([
        z.pipe(
          z.literal(''),
          z.transform(() => undefined),
        ),
        email,
      ]),
    ),
  ),
);

/** A reference number as people type it; the parsed value is canonical (C4F7K2M9QX3TB). */
export const reference = /* @__PURE__ */ lazy(() =>
  z.pipe(
    /* @__PURE__ */ identifier(REFERENCE_MAX_LENGTH).check(z.refine(isReference, { error: 'invalid_reference' })),
    z.transform(normalizeReference),
  ),
);

/** Optional reference: empty means none. */
export const optionalReference = /* @__PURE__ */ lazy(() =>
  z.optional(
    z.pipe(
      /* @__PURE__ */ z.string().check(z.trim()),
      z.union([
        z.pipe(
          z.literal(''),
          z.transform(() => undefined),
        ),
        reference,
      ]),
    ),
  ),
);

/** An integer typed in any digits (form inputs are strings; JSON may send numbers). */
/* @__NO_SIDE_EFFECTS__ */ export function integer(min: number, max: number) {
  return z.pipe(
    z.union([z.number(), z.string()]),
    z.pipe(
      z.transform((value: number | string) =>
        typeof value === 'number' ? value : value.trim() === '' ? Number.NaN : Number(normalizeDigits(value.trim())),
      ),
      /* @__PURE__ */ z
        .number({ error: 'invalid_number' })
        .check(
          z.int({ error: 'invalid_number' }),
          z.gte(min, { error: 'too_small' }),
          z.lte(max, { error: 'too_large' }),
        ),
    ),
  );
}

/** ISO calendar date (YYYY-MM-DD, Gregorian). */
export const isoDate = /* @__PURE__ */ lazy(() =>
  z.string({ error: 'required' }).check(
    z.minLength(1, { error: 'required' }),
    z.regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'invalid_date' }),
    z.refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), { error: 'invalid_date' }),
  ),
);

/** Id of an item of the association's configured lists (services, categories). */
export const choiceId = /* @__PURE__ */ lazy(() =>
  z
    .string({ error: 'required' })
    .check(
      z.minLength(1, { error: 'required' }),
      z.maxLength(CHOICE_ID_MAX_LENGTH, { error: 'too_long' }),
      z.regex(/^[a-z0-9][a-z0-9_-]*$/, { error: 'invalid_choice' }),
    ),
);

/** A signed statement: the box was ticked, for this version of the text. */
export const acceptance = /* @__PURE__ */ lazy(() =>
  z.object({
    accepted: z.literal(true, { error: 'must_accept' }),
    version: /* @__PURE__ */ z.string().check(z.minLength(1), z.maxLength(64), z.regex(/^[\w.-]+$/)),
  }),
);

export const locale = z.enum(['ar', 'en']);

/** The channel a submission came through (staff record the others at intake). */
export const CHANNELS = ['website', 'walk_in', 'phone', 'email', 'social', 'letter'] as const;
export type Channel = (typeof CHANNELS)[number];
export const channel = z.enum(CHANNELS);

/**
 * What the widget tells the server about how the form was filled: the language, the
 * time spent (a bot fills in under a second) and the honeypot (people leave it empty).
 */
export const clientMeta = /* @__PURE__ */ lazy(() =>
  z.object({
    locale: z.optional(locale),
    fillMs: z.optional(/* @__PURE__ */ z.number().check(z.int(), z.gte(0))),
    hp: z.optional(/* @__PURE__ */ z.string().check(z.maxLength(500))),
    captchaToken: z.optional(/* @__PURE__ */ z.string().check(z.maxLength(4096))),
    page: z.optional(/* @__PURE__ */ z.string().check(z.maxLength(500))),
  }),
);
