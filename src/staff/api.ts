/**
 * The console's one way to the server (a plain module: no Lit, no DOM beyond fetch and
 * events). Same origin, cookie session: every call sends the cookie (`credentials:
 * same-origin`), every state change carries the CSRF token from the sign-in answer, and
 * problem+json answers become a typed StaffApiError.
 *
 * A 401 on any route but the session's own dispatches a SessionExpiredEvent. Whoever
 * listens (the shell) may call `event.waitUntil(signedInAgain)`: the call then waits, and
 * when the person signed in again (true) it is sent once more with the new token, so the
 * view that made it never learns the session had lapsed and keeps what was typed. A 401
 * means nothing was done, so sending it again never does it twice.
 *
 *   const api = new StaffApi();
 *   const session = await api.signIn({ email, password });
 *   const list = await api.get('/v1/staff/submissions', { query: { assignee: 'me' } });
 */
import type * as z from 'zod/mini';
import { problemSchema, type FieldError, type Problem } from '../contract/problem.js';
import { staffSessionSchema, type SignInBody, type StaffSession } from './session-schema.js';

export type StaffErrorKind =
  | 'invalid_credentials'
  | 'totp_required'
  | 'session_expired'
  | 'forbidden'
  | 'validation'
  | 'conflict'
  | 'not_found'
  | 'rate_limited'
  | 'offline'
  | 'unreachable'
  | 'server'
  | 'invalid_response';

export class StaffApiError extends Error {
  override readonly name = 'StaffApiError';

  constructor(
    readonly kind: StaffErrorKind,
    readonly status = 0,
    /** The problem+json answer, with any extension members (e.g. a 409's `current`). */
    readonly problem?: Problem & Record<string, unknown>,
    readonly retryAfterMs?: number,
  ) {
    super(problem?.detail ?? problem?.title ?? kind);
  }

  /** The server's stable code (`version_conflict`, `invalid_transition`…), if any. */
  get code(): string | undefined {
    return this.problem?.code;
  }

  get fieldErrors(): FieldError[] {
    return this.problem?.errors ?? [];
  }
}

/** Dispatched on the StaffApi when the session lapsed during a call. */
export class SessionExpiredEvent extends Event {
  static readonly type = 'session-expired';
  /** Set by waitUntil(): resolves true once signed in again. */
  resumed?: Promise<boolean>;

  constructor() {
    super(SessionExpiredEvent.type);
  }

  waitUntil(signedIn: Promise<boolean>): void {
    this.resumed = signedIn;
  }
}

/** Dispatched after every successful sign-in or session check (the new session). */
export class SessionChangeEvent extends Event {
  static readonly type = 'session-change';
  constructor(readonly session: StaffSession | null) {
    super(SessionChangeEvent.type);
  }
}

export type QueryValue = string | number | boolean | undefined | null;

export interface CallOptions<T> {
  query?: Record<string, QueryValue>;
  body?: unknown;
  /** Validates the answer (the contract's schema); without it the JSON is returned as is. */
  schema?: z.ZodMiniType<T>;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** The answer is a file (a personal data export): returned as a Blob, not parsed. */
  file?: boolean;
}

const SESSION_PATH = '/v1/staff/session';

function kindFor(status: number, code: string | undefined): StaffErrorKind {
  if (status === 401) {
    if (code === 'totp_required') return 'totp_required';
    if (code === 'invalid_credentials' || code === 'invalid_totp') return 'invalid_credentials';
    return 'session_expired';
  }
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 409) return 'conflict';
  if (status === 429) return 'rate_limited';
  if (status === 400 || status === 422) return 'validation';
  if (status >= 500) return 'server';
  return 'invalid_response';
}

