-- Per-client counters shared by every instance (issue #19): the per-address POST limit and
-- the failed-lookup slowing count here on PostgreSQL, so N instances enforce one limit.
-- One row per counter (fixed window): a hit is one UPSERT that restarts the count when a
-- new window begins. The key is a SHA-256 of the limit name and client key, never the
-- address itself; rows whose window has ended are swept by the server. (The embedded
-- database keeps these counters in memory: it serves one process.)
CREATE TABLE rate_limits (
  key text PRIMARY KEY,
  -- Start of the current window, in milliseconds since the epoch (windows are aligned to it).
  window_start bigint NOT NULL,
  hits integer NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX rate_limits_expires_at_idx ON rate_limits (expires_at);
