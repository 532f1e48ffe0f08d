-- Sila reference server: initial schema. Plain SQL that PGlite and PostgreSQL (13+)
-- both run unchanged. Personal data lives only in submissions.payload and attachments.

-- Requests and complaints (suggestions, inquiries, compensation claims) in one table:
-- they share the reference, the status workflow and the lookup.
CREATE TABLE submissions (
  reference text PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('request', 'complaint', 'suggestion', 'inquiry', 'compensation')),
  status text NOT NULL,
  channel text NOT NULL,
  -- The validated payload as submitted (after normalization), personal data included.
  payload jsonb NOT NULL,
  -- The signed declaration and the privacy consent: {accepted, version, acceptedAt}.
  declaration jsonb,
  consent jsonb,
  -- sha256(reference ":" verifier); the verifier itself is never stored.
  verifier_hash text NOT NULL,
  locale text,
  received_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  -- Requests: the committee's decision date; complaints: the promised answer date.
  expected_decision_by timestamptz
);
CREATE INDEX submissions_received_at_idx ON submissions (received_at DESC);
CREATE INDEX submissions_kind_status_idx ON submissions (kind, status);

-- Every status change, oldest first. A note is shown to the applicant only when public.
CREATE TABLE submission_history (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  reference text NOT NULL REFERENCES submissions (reference) ON DELETE CASCADE,
  status text NOT NULL,
  note text,
  note_public boolean NOT NULL DEFAULT false,
  actor text NOT NULL,
  at timestamptz NOT NULL
);
CREATE INDEX submission_history_reference_idx ON submission_history (reference, id);

-- Satisfaction ratings; at most one per reference (anonymous ones have none).
CREATE TABLE ratings (
  id text PRIMARY KEY,
  reference text UNIQUE REFERENCES submissions (reference) ON DELETE CASCADE,
  scale text NOT NULL CHECK (scale IN ('csat', 'nps', 'ces')),
  score integer NOT NULL,
  context text,
  comment text,
  locale text,
  created_at timestamptz NOT NULL
);
CREATE INDEX ratings_created_at_idx ON ratings (created_at);

-- Uploaded files, kept in the database so a record and its files commit together and
-- any number of stateless server instances see them.
CREATE TABLE attachments (
  id text PRIMARY KEY,
  reference text NOT NULL REFERENCES submissions (reference) ON DELETE CASCADE,
  kind text NOT NULL,
  media_type text NOT NULL,
  size integer NOT NULL,
  sha256 text NOT NULL,
  data bytea NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE INDEX attachments_reference_idx ON attachments (reference);

-- Idempotency-Key records. key_hash = sha256(route, key); the stored answer is encrypted
-- with a key derived from the Idempotency-Key itself, which only the client knows.
-- A row without response_status is a create in flight (the insert-first lock).
CREATE TABLE idempotency_keys (
  key_hash text PRIMARY KEY,
  request_hash text NOT NULL,
  response_status integer,
  response_body bytea,
  created_at timestamptz NOT NULL,
  completed_at timestamptz
);
CREATE INDEX idempotency_keys_created_at_idx ON idempotency_keys (created_at);

-- Failed status lookups per reference per UTC day (unknown references included).
CREATE TABLE lookup_failures (
  reference text NOT NULL,
  day text NOT NULL,
  failures integer NOT NULL,
  PRIMARY KEY (reference, day)
);
