-- Statistics under load (#19).
--
-- 1. Monthly rollups for the staff statistics: a three-year whole-range call reads a few
--    hundred monthly rows (plus the days at the range's ragged ends from report_daily and
--    report_ratings) instead of every daily row and every rating.
-- 2. Open requests per received day and due day (report_open_due): the statistics'
--    overdue count sums the due days before today and counts today's from the partial
--    index, instead of visiting every open request past its date.
-- 3. The rollup rows are shared by every create of the same day, kind, channel and
--    category ("today's row"): updated in the create's own transaction, the row lock
--    was held from the first insert to the commit and concurrent creates queued behind
--    it. The rollup triggers are now deferred constraint triggers: they run at commit,
--    so the lock on the shared row lasts a moment. The counts are the same.

CREATE TABLE report_monthly (
  -- First day of the month (the association's calendar, Riyadh).
  month date NOT NULL,
  kind text NOT NULL,
  status text NOT NULL,
  n integer NOT NULL,
  PRIMARY KEY (month, kind, status)
);

CREATE TABLE report_ratings_monthly (
  month date NOT NULL,
  -- The rated submission's kind; '' for website ratings (no reference).
  kind text NOT NULL,
  scale text NOT NULL,
  score integer NOT NULL,
  n integer NOT NULL,
  PRIMARY KEY (month, kind, scale, score)
);

CREATE TABLE report_open_due (
  -- The association's calendar days (Riyadh) of received_at and of the due date.
  received_day date NOT NULL,
  due_day date NOT NULL,
  n integer NOT NULL,
  PRIMARY KEY (received_day, due_day)
);

-- The trigger is switched first: its table is locked from here to the end of this
-- migration, so no change can fall between the fill below and the new trigger.
DROP TRIGGER report_daily_sync ON report_cases;

CREATE OR REPLACE FUNCTION report_daily_sync() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  final constant text[] := ARRAY['accepted', 'rejected', 'resolved', 'closed'];
  was_open boolean := TG_OP <> 'INSERT' AND OLD.kind = 'request' AND OLD.due IS NOT NULL AND NOT OLD.status = ANY (final);
  is_open boolean := TG_OP <> 'DELETE' AND NEW.kind = 'request' AND NEW.due IS NOT NULL AND NOT NEW.status = ANY (final);
BEGIN
  IF was_open AND NOT (is_open AND (OLD.day, OLD.due) IS NOT DISTINCT FROM (NEW.day, NEW.due)) THEN
    UPDATE report_open_due SET n = n - 1
     WHERE received_day = OLD.day AND due_day = (OLD.due AT TIME ZONE 'Asia/Riyadh')::date;
  END IF;
  IF is_open AND NOT (was_open AND (OLD.day, OLD.due) IS NOT DISTINCT FROM (NEW.day, NEW.due)) THEN
    INSERT INTO report_open_due (received_day, due_day, n)
    VALUES (NEW.day, (NEW.due AT TIME ZONE 'Asia/Riyadh')::date, 1)
    ON CONFLICT (received_day, due_day) DO UPDATE SET n = report_open_due.n + 1;
  END IF;
  IF TG_OP = 'UPDATE' AND (OLD.day, OLD.kind, OLD.channel, OLD.status, coalesce(OLD.topic, ''))
                        IS NOT DISTINCT FROM (NEW.day, NEW.kind, NEW.channel, NEW.status, coalesce(NEW.topic, '')) THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    UPDATE report_daily SET n = n - 1
     WHERE day = OLD.day AND kind = OLD.kind AND channel = OLD.channel AND status = OLD.status AND topic = coalesce(OLD.topic, '');
    UPDATE report_monthly SET n = n - 1
     WHERE month = date_trunc('month', OLD.day)::date AND kind = OLD.kind AND status = OLD.status;
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN
    INSERT INTO report_daily (day, kind, channel, status, topic, n)
    VALUES (NEW.day, NEW.kind, NEW.channel, NEW.status, coalesce(NEW.topic, ''), 1)
    ON CONFLICT (day, kind, channel, status, topic) DO UPDATE SET n = report_daily.n + 1;
    INSERT INTO report_monthly (month, kind, status, n)
    VALUES (date_trunc('month', NEW.day)::date, NEW.kind, NEW.status, 1)
    ON CONFLICT (month, kind, status) DO UPDATE SET n = report_monthly.n + 1;
  END IF;
  RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER report_daily_sync AFTER INSERT OR UPDATE OR DELETE ON report_cases
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION report_daily_sync();

CREATE FUNCTION report_ratings_monthly_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    UPDATE report_ratings_monthly SET n = n - 1
     WHERE month = date_trunc('month', OLD.created_at AT TIME ZONE 'Asia/Riyadh')::date
       AND kind = coalesce(OLD.kind, '') AND scale = OLD.scale AND score = OLD.score;
    RETURN NULL;
  END IF;
  INSERT INTO report_ratings_monthly (month, kind, scale, score, n)
  VALUES (date_trunc('month', NEW.created_at AT TIME ZONE 'Asia/Riyadh')::date, coalesce(NEW.kind, ''), NEW.scale, NEW.score, 1)
  ON CONFLICT (month, kind, scale, score) DO UPDATE SET n = report_ratings_monthly.n + 1;
  RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER report_ratings_monthly_sync AFTER INSERT OR DELETE ON report_ratings
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION report_ratings_monthly_sync();

INSERT INTO report_monthly (month, kind, status, n)
SELECT date_trunc('month', day)::date, kind, status, sum(n) FROM report_daily GROUP BY 1, 2, 3;
INSERT INTO report_open_due (received_day, due_day, n)
SELECT day, (due AT TIME ZONE 'Asia/Riyadh')::date, count(*) FROM report_cases
 WHERE kind = 'request' AND due IS NOT NULL AND status NOT IN ('accepted', 'rejected', 'resolved', 'closed') GROUP BY 1, 2;
INSERT INTO report_ratings_monthly (month, kind, scale, score, n)
SELECT date_trunc('month', created_at AT TIME ZONE 'Asia/Riyadh')::date, coalesce(kind, ''), scale, score, count(*)
  FROM report_ratings GROUP BY 1, 2, 3, 4;

-- The rebuild (migration 005) with the monthly rollups. Its triggers fire as each
-- statement ends (SET CONSTRAINTS … IMMEDIATE), as they did before they were deferred:
-- deferred to the commit they would count again what the rebuild has just counted.
CREATE OR REPLACE FUNCTION report_rebuild() RETURNS void LANGUAGE sql AS $$
  SET CONSTRAINTS report_daily_sync, report_ratings_monthly_sync IMMEDIATE;
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
  DELETE FROM report_monthly;
  INSERT INTO report_monthly (month, kind, status, n)
  SELECT date_trunc('month', day)::date, kind, status, sum(n) FROM report_daily GROUP BY 1, 2, 3;
  DELETE FROM report_open_due;
  INSERT INTO report_open_due (received_day, due_day, n)
  SELECT day, (due AT TIME ZONE 'Asia/Riyadh')::date, count(*) FROM report_cases
   WHERE kind = 'request' AND due IS NOT NULL AND status NOT IN ('accepted', 'rejected', 'resolved', 'closed') GROUP BY 1, 2;
  DELETE FROM report_ratings_monthly;
  INSERT INTO report_ratings_monthly (month, kind, scale, score, n)
  SELECT date_trunc('month', created_at AT TIME ZONE 'Asia/Riyadh')::date, coalesce(kind, ''), scale, score, count(*)
    FROM report_ratings GROUP BY 1, 2, 3, 4;
$$;
