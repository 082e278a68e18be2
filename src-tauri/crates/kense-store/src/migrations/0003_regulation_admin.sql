-- The administrator's changes to regulations and to the working calendar.

-- A new version of a service, made in the app; the bundled files keep the
-- versions shipped with the program. Never changed once written: a case refers
-- to the version it was registered under.
CREATE TABLE service_versions (
    id             INTEGER PRIMARY KEY,
    service        TEXT    NOT NULL,
    version        INTEGER NOT NULL CHECK (version > 0),
    effective_from TEXT    NOT NULL,
    toml           TEXT    NOT NULL,
    created_by     TEXT    NOT NULL,
    created_at     TEXT    NOT NULL,
    UNIQUE (service, version)
) STRICT;

CREATE TRIGGER service_versions_append_only_update BEFORE UPDATE ON service_versions
BEGIN SELECT RAISE(ABORT, 'service versions are never changed'); END;
CREATE TRIGGER service_versions_append_only_delete BEFORE DELETE ON service_versions
BEGIN SELECT RAISE(ABORT, 'service versions are never removed'); END;

-- The current text of each edited calendar file (`2026.toml`, `office.toml`);
-- a file not here is the bundled one.
CREATE TABLE calendar_files (
    name       TEXT PRIMARY KEY,
    text       TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;

-- Every calendar edit: who, when, what, and the file before and after.
CREATE TABLE calendar_edits (
    id          INTEGER PRIMARY KEY,
    file        TEXT NOT NULL,
    at          TEXT NOT NULL,
    actor       TEXT NOT NULL,
    change      TEXT NOT NULL,
    before_text TEXT NOT NULL,
    after_text  TEXT NOT NULL
) STRICT;
CREATE INDEX calendar_edits_newest_first ON calendar_edits (id DESC);

CREATE TRIGGER calendar_edits_append_only_update BEFORE UPDATE ON calendar_edits
BEGIN SELECT RAISE(ABORT, 'the calendar audit is append-only'); END;
CREATE TRIGGER calendar_edits_append_only_delete BEFORE DELETE ON calendar_edits
BEGIN SELECT RAISE(ABORT, 'the calendar audit is append-only'); END;
