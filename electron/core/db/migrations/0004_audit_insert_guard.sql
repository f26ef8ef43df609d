-- The audit trail's triggers (0001) refuse UPDATE and DELETE, but INSERT OR REPLACE with an
-- existing id deletes the old row without firing a DELETE trigger (recursive_triggers is off):
-- history could be rewritten that way. Refuse any insert that reuses an id.
CREATE TRIGGER audit_events_are_append_only_insert BEFORE INSERT ON audit_events
WHEN EXISTS (SELECT 1 FROM audit_events WHERE id = NEW.id)
BEGIN
  SELECT RAISE(ABORT, 'the audit trail is append-only');
END;
