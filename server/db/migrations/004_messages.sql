-- Notifications (#15): the transactional outbox. A row is written in the same transaction
-- as the change that causes it; the sender (server/notify/sender.ts) delivers it later.
-- The address is not copied here: the sender reads it from the case when it sends.
CREATE TABLE messages (
  -- Random id; the e-mail Message-ID and the SMS/webhook id are derived from it, so a
  -- retry carries the same id and receivers can drop a duplicate.
  id text PRIMARY KEY,
  reference text NOT NULL REFERENCES submissions (reference) ON DELETE CASCADE,
  event text NOT NULL CHECK (event IN ('received', 'status', 'needs_info', 'decision', 'closed')),
  -- One message per (case, event occurrence): a repeated call inserts nothing.
  event_key text NOT NULL,
  channel text NOT NULL CHECK (channel IN ('email', 'sms')),
  locale text NOT NULL,
  -- What the template needs besides the case: {status, note, at}.
  params jsonb NOT NULL,
  -- queued → sending → sent | failed (dead letter, or refused for good) | not_configured
  state text NOT NULL CHECK (state IN ('queued', 'sending', 'sent', 'failed', 'not_configured')),
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL,
  -- A claimed row is leased; a sender that died mid-send leaves it to be taken again.
  locked_until timestamptz,
  -- The provider's answer (its error text, or its message id), never the message text.
  last_error text,
  provider_id text,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  sent_at timestamptz,
  -- The resend action queues a copy (a new id, so receivers do not drop it as a repeat).
  resend_of text,
  UNIQUE (reference, event_key)
);
CREATE INDEX messages_due_idx ON messages (next_attempt_at) WHERE state IN ('queued', 'sending');
CREATE INDEX messages_reference_idx ON messages (reference, created_at);
