/** POST /v1/complaints: complaints, suggestions, inquiries and compensation claims. */
import { Hono } from 'hono';
import { complaintSchema, type Complaint, type ComplaintCreated } from '../../src/contract/complaint.js';
import { generateReference, mobileVerifier } from '../../src/contract/identifiers.js';
import type { FieldError } from '../../src/contract/problem.js';
import type { AppEnv, AppState } from '../context.js';
import { randomCode } from '../crypto.js';
import { addDays, iso } from '../dates.js';
import { insertSubmission } from '../submissions/store.js';
import { ANONYMOUS_CODE_LENGTH } from '../submissions/verifier.js';
import { decoyRatingToken, ratingTokenOf } from '../ratings/proof.js';
import { acceptanceRecord, createHandler, type CreateSpec } from './create.js';

function checkCategory(data: Complaint, state: AppState): FieldError[] {
  const category = state.formConfig.complaintCategories.find((item) => item.id === data.category);
  if (category && (!category.kinds || category.kinds.includes(data.kind))) return [];
  return [{ path: 'category', code: 'invalid_choice', message: 'Not one of this association’s categories.' }];
}

function responseDate(receivedAt: Date, state: AppState): Date | undefined {
  const days = state.formConfig.complaintResponseDays;
  return days ? addDays(receivedAt, days) : undefined;
}

/** The create flow of /v1/complaints; also behind POST /v1/staff/intake. */
export function complaintSpec(state: AppState): CreateSpec<typeof complaintSchema> {
  return {
    route: 'POST /v1/complaints',
    schema: complaintSchema,
    acceptsFiles: true,
    check: checkCategory,
    async create(tx, { data, files, receivedAt, channel }) {
      const anonymous = data.anonymous === true;
      // Anonymous senders have no mobile to prove it is theirs: they get a code, once.
      const verifier =
        anonymous || !data.contact ? randomCode(ANONYMOUS_CODE_LENGTH) : mobileVerifier(data.contact.mobile);
      const expected = responseDate(receivedAt, state);
      const { reference } = await insertSubmission(tx, {
        kind: data.kind,
        channel,
        payload: {
          kind: data.kind,
          category: data.category,
          subject: data.subject,
          description: data.description,
          ...(data.relatedReference ? { relatedReference: data.relatedReference } : {}),
          ...(anonymous ? { anonymous: true } : { contactChannel: data.contactChannel, contact: data.contact }),
        },
        consent: acceptanceRecord(data.consent, receivedAt),
        verifier,
        locale: data.client?.locale,
        receivedAt,
        expectedDecisionBy: expected,
        files,
      });
      const body: ComplaintCreated = {
        reference,
        kind: data.kind,
        status: 'received',
        receivedAt: iso(receivedAt),
        ...(anonymous || !data.contact ? { verifier } : {}),
        ...(expected ? { expectedResponseBy: iso(expected) } : {}),
        ratingToken: ratingTokenOf(reference, verifier),
      };
      return { status: 201, body };
    },
    decoy({ data, receivedAt }) {
      const expected = responseDate(receivedAt, state);
      return {
        reference: generateReference(data.kind),
        kind: data.kind,
        status: 'received',
        receivedAt: iso(receivedAt),
        // The same rule as the real answer: a code when there is no mobile to prove.
        ...(data.anonymous === true || !data.contact ? { verifier: randomCode(ANONYMOUS_CODE_LENGTH) } : {}),
        ...(expected ? { expectedResponseBy: iso(expected) } : {}),
        ratingToken: decoyRatingToken(),
      } satisfies ComplaintCreated;
    },
  };
}

export function complaintRoutes(state: AppState): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.post('/v1/complaints', createHandler(state, complaintSpec(state)));
  return app;
}
