/**
 * A Unicode corpus through every create route (and the status lookup): bidi controls
 * and NUL in identifiers are 422 on the right field; lone surrogates anywhere are 422;
 * Arabic-Indic and Persian digits are stored as Latin digits / E.164; emoji and
 * zero-width characters in free text are accepted and stored as sent. Nothing is
 * stored on any 4xx.
 *
 * What the contract does today (documented here, asserted below):
 * - bidi controls are refused in identifiers only; in free text they are kept (people
 *   paste mixed Arabic/Latin text, and the widgets' own copy uses U+2066–2069);
 * - zero-width characters are accepted in names and free text (U+200C/U+200D are
 *   needed in Persian and Urdu names and in emoji); in a mobile number, a national ID
 *   or an e-mail address U+200B–200D make the value invalid (422 with the field's own
 *   code); U+FEFF is white space to JavaScript, so it is trimmed at the ends and, inside
 *   a mobile or national ID, dropped like a space (the stored value is normalized).
 */
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import type { Database } from '../../server/db/database.js';
import {
  assertProblem,
  countRows,
  describeEachDatabase,
  fieldPaths,
  makeApp,
  postJson,
  staffGet,
  validComplaint,
  validRating,
  validRequest,
  type Answer,
  type TestApp,
} from './helpers.js';
import {
  BIDI_CONTROLS,
  EMOJI_ZWJ,
  LONE_SURROGATE_ESCAPES,
  NUL,
  ZERO_WIDTH,
  arabicIndicDigits,
  codePoints,
  jsonWithRaw,
  persianDigits,
  withValue,
} from './unicode-corpus.js';

const TABLES = ['submissions', 'submission_history', 'ratings', 'attachments', 'idempotency_keys'];

async function counts(db: Database): Promise<Record<string, number>> {
  return Object.fromEntries(
    await Promise.all(TABLES.map(async (table) => [table, await countRows(db, table)] as const)),
  );
}

interface Target {
  route: string;
  body: () => Record<string, unknown>;
  path: string;
  /** A valid value of the field, to hide characters in. */
  value: string;
}

const complaintWithEmail = () =>
  validComplaint({ contact: { name: 'محمد علي', mobile: '0551234567', email: 'someone@example.com' } });

const IDENTIFIERS: Target[] = [
  { route: '/v1/complaints', body: complaintWithEmail, path: 'contact.name', value: 'محمد علي' },
  { route: '/v1/complaints', body: complaintWithEmail, path: 'contact.mobile', value: '0551234567' },
  { route: '/v1/complaints', body: complaintWithEmail, path: 'contact.email', value: 'someone@example.com' },
  { route: '/v1/complaints', body: complaintWithEmail, path: 'relatedReference', value: 'C-4F7K-2M9Q-X3TB' },
  { route: '/v1/requests', body: validRequest, path: 'applicant.fullName', value: 'نورة سعد القحطاني' },
  { route: '/v1/requests', body: validRequest, path: 'applicant.nationalId', value: '1000000008' },
  { route: '/v1/requests', body: validRequest, path: 'applicant.mobile', value: '+966 55 765 4321' },
  { route: '/v1/requests', body: validRequest, path: 'applicant.email', value: 'noura@example.com' },
  { route: '/v1/ratings', body: validRating, path: 'reference', value: 'C-4F7K-2M9Q-X3TB' },
  {
    route: '/v1/status',
    body: () => ({ reference: 'C-4F7K-2M9Q-X3TB', verifier: '4567' }),
    path: 'reference',
    value: 'C-4F7K-2M9Q-X3TB',
  },
];

const FREE_TEXT: Target[] = [
  { route: '/v1/complaints', body: validComplaint, path: 'subject', value: 'تأخر الرد على طلبي' },
  {
    route: '/v1/complaints',
    body: validComplaint,
    path: 'description',
    value: 'قدمت طلبًا منذ شهر ولم يصلني أي رد حتى الآن.',
  },
  { route: '/v1/requests', body: validRequest, path: 'applicant.city', value: 'الرياض' },
  {
    route: '/v1/requests',
    body: validRequest,
    path: 'description',
    value: 'أسرة من خمسة أفراد بحاجة إلى سلة غذائية شهرية.',
  },
  { route: '/v1/ratings', body: validRating, path: 'comment', value: 'خدمة ممتازة' },
  { route: '/v1/ratings', body: validRating, path: 'context', value: '/services' },
];

function hide(value: string, chars: string): string {
  return value.slice(0, 3) + chars + value.slice(3);
}

