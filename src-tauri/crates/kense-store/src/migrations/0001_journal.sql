-- The registration journal: one row per incoming application.
CREATE TABLE journal_sequence (
    year     INTEGER PRIMARY KEY,
    last_seq INTEGER NOT NULL CHECK (last_seq >= 0)
) STRICT;

CREATE TABLE cases (
    id                  INTEGER PRIMARY KEY,
    number              TEXT    NOT NULL UNIQUE,
    year                INTEGER NOT NULL,
    seq                 INTEGER NOT NULL,
    registered_at       TEXT    NOT NULL,
    received_at         TEXT    NOT NULL,
    channel             TEXT    NOT NULL,
    external_number     TEXT,
    service             TEXT    NOT NULL,
    service_version     INTEGER NOT NULL,
    procedure           TEXT    NOT NULL,
    language            TEXT    NOT NULL,
    applicant_kind      TEXT    NOT NULL,
    applicant_id_number TEXT    NOT NULL,
    applicant_name      TEXT    NOT NULL,
    -- lower-cased name for case-insensitive search in Cyrillic and Kazakh
    applicant_name_folded TEXT  NOT NULL,
    applicant_phone     TEXT    NOT NULL,
    applicant_address   TEXT    NOT NULL,
    representative_json TEXT,
    documents_json      TEXT    NOT NULL,
    status              TEXT    NOT NULL,
    registered_by       TEXT    NOT NULL,
    UNIQUE (year, seq)
) STRICT;

CREATE INDEX cases_newest_first ON cases (registered_at DESC, id DESC);
CREATE INDEX cases_applicant_id ON cases (applicant_id_number);

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;
