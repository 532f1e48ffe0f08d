/**
 * Writes docs/openapi.json (OpenAPI 3.1) from the zod contract in src/contract, so the
 * document an association's own backend follows can never drift from what the widgets
 * and the reference server enforce. `npm run openapi`; CI fails when it is stale.
 */
import { writeFileSync } from 'node:fs';
import * as z from 'zod/mini';
import * as contract from '../src/contract/index.js';
import pkg from '../package.json' with { type: 'json' };

/** JSON Schema of what a client sends (input side of transforms). */
function schema(value: z.ZodMiniType, io: 'input' | 'output') {
  const json = z.toJSONSchema(value, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as Record<string, unknown>;
  delete json.$schema;
  return json;
}

const components = {
  Complaint: schema(contract.complaintSchema, 'input'),
  ComplaintCreated: schema(contract.complaintCreated, 'output'),
  ServiceRequest: schema(contract.requestSchema, 'input'),
  RequestCreated: schema(contract.requestCreated, 'output'),
  Rating: schema(contract.ratingSchema, 'input'),
  RatingCreated: schema(contract.ratingCreated, 'output'),
  Lookup: schema(contract.lookupSchema, 'input'),
  LookupResult: schema(contract.lookupResult, 'output'),
  FormConfig: schema(contract.formConfigSchema, 'output'),
  Problem: schema(contract.problemSchema, 'output'),
  StaffStatusUpdate: schema(contract.staffStatusUpdate, 'input'),
  StaffSubmissionList: schema(contract.staffSubmissionList, 'output'),
  StaffSubmissionDetail: schema(contract.staffSubmissionDetail, 'output'),
  StaffStats: schema(contract.staffStats, 'output'),
};

const ref = (name: keyof typeof components) => ({ $ref: `#/components/schemas/${name}` });
const json = (name: keyof typeof components) => ({ 'application/json': { schema: ref(name) } });
const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: ref('Problem') } } });

const idempotencyKey = {
  name: 'Idempotency-Key',
  in: 'header',
  required: true,
  description: 'A UUID made when the person first presses submit and reused on every retry. The same key and body replay the first answer; the same key with another body is 422; while the first is still in progress, 409.',
  schema: { type: 'string', maxLength: 255 },
};

const createErrors = {
  '400': problem('Missing or malformed Idempotency-Key, malformed or too deeply nested JSON.'),
  '409': problem('The same Idempotency-Key is still being processed.'),
  '413': problem('Body too large.'),
  '415': problem('Not JSON (or multipart where attachments are allowed).'),
  '422': problem('Validation failed: `errors` lists `{path, code, message}` per field; or the Idempotency-Key was reused with another body.'),
  '429': problem('Too many submissions from this address; see Retry-After.'),
  '503': problem('Storage unavailable; retry after Retry-After with the same Idempotency-Key.'),
};

function create(summary: string, body: keyof typeof components, answer: keyof typeof components, multipart: boolean) {
  return {
    post: {
      summary,
      parameters: [idempotencyKey],
      requestBody: {
        required: true,
        content: {
          ...json(body),
          ...(multipart
            ? {
                'multipart/form-data': {
                  schema: {
                    type: 'object',
                    properties: { payload: { type: 'string', description: `The ${body} JSON.` } },
                    additionalProperties: { type: 'string', format: 'binary', description: 'Files named attachment:<kind>, e.g. attachment:id_copy (PDF, JPEG or PNG, checked by signature).' },
                  },
                },
              }
            : {}),
        },
      },
      responses: { '201': { description: 'Stored durably.', content: json(answer) }, ...createErrors },
    },
  };
}

const staff = { security: [{ staffToken: [] }] };

