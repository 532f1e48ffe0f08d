-- Notifications to staff (#15, optional per account): a daily digest of new cases and a
-- warning before a case passes its due date. Same outbox rules as messages (004_messages).
CREATE TABLE staff_notice_settings (
  account_id text PRIMARY KEY REFERENCES staff_accounts (id) ON DELETE CASCADE,
  daily_digest boolean NOT NULL DEFAULT false,
  due_warnings boolean NOT NULL DEFAULT false,
  updated_at timestamptz NOT NULL
);

CREATE TABLE staff_notices (
  id text PRIMARY KEY,
  account_id text NOT NULL REFERENCES staff_accounts (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('digest', 'due_warning')),
  -- 'digest:<Riyadh day>' or 'due:<reference>:<due date>': one notice each, ever.
  notice_key text NOT NULL,
  -- digest: {day}; due_warning: {reference, dueAt}. Ids and dates, no personal data.
  params jsonb NOT NULL,
  state text NOT NULL CHECK (state IN ('queued', 'sending', 'sent', 'failed', 'not_configured')),
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL,
  locked_until timestamptz,
  last_error text,
  provider_id text,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  sent_at timestamptz,
  UNIQUE (account_id, notice_key)
);
CREATE INDEX staff_notices_due_idx ON staff_notices (next_attempt_at) WHERE state IN ('queued', 'sending');
