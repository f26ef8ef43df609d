CREATE INDEX agencies_by_parent ON agencies (parent_id);

CREATE INDEX audit_events_by_time ON audit_events (at);

CREATE INDEX disclosure_persons_by_person ON disclosure_persons (person_id, disclosure_id);

CREATE INDEX disclosures_by_partner ON disclosures (partner_id, id);

CREATE INDEX note_persons_by_person ON note_persons (person_id, note_id);

CREATE INDEX offers_by_partner ON offers (partner_id);

CREATE INDEX offers_by_person ON offers (person_id);

CREATE INDEX person_tags_by_tag ON person_tags (tag, person_id);

CREATE INDEX persons_by_agency ON persons (agency_id, name_key, id);

CREATE INDEX persons_by_follow_up ON persons (next_follow_up, name_key, id);

CREATE INDEX persons_by_name ON persons (name_key, id);

CREATE INDEX persons_by_risk ON persons (risk_rank, name_key, id);

CREATE INDEX persons_by_stage ON persons (stage, name_key, id);

CREATE INDEX persons_by_update ON persons (updated_at, name_key, id);

CREATE INDEX relationships_by_to ON relationships (to_person_id);

CREATE INDEX stage_changes_by_person ON stage_changes (person_id);

CREATE TABLE agencies (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  -- Lower-cased name: the import matches agencies by name whatever the case.
  name_key TEXT NOT NULL UNIQUE,
  sphere TEXT NOT NULL CHECK (sphere IN ('judiciary', 'military_courts', 'police', 'prosecution',
    'migration', 'juvenile_justice', 'armed_forces', 'police_education', 'legislature',
    'executive', 'international_organisation', 'other')),
  region TEXT NOT NULL DEFAULT '' CHECK (length(region) <= 200),
  parent_id INTEGER REFERENCES agencies (id) ON DELETE SET NULL CHECK (parent_id IS NOT id),
  admitted_problems TEXT NOT NULL DEFAULT '' CHECK (length(admitted_problems) <= 20000),
  public_complaints TEXT NOT NULL DEFAULT '' CHECK (length(public_complaints) <= 20000),
  common_interest TEXT NOT NULL DEFAULT '' CHECK (length(common_interest) <= 20000),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE audit_events (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL CHECK (length(at) BETWEEN 20 AND 30),
  action TEXT NOT NULL CHECK (length(action) BETWEEN 1 AND 100),
  subject TEXT CHECK (subject IS NULL OR length(subject) <= 200),
  detail TEXT CHECK (detail IS NULL OR (json_valid(detail) AND length(detail) <= 10000))
) STRICT;

CREATE TABLE case_notes (
  id INTEGER PRIMARY KEY,
  occurred_on TEXT NOT NULL CHECK (date(occurred_on) IS occurred_on),
  kind TEXT NOT NULL CHECK (kind IN ('meeting', 'seminar', 'conference', 'reception',
    'letter_sent', 'letter_received', 'call', 'court_hearing', 'public_statement', 'trip',
    'materials', 'introduction')),
  title TEXT NOT NULL DEFAULT '' CHECK (length(title) <= 200),
  asked_for TEXT NOT NULL DEFAULT '' CHECK (length(asked_for) <= 5000),
  offered TEXT NOT NULL DEFAULT '' CHECK (length(offered) <= 5000),
  follow_up_on TEXT CHECK (follow_up_on IS NULL OR date(follow_up_on) IS follow_up_on),
  -- Restricted notes never leave the vault, in any export, with no override.
  restricted INTEGER NOT NULL CHECK (restricted IN (0, 1)),
  source TEXT NOT NULL DEFAULT '' CHECK (length(source) <= 200),
  stance TEXT CHECK (stance IN ('supportive', 'mixed', 'neutral', 'opposed')),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  -- The markdown body last, after the columns lists and search read (see persons).
  body TEXT NOT NULL DEFAULT '' CHECK (length(body) <= 100000),
  CHECK (kind = 'public_statement' OR (source = '' AND stance IS NULL))
) STRICT;

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

CREATE TABLE engagement_plans (
  person_id INTEGER PRIMARY KEY REFERENCES persons (id) ON DELETE CASCADE,
  objective TEXT NOT NULL DEFAULT '' CHECK (length(objective) <= 5000),
  common_interest TEXT NOT NULL DEFAULT '' CHECK (length(common_interest) <= 5000),
  approach_route TEXT CHECK (approach_route IN ('public_event', 'letter_invitation',
    'through_subordinates', 'through_superiors', 'introduction', 'other')),
  route_notes TEXT NOT NULL DEFAULT '' CHECK (length(route_notes) <= 5000),
  planned_offers TEXT NOT NULL DEFAULT '' CHECK (length(planned_offers) <= 5000),
  security_risk TEXT NOT NULL DEFAULT '' CHECK (length(security_risk) <= 5000),
  benefit_vs_risk TEXT NOT NULL DEFAULT '' CHECK (length(benefit_vs_risk) <= 5000),
  long_term_commitment TEXT NOT NULL DEFAULT '' CHECK (length(long_term_commitment) <= 5000),
  organisation_behind TEXT NOT NULL DEFAULT '' CHECK (length(organisation_behind) <= 5000),
  trust TEXT NOT NULL DEFAULT '' CHECK (length(trust) <= 5000),
  decision TEXT NOT NULL CHECK (decision IN ('undecided', 'go', 'hold')),
  decision_note TEXT NOT NULL DEFAULT '' CHECK (length(decision_note) <= 5000),
  decided_by TEXT NOT NULL DEFAULT '' CHECK (length(decided_by) <= 200),
  decided_on TEXT CHECK (decided_on IS NULL OR date(decided_on) IS decided_on),
  updated_at TEXT NOT NULL,
  CHECK ((decision = 'undecided') = (decided_on IS NULL))
) STRICT;

CREATE TABLE note_persons (
  note_id INTEGER NOT NULL REFERENCES case_notes (id) ON DELETE CASCADE,
  person_id INTEGER NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
  PRIMARY KEY (note_id, person_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE offers (
  id INTEGER PRIMARY KEY,
  person_id INTEGER NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('international_seminar', 'domestic_seminar', 'internship',
    'study_trip', 'translation', 'training_materials', 'introduction', 'funding',
    'legal_support')),
  partner_id INTEGER REFERENCES partner_orgs (id) ON DELETE SET NULL,
  status TEXT NOT NULL CHECK (status IN ('idea', 'proposed', 'accepted', 'done', 'declined')),
  description TEXT NOT NULL DEFAULT '' CHECK (length(description) <= 5000),
  proposed_on TEXT CHECK (proposed_on IS NULL OR date(proposed_on) IS proposed_on),
  completed_on TEXT CHECK (completed_on IS NULL OR date(completed_on) IS completed_on),
  outcome TEXT NOT NULL DEFAULT '' CHECK (length(outcome) <= 5000),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE partner_orgs (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  country TEXT NOT NULL DEFAULT '' CHECK (length(country) <= 200),
  kind TEXT NOT NULL CHECK (kind IN ('international', 'domestic')),
  themes TEXT NOT NULL DEFAULT '' CHECK (length(themes) <= 5000),
  trust TEXT NOT NULL CHECK (trust IN ('high', 'medium', 'low')),
  notes TEXT NOT NULL DEFAULT '' CHECK (length(notes) <= 20000),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
, share_public_key BLOB
  CHECK (share_public_key IS NULL OR length(share_public_key) = 32), share_key_added_at TEXT) STRICT;

CREATE TABLE person_tags (
  person_id INTEGER NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
  tag TEXT NOT NULL CHECK (length(tag) BETWEEN 1 AND 40),
  PRIMARY KEY (person_id, tag)
) STRICT, WITHOUT ROWID;

CREATE TABLE persons (
  id INTEGER PRIMARY KEY,
  codename TEXT NOT NULL CHECK (length(codename) BETWEEN 2 AND 60),
  -- Lower-cased, NFC codename: codenames are unique whatever the case or script.
  codename_key TEXT NOT NULL UNIQUE,
  full_name TEXT NOT NULL CHECK (length(full_name) BETWEEN 1 AND 200),
  -- The name folded for sorting (lower case, ё → е): SQLite's own lower() knows only ASCII.
  name_key TEXT NOT NULL,
  position TEXT NOT NULL DEFAULT '' CHECK (length(position) <= 200),
  rank TEXT NOT NULL DEFAULT '' CHECK (length(rank) <= 200),
  agency_id INTEGER REFERENCES agencies (id) ON DELETE SET NULL,
  unit TEXT NOT NULL DEFAULT '' CHECK (length(unit) <= 200),
  sphere TEXT NOT NULL CHECK (sphere IN ('judiciary', 'military_courts', 'police', 'prosecution',
    'migration', 'juvenile_justice', 'armed_forces', 'police_education', 'legislature',
    'executive', 'international_organisation', 'other')),
  region TEXT NOT NULL DEFAULT '' CHECK (length(region) <= 200),
  stage TEXT NOT NULL CHECK (stage IN ('watching', 'vetting', 'approach_planned', 'in_contact',
    'collaborating', 'partner', 'dormant', 'moved_on', 'closed')),
  closed_reason TEXT CHECK (closed_reason IN ('cynic', 'hostile', 'unresponsive')),
  professionalism INTEGER CHECK (professionalism BETWEEN 1 AND 5),
  influence INTEGER CHECK (influence BETWEEN 1 AND 5),
  reform_orientation TEXT NOT NULL CHECK (reform_orientation IN ('reformer', 'pragmatic',
    'unknown', 'status_quo', 'hostile')),
  consent TEXT NOT NULL CHECK (consent IN ('not_asked', 'internal', 'trusted_partners', 'public')),
  owner TEXT NOT NULL DEFAULT '' CHECK (length(owner) <= 200),
  next_follow_up TEXT CHECK (next_follow_up IS NULL OR date(next_follow_up) IS next_follow_up),
  archived_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  -- Long texts last: SQLite reads a row's columns in order, through any overflow pages of
  -- the ones before, so the list's columns come first and stay fast to read.
  sincerity_concern TEXT NOT NULL DEFAULT '' CHECK (length(sincerity_concern) <= 5000),
  needs TEXT NOT NULL DEFAULT '' CHECK (length(needs) <= 5000),
  about TEXT NOT NULL DEFAULT '' CHECK (length(about) <= 20000)
, risk_rank INTEGER CHECK (risk_rank BETWEEN 0 AND 3)) STRICT;

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

CREATE TABLE relationships (
  id INTEGER PRIMARY KEY,
  from_person_id INTEGER NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
  to_person_id INTEGER NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('introduced_by', 'subordinate_of', 'colleague', 'knows',
    'influences')),
  note TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 5000),
  created_at TEXT NOT NULL,
  CHECK (from_person_id <> to_person_id),
  UNIQUE (from_person_id, to_person_id, kind)
) STRICT;

CREATE TABLE risk_assessments (
  id INTEGER PRIMARY KEY,
  person_id INTEGER NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
  version INTEGER NOT NULL CHECK (version >= 1),
  -- A correction names the version it corrects (an earlier one of the same person) and why.
  corrects_version INTEGER CHECK (corrects_version IS NULL OR corrects_version < version),
  correction_reason TEXT NOT NULL DEFAULT '' CHECK (length(correction_reason) <= 5000),
  assessed_on TEXT NOT NULL CHECK (date(assessed_on) IS assessed_on),
  assessed_at TEXT NOT NULL,
  assessor TEXT NOT NULL CHECK (length(assessor) BETWEEN 1 AND 200),
  visibility INTEGER NOT NULL CHECK (visibility BETWEEN 1 AND 5),
  superior_hostility INTEGER NOT NULL CHECK (superior_hostility BETWEEN 1 AND 5),
  political_climate INTEGER NOT NULL CHECK (political_climate BETWEEN 1 AND 5),
  prior_retaliation INTEGER NOT NULL CHECK (prior_retaliation BETWEEN 1 AND 5),
  surveillance INTEGER NOT NULL CHECK (surveillance BETWEEN 1 AND 5),
  post_dependence INTEGER NOT NULL CHECK (post_dependence BETWEEN 1 AND 5),
  leak_harm INTEGER NOT NULL CHECK (leak_harm BETWEEN 1 AND 5),
  likelihood INTEGER NOT NULL CHECK (likelihood BETWEEN 1 AND 5),
  impact INTEGER NOT NULL CHECK (impact BETWEEN 1 AND 5),
  level TEXT NOT NULL CHECK (level IN ('low', 'moderate', 'high', 'critical')),
  consent TEXT NOT NULL CHECK (consent IN ('not_asked', 'internal', 'trusted_partners', 'public')),
  consent_confirmed_on TEXT
    CHECK (consent_confirmed_on IS NULL OR date(consent_confirmed_on) IS consent_confirmed_on),
  -- A JSON array of shared/risk.ts MITIGATIONS.
  mitigations TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(mitigations) AND json_type(mitigations) = 'array'),
  mitigation_notes TEXT NOT NULL DEFAULT '' CHECK (length(mitigation_notes) <= 5000),
  review_due_on TEXT NOT NULL
    CHECK (date(review_due_on) IS review_due_on AND review_due_on >= assessed_on),
  narrative TEXT NOT NULL DEFAULT '' CHECK (length(narrative) <= 20000),
  UNIQUE (person_id, version)
) STRICT;

