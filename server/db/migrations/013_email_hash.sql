-- "I lost my reference number" by e-mail (#21) without reading every case (#18, #19).
--
-- POST /v1/reference-reminders with an e-mail compared it with every case's payload: at
-- 1,000,000 cases 0.6 s of a public connection per call with a warm cache, 9.4 s cold,
-- for anyone who asks. A keyed hash of the address, with an index, as for the mobile
-- (migration 003), makes it a lookup.
--
-- The hash is keyed by SILA_DATA_KEY, which the database never holds: the server's
-- start-up step (server/staff/search-index.ts) hashes the cases that have an e-mail,
-- in batches, before it listens. Marking them is all this migration does to the rows.

ALTER TABLE submissions ADD COLUMN email_hash text;
CREATE INDEX submissions_email_hash_idx ON submissions (email_hash) WHERE email_hash IS NOT NULL;

UPDATE submissions SET search_key_id = NULL
 WHERE search_key_id IS NOT NULL
   AND coalesce(payload #>> '{applicant,email}', payload #>> '{contact,email}') IS NOT NULL;
