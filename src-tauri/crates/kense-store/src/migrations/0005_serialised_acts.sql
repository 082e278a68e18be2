-- Serialised acts: every history line carries the case's state version it was
-- made at (the number of lines before it), unique per case, so two acts made
-- on the same state cannot both land; one outgoing number per document; and
-- the results of client requests, so a retried request returns its first result.

ALTER TABLE case_events ADD COLUMN version INTEGER;

DROP TRIGGER case_events_append_only_update;
UPDATE case_events SET version = (
    SELECT COUNT(*) FROM case_events AS e
    WHERE e.case_id = case_events.case_id AND e.id < case_events.id
);
CREATE TRIGGER case_events_append_only_update BEFORE UPDATE ON case_events
BEGIN SELECT RAISE(ABORT, 'case history is append-only'); END;

CREATE UNIQUE INDEX case_events_one_per_version ON case_events (case_id, version);

-- A new line must come right after the case's last one: versions 0, 1, 2, ...
CREATE TRIGGER case_events_contiguous BEFORE INSERT ON case_events
WHEN NEW.version IS NULL
  OR NEW.version <> (SELECT COUNT(*) FROM case_events WHERE case_id = NEW.case_id)
BEGIN SELECT RAISE(ABORT, 'case history version out of order'); END;

-- Every outgoing number given, and to which case: a number is never given twice
-- (the other language of a signed document shares its number).
CREATE TABLE outgoing_numbers (
    number   TEXT    PRIMARY KEY,
    case_id  INTEGER NOT NULL REFERENCES cases (id),
    kind     TEXT    NOT NULL,
    at       TEXT    NOT NULL
) STRICT;
INSERT OR IGNORE INTO outgoing_numbers (number, case_id, kind, at)
    SELECT outgoing_number, case_id, kind, MIN(created_at) FROM documents
    WHERE outgoing_number IS NOT NULL AND case_id IS NOT NULL
    GROUP BY outgoing_number;

CREATE TRIGGER outgoing_numbers_append_only_update BEFORE UPDATE ON outgoing_numbers
BEGIN SELECT RAISE(ABORT, 'outgoing numbers are never changed'); END;
CREATE TRIGGER outgoing_numbers_append_only_delete BEFORE DELETE ON outgoing_numbers
BEGIN SELECT RAISE(ABORT, 'outgoing numbers are never removed'); END;

-- A client's request (a form submission) and what it produced, written in the
-- same transaction as the act: a retry with the same id returns this result.
CREATE TABLE requests (
    request_id   TEXT PRIMARY KEY,
    kind         TEXT NOT NULL,
    -- SHA-256 of the request's content: the same id with other content is refused
    content_hash TEXT NOT NULL,
    case_id      INTEGER REFERENCES cases (id),
    result_json  TEXT NOT NULL,
    actor        TEXT NOT NULL,
    at           TEXT NOT NULL
) STRICT;
