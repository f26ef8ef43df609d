-- Issue 6: the risk review before any name leaves the vault, and what it leaves behind.

-- This vault's share key pair (X25519): partners seal packages to its public key. One row,
-- made on first use, never replaced (a new key would strand every package still in transit).
CREATE TABLE share_key (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  public_key BLOB NOT NULL CHECK (length(public_key) = 32),
  secret_key BLOB NOT NULL CHECK (length(secret_key) = 32),
  created_at TEXT NOT NULL
) STRICT;

CREATE TRIGGER share_key_is_kept_update BEFORE UPDATE ON share_key
BEGIN
  SELECT RAISE(ABORT, 'the share key is never replaced');
END;
CREATE TRIGGER share_key_is_kept_delete BEFORE DELETE ON share_key
BEGIN
  SELECT RAISE(ABORT, 'the share key is never replaced');
END;

-- A partner's public share key, as they sent it (packages to them are sealed to it).
ALTER TABLE partner_orgs ADD COLUMN share_public_key BLOB
  CHECK (share_public_key IS NULL OR length(share_public_key) = 32);
ALTER TABLE partner_orgs ADD COLUMN share_key_added_at TEXT;

-- The disclosure log: one row per output that left the vault (dossier, list, package), and
-- one row per person reviewed for it. Append-only: the only change allowed is the one a
-- deletion elsewhere makes (a deleted partner or person leaves its name or codename here).
CREATE TABLE disclosures (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  recipient_kind TEXT NOT NULL CHECK (recipient_kind IN ('internal', 'partner', 'publication')),
  partner_id INTEGER REFERENCES partner_orgs (id) ON DELETE SET NULL,
  recipient_label TEXT NOT NULL CHECK (length(recipient_label) BETWEEN 1 AND 200),
  purpose TEXT NOT NULL CHECK (length(purpose) BETWEEN 1 AND 500),
  reviewed_by TEXT NOT NULL CHECK (length(reviewed_by) BETWEEN 1 AND 200),
  output TEXT NOT NULL CHECK (output IN ('html', 'pdf', 'csv', 'package')),
  seal TEXT CHECK (seal IN ('partner-key', 'passphrase')),
  file_name TEXT NOT NULL CHECK (length(file_name) <= 255),
  CHECK (recipient_kind = 'partner' OR partner_id IS NULL),
  CHECK ((output = 'package') = (seal IS NOT NULL))
) STRICT;

CREATE INDEX disclosures_by_partner ON disclosures (partner_id, id);

CREATE TABLE disclosure_persons (
  disclosure_id INTEGER NOT NULL REFERENCES disclosures (id),
  position INTEGER NOT NULL CHECK (position >= 0),
  person_id INTEGER REFERENCES persons (id) ON DELETE SET NULL,
  codename TEXT NOT NULL CHECK (length(codename) BETWEEN 2 AND 60),
  decision TEXT NOT NULL CHECK (decision IN ('named', 'codename', 'withheld')),
  ruled TEXT NOT NULL CHECK (ruled IN ('named', 'codename', 'withheld')),
  reasons TEXT NOT NULL CHECK (json_valid(reasons) AND json_type(reasons) = 'array'),
  risk_level TEXT CHECK (risk_level IN ('low', 'moderate', 'high', 'critical')),
  assessment_version INTEGER CHECK (assessment_version >= 1),
  review_state TEXT CHECK (review_state IN ('current', 'due-soon', 'due', 'overdue')),
  consent TEXT NOT NULL CHECK (consent IN ('not_asked', 'internal', 'trusted_partners', 'public')),
  fields TEXT NOT NULL CHECK (json_valid(fields) AND json_type(fields) = 'array'),
  override_justification TEXT CHECK (length(override_justification) BETWEEN 20 AND 2000),
  PRIMARY KEY (disclosure_id, position)
) STRICT;

-- "Who outside knows" about one person.
CREATE INDEX disclosure_persons_by_person ON disclosure_persons (person_id, disclosure_id);

CREATE TRIGGER disclosures_are_append_only_insert BEFORE INSERT ON disclosures
WHEN EXISTS (SELECT 1 FROM disclosures WHERE id = NEW.id)
BEGIN
  SELECT RAISE(ABORT, 'the disclosure log is append-only');
END;
CREATE TRIGGER disclosures_are_append_only_delete BEFORE DELETE ON disclosures
BEGIN
  SELECT RAISE(ABORT, 'the disclosure log is append-only');
END;
-- A deleted partner sets partner_id to NULL (the label keeps its name); nothing else changes.
CREATE TRIGGER disclosures_are_append_only_update BEFORE UPDATE ON disclosures
WHEN NOT (OLD.partner_id IS NOT NULL AND NEW.partner_id IS NULL
  AND NEW.id IS OLD.id AND NEW.at IS OLD.at AND NEW.recipient_kind IS OLD.recipient_kind
  AND NEW.recipient_label IS OLD.recipient_label AND NEW.purpose IS OLD.purpose
  AND NEW.reviewed_by IS OLD.reviewed_by AND NEW.output IS OLD.output AND NEW.seal IS OLD.seal
  AND NEW.file_name IS OLD.file_name)
BEGIN
  SELECT RAISE(ABORT, 'the disclosure log is append-only');
END;

CREATE TRIGGER disclosure_persons_are_append_only_insert BEFORE INSERT ON disclosure_persons
WHEN EXISTS (SELECT 1 FROM disclosure_persons
  WHERE disclosure_id = NEW.disclosure_id AND position = NEW.position)
BEGIN
  SELECT RAISE(ABORT, 'the disclosure log is append-only');
END;
CREATE TRIGGER disclosure_persons_are_append_only_delete BEFORE DELETE ON disclosure_persons
BEGIN
  SELECT RAISE(ABORT, 'the disclosure log is append-only');
END;
-- A deleted person sets person_id to NULL (the codename stays); nothing else changes.
CREATE TRIGGER disclosure_persons_are_append_only_update BEFORE UPDATE ON disclosure_persons
WHEN NOT (OLD.person_id IS NOT NULL AND NEW.person_id IS NULL
  AND NEW.disclosure_id IS OLD.disclosure_id AND NEW.position IS OLD.position
  AND NEW.codename IS OLD.codename AND NEW.decision IS OLD.decision AND NEW.ruled IS OLD.ruled
  AND NEW.reasons IS OLD.reasons AND NEW.risk_level IS OLD.risk_level
  AND NEW.assessment_version IS OLD.assessment_version
  AND NEW.review_state IS OLD.review_state AND NEW.consent IS OLD.consent
  AND NEW.fields IS OLD.fields AND NEW.override_justification IS OLD.override_justification)
BEGIN
  SELECT RAISE(ABORT, 'the disclosure log is append-only');
END;

-- Packages received from other vaults: provenance, and the hash that stops a second import.
CREATE TABLE received_packages (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  imported_at TEXT NOT NULL,
  created_at TEXT NOT NULL,
  package_hash BLOB NOT NULL UNIQUE CHECK (length(package_hash) = 32),
  sender_label TEXT NOT NULL CHECK (length(sender_label) <= 200),
  sender_fingerprint TEXT,
  partner_id INTEGER REFERENCES partner_orgs (id) ON DELETE SET NULL,
  purpose TEXT NOT NULL CHECK (length(purpose) <= 500),
  persons INTEGER NOT NULL CHECK (persons >= 0),
  created INTEGER NOT NULL CHECK (created >= 0),
  matched INTEGER NOT NULL CHECK (matched >= 0)
) STRICT;
