/** POST /v1/requests: service (or member service) requests, with optional documents. */
import { Hono } from 'hono';
import { generateReference, mobileVerifier } from '../../src/contract/identifiers.js';
import type { FieldError } from '../../src/contract/problem.js';
import { requestSchema, type RequestCreated, type ServiceRequest } from '../../src/contract/request.js';
import type { AppEnv, AppState } from '../context.js';
import { randomId } from '../crypto.js';
import { addDays, iso } from '../dates.js';
import { insertSubmission } from '../submissions/store.js';
import { acceptanceRecord, createHandler, type CreateSpec } from './create.js';
import { decoyRatingToken, ratingTokenOf } from '../ratings/proof.js';

function checkService(data: ServiceRequest, state: AppState): FieldError[] {
  const service = state.formConfig.services.find((item) => item.id === data.service);
  const audience = data.audience ?? 'beneficiary';
  if (service && (!service.audiences || service.audiences.includes(audience))) return [];
  return [{ path: 'service', code: 'invalid_choice', message: 'Not one of this association’s services.' }];
}

/** The create flow of /v1/requests; also behind POST /v1/staff/intake. */
export function requestSpec(state: AppState): CreateSpec<typeof requestSchema> {
  return {
    route: 'POST /v1/requests',
    schema: requestSchema,
    acceptsFiles: true,
    check: checkService,
    requiredAttachments: () => state.formConfig.attachments.requiredForRequests ?? [],
    async create(tx, { data, files, receivedAt, channel }) {
      const expectedDecisionBy = addDays(receivedAt, state.formConfig.reviewPeriodDays);
      const { reference, attachments } = await insertSubmission(tx, {
        kind: 'request',
        channel,
        payload: {
          audience: data.audience ?? 'beneficiary',
          applicant: data.applicant,
          ...(data.household ? { household: data.household } : {}),
          service: data.service,
          description: data.description,
        },
        // The signed statement, with the server's clock: when it was really accepted.
        declaration: acceptanceRecord(data.declaration, receivedAt),
        consent: acceptanceRecord(data.consent, receivedAt),
        verifier: mobileVerifier(data.applicant.mobile),
        locale: data.client?.locale,
        receivedAt,
        expectedDecisionBy,
        files,
      });
      const body: RequestCreated = {
        reference,
        status: 'received',
        receivedAt: iso(receivedAt),
        expectedDecisionBy: iso(expectedDecisionBy),
        ...(attachments.length > 0 ? { attachments } : {}),
        ratingToken: ratingTokenOf(reference, mobileVerifier(data.applicant.mobile)),
      };
      return { status: 201, body };
    },
    // Every field the real answer has, the attachments' ids included.
    decoy: ({ receivedAt, files }) =>
      ({
        reference: generateReference('request'),
        status: 'received',
        receivedAt: iso(receivedAt),
        expectedDecisionBy: iso(addDays(receivedAt, state.formConfig.reviewPeriodDays)),
        ratingToken: decoyRatingToken(),
        ...(files.length > 0
          ? { attachments: files.map((file) => ({ id: randomId(), kind: file.kind, size: file.size })) }
          : {}),
      }) satisfies RequestCreated,
  };
}

export function requestRoutes(state: AppState): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.post('/v1/requests', createHandler(state, requestSpec(state)));
  return app;
}