const document = {
  openapi: '3.1.0',
  info: {
    title: 'Sila HTTP contract',
    version: `v1 (${pkg.version})`,
    description: 'What the Sila widgets expect from a backend. The reference server in server/ implements it; an association may implement it on its own backend. Error bodies are RFC 9457 problem details. Generated from src/contract by scripts/openapi.ts; do not edit by hand.',
  },
  paths: {
    '/v1/form-config': {
      get: {
        summary: "The association's configuration (name, services, categories, review period, attachments, rating scales). Widgets fall back to defaults without it.",
        responses: { '200': { description: 'The configuration.', content: json('FormConfig') } },
      },
    },
    '/v1/requests': create('Create a service request (or member service request).', 'ServiceRequest', 'RequestCreated', true),
    '/v1/complaints': create('Create a complaint, suggestion, inquiry or compensation claim.', 'Complaint', 'ComplaintCreated', true),
    '/v1/ratings': {
      post: {
        ...create('Rate a service (CSAT, NPS or CES).', 'Rating', 'RatingCreated', false).post,
        responses: {
          '201': { description: 'Stored.', content: json('RatingCreated') },
          ...createErrors,
          '409': problem('This reference was already rated (code `already_rated`), or the key is in progress.'),
        },
      },
    },
    '/v1/status': {
      post: {
        summary: 'Follow a submission: reference number plus verifier (last 4 digits of the mobile, or the code given to an anonymous sender).',
        requestBody: { required: true, content: json('Lookup') },
        responses: {
          '200': { description: 'Status, dated history with public notes, expected decision date.', content: json('LookupResult') },
          '404': problem('One answer for an unknown reference and a wrong verifier (no enumeration).'),
          '429': problem('Too many failed lookups for this reference or from this address; see Retry-After.'),
        },
      },
    },
    '/v1/staff/submissions': {
      get: {
        ...staff,
        summary: 'List and filter submissions (kind, status, from, to, q; paginated).',
        responses: { '200': { description: 'A page of submissions.', content: json('StaffSubmissionList') }, '401': problem('No or wrong token.') },
      },
    },
    '/v1/staff/submissions/{reference}': {
      get: {
        ...staff,
        summary: 'One submission in full, with personal data (staff only).',
        parameters: [{ name: 'reference', in: 'path', required: true, schema: { type: 'string' } }],
        responses: { '200': { description: 'The submission.', content: json('StaffSubmissionDetail') }, '401': problem('No or wrong token.'), '404': problem('Unknown reference.') },
      },
    },
    '/v1/staff/submissions/{reference}/status': {
      post: {
        ...staff,
        summary: 'Change the status, optionally with a note shown to the applicant.',
        parameters: [{ name: 'reference', in: 'path', required: true, schema: { type: 'string' } }],
        requestBody: { required: true, content: json('StaffStatusUpdate') },
        responses: { '200': { description: 'The updated submission.', content: json('StaffSubmissionDetail') }, '401': problem('No or wrong token.'), '404': problem('Unknown reference.'), '422': problem('Invalid status or note.') },
      },
    },
    '/v1/staff/export.csv': {
      get: {
        ...staff,
        summary: 'All submissions as CSV (UTF-8 with BOM, so spreadsheet programs open Arabic correctly); references as shown to people, times in Riyadh time (YYYY-MM-DD HH:mm:ss).',
        responses: { '200': { description: 'CSV.', content: { 'text/csv': { schema: { type: 'string' } } } }, '401': problem('No or wrong token.') },
      },
    },
    '/v1/staff/stats': {
      get: {
        ...staff,
        summary: 'Counts by kind, status and month; overdue requests; CSAT, NPS and CES.',
        responses: { '200': { description: 'Statistics.', content: json('StaffStats') }, '401': problem('No or wrong token.') },
      },
    },
  },
  components: {
    schemas: components,
    securitySchemes: { staffToken: { type: 'http', scheme: 'bearer', description: 'SILA_ADMIN_TOKEN of the reference server.' } },
  },
};

export const openApiDocument = document;

if (process.argv[1]?.endsWith('openapi.ts')) {
  writeFileSync(new URL('../docs/openapi.json', import.meta.url), `${JSON.stringify(document, null, 2)}\n`);
  console.log('docs/openapi.json written');
}
