/**
 * Identical report answers shared for a few seconds (SILA_STATS_CACHE_MS, opt-in): many
 * people opening the same dashboard of counts cost one computation. Keyed by the whole
 * filter; an answer is at most `ttlMs` old (never invalidated early: a few seconds'
 * staleness is what a dashboard of counts can take). Requests that arrive while the
 * same answer is being computed wait for it instead of starting another. A failed
 * computation is not kept. ttlMs 0 turns all of it off.
 */
export class ResultCache<T> {
  private readonly entries = new Map<string, { until: number; value: Promise<T> }>();

  constructor(
    private readonly ttlMs: number,
    private readonly clock: () => number = () => performance.now(),
    private readonly maxEntries = 200,
  ) {}

  get(key: string, compute: () => Promise<T>): Promise<T> {
    if (this.ttlMs <= 0) return compute();
    const now = this.clock();
    const hit = this.entries.get(key);
    if (hit && hit.until > now) return hit.value;
    // Oldest first: a Map iterates in insertion order.
    while (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    const value = compute();
    // The answer's age counts from when it is ready, not from when it was asked for.
    const entry = { until: Number.POSITIVE_INFINITY, value };
    this.entries.set(key, entry);
    value.then(
      () => {
        entry.until = this.clock() + this.ttlMs;
      },
      () => {
        if (this.entries.get(key) === entry) this.entries.delete(key);
      },
    );
    return value;
  }
}
