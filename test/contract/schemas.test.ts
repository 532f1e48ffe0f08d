import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type * as z from 'zod/mini';
import { complaintSchema, lookupSchema, ratingSchema, requestSchema, toFieldErrors } from '../../src/contract/index.js';

const consent = { accepted: true, version: 'privacy-v1' };
const complaint = {
  kind: 'complaint',
  category: 'delay',
  subject: 'تأخر الرد',
  description: 'لم يصلني رد على طلبي منذ شهر.',
  contact: { name: 'محمد عبدالله', mobile: '٠٥٥١٢٣٤٥٦٧' },
  consent,
};

function errorsOf(schema: z.ZodMiniType, value: unknown) {
  const result = schema.safeParse(value);
  return result.success ? [] : toFieldErrors(result.error.issues).map((e) => `${e.path}:${e.code}`);
}

describe('complaint schema', () => {
  it('normalizes a valid complaint', () => {
    const result = complaintSchema.safeParse({
      ...complaint,
      contact: { ...complaint.contact, email: '' },
      relatedReference: '',
    });
    assert.equal(result.success, true);
    assert.equal(result.data!.contact!.mobile, '+966551234567');
    assert.equal(result.data!.contact!.email, undefined);
    assert.equal(result.data!.relatedReference, undefined);
  });

  it('reports each field with a code, never a sentence', () => {
    assert.deepEqual(
      errorsOf(complaintSchema, {
        kind: 'complaint',
        category: '',
        subject: ' ',
        description: 'short',
        contact: { name: 'م', mobile: '123', email: 'x@' },
        relatedReference: 'nope',
        consent: { accepted: false, version: 'privacy-v1' },
      }),
      [
        'category:required',
        'subject:required',
        'description:too_short',
        'relatedReference:invalid_reference',
        'contact.name:too_short',
        'contact.mobile:invalid_mobile',
        'contact.email:invalid_email',
        'consent.accepted:must_accept',
      ],
    );
  });

  it('lets only a suggestion be anonymous, and requires contact otherwise', () => {
    const { contact: _, ...anonymous } = complaint;
    assert.deepEqual(errorsOf(complaintSchema, { ...anonymous, kind: 'suggestion', anonymous: true }), []);
    assert.deepEqual(errorsOf(complaintSchema, { ...anonymous, anonymous: true }), ['anonymous:anonymous_not_allowed']);
    assert.deepEqual(errorsOf(complaintSchema, anonymous), ['contact.name:required', 'contact.mobile:required']);
    assert.deepEqual(errorsOf(complaintSchema, { ...complaint, contactChannel: 'email' }), ['contact.email:required']);
  });

  it('rejects hidden bidi controls in identifiers and NUL in text', () => {
    assert.deepEqual(
      errorsOf(complaintSchema, { ...complaint, contact: { name: 'محمد\u202e', mobile: '0551234567' } }),
      ['contact.name:invalid_characters'],
    );
    assert.deepEqual(errorsOf(complaintSchema, { ...complaint, description: 'long enough text\u0000' }), [
      'description:invalid_characters',
    ]);
  });
});

describe('request schema', () => {
  it('validates each step part and reads household size in Arabic digits', () => {
    const result = requestSchema.safeParse({
      applicant: {
        fullName: 'فاطمة علي',
        nationalId: '1087654321',
        mobile: '0551234567',
        city: 'تبوك',
        birthDate: '1990-05-01',
      },
      household: { householdSize: '٥', incomeBracket: 'under_3000', employment: 'unemployed', housing: 'rented' },
      service: 'food_basket',
      description: 'أسرة من خمسة أفراد بلا دخل ثابت.',
      declaration: { accepted: true, version: 'declaration-v1' },
    });
    if (!result.success) assert.fail(JSON.stringify(toFieldErrors(result.error.issues)));
    assert.equal(result.data.household!.householdSize, 5);
  });

  it('cannot skip the declaration', () => {
    const errors = errorsOf(requestSchema, {
      applicant: {
        fullName: 'فاطمة علي',
        nationalId: '1087654321',
        mobile: '0551234567',
        city: 'تبوك',
        birthDate: '1990-05-01',
      },
      service: 'food_basket',
      description: 'أسرة من خمسة أفراد بلا دخل ثابت.',
      declaration: { accepted: false, version: 'declaration-v1' },
    });
    assert.deepEqual(errors, ['declaration.accepted:must_accept']);
  });
});

describe('rating and lookup schemas', () => {
  it('checks the score against its scale', () => {
    assert.deepEqual(errorsOf(ratingSchema, { scale: 'csat', score: 5 }), []);
    assert.deepEqual(errorsOf(ratingSchema, { scale: 'csat', score: 6 }), ['score:invalid_choice']);
    assert.deepEqual(errorsOf(ratingSchema, { scale: 'nps', score: 0 }), []);
    assert.deepEqual(errorsOf(ratingSchema, { scale: 'ces', score: 8 }), ['score:invalid_choice']);
  });

  it('normalizes the reference and the verifier', () => {
    const result = lookupSchema.safeParse({ reference: 'c-4f7k-2m9q-x3tb', verifier: '٤٥٦٧' });
    assert.equal(result.success, true);
    assert.deepEqual(result.data, { reference: 'C4F7K2M9QX3TB', verifier: '4567' });
  });
});