function retryAfter(answer: Response): number | undefined {
  const header = answer.headers.get('Retry-After');
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return seconds * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

export class StaffApi extends EventTarget {
  private csrfToken = '';

  /** `base` is '' for the server's own origin (the console is served there). */
  constructor(
    private readonly base = '',
    private readonly fetchImpl: typeof fetch = (...args) => fetch(...args),
  ) {
    super();
  }

  /** The URL of an API path (for downloads: a plain link carries the cookie). */
  url(path: string, query: Record<string, QueryValue> = {}): string {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
    }
    const search = params.toString();
    return `${this.base}${path}${search ? `?${search}` : ''}`;
  }

  async signIn(body: SignInBody): Promise<StaffSession> {
    return this.remember(await this.call('POST', SESSION_PATH, { body, schema: staffSessionSchema }));
  }

  /** The current session, or null when signed out or expired. */
  async session(): Promise<StaffSession | null> {
    try {
      return this.remember(await this.call('GET', SESSION_PATH, { schema: staffSessionSchema }));
    } catch (error) {
      if (error instanceof StaffApiError && error.status === 401) {
        this.csrfToken = '';
        return null;
      }
      throw error;
    }
  }

  async signOut(): Promise<void> {
    try {
      await this.call('DELETE', SESSION_PATH, {});
    } finally {
      this.csrfToken = '';
      this.dispatchEvent(new SessionChangeEvent(null));
    }
  }

  get<T = unknown>(path: string, options: CallOptions<T> = {}): Promise<T> {
    return this.call('GET', path, options);
  }

  post<T = unknown>(path: string, body: unknown, options: CallOptions<T> = {}): Promise<T> {
    return this.call('POST', path, { ...options, body });
  }

  patch<T = unknown>(path: string, body: unknown, options: CallOptions<T> = {}): Promise<T> {
    return this.call('PATCH', path, { ...options, body });
  }

  delete<T = unknown>(path: string, options: CallOptions<T> = {}): Promise<T> {
    return this.call('DELETE', path, options);
  }

  private remember(session: StaffSession): StaffSession {
    this.csrfToken = session.csrfToken;
    this.dispatchEvent(new SessionChangeEvent(session));
    return session;
  }

  private async call<T>(method: string, path: string, options: CallOptions<T>, retried = false): Promise<T> {
    const headers: Record<string, string> = {
      Accept: 'application/json, application/problem+json',
      ...options.headers,
    };
    if (options.body !== undefined) headers['Content-Type'] = 'application/json';
    if (method !== 'GET' && method !== 'HEAD' && this.csrfToken) headers['X-CSRF-Token'] = this.csrfToken;
    let answer: Response;
    try {
      answer = await this.fetchImpl(this.url(path, options.query), {
        method,
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        credentials: 'same-origin',
        signal: options.signal,
      });
    } catch (error) {
      if ((error as Error)?.name === 'AbortError') throw error;
      throw new StaffApiError(globalThis.navigator?.onLine === false ? 'offline' : 'unreachable');
    }
    if (answer.ok) return options.file ? ((await answer.blob()) as T) : this.parse(answer, options.schema);

    const problem = await this.problemOf(answer);
    const error = new StaffApiError(kindFor(answer.status, problem?.code), answer.status, problem, retryAfter(answer));
    if (error.kind === 'session_expired' && !path.startsWith(SESSION_PATH)) {
      this.csrfToken = '';
      if (!retried) {
        const event = new SessionExpiredEvent();
        this.dispatchEvent(event);
        if (event.resumed && (await event.resumed)) return this.call(method, path, options, true);
      }
    }
    throw error;
  }

  private async parse<T>(answer: Response, schema: z.ZodMiniType<T> | undefined): Promise<T> {
    if (answer.status === 204) return undefined as T;
    let json: unknown;
    try {
      json = await answer.json();
    } catch {
      throw new StaffApiError('invalid_response', answer.status);
    }
    if (!schema) return json as T;
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new StaffApiError('invalid_response', answer.status);
    return parsed.data;
  }

  private async problemOf(answer: Response): Promise<(Problem & Record<string, unknown>) | undefined> {
    try {
      const json = (await answer.json()) as Record<string, unknown>;
      const parsed = problemSchema.safeParse(json);
      return parsed.success ? { ...json, ...parsed.data } : undefined;
    } catch {
      return undefined;
    }
  }
}
