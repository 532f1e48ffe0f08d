/**
 * Counters for per-client limits: fixed windows aligned to the epoch, one counter per key.
 * In memory (one process; a bounded LRU) or in PostgreSQL (shared by every instance on one
 * database, so N instances enforce one limit). createApp picks PostgreSQL when the
 * database is PostgreSQL.
 */
import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { Database } from '../db/database.js';

export interface WindowCount {
  /** Hits in the current window, this one included. */
  count: number;
  /** Milliseconds until the window ends. */
  resetInMs: number;
}

export interface CounterStore {
  readonly kind: 'memory' | 'postgres';
  /** Counts one hit on key in its current window of windowMs. */
  hit(key: string, windowMs: number): Promise<WindowCount>;
}

/** Keys remembered in memory at most: beyond, the least recently used are forgotten. */
export const MEMORY_COUNTER_MAX_KEYS = 100_000;

const windowStart = (now: number, windowMs: number) => Math.floor(now / windowMs) * windowMs;

export class MemoryCounterStore implements CounterStore {
  readonly kind = 'memory';
  private readonly windows: LRUCache<string, { start: number; count: number }>;

  constructor(
    private readonly now: () => number = Date.now,
    max = MEMORY_COUNTER_MAX_KEYS,
  ) {
    // ttl per entry (its window); expired entries are dropped when read or pushed out.
    this.windows = new LRUCache({ max, ttlAutopurge: false, ttlResolution: 0, perf: { now } });
  }

  /** How many keys are tracked (tests: the table stays bounded). */
  get size(): number {
    return this.windows.size;
  }

  hit(key: string, windowMs: number): Promise<WindowCount> {
    const now = this.now();
    const start = windowStart(now, windowMs);
    let window = this.windows.get(key);
    if (!window || window.start !== start) {
      window = { start, count: 0 };
      this.windows.set(key, window, { ttl: start + windowMs - now });
    }
    window.count++;
    return Promise.resolve({ count: window.count, resetInMs: start + windowMs - now });
  }
}

/** Sweep expired rows at most this often (per instance). */
export const SWEEP_EVERY_MS = 60_000;

export class PostgresCounterStore implements CounterStore {
  readonly kind = 'postgres';
  private lastSweep = 0;

  constructor(
    private readonly db: Database,
    private readonly now: () => number = Date.now,
  ) {}

  async hit(key: string, windowMs: number): Promise<WindowCount> {
    const now = this.now();
    const start = windowStart(now, windowMs);
    const { rows } = await this.db.query<{ hits: number }>(
      `INSERT INTO rate_limits (key, window_start, hits, expires_at) VALUES ($1, $2, 1, $3)
       ON CONFLICT (key) DO UPDATE SET
         hits = CASE WHEN rate_limits.window_start = EXCLUDED.window_start THEN rate_limits.hits + 1 ELSE 1 END,
         window_start = EXCLUDED.window_start,
         expires_at = EXCLUDED.expires_at
       RETURNING hits`,
      [hashedKey(key), start, new Date(start + windowMs)],
    );
    if (now - this.lastSweep >= SWEEP_EVERY_MS) {
      this.lastSweep = now;
      void this.sweep(now).catch(() => {}); // best effort: the next sweep catches up
    }
    return { count: Number(rows[0]!.hits), resetInMs: start + windowMs - now };
  }

  /** Deletes the counters whose window has ended. */
  async sweep(now = this.now()): Promise<number> {
    const { rows } = await this.db.query<{ n: number }>(
      'WITH gone AS (DELETE FROM rate_limits WHERE expires_at <= $1 RETURNING 1) SELECT count(*)::int AS n FROM gone',
      [new Date(now)],
    );
    return Number(rows[0]?.n ?? 0);
  }
}

/** The stored key: a digest, so the table never holds a client address. */
function hashedKey(key: string): string {
  return createHash('sha256').update(key).digest('base64url');
}

/** PostgreSQL shares counters between instances; the embedded database serves one process. */
export function counterStoreFor(db: Database, now: () => number = Date.now): CounterStore {
  return db.kind === 'postgres' ? new PostgresCounterStore(db, now) : new MemoryCounterStore(now);
}
