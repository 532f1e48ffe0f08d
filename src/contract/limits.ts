/**
 * Every length and count a payload is held to, in one place: the zod schemas are built
 * from these, and so are the widgets' fields (maxlength, the character counter, the
 * "no more than N" message). Change a limit here and both sides follow.
 */

/** Bounds of a free-text answer, in visible characters after trimming. */
export interface TextLimits {
  readonly minLength: number;
  readonly maxLength: number;
}

/** Bounds of a whole number. */
export interface NumberLimits {
  readonly min: number;
  readonly max: number;
}

export const PERSON_NAME: TextLimits = { minLength: 2, maxLength: 100 };
export const COMPLAINT_SUBJECT: TextLimits = { minLength: 3, maxLength: 120 };
/** A complaint's details and a request's description of the need. */
export const DESCRIPTION: TextLimits = { minLength: 10, maxLength: 2000 };
export const CITY: TextLimits = { minLength: 2, maxLength: 60 };
export const HOUSEHOLD_SIZE: NumberLimits = { min: 1, max: 30 };

export const RATING_COMMENT_MAX_LENGTH = 1000;
/** What is rated when there is no reference (a page path, a service name). */
export const RATING_CONTEXT_MAX_LENGTH = 200;
/** A rating token (server/ratings/proof.ts: 'rt1.' and 24 base64url characters), with room. */
export const RATING_TOKEN_MAX_LENGTH = 64;

/** Identifiers as people type them (spaces, dashes, other digits) before normalising. */
export const MOBILE_MAX_LENGTH = 24;
export const NATIONAL_ID_MAX_LENGTH = 20;
export const EMAIL_MAX_LENGTH = 254;
export const REFERENCE_MAX_LENGTH = 40;
/** The last 4 digits of a mobile, or an anonymous sender's follow-up code. */
export const VERIFIER_MAX_LENGTH = 12;
/** Ids of the association's configured lists (services, categories). */
export const CHOICE_ID_MAX_LENGTH = 64;
