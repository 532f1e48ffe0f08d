import type { FieldError, Problem } from '../contract/problem.js';

/**
 * Why a call failed, in the terms a widget needs to decide what to show:
 * - `validation`: the server rejected fields (put `fieldErrors` next to the fields);
 * - `conflict`: e.g. already rated, or the same submission still in progress;
 * - `not_found`: nothing matches (status lookup);
 * - `rate_limited`: try again after `retryAfterMs`;
 * - `offline` (the device has no connection), `unreachable` (no answer although online: the
 *   service is down, the network blocks it, or it refuses this site by CORS), `timeout`,
 *   `server`: could not be delivered now: keep it and retry later;
 * - `invalid_response`: the backend does not speak the contract.
 */
export type SilaErrorKind =
  | 'validation'
  | 'conflict'
  | 'not_found'
  | 'rate_limited'
  | 'rejected'
  | 'offline'
  | 'unreachable'
  | 'timeout'
  | 'server'
  | 'invalid_response';

export class SilaError extends Error {
  override readonly name = 'SilaError';
  /** When it failed (ms since epoch): `at + retryAfterMs` is when to try again. */
  readonly at: number = Date.now();

  constructor(
    readonly kind: SilaErrorKind,
    readonly status?: number,
    readonly problem?: Problem,
    readonly retryAfterMs?: number,
  ) {
    super(problem?.detail ?? problem?.title ?? kind);
  }

  get fieldErrors(): FieldError[] {
    return this.problem?.errors ?? [];
  }

  /** True when the submission may go through later unchanged (keep it in the outbox). */
  get isTransient(): boolean {
    return (
      this.kind === 'offline' ||
      this.kind === 'unreachable' ||
      this.kind === 'timeout' ||
      this.kind === 'server' ||
      this.kind === 'rate_limited'
    );
  }
}

export function errorKindForStatus(status: number): SilaErrorKind {
  if (status === 404) return 'not_found';
  if (status === 409) return 'conflict';
  if (status === 429) return 'rate_limited';
  if (status === 400 || status === 422) return 'validation';
  if (status >= 500) return 'server';
  return 'rejected';
}