describeEachDatabase('reliability: Unicode corpus', (db) => {
  let app: TestApp;
  before(() => {
    app = makeApp(db());
  });

  /** Sends, expects a 422 naming exactly this field, and checks that nothing was stored. */
  async function refused(target: Target, body: string | Record<string, unknown>, what: string): Promise<Answer> {
    const stored = await counts(db());
    const answer = await postJson(app, target.route, body);
    assert.ok(answer.status < 500, `${what}: ${answer.status} ${answer.text}`);
    assertProblem(answer, 422, 'validation_failed');
    assert.deepEqual(fieldPaths(answer), [target.path], `${what}: ${answer.text}`);
    assert.deepEqual(await counts(db()), stored, `${what}: nothing stored`);
    return answer;
  }

  it('bidi controls and NUL in every identifier are 422 invalid_characters on that field', async () => {
    for (const target of IDENTIFIERS) {
      for (const char of [...BIDI_CONTROLS, NUL]) {
        const what = `${target.route} ${target.path} with ${codePoints(char)}`;
        const answer = await refused(target, withValue(target.body(), target.path, hide(target.value, char)), what);
        assert.equal(answer.json.errors[0].code, 'invalid_characters', what);
      }
    }
  });

  it('lone surrogates (raw JSON escapes) in identifiers and free text are 422 on that field', async () => {
    for (const target of [...IDENTIFIERS, ...FREE_TEXT]) {
      for (const escape of LONE_SURROGATE_ESCAPES) {
        await refused(
          target,
          jsonWithRaw(target.body(), target.path, hide(target.value, escape)),
          `${target.route} ${target.path} with ${escape}`,
        );
      }
    }
  });

  it('NUL in free text is 422 on that field', async () => {
    for (const target of FREE_TEXT) {
      await refused(
        target,
        withValue(target.body(), target.path, hide(target.value, NUL)),
        `${target.route} ${target.path} with NUL`,
      );
    }
  });

  it('zero-width characters inside a mobile, a national ID or an e-mail are 422 with the field code', async () => {
    const codes: Record<string, string> = {
      mobile: 'invalid_mobile',
      nationalId: 'invalid_national_id',
      email: 'invalid_email',
    };
    for (const target of IDENTIFIERS.filter((t) => /(mobile|nationalId|email)$/.test(t.path))) {
      // U+FEFF is white space to JavaScript: inside a number it is a separator like a space.
      for (const char of target.path.endsWith('email') ? ZERO_WIDTH : ZERO_WIDTH.filter((c) => c !== '\ufeff')) {
        const what = `${target.route} ${target.path} with ${codePoints(char)}`;
        const answer = await refused(target, withValue(target.body(), target.path, hide(target.value, char)), what);
        assert.equal(answer.json.errors[0].code, codes[target.path.split('.').pop()!], what);
      }
    }
  });

  it('Arabic-Indic and Persian digits are stored as Latin digits and E.164; a BOM is dropped like a space', async () => {
    const request = await postJson(
      app,
      '/v1/requests',
      validRequest({
        applicant: {
          ...validRequest().applicant,
          nationalId: arabicIndicDigits('1000000008'),
          mobile: `\ufeff${persianDigits('055 765 4321')}\ufeff`,
        },
        household: { ...validRequest().household, householdSize: persianDigits('12') },
      }),
    );
    assert.equal(request.status, 201, request.text);
    const complaint = await postJson(
      app,
      '/v1/complaints',
      validComplaint({ contact: { name: 'محمد علي', mobile: arabicIndicDigits('+966 55\ufeff123 4567') } }),
    );
    assert.equal(complaint.status, 201, complaint.text);

    const requestDetail = await staffGet(app, `/v1/staff/submissions/${request.json.reference}`);
    assert.equal(requestDetail.status, 200);
    assert.equal(requestDetail.json.payload.applicant.nationalId, '1000000008');
    assert.equal(requestDetail.json.payload.applicant.mobile, '+966557654321');
    assert.equal(requestDetail.json.payload.household.householdSize, 12);
    const complaintDetail = await staffGet(app, `/v1/staff/submissions/${complaint.json.reference}`);
    assert.equal(complaintDetail.json.payload.contact.mobile, '+966551234567');

    // The lookup takes any digits too, in the reference and in the verifier.
    const lookup = await postJson(app, '/v1/status', {
      reference: arabicIndicDigits(request.json.reference),
      verifier: persianDigits('4321'),
    });
    assert.equal(lookup.status, 200, lookup.text);
    assert.equal(lookup.json.reference.replace(/-/g, ''), request.json.reference.replace(/-/g, ''));
  });

  it('emoji, zero-width and bidi characters in free text and names are accepted and stored as sent', async () => {
    const subject = `شكوى ${EMOJI_ZWJ[0]} عن\u200bالتأخير`;
    const description = `وصف ${EMOJI_ZWJ.join(' ')} مع\u200c\u200d فاصل ونص \u2067Latin 05XXXXXXXX\u2069 معزول \u202bمضمن\u202c.`;
    const name = `محمد\u200cرضا ${EMOJI_ZWJ[2]}`;
    const before = await counts(db());
    const complaint = await postJson(
      app,
      '/v1/complaints',
      validComplaint({ subject, description, contact: { name, mobile: '0551234567' } }),
    );
    assert.equal(complaint.status, 201, complaint.text);
    const detail = await staffGet(app, `/v1/staff/submissions/${complaint.json.reference}`);
    assert.equal(detail.json.payload.subject, subject);
    assert.equal(detail.json.payload.description, description);
    assert.equal(detail.json.payload.contact.name, name);

    const request = await postJson(
      app,
      '/v1/requests',
      validRequest({ description: `نحتاج ${EMOJI_ZWJ[3]} مساعدة\u200b عاجلة للأسرة` }),
    );
    assert.equal(request.status, 201, request.text);
    const rating = await postJson(
      app,
      '/v1/ratings',
      validRating({ comment: `${EMOJI_ZWJ[1]}\u200d ممتاز \ufeff جدًا`, context: '/خدمات/🍞' }),
    );
    assert.equal(rating.status, 201, rating.text);

    const after = await counts(db());
    assert.equal(after.submissions, before.submissions + 2);
    assert.equal(after.ratings, before.ratings + 1);
  });

  it('a name or subject made only of zero-width characters is refused', async () => {
    const name = await postJson(
      app,
      '/v1/complaints',
      validComplaint({ contact: { name: '\u200b\u200c\u200d', mobile: '0551234567' } }),
    );
    assert.equal(name.status, 422, `invisible name: ${name.status}`);
    const subject = await postJson(app, '/v1/complaints', validComplaint({ subject: '\u200b\u200b\u200b\u200b' }));
    assert.equal(subject.status, 422, `invisible subject: ${subject.status}`);
  });
});
