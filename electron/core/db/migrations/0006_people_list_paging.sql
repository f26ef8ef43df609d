-- Issue 15: the people list reads one page at a time, in any of its sorts, from an index.
-- Every sort is a total order ending in name_key, id; listPersons (repos/persons.ts) pages
-- by keyset ("after this row"), so each page is a range of one of these indexes.

-- The level of each person's latest risk assessment as its rank in shared/domain.ts
-- RISK_LEVELS (0 low … 3 critical), NULL when never assessed: the list shows it, sorts and
-- filters by it. Kept by the trigger below, since assessments are only ever appended (the
-- newest version is the one just inserted). At the end of the row, after the long texts: an
-- ALTER TABLE can only append, and a row long enough to overflow is rare.
ALTER TABLE persons ADD COLUMN risk_rank INTEGER CHECK (risk_rank BETWEEN 0 AND 3);

UPDATE persons SET risk_rank = (
  SELECT CASE level WHEN 'low' THEN 0 WHEN 'moderate' THEN 1 WHEN 'high' THEN 2
    WHEN 'critical' THEN 3 END
  FROM risk_assessments WHERE person_id = persons.id ORDER BY version DESC LIMIT 1);

CREATE TRIGGER persons_risk_follows_latest_assessment AFTER INSERT ON risk_assessments
BEGIN
  UPDATE persons SET risk_rank = CASE NEW.level WHEN 'low' THEN 0 WHEN 'moderate' THEN 1
    WHEN 'high' THEN 2 WHEN 'critical' THEN 3 END
  WHERE id = NEW.person_id;
END;

-- By agency: agencies in name order (their UNIQUE name_key), each one's people by name; the
-- people with no agency (agency_id IS NULL) come last, by name, from the same index.
DROP INDEX persons_by_agency;
CREATE INDEX persons_by_agency ON persons (agency_id, name_key, id);

-- By stage (one range per stage, in pipeline order), risk, next follow-up and last update.
CREATE INDEX persons_by_stage ON persons (stage, name_key, id);
CREATE INDEX persons_by_risk ON persons (risk_rank, name_key, id);
CREATE INDEX persons_by_follow_up ON persons (next_follow_up, name_key, id);
CREATE INDEX persons_by_update ON persons (updated_at, name_key, id);
