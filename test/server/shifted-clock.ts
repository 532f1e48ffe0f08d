/**
 * A server process whose clock starts at the top of a minute (test-only preload,
 * shifted-clock-preload.mjs), so that requests made soon after its start fall in one
 * clock-aligned rate-limit window without sleeping until a real minute begins.
 */
import { fileURLToPath } from 'node:url';

const preload = fileURLToPath(new URL('./shifted-clock-preload.mjs', import.meta.url));

export interface ShiftedClock {
  /** Environment for the server process(es): the preload and the offset. */
  env: Record<string, string>;
  /** The servers' clock (ms). */
  now(): number;
  /** Milliseconds left in the servers' current window of windowMs. */
  leftInWindow(windowMs?: number): number;
}

/** Every process started with `env` reads the same shifted clock: now at the start of a minute. */
export function clockAtMinuteStart(): ShiftedClock {
  const offset = 60_000 - (Date.now() % 60_000);
  const now = () => Date.now() + offset;
  return {
    env: {
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import ${preload}`.trim(),
      SILA_TEST_CLOCK_OFFSET_MS: String(offset),
    },
    now,
    leftInWindow: (windowMs = 60_000) => windowMs - (now() % windowMs),
  };
}
