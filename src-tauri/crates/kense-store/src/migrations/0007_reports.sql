-- Reports: when each case's route ended, kept beside the case so that a
-- period's figures read only the cases that touch the period.
ALTER TABLE cases ADD COLUMN finished_at TEXT;

UPDATE cases
SET finished_at = (SELECT e.at FROM case_events e WHERE e.case_id = cases.id ORDER BY e.id DESC LIMIT 1)
WHERE status IN ('closed', 'refused', 'withdrawn');

-- The route ends in the transaction that appends its last history line and
-- then sets the case's status.
CREATE TRIGGER cases_finished_at AFTER UPDATE OF status ON cases
WHEN new.status IN ('closed', 'refused', 'withdrawn') AND new.finished_at IS NULL
BEGIN
    UPDATE cases
    SET finished_at = (SELECT e.at FROM case_events e WHERE e.case_id = new.id ORDER BY e.id DESC LIMIT 1)
    WHERE id = new.id;
END;

CREATE INDEX cases_by_registered ON cases (registered_at);
CREATE INDEX cases_unfinished ON cases (registered_at) WHERE finished_at IS NULL;
CREATE INDEX cases_by_finished ON cases (finished_at) WHERE finished_at IS NOT NULL;
