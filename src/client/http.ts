/**
 * One JSON call with a per-attempt timeout and retries. No Lit, no DOM beyond fetch:
 * the widgets hand it a validated payload and get a parsed answer or a SilaError.
 */
import { problemSchema, type Problem } from '../contract/problem.js';
import { SilaError, errorKindForStatus } from './errors.js';
import { networkFailure } from './network-failure.js';
import {
  DEFAULT_RETRY_POLICY,
  backoffDelay,
  isRetryableStatus,
  parseRetryAfter,
  sleep,
  type RetryPolicy,
} from './retry.js';

export interface HttpOptions {
  fetch?: typeof fetch;
  headers?: Record<string, string>;
  /** Per attempt; a weak 3G connection needs generous time. */
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  /** Longest Retry-After the client waits for in place before giving up (then: outbox). */
  maxRetryAfterMs?: number;
  signal?: AbortSignal;
}

export interface JsonCall {
  method: 'GET' | 'POST';
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface JsonAnswer {
  status: number;
  body: unknown;
  headers: Headers;
}

const DEFAULT_TIMEOUT_MS = 20_000;
const DEFAULT_MAX_RETRY_AFTER_MS = 30_000;

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function toProblem(body: unknown): Problem | undefined {
  const parsed = problemSchema.safeParse(body);
  return parsed.success ? parsed.data : undefined;
}

async function attempt(call: JsonCall, options: HttpOptions): Promise<JsonAnswer> {
  const timeout = new AbortController();
  const timer = setTimeout(
    () => timeout.abort(new DOMException('timeout', 'TimeoutError')),
    options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
  );
  const signal = options.signal ? AbortSignal.any([options.signal, timeout.signal]) : timeout.signal;
  try {
    const response = await (options.fetch ?? fetch)(call.url, {
      method: call.method,
      headers: {
        Accept: 'application/json, application/problem+json',
        ...(call.body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...options.headers,
        ...call.headers,
      },
      body: call.body === undefined ? undefined : JSON.stringify(call.body),
      signal,
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
    });
    return { status: response.status, body: await readBody(response), headers: response.headers };
  } catch (error) {
    if (options.signal?.aborted) throw error;
    if (timeout.signal.aborted) throw new SilaError('timeout');
    throw networkFailure(call.url);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Sends a call, retrying network errors, timeouts, 5xx and 429 with backoff (never
 * other 4xx). Resolves with a 2xx answer; rejects with a SilaError otherwise.
 */
/** The server is still working on the first attempt of this same submission. */
export function isInProgress(error: SilaError): boolean {
  return error.status === 409 && error.problem?.code === 'idempotency_in_progress';
}

/**
 * Runs one attempt after another until it succeeds, retrying network errors, timeouts,
 * 5xx, 429 and "still in progress" with backoff or the server's Retry-After (never
 * other 4xx, never a wait longer than `maxRetryAfterMs`: then the outbox takes over).
 * An attempt throws a SilaError for a failed answer. Shared by JSON and multipart calls.
 */
export async function withRetries<T>(attemptOnce: () => Promise<T>, options: HttpOptions = {}): Promise<T> {
  const policy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  const maxRetryAfter = options.maxRetryAfterMs ?? DEFAULT_MAX_RETRY_AFTER_MS;
  for (let tryIndex = 0; ; tryIndex++) {
    try {
      return await attemptOnce();
    } catch (caught) {
      if (!(caught instanceof SilaError)) throw caught; // aborted by the caller
      // Offline and timeout errors carry no status: they are always worth another try.
      const retryable = caught.status === undefined || isRetryableStatus(caught.status) || isInProgress(caught);
      if (!retryable || tryIndex >= policy.retries) throw caught;
      if (caught.retryAfterMs !== undefined && caught.retryAfterMs > maxRetryAfter) throw caught;
      await sleep(caught.retryAfterMs ?? backoffDelay(tryIndex, policy), options.signal);
    }
  }
}

/** Sends a JSON call with retries. Resolves with a 2xx answer; rejects with a SilaError. */
export function sendJson(call: JsonCall, options: HttpOptions = {}): Promise<JsonAnswer> {
  return withRetries(async () => {
    const answer = await attempt(call, options);
    if (answer.status >= 200 && answer.status < 300) return answer;
    const retryAfterMs = parseRetryAfter(answer.headers.get('Retry-After'));
    throw new SilaError(errorKindForStatus(answer.status), answer.status, toProblem(answer.body), retryAfterMs);
  }, options);
}
