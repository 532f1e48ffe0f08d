-- sila:no-transaction
-- Runs outside a transaction (server/db/migrate.ts): the index below is built with
-- CREATE INDEX CONCURRENTLY, so upgrading a live database never blocks a create. Every
-- statement can run again after a failure half-way.
--
-- Idempotency claims as leases (#19): the process working on a claim renews lease_until
-- every few seconds; a claim whose lease has run out belongs to a process that died
-- (kill -9, a crash, a lost host) and the next retry takes it over at once, instead of
-- answering 409 for two minutes. `owner` is the claim's random token: a process whose
-- claim was taken over cannot store its answer (its transaction rolls back), so the
-- submission is still created once.
ALTER TABLE idempotency_keys ADD COLUMN IF NOT EXISTS lease_until timestamptz;
ALTER TABLE idempotency_keys ADD COLUMN IF NOT EXISTS owner text;

-- The statistics' overdue requests: counted from this index alone (an index-only scan),
-- not by visiting every open case past its due date.
DROP INDEX CONCURRENTLY IF EXISTS submissions_overdue_requests_idx;
CREATE INDEX CONCURRENTLY submissions_overdue_requests_idx ON submissions (expected_decision_by)
  WHERE kind = 'request' AND status NOT IN ('accepted', 'rejected', 'resolved', 'closed');
