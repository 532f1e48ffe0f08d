-- Staff accounts, sign-in sessions, sign-in slowing, settings and the append-only
-- audit log (docs/staff-side.md). Shared by every instance: nothing of this lives in memory.

CREATE TABLE staff_accounts (
  id text PRIMARY KEY,
  name text NOT NULL,
  -- Stored lower-cased: one account per address whatever the case typed.
  email text NOT NULL UNIQUE,
  role text NOT NULL CHECK (role IN ('officer', 'committee', 'manager', 'admin')),
  active boolean NOT NULL DEFAULT true,
  -- scrypt$N$r$p$salt$hash (node's crypto.scrypt).
  password_hash text NOT NULL,
  -- A temporary password (new account, reset): only the password change works until then.
  must_change_password boolean NOT NULL DEFAULT false,
  -- Base32 TOTP secret once confirmed; the pending one while the person enrols.
  totp_secret text,
  totp_pending_secret text,
  -- The last accepted TOTP time step: a code is accepted once.
  totp_last_step bigint,
  created_at timestamptz NOT NULL,
  last_sign_in_at timestamptz
);

-- id_hash = sha256(cookie value), hex: the session id itself is never stored.
CREATE TABLE staff_sessions (
  id_hash text PRIMARY KEY,
  account_id text NOT NULL REFERENCES staff_accounts (id) ON DELETE CASCADE,
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  -- created_at + 12 h: the absolute end, whatever the activity.
  expires_at timestamptz NOT NULL
);
CREATE INDEX staff_sessions_account_idx ON staff_sessions (account_id);
CREATE INDEX staff_sessions_expires_idx ON staff_sessions (expires_at);

-- Failed sign-ins (and bearer-token 401s) per key: 'account:<sha256 of the e-mail>',
-- 'ip:<address>', 'token-ip:<address>'. The delay grows with failures and the count
-- decays, so nobody is locked out for good.
CREATE TABLE staff_sign_in_failures (
  key text PRIMARY KEY,
  failures integer NOT NULL,
  last_failure_at timestamptz NOT NULL,
  -- No attempt is checked before this moment (429 with Retry-After).
  blocked_until timestamptz
);

-- Association-wide staff settings (requireTotp, …): one JSON value per key.
CREATE TABLE staff_settings (
  key text PRIMARY KEY,
  value jsonb NOT NULL,
  updated_at timestamptz NOT NULL
);

-- Who did what, when, from where: ids only, never the personal data itself.
CREATE TABLE audit_log (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at timestamptz NOT NULL,
  -- The account (null for the token and for failed sign-ins); the label is kept as it
  -- was then ('api-token', 'anonymous' or the account's name at the time).
  actor_id text,
  actor_label text NOT NULL,
  actor_role text,
  action text NOT NULL,
  target text,
  ip text NOT NULL,
  details jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX audit_log_at_idx ON audit_log (at DESC, id DESC);
CREATE INDEX audit_log_actor_idx ON audit_log (actor_id, id DESC);
CREATE INDEX audit_log_target_idx ON audit_log (target, id DESC);

-- Append-only, enforced by the database: any UPDATE, DELETE or TRUNCATE fails.
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only (% refused)', TG_OP USING ERRCODE = '42501';
END;
$$;
CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
