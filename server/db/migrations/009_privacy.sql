-- Personal data rights and retention (issue #18, item 12; docs/staff-side.md, "Personal
-- data rights and retention").

ALTER TABLE submissions
  -- Which SILA_DATA_KEY sealed the national ID and mobile inside payload (a fingerprint,
  -- not the key). NULL: still to be (re)sealed: rows written before this migration, or
  -- under a previous key. server/privacy/sealing.ts seals them at start-up, in batches.
  ADD COLUMN data_key_id text,
  -- Set when the person's data was erased (on request or by the retention rules): the
  -- case keeps its kind, dates, status and statistics, nothing that names anyone.
  ADD COLUMN anonymised_at timestamptz;
CREATE INDEX submissions_unsealed_idx ON submissions (reference) WHERE data_key_id IS NULL;
-- Retention: closed cases not yet anonymised, oldest first (a case closes after it arrives).
CREATE INDEX submissions_retention_idx ON submissions (received_at)
  WHERE anonymised_at IS NULL AND status IN ('accepted', 'rejected', 'resolved', 'closed');

-- Daily jobs shared by several instances: the first to insert a (job, day) row runs it.
CREATE TABLE maintenance_runs (
  job text NOT NULL,
  day date NOT NULL,
  started_at timestamptz NOT NULL,
  finished_at timestamptz,
  -- What the run did (counts only).
  details jsonb,
  PRIMARY KEY (job, day)
);
