/**
 * The fields a person sees hold the same limits as the contract the server enforces:
 * each rendered `maxlength` and character counter is read back from the page and checked
 * against the zod schema for that payload path (the longest value passes, one more
 * character is too long), and the error under the field names the contract's limit.
 */
import { expect, fixture, html } from '@open-wc/testing';
import type * as z from 'zod/mini';
import '../../src/widgets/complaint-form/complaint-form.js';
import '../../src/widgets/request-form/request-form.js';
import '../../src/widgets/status-lookup/status-lookup.js';
import '../../src/widgets/rating/rating.js';
import { complaintDetailsPart, contactPart } from '../../src/contract/complaint.js';
import { applicantPart, householdPart, servicePart } from '../../src/contract/request.js';
import { lookupSchema } from '../../src/contract/lookup.js';
import { ratingSchema } from '../../src/contract/rating.js';
import { toFieldErrors } from '../../src/contract/issues.js';
import { email } from '../../src/contract/fields.js';
import { setLocale } from '../../src/core/i18n.js';
import { LIMITS as REQUEST_LIMITS } from '../../src/widgets/request-form/request-fields.js';
import { DEAD_ENDPOINT, errorText, resetPage, shadow, typeInto, until } from './helpers.js';

/** The schema of every field that carries a length limit, by its payload path. */
const SCHEMAS: Record<string, z.ZodMiniType> = {
  subject: complaintDetailsPart.shape.subject,
  description: complaintDetailsPart.shape.description,
  'contact.name': contactPart.shape.name,
  'applicant.fullName': applicantPart.shape.fullName,
  'applicant.city': applicantPart.shape.city,
  reference: lookupSchema.shape.reference,
  verifier: lookupSchema.shape.verifier,
  comment: ratingSchema.shape.comment,
  /** The lookup's "forgot my reference": a mobile or an e-mail, held to the longer (e-mail). */
  contact: email,
};

/** The text field's maxlength leaves room for pastes (see PASTE_ROOM in text-field.ts). */
const PASTE_ROOM = 2;

function codesFor(schema: z.ZodMiniType, value: unknown): string[] {
  const result = schema.safeParse(value);
  return result.success ? [] : toFieldErrors(result.error.issues).map((error) => error.code);
}

/** Each limited field on the page and the limit it shows: `maxlength`, or the empty counter. */
function renderedLimits(el: Element): Map<string, number> {
  const root = shadow(el);
  const limits = new Map<string, number>();
  for (const input of root.querySelectorAll<HTMLInputElement>('input[maxlength]')) {
    // Parts of a composite field (a date's day, month, year: "applicant.birthDate#day") are
    // not payload paths; the schema checks the whole.
    if (input.name.includes('#')) continue;
    limits.set(input.name, Number(input.getAttribute('maxlength')) / PASTE_ROOM);
  }
  for (const area of root.querySelectorAll<HTMLTextAreaElement>('textarea')) {
    const counter = root.querySelector(`#${area.id}-count`)?.textContent ?? '';
    limits.set(area.name, Number(counter.match(/\d+/)?.[0]));
  }
  return limits;
}

/** A value only the length can fault: Arabic letters a name, a city or a subject accept. */
const letters = (length: number) => 'م'.repeat(length);

/** Every limited field on the page (at least `expected`) holds its schema's limit. */
function expectAgreement(limits: Map<string, number>, expected: readonly string[]): void {
  expect([...limits.keys()]).to.include.members([...expected]);
  for (const [name, limit] of limits) {
    const schema = SCHEMAS[name];
    expect(schema, `a schema for ${name}`).to.exist;
    expect(codesFor(schema!, letters(limit)), `${name}: ${limit} characters`).not.to.include('too_long');
    expect(codesFor(schema!, letters(limit + 1)), `${name}: ${limit + 1} characters`).to.include('too_long');
  }
}

describe('field limits agree with the contract', () => {
  beforeEach(async () => {
    await resetPage();
    await setLocale('en');
  });

  it('the complaint form: subject, details and name', async () => {
    const el = await fixture(html`<sila-complaint-form endpoint=${DEAD_ENDPOINT}></sila-complaint-form>`);
    expectAgreement(renderedLimits(el), ['subject', 'description', 'contact.name']);
  });

  it('the request form: the applicant step and the limits of the later steps', async () => {
    const el = await fixture(html`<sila-request-form endpoint=${DEAD_ENDPOINT}></sila-request-form>`);
    expectAgreement(renderedLimits(el), ['applicant.fullName', 'applicant.city']);
    const description = REQUEST_LIMITS.description;
    expect(codesFor(servicePart.shape.description, letters(description.maxLength + 1))).to.include('too_long');
    expect(codesFor(servicePart.shape.description, letters(description.minLength - 1))).to.include('too_short');
    const size = REQUEST_LIMITS.householdSize;
    expect(codesFor(householdPart.shape.householdSize, String(size.max))).to.deep.equal([]);
    expect(codesFor(householdPart.shape.householdSize, String(size.max + 1))).to.deep.equal(['too_large']);
    expect(codesFor(householdPart.shape.householdSize, String(size.min - 1))).to.deep.equal(['too_small']);
  });

  it('the status lookup: reference and verifier', async () => {
    const el = await fixture(html`<sila-status-lookup endpoint=${DEAD_ENDPOINT}></sila-status-lookup>`);
    expectAgreement(renderedLimits(el), ['reference', 'verifier']);
  });

  it('the rating: the comment counter', async () => {
    const el = await fixture(html`<sila-rating endpoint=${DEAD_ENDPOINT}></sila-rating>`);
    await until(() => shadow(el).querySelector('textarea'), 5_000, 'the comment box');
    expectAgreement(renderedLimits(el), ['comment']);
  });

  it('the error under a field names the limit the contract reported', async () => {
    const el = await fixture(html`<sila-complaint-form endpoint=${DEAD_ENDPOINT}></sila-complaint-form>`);
    const limit = renderedLimits(el).get('subject')!;
    typeInto(el, 'subject', letters(limit + 1));
    await until(() => errorText(el, 'subject'), 5_000, 'the subject error');
    expect(errorText(el, 'subject')).to.contain(`no more than ${limit} characters`);
    typeInto(el, 'subject', 'مم');
    await until(() => errorText(el, 'subject')?.includes('at least'), 5_000, 'the too-short error');
    expect(errorText(el, 'subject')).to.contain(`at least ${complaintMinimum()} characters`);
  });
});

/** The subject's minimum as the schema reports it with the error. */
function complaintMinimum(): number | undefined {
  const result = complaintDetailsPart.shape.subject.safeParse('مم');
  return result.success ? undefined : toFieldErrors(result.error.issues)[0]?.minimum;
}
