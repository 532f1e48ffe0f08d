/**
 * The staff lane (SILA_STAFF_CONCURRENCY): at most this many authenticated staff requests
 * are handled at once per instance; the others wait their turn in order. Eight staff
 * clients looping on reports then take turns in two slots instead of interleaving eight
 * handlers, and their database work, between every step of a public create (#19).
 * A streamed export leaves its slot when its response starts, not when it ends.
 * 0 turns the lane off.
 */
import type { MiddlewareHandler } from 'hono';
import pLimit from 'p-limit';

export function staffLane(concurrency: number): MiddlewareHandler {
  if (concurrency <= 0) return (_c, next) => next();
  const limit = pLimit(concurrency);
  return (_c, next) => limit(() => next());
}
