-- Retaliation-risk assessments and engagement plans (DOMAIN.md; rules in shared/risk.ts,
-- explained in docs/risk-matrix.md).

-- Assessments are versioned and append-only: a reassessment or a correction is a new row
-- with the next version, and the triggers below refuse UPDATE and DELETE, so history cannot
-- be rewritten even by a bug in the core. Rows go only with their person (ON DELETE CASCADE:
-- deleting a person is confirmed by typing the codename, and takes everything about them).
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

-- Only the next version may be added: no INSERT OR REPLACE over a stored row (SQLite would
-- delete it without firing the DELETE trigger), no gap, no rewriting by reusing an id.
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

-- A cascade from deleting the person runs after the person row is gone, so it passes.
CREATE TRIGGER risk_assessments_append_only_delete BEFORE DELETE ON risk_assessments
WHEN EXISTS (SELECT 1 FROM persons WHERE id = OLD.person_id)
BEGIN
  SELECT RAISE(ABORT, 'risk assessments are append-only');
END;

-- No other index: the UNIQUE (person_id, version) serves the person page's history and the
-- dashboard's "latest version of each person" (MAX(version) per person_id).

-- One plan per person, edited in place (the audit trail records each change).
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
