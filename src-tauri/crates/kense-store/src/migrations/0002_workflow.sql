-- The routed workflow: the office's users, the head's absences, every case's
-- append-only history, and the current step of each case for fast queues.
CREATE TABLE users (
    id          INTEGER PRIMARY KEY,
    login       TEXT    NOT NULL UNIQUE,
    name_kk     TEXT    NOT NULL,
    name_ru     TEXT    NOT NULL,
    position_kk TEXT    NOT NULL,
    position_ru TEXT    NOT NULL,
    phone       TEXT    NOT NULL,
    -- [{"role": "executor", "department": "..."}]
    roles_json  TEXT    NOT NULL,
    -- argon2id PHC string; the PIN itself is never stored
    pin_hash    TEXT    NOT NULL,
    active      INTEGER NOT NULL DEFAULT 1,
    created_at  TEXT    NOT NULL,
    created_by  TEXT    NOT NULL
) STRICT;

CREATE TABLE head_absences (
    id       INTEGER PRIMARY KEY,
    from_at  TEXT NOT NULL,
    until_at TEXT NOT NULL,
    set_by   TEXT NOT NULL,
    set_at   TEXT NOT NULL,
    CHECK (until_at > from_at)
) STRICT;

CREATE TABLE case_events (
    id              INTEGER PRIMARY KEY,
    case_id         INTEGER NOT NULL REFERENCES cases (id),
    at              TEXT    NOT NULL,
    actor           TEXT    NOT NULL,
    role            TEXT    NOT NULL,
    acting_for_head INTEGER NOT NULL,
    step            TEXT,
    action          TEXT    NOT NULL,
    data_json       TEXT    NOT NULL,
    due_at          TEXT
) STRICT;
CREATE INDEX case_events_by_case ON case_events (case_id, id);

-- History is never changed or removed.
CREATE TRIGGER case_events_append_only_update BEFORE UPDATE ON case_events
BEGIN SELECT RAISE(ABORT, 'case history is append-only'); END;
CREATE TRIGGER case_events_append_only_delete BEFORE DELETE ON case_events
BEGIN SELECT RAISE(ABORT, 'case history is append-only'); END;

-- The current step of each case, derived from its history, kept for queues.
ALTER TABLE cases ADD COLUMN current_step TEXT;
ALTER TABLE cases ADD COLUMN current_role TEXT;
ALTER TABLE cases ADD COLUMN executor     TEXT;
ALTER TABLE cases ADD COLUMN dept_head    TEXT;
ALTER TABLE cases ADD COLUMN step_started_at TEXT;
ALTER TABLE cases ADD COLUMN due_at       TEXT;
CREATE INDEX cases_open_by_role ON cases (current_role, due_at) WHERE current_role IS NOT NULL;
CREATE INDEX cases_open_by_executor ON cases (executor, due_at) WHERE current_role IS NOT NULL;
-- Any part of an applicant's name, found through its trigrams (Cyrillic and Kazakh alike).
CREATE VIRTUAL TABLE cases_name_trigrams USING fts5 (name, content = '', tokenize = 'trigram');
INSERT INTO cases_name_trigrams (rowid, name) SELECT id, applicant_name_folded FROM cases;
CREATE TRIGGER cases_name_trigrams_insert AFTER INSERT ON cases
BEGIN INSERT INTO cases_name_trigrams (rowid, name) VALUES (new.id, new.applicant_name_folded); END;

CREATE TABLE outgoing_sequence (
    year     INTEGER PRIMARY KEY,
    last_seq INTEGER NOT NULL CHECK (last_seq >= 0)
) STRICT;
