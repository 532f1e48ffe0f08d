/** Abuse limits; tests and benchmarks loosen them through createApp's options. */
export interface Limits {
  /**
   * Largest JSON body (and multipart `payload` field), in bytes. The largest valid body a
   * person can send (every field at its maximum, non-ASCII escaped as \uXXXX as PHP's
   * json_encode does) is about 18.5 KB (test/server/json-cost.test.ts measures it): 64 KiB
   * leaves three and a half times that, and bounds the parsing work one request can ask for.
   */
  maxJsonBytes: number;
  /** Deepest nesting of arrays/objects accepted in a JSON body (real bodies nest 3 deep). */
  maxJsonDepth: number;
  /** Most elements in one JSON array (real bodies have none longer than a few dozen). */
  maxJsonArrayLength: number;
  /** POSTs per client (IPv4 address or IPv6 /64) per minute on the public routes (0: no limit). */
  postsPerMinutePerIp: number;
  /** Failed status lookups per reference per UTC day (unknown references included). */
  lookupFailuresPerReferencePerDay: number;
  /**
   * Failed status lookups per client per hour answered at once (0: never slowed). Past
   * this, each further failure is answered later and later (lookupSlowdown), but a
   * correct verifier is always answered: the person behind the same carrier address is
   * never locked out.
   */
  lookupFailuresPerHourPerIp: number;
  /** Requests in flight per client on the public routes; more answer 429 (0: no limit). */
  maxInFlightPerClient: number;
}

/** How failed lookups past the free allowance are slowed: doubling from base, capped. */
export const LOOKUP_SLOWDOWN = { baseMs: 250, maxMs: 8_000 } as const;

export const DEFAULT_LIMITS: Limits = {
  maxJsonBytes: 64 * 1024,
  maxJsonDepth: 16,
  maxJsonArrayLength: 1000,
  // Generous: Saudi mobile carriers put many people behind one address (CGNAT).
  postsPerMinutePerIp: 60,
  lookupFailuresPerReferencePerDay: 5,
  lookupFailuresPerHourPerIp: 30,
  maxInFlightPerClient: 8,
};
