CREATE INDEX audit_events_by_time ON audit_events (at);

CREATE TABLE audit_events (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL CHECK (length(at) BETWEEN 20 AND 30),
  action TEXT NOT NULL CHECK (length(action) BETWEEN 1 AND 100),
  subject TEXT CHECK (subject IS NULL OR length(subject) <= 200),
  detail TEXT CHECK (detail IS NULL OR (json_valid(detail) AND length(detail) <= 10000))
) STRICT;

CREATE TABLE settings (
  key TEXT PRIMARY KEY NOT NULL CHECK (length(key) BETWEEN 1 AND 100),
  value TEXT NOT NULL CHECK (length(value) <= 10000),
  updated_at TEXT NOT NULL
) STRICT, WITHOUT ROWID;

CREATE TRIGGER audit_events_are_append_only_delete
BEFORE DELETE ON audit_events
BEGIN
  SELECT RAISE(ABORT, 'audit events are append-only');
END;

CREATE TRIGGER audit_events_are_append_only_update
BEFORE UPDATE ON audit_events
BEGIN
  SELECT RAISE(ABORT, 'audit events are append-only');
END;
