/**
 * In-memory fixed-window counters per key (client IP). Per instance: behind several
 * instances each enforces its own share, which is enough to blunt a single abuser; the
 * per-reference lookup lockout, which matters more, lives in the database.
 */
export class WindowCounter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds until key may try again, or 0 when under the limit (without counting). */
  retryAfter(key: string): number {
    if (this.limit <= 0) return 0;
    const window = this.current(key);
    if (!window || window.count < this.limit) return 0;
    return Math.max(1, Math.ceil((window.start + this.windowMs - this.now()) / 1000));
  }

  /** Counts one hit; returns the seconds to wait when this hit is over the limit, else 0. */
  hit(key: string): number {
    if (this.limit <= 0) return 0;
    const now = this.now();
    let window = this.current(key);
    if (!window) {
      window = { start: now, count: 0 };
      this.windows.set(key, window);
      this.sweep(now);
    }
    window.count++;
    return window.count > this.limit ? Math.max(1, Math.ceil((window.start + this.windowMs - now) / 1000)) : 0;
  }

  private current(key: string) {
    const window = this.windows.get(key);
    if (window && this.now() - window.start >= this.windowMs) {
      this.windows.delete(key);
      return undefined;
    }
    return window;
  }

  /** Keeps memory bounded: drop expired windows once the map grows. */
  private sweep(now: number): void {
    if (this.windows.size < 10_000) return;
    for (const [key, window] of this.windows) if (now - window.start >= this.windowMs) this.windows.delete(key);
  }
}
