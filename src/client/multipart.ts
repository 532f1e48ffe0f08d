/**
 * A create with documents: multipart/form-data with the JSON in a `payload` field and
 * each file as `attachment:<kind>` (see server/README.md). XMLHttpRequest is used for
 * the upload progress fetch cannot report; a page that configured its own fetch
 * (proxies, tests) gets fetch instead, without progress. Same retries and errors as
 * sendJson: network errors, timeouts, 5xx and 429 are retried with one Idempotency-Key.
 */
import type * as z from 'zod/mini';
import { problemSchema } from '../contract/problem.js';
import { SilaError, errorKindForStatus } from './errors.js';
import { withRetries, type HttpOptions } from './http.js';
import { networkFailure } from './network-failure.js';
import { parseRetryAfter } from './retry.js';

export interface Attachment {
  /** e.g. "id_copy": sent as the form field `attachment:id_copy`. */
  kind: string;
  file: Blob;
  name?: string;
}

export interface MultipartCall {
  url: string;
  payload: unknown;
  files: readonly Attachment[];
  idempotencyKey: string;
  /** Share of the body uploaded so far, 0…1 (XMLHttpRequest only). */
  onProgress?: (fraction: number) => void;
}

interface RawAnswer {
  status: number;
  text: string;
  retryAfter: string | null;
}

const DEFAULT_TIMEOUT_MS = 120_000; // documents over a weak connection take time

export function toFormData(payload: unknown, files: readonly Attachment[]): FormData {
  const body = new FormData();
  body.append('payload', JSON.stringify(payload));
  for (const { kind, file, name } of files)
    body.append(`attachment:${kind}`, file, name ?? (file instanceof File ? file.name : kind));
  return body;
}

function viaXhr(call: MultipartCall, options: HttpOptions, body: FormData): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', call.url);
    xhr.timeout = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    xhr.withCredentials = false;
    const headers = {
      Accept: 'application/json, application/problem+json',
      ...options.headers,
      'Idempotency-Key': call.idempotencyKey,
    };
    for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) call.onProgress?.(event.loaded / event.total);
    };
    xhr.onload = () =>
      resolve({ status: xhr.status, text: xhr.responseText, retryAfter: xhr.getResponseHeader('Retry-After') });
    xhr.onerror = () => reject(networkFailure(call.url));
    xhr.ontimeout = () => reject(new SilaError('timeout'));
    xhr.onabort = () => reject(new DOMException('aborted', 'AbortError'));
    options.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    call.onProgress?.(0); // measurable from the start: the bar shows 0% rather than "working"
    xhr.send(body);
  });
}

async function viaFetch(call: MultipartCall, options: HttpOptions, body: FormData): Promise<RawAnswer> {
  const timeout = AbortSignal.timeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  try {
    // No Content-Type: the browser writes the multipart boundary itself.
    const response = await (options.fetch ?? fetch)(call.url, {
      method: 'POST',
      headers: {
        Accept: 'application/json, application/problem+json',
        ...options.headers,
        'Idempotency-Key': call.idempotencyKey,
      },
      body,
      signal,
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
    });
    return { status: response.status, text: await response.text(), retryAfter: response.headers.get('Retry-After') };
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw timeout.aborted ? new SilaError('timeout') : networkFailure(call.url);
  }
}

function parse(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return text;
  }
}

/** Sends the files and the payload; resolves with the answer parsed by `schema`. */
export function sendMultipart<T extends z.ZodMiniType>(
  schema: T,
  call: MultipartCall,
  options: HttpOptions = {},
): Promise<z.output<T>> {
  const body = toFormData(call.payload, call.files);
  return withRetries(async () => {
    const answer = options.fetch ? await viaFetch(call, options, body) : await viaXhr(call, options, body);
    const parsedBody = parse(answer.text);
    if (answer.status >= 200 && answer.status < 300) {
      const parsed = schema.safeParse(parsedBody);
      if (!parsed.success) throw new SilaError('invalid_response', answer.status);
      return parsed.data;
    }
    const problem = problemSchema.safeParse(parsedBody);
    throw new SilaError(
      errorKindForStatus(answer.status),
      answer.status,
      problem.success ? problem.data : undefined,
      parseRetryAfter(answer.retryAfter),
    );
  }, options);
}
