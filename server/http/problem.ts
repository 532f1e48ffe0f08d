/**
 * RFC 9457 problem details (application/problem+json), shaped by the contract's
 * problemSchema. Handlers throw an HttpProblem; the app's error handler writes it.
 */
import type { Context } from 'hono';
import type { FieldError, Problem } from '../../src/contract/problem.js';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export interface ProblemInit {
  code: string;
  detail?: string;
  errors?: FieldError[];
  /** Extra response headers, e.g. Retry-After. */
  headers?: Record<string, string>;
}

export class HttpProblem extends Error {
  override readonly name = 'HttpProblem';
  constructor(
    readonly status: number,
    readonly init: ProblemInit,
  ) {
    super(init.detail ?? init.code);
  }

  get body(): Problem {
    return problemBody(this.status, this.init);
  }
}

export function problemBody(status: number, init: ProblemInit): Problem {
  return {
    // A URN, not a URL: there is no page to dereference, but the code is stable.
    type: `urn:sila:problem:${init.code}`,
    title: TITLES[status] ?? 'Error',
    status,
    code: init.code,
    ...(init.detail ? { detail: init.detail } : {}),
    ...(init.errors ? { errors: init.errors } : {}),
  };
}

export function problemResponse(c: Context, status: number, init: ProblemInit): Response {
  const body = JSON.stringify(problemBody(status, init));
  return c.body(body, status as 400, {
    ...init.headers,
    'Content-Type': PROBLEM_CONTENT_TYPE,
    'Cache-Control': 'no-store',
  });
}

/** 422 with the field errors a widget shows next to its fields. */
export function validationProblem(errors: FieldError[], detail = 'Some fields are not valid.'): HttpProblem {
  return new HttpProblem(422, { code: 'validation_failed', detail, errors });
}
