-- Case workflow (docs/staff-side.md, issue #14) and an inbox that stays fast at a million
-- rows (issue #19): version, assignee, referral and decision on the case; notes and
-- assignments in its timeline; search columns; indexes that match the list's sort.

-- The phone/branch channel of the old API is the walk-in channel now.
UPDATE submissions SET channel = 'walk_in' WHERE channel = 'branch';
ALTER TABLE submissions
  ADD CONSTRAINT submissions_channel_check
  CHECK (channel IN ('website', 'walk_in', 'phone', 'email', 'social', 'letter'));

ALTER TABLE submissions
  -- Bumped by every change; a change sends the version it saw (409 when it moved on).
  ADD COLUMN version integer NOT NULL DEFAULT 1,
  ADD COLUMN assignee_id text REFERENCES staff_accounts (id),
  -- Set once, when a request is first referred: the committee sees these requests.
  ADD COLUMN referred_at timestamptz,
  -- The committee's decision: the reason stays internal, the public note is the applicant's.
  ADD COLUMN decision text CHECK (decision IN ('accepted', 'rejected')),
  ADD COLUMN decision_reason text,
  ADD COLUMN decision_note text,
  ADD COLUMN decision_by text REFERENCES staff_accounts (id),
  ADD COLUMN decision_at timestamptz,
  -- The applicant's name through normalizeArabic() (src/contract/arabic-normalize.ts).
  ADD COLUMN search_name text,
  -- HMAC-SHA-256 (key from SILA_DATA_KEY) of the national ID and of the E.164 mobile:
  -- an exact search without an index of the numbers themselves.
  ADD COLUMN national_id_hash text,
  ADD COLUMN mobile_hash text,
  -- Which key made those hashes (a fingerprint, not the key); NULL: not computed yet.
  -- Rows are (re)computed at start-up by server/staff/search-index.ts, in batches.
  ADD COLUMN search_key_id text;

-- A request the committee already saw: referred, or decided.
UPDATE submissions s SET referred_at = coalesce(
    (SELECT min(h.at) FROM submission_history h WHERE h.reference = s.reference AND h.status = 'referred'),
    s.updated_at)
  WHERE s.kind = 'request' AND (s.status IN ('referred', 'accepted')
    OR EXISTS (SELECT 1 FROM submission_history h WHERE h.reference = s.reference AND h.status = 'referred'));

ALTER TABLE submission_history
  -- status: a status change (referral and decision included); note: a note alone;
  -- assign: the assignee changed (details.assigneeId).
  ADD COLUMN type text NOT NULL DEFAULT 'status' CHECK (type IN ('status', 'note', 'assign')),
  ADD COLUMN actor_id text,
  ADD COLUMN version integer NOT NULL DEFAULT 1,
  ADD COLUMN details jsonb;
-- Existing entries: number them per case in order, so a case's version equals its count.
UPDATE submission_history h SET version = n.version
  FROM (SELECT id, row_number() OVER (PARTITION BY reference ORDER BY id)::int AS version FROM submission_history) n
  WHERE n.id = h.id;
UPDATE submissions s SET version = (SELECT count(*)::int FROM submission_history h WHERE h.reference = s.reference)
  WHERE EXISTS (SELECT 1 FROM submission_history h WHERE h.reference = s.reference);

-- Keyset paging: one index per sort the inbox offers, the reference breaking ties.
DROP INDEX submissions_received_at_idx;
CREATE INDEX submissions_received_idx ON submissions (received_at DESC, reference DESC);
CREATE INDEX submissions_due_idx ON submissions ((coalesce(expected_decision_by, 'infinity'::timestamptz)), reference);
CREATE INDEX submissions_status_received_idx ON submissions (status, received_at DESC, reference DESC);
CREATE INDEX submissions_assignee_received_idx ON submissions (assignee_id, received_at DESC, reference DESC);
CREATE INDEX submissions_committee_idx ON submissions (received_at DESC, reference DESC) WHERE referred_at IS NOT NULL;
-- Overdue and due soon: open cases by due date only.
CREATE INDEX submissions_open_due_idx ON submissions (expected_decision_by, reference)
  WHERE status NOT IN ('accepted', 'rejected', 'resolved', 'closed') AND expected_decision_by IS NOT NULL;
-- Exact search by keyed hash.
CREATE INDEX submissions_national_id_hash_idx ON submissions (national_id_hash) WHERE national_id_hash IS NOT NULL;
CREATE INDEX submissions_mobile_hash_idx ON submissions (mobile_hash) WHERE mobile_hash IS NOT NULL;
-- Rows whose search columns are still to be computed.
CREATE INDEX submissions_search_pending_idx ON submissions (reference) WHERE search_key_id IS NULL;

-- Name and reference parts: trigram indexes (LIKE '%…%' uses them) where pg_trgm can be
-- installed, i.e. PostgreSQL with the contrib package (a trusted extension since 13).
-- The embedded database has no pg_trgm loaded: the same LIKE runs as a scan there, fast
-- enough at its size. The extension goes into `public` when it exists, so test schemas
-- dropped with CASCADE never take it with them.
DO $$
DECLARE
  ext_schema text;
BEGIN
  BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
      IF EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = 'public') THEN
        CREATE EXTENSION pg_trgm SCHEMA public;
      ELSE
        CREATE EXTENSION pg_trgm;
      END IF;
    END IF;
  EXCEPTION WHEN OTHERS THEN
    RAISE NOTICE 'pg_trgm not available (%): name search scans', SQLERRM;
  END;
  SELECT n.nspname INTO ext_schema FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm';
  IF ext_schema IS NOT NULL THEN
    EXECUTE format('CREATE INDEX submissions_search_name_trgm_idx ON submissions USING gin (search_name %I.gin_trgm_ops)', ext_schema);
    EXECUTE format('CREATE INDEX submissions_reference_trgm_idx ON submissions USING gin (reference %I.gin_trgm_ops)', ext_schema);
  END IF;
END;
$$;
