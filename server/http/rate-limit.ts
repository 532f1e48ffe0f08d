/**
 * Per-client limits on top of a CounterStore (memory, or PostgreSQL shared by every
 * instance), and the per-client cap on requests in flight (per process: it bounds what
 * one client makes this process do at once).
 */
import type { CounterStore } from './counter-store.js';

export interface LimitHit {
  /** Hits in the current window, this one included. */
  count: number;
  /** Seconds to wait when this hit is over the limit, else 0. */
  retryAfter: number;
  /** Seconds until the window ends (at least 1). */
  resetIn: number;
}

/** N hits per window per key (0: no limit). */
export class FixedWindowLimit {
  constructor(
    private readonly store: CounterStore,
    /** Keeps limits sharing a store apart (e.g. "post", "lookup"). */
    private readonly name: string,
    readonly limit: number,
    readonly windowMs: number,
  ) {}

  /** Counts one hit of key. */
  async hit(key: string): Promise<LimitHit> {
    if (this.limit <= 0) return { count: 0, retryAfter: 0, resetIn: 0 };
    const { count, resetInMs } = await this.store.hit(`${this.name}:${key}`, this.windowMs);
    const resetIn = Math.max(1, Math.ceil(resetInMs / 1000));
    return { count, retryAfter: count > this.limit ? resetIn : 0, resetIn };
  }
}

/**
 * Requests in flight per client key: one client cannot take every worker of this process
 * (a slow body, a heavy parse, a slowed lookup). Keys leave the map when their last
 * request ends, so it holds only clients with a request open.
 */
export class InFlightLimit {
  private readonly open = new Map<string, number>();

  constructor(readonly limit: number) {}

  /** Takes a slot for key; false when key already has `limit` requests open (0: no limit). */
  enter(key: string): boolean {
    if (this.limit <= 0) return true;
    const count = this.open.get(key) ?? 0;
    if (count >= this.limit) return false;
    this.open.set(key, count + 1);
    return true;
  }

  leave(key: string): void {
    if (this.limit <= 0) return;
    const count = (this.open.get(key) ?? 1) - 1;
    if (count <= 0) this.open.delete(key);
    else this.open.set(key, count);
  }

  /** Clients with a request open (tests). */
  get size(): number {
    return this.open.size;
  }
}
