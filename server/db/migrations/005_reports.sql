-- Reports (issue #16): the daily visitor log, and rollups the period reports read instead
-- of scanning and joining every submission, its history and its rating (1,000,000
-- submissions must give a monthly report in under 2 s and a yearly one in under 5 s on
-- PostgreSQL). No personal data in any of them.
-- Triggers keep the rollups in step with every insert and update, whoever writes.

-- Walk-ins per day as the officers record them: one row per entry (a day may have
-- several), summed by the report. No names: a count and why they came.
CREATE TABLE visitor_log (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  -- The association's calendar day (Riyadh).
  day date NOT NULL,
  purpose text NOT NULL CHECK (purpose IN ('new_request', 'follow_up', 'complaint', 'inquiry', 'documents', 'other')),
  count integer NOT NULL CHECK (count BETWEEN 1 AND 5000),
  recorded_by text NOT NULL,
  recorded_at timestamptz NOT NULL
);
CREATE INDEX visitor_log_day_idx ON visitor_log (day);

-- One narrow row per submission (no personal data): what the counts group by, and the
-- moments the times are measured to. first_response_at: the first status change or
-- public note after the submission itself (internal notes and assignments are not an
-- answer to the applicant); resolved_at: the first final status; decided_at: the first
-- accepted/rejected.
CREATE TABLE report_cases (
  reference text PRIMARY KEY REFERENCES submissions (reference) ON DELETE CASCADE,
  kind text NOT NULL,
  channel text NOT NULL,
  -- Requested service (requests) or complaint category (the other kinds).
  topic text,
  status text NOT NULL,
  received_at timestamptz NOT NULL,
  -- The association's calendar day of received_at (Riyadh): periods are whole days.
  day date NOT NULL,
  due timestamptz,
  first_response_at timestamptz,
  resolved_at timestamptz,
  decided_at timestamptz
);
CREATE INDEX report_cases_day_idx ON report_cases (day);

-- Overdue: open cases past their due date (a short list among many closed ones).
CREATE INDEX report_cases_open_due_idx ON report_cases (due) WHERE status NOT IN ('accepted', 'rejected', 'resolved', 'closed');

-- Submissions per received day and kind, channel, current status and topic: what the
-- counts add up (a year is a few thousand rows, not a million).
CREATE TABLE report_daily (
  day date NOT NULL,
  kind text NOT NULL,
  channel text NOT NULL,
  status text NOT NULL,
  topic text NOT NULL,
  n integer NOT NULL,
  PRIMARY KEY (day, kind, channel, status, topic)
);

-- Ratings with what they rate: service (with a reference: its kind and topic) or website.
CREATE TABLE report_ratings (
  id text PRIMARY KEY REFERENCES ratings (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL,
  source text NOT NULL,
  kind text,
  topic text,
  scale text NOT NULL,
  score integer NOT NULL
);
CREATE INDEX report_ratings_created_at_idx ON report_ratings (created_at);

-- Staff history entries (status changes) per day in Riyadh, kind and new status.
CREATE TABLE report_actions (
  day date NOT NULL,
  kind text NOT NULL,
  status text NOT NULL,
  n integer NOT NULL,
  PRIMARY KEY (day, kind, status)
);

CREATE FUNCTION report_cases_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO report_cases (reference, kind, channel, topic, status, received_at, day, due)
  VALUES (NEW.reference, NEW.kind, NEW.channel, coalesce(NEW.payload ->> 'service', NEW.payload ->> 'category'),
          NEW.status, NEW.received_at, (NEW.received_at AT TIME ZONE 'Asia/Riyadh')::date, NEW.expected_decision_by)
  ON CONFLICT (reference) DO UPDATE SET kind = EXCLUDED.kind, channel = EXCLUDED.channel, topic = EXCLUDED.topic,
    status = EXCLUDED.status, received_at = EXCLUDED.received_at, day = EXCLUDED.day, due = EXCLUDED.due;
  RETURN NULL;
END $$;
CREATE TRIGGER report_cases_sync AFTER INSERT OR UPDATE ON submissions
  FOR EACH ROW EXECUTE FUNCTION report_cases_sync();

CREATE FUNCTION report_daily_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND (OLD.day, OLD.kind, OLD.channel, OLD.status, coalesce(OLD.topic, ''))
                        IS NOT DISTINCT FROM (NEW.day, NEW.kind, NEW.channel, NEW.status, coalesce(NEW.topic, '')) THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    UPDATE report_daily SET n = n - 1
     WHERE day = OLD.day AND kind = OLD.kind AND channel = OLD.channel AND status = OLD.status AND topic = coalesce(OLD.topic, '');
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN
    INSERT INTO report_daily (day, kind, channel, status, topic, n)
    VALUES (NEW.day, NEW.kind, NEW.channel, NEW.status, coalesce(NEW.topic, ''), 1)
    ON CONFLICT (day, kind, channel, status, topic) DO UPDATE SET n = report_daily.n + 1;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER report_daily_sync AFTER INSERT OR UPDATE OR DELETE ON report_cases
  FOR EACH ROW EXECUTE FUNCTION report_daily_sync();

CREATE FUNCTION report_ratings_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO report_ratings (id, created_at, source, kind, topic, scale, score)
  SELECT NEW.id, NEW.created_at, CASE WHEN NEW.reference IS NULL THEN 'website' ELSE 'service' END,
         c.kind, c.topic, NEW.scale, NEW.score
    FROM (SELECT 1) one LEFT JOIN report_cases c ON c.reference = NEW.reference;
  RETURN NULL;
END $$;
CREATE TRIGGER report_ratings_sync AFTER INSERT ON ratings
  FOR EACH ROW EXECUTE FUNCTION report_ratings_sync();

CREATE FUNCTION report_history_sync() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  case_kind text;
BEGIN
  -- Only status changes are actions taken; a public note also answers the applicant.
  IF NEW.type <> 'status' AND NOT (NEW.type = 'note' AND NEW.note_public) THEN
    RETURN NULL;
  END IF;
  IF NEW.type = 'note' THEN
    UPDATE report_cases SET first_response_at = least(first_response_at, NEW.at)
     WHERE reference = NEW.reference AND NEW.at > received_at;
    RETURN NULL;
  END IF;
  UPDATE report_cases SET
    first_response_at = CASE WHEN NEW.at > received_at THEN least(first_response_at, NEW.at) ELSE first_response_at END,
    resolved_at = CASE WHEN NEW.at > received_at AND NEW.status IN ('accepted', 'rejected', 'resolved', 'closed')
                       THEN least(resolved_at, NEW.at) ELSE resolved_at END,
    decided_at = CASE WHEN NEW.status IN ('accepted', 'rejected') THEN least(decided_at, NEW.at) ELSE decided_at END
  WHERE reference = NEW.reference AND NEW.at > received_at
  RETURNING kind INTO case_kind;
  IF case_kind IS NOT NULL THEN
    INSERT INTO report_actions (day, kind, status, n)
    VALUES ((NEW.at AT TIME ZONE 'Asia/Riyadh')::date, case_kind, NEW.status, 1)
    ON CONFLICT (day, kind, status) DO UPDATE SET n = report_actions.n + 1;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER report_history_sync AFTER INSERT ON submission_history
  FOR EACH ROW EXECUTE FUNCTION report_history_sync();

-- Builds the rollups from the tables (here for existing data; also after a bulk load
-- made with the triggers disabled, e.g. bench/reports-scale.mjs).
CREATE FUNCTION report_rebuild() RETURNS void LANGUAGE sql AS $$
  DELETE FROM report_actions;
  DELETE FROM report_ratings;
  DELETE FROM report_daily;
  DELETE FROM report_cases;
  INSERT INTO report_cases (reference, kind, channel, topic, status, received_at, day, due, first_response_at, resolved_at, decided_at)
  SELECT s.reference, s.kind, s.channel, coalesce(s.payload ->> 'service', s.payload ->> 'category'), s.status,
         s.received_at, (s.received_at AT TIME ZONE 'Asia/Riyadh')::date, s.expected_decision_by,
         h.first_response_at, h.resolved_at, h.decided_at
    FROM submissions s
    LEFT JOIN (SELECT h.reference,
                      min(h.at) FILTER (WHERE h.at > s.received_at AND (h.type = 'status' OR (h.type = 'note' AND h.note_public))) AS first_response_at,
                      min(h.at) FILTER (WHERE h.type = 'status' AND h.at > s.received_at AND h.status IN ('accepted', 'rejected', 'resolved', 'closed')) AS resolved_at,
                      min(h.at) FILTER (WHERE h.type = 'status' AND h.status IN ('accepted', 'rejected')) AS decided_at
                 FROM submission_history h JOIN submissions s ON s.reference = h.reference
                GROUP BY h.reference) h ON h.reference = s.reference;
  INSERT INTO report_actions (day, kind, status, n)
  SELECT (h.at AT TIME ZONE 'Asia/Riyadh')::date, s.kind, h.status, count(*)
    FROM submission_history h JOIN submissions s ON s.reference = h.reference
   WHERE h.at > s.received_at AND h.type = 'status'
   GROUP BY 1, 2, 3;
  -- report_daily was filled row by row by its trigger unless that was off: count afresh.
  DELETE FROM report_daily;
  INSERT INTO report_daily (day, kind, channel, status, topic, n)
  SELECT day, kind, channel, status, coalesce(topic, ''), count(*) FROM report_cases GROUP BY 1, 2, 3, 4, 5;
  INSERT INTO report_ratings (id, created_at, source, kind, topic, scale, score)
  SELECT r.id, r.created_at, CASE WHEN r.reference IS NULL THEN 'website' ELSE 'service' END, c.kind, c.topic, r.scale, r.score
    FROM ratings r LEFT JOIN report_cases c ON c.reference = r.reference;
$$;
SELECT report_rebuild();
