-- Idempotency claims as leases (#19): the process working on a claim renews lease_until
-- every few seconds; a claim whose lease has run out belongs to a process that died
-- (kill -9, a crash, a lost host) and the next retry takes it over at once, instead of
-- answering 409 for two minutes. `owner` is the claim's random token: a process whose
-- claim was taken over cannot store its answer (its transaction rolls back), so the
-- submission is still created once.
ALTER TABLE idempotency_keys ADD COLUMN lease_until timestamptz;
ALTER TABLE idempotency_keys ADD COLUMN owner text;
