/** Abuse limits; tests and benchmarks loosen them through createApp's options. */
export interface Limits {
  /** Largest JSON body (and multipart `payload` field), in bytes. */
  maxJsonBytes: number;
  /** Deepest nesting of arrays/objects accepted in a JSON body. */
  maxJsonDepth: number;
  /** POSTs per client IP per minute on the public routes (0: no limit). */
  postsPerMinutePerIp: number;
  /** Failed status lookups per reference per UTC day (unknown references included). */
  lookupFailuresPerReferencePerDay: number;
  /** Failed status lookups per client IP per hour (0: no limit). */
  lookupFailuresPerHourPerIp: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxJsonBytes: 1024 * 1024,
  maxJsonDepth: 32,
  // Generous: Saudi mobile carriers put many people behind one address (CGNAT).
  postsPerMinutePerIp: 60,
  lookupFailuresPerReferencePerDay: 5,
  lookupFailuresPerHourPerIp: 30,
};