CREATE VIRTUAL TABLE search_index USING fts5 (
  title,
  body,
  content = '',
  contentless_delete = 1,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3'
);

CREATE TABLE 'search_index_config'(k PRIMARY KEY, v) WITHOUT ROWID;

CREATE TABLE 'search_index_data'(id INTEGER PRIMARY KEY, block BLOB);

CREATE TABLE 'search_index_docsize'(id INTEGER PRIMARY KEY, sz BLOB, origin INTEGER);

CREATE TABLE 'search_index_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;

CREATE TABLE settings (
  key TEXT PRIMARY KEY NOT NULL CHECK (length(key) BETWEEN 1 AND 100),
  value TEXT NOT NULL CHECK (length(value) <= 10000),
  updated_at TEXT NOT NULL
) STRICT, WITHOUT ROWID;

CREATE TABLE share_key (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  public_key BLOB NOT NULL CHECK (length(public_key) = 32),
  secret_key BLOB NOT NULL CHECK (length(secret_key) = 32),
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE sqlite_sequence(name,seq);

CREATE TABLE stage_changes (
  id INTEGER PRIMARY KEY,
  person_id INTEGER NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
  from_stage TEXT,
  to_stage TEXT NOT NULL,
  at TEXT NOT NULL
) STRICT;

CREATE TRIGGER audit_events_are_append_only_delete
BEFORE DELETE ON audit_events
BEGIN
  SELECT RAISE(ABORT, 'audit events are append-only');
END;

CREATE TRIGGER audit_events_are_append_only_insert BEFORE INSERT ON audit_events
WHEN EXISTS (SELECT 1 FROM audit_events WHERE id = NEW.id)
BEGIN
  SELECT RAISE(ABORT, 'the audit trail is append-only');
END;

CREATE TRIGGER audit_events_are_append_only_update
BEFORE UPDATE ON audit_events
BEGIN
  SELECT RAISE(ABORT, 'audit events are append-only');
END;

CREATE TRIGGER disclosure_persons_are_append_only_delete BEFORE DELETE ON disclosure_persons
BEGIN
  SELECT RAISE(ABORT, 'the disclosure log is append-only');
END;

CREATE TRIGGER disclosure_persons_are_append_only_insert BEFORE INSERT ON disclosure_persons
WHEN EXISTS (SELECT 1 FROM disclosure_persons
  WHERE disclosure_id = NEW.disclosure_id AND position = NEW.position)
BEGIN
  SELECT RAISE(ABORT, 'the disclosure log is append-only');
END;

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

CREATE TRIGGER disclosures_are_append_only_delete BEFORE DELETE ON disclosures
BEGIN
  SELECT RAISE(ABORT, 'the disclosure log is append-only');
END;

CREATE TRIGGER disclosures_are_append_only_insert BEFORE INSERT ON disclosures
WHEN EXISTS (SELECT 1 FROM disclosures WHERE id = NEW.id)
BEGIN
  SELECT RAISE(ABORT, 'the disclosure log is append-only');
END;

CREATE TRIGGER disclosures_are_append_only_update BEFORE UPDATE ON disclosures
WHEN NOT (OLD.partner_id IS NOT NULL AND NEW.partner_id IS NULL
  AND NEW.id IS OLD.id AND NEW.at IS OLD.at AND NEW.recipient_kind IS OLD.recipient_kind
  AND NEW.recipient_label IS OLD.recipient_label AND NEW.purpose IS OLD.purpose
  AND NEW.reviewed_by IS OLD.reviewed_by AND NEW.output IS OLD.output AND NEW.seal IS OLD.seal
  AND NEW.file_name IS OLD.file_name)
BEGIN
  SELECT RAISE(ABORT, 'the disclosure log is append-only');
END;

CREATE TRIGGER persons_risk_follows_latest_assessment AFTER INSERT ON risk_assessments
BEGIN
  UPDATE persons SET risk_rank = CASE NEW.level WHEN 'low' THEN 0 WHEN 'moderate' THEN 1
    WHEN 'high' THEN 2 WHEN 'critical' THEN 3 END
  WHERE id = NEW.person_id;
END;

CREATE TRIGGER risk_assessments_append_only_delete BEFORE DELETE ON risk_assessments
WHEN EXISTS (SELECT 1 FROM persons WHERE id = OLD.person_id)
BEGIN
  SELECT RAISE(ABORT, 'risk assessments are append-only');
END;

CREATE TRIGGER risk_assessments_append_only_insert BEFORE INSERT ON risk_assessments
WHEN EXISTS (SELECT 1 FROM risk_assessments WHERE id = NEW.id)
  OR NEW.version IS NOT
    (SELECT COALESCE(MAX(version), 0) + 1 FROM risk_assessments WHERE person_id = NEW.person_id)
BEGIN
  SELECT RAISE(ABORT, 'risk assessments are append-only');
END;

CREATE TRIGGER risk_assessments_append_only_update BEFORE UPDATE ON risk_assessments
BEGIN
  SELECT RAISE(ABORT, 'risk assessments are append-only');
END;

CREATE TRIGGER share_key_is_kept_delete BEFORE DELETE ON share_key
BEGIN
  SELECT RAISE(ABORT, 'the share key is never replaced');
END;

CREATE TRIGGER share_key_is_kept_update BEFORE UPDATE ON share_key
BEGIN
  SELECT RAISE(ABORT, 'the share key is never replaced');
END;
