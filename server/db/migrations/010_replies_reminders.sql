-- The applicant's answer to "information needed" is a timeline entry of its own
-- (type 'reply': the text in note, the documents' ids in details), and "forgot my
-- reference" sends a message of its own (event 'reminder') through the outbox.

ALTER TABLE submission_history DROP CONSTRAINT IF EXISTS submission_history_type_check;
ALTER TABLE submission_history
  ADD CONSTRAINT submission_history_type_check CHECK (type IN ('status', 'note', 'assign', 'reply'));

ALTER TABLE messages DROP CONSTRAINT IF EXISTS messages_event_check;
ALTER TABLE messages
  ADD CONSTRAINT messages_event_check
  CHECK (event IN ('received', 'status', 'needs_info', 'decision', 'closed', 'reminder'));
