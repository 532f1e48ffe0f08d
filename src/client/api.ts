/**
 * The Sila backend as typed functions: each validates the answer against the contract,
 * so a widget either gets data it can trust or a SilaError.
 */
import type * as z from 'zod/mini';
import { complaintCreated, requestCreated } from '../contract/answers.js';
import type { Complaint, ComplaintCreated } from '../contract/complaint.js';
import { formConfigSchema, type FormConfig } from '../contract/form-config.js';
import { lookupResult, type LookupResult } from '../contract/lookup.js';
import { ratingCreated, type Rating } from '../contract/rating.js';
import type { RequestCreated, ServiceRequest } from '../contract/request.js';
import { SilaError } from './errors.js';
import { sendJson, type HttpOptions, type JsonCall } from './http.js';
import { sendMultipart, type Attachment } from './multipart.js';

/** Documents sent along with a create (multipart/form-data, see server/README.md). */
export interface Upload {
  files: readonly Attachment[];
  /** Share of the body uploaded so far, 0…1; only where it can be measured (not with a custom fetch). */
  onProgress?: (fraction: number) => void;
}

export interface SilaClient {
  getFormConfig(): Promise<FormConfig>;
  /** With `upload` and at least one file, the create goes as multipart with its documents. */
  createComplaint(payload: Complaint, idempotencyKey: string, upload?: Upload): Promise<ComplaintCreated>;
  createRequest(payload: ServiceRequest, idempotencyKey: string, upload?: Upload): Promise<RequestCreated>;
  createRating(payload: Rating, idempotencyKey: string): Promise<{ id: string }>;
  lookupStatus(reference: string, verifier: string, signal?: AbortSignal): Promise<LookupResult>;
}

export interface ClientOptions extends HttpOptions {
  /** Base URL of the backend, e.g. https://example.org/sila (no trailing /v1). */
  endpoint: string;
}

function joinUrl(endpoint: string, path: string): string {
  return `${endpoint.replace(/\/+$/, '')}${path}`;
}

export function createSilaClient(options: ClientOptions): SilaClient {
  async function call<T extends z.ZodMiniType>(
    schema: T,
    request: JsonCall,
    extra?: HttpOptions,
  ): Promise<z.output<T>> {
    const answer = await sendJson(
      { ...request, url: joinUrl(options.endpoint, request.url) },
      { ...options, ...extra },
    );
    const parsed = schema.safeParse(answer.body);
    if (!parsed.success) throw new SilaError('invalid_response', answer.status);
    return parsed.data;
  }

  const create = <T extends z.ZodMiniType>(schema: T, path: string, body: unknown, key: string, upload?: Upload) =>
    upload?.files.length
      ? sendMultipart(
          schema,
          {
            url: joinUrl(options.endpoint, path),
            payload: body,
            files: upload.files,
            idempotencyKey: key,
            onProgress: upload.onProgress,
          },
          options,
        )
      : call(schema, { method: 'POST', url: path, body, headers: { 'Idempotency-Key': key } });

  return {
    getFormConfig: () => call(formConfigSchema, { method: 'GET', url: '/v1/form-config' }, { retry: { retries: 1 } }),
    createComplaint: (payload, key, upload) => create(complaintCreated, '/v1/complaints', payload, key, upload),
    createRequest: (payload, key, upload) => create(requestCreated, '/v1/requests', payload, key, upload),
    createRating: (payload, key) => create(ratingCreated, '/v1/ratings', payload, key),
    lookupStatus: (reference, verifier, signal) =>
      // A lookup is not worth retrying for long: the person is waiting on the page.
      call(
        lookupResult,
        { method: 'POST', url: '/v1/status', body: { reference, verifier } },
        { signal, retry: { retries: 1 } },
      ),
  };
}
