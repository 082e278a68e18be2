-- Documents that left the office (receipts, results, refusals, journal
-- printouts), frozen as printed: the exact bytes, their SHA-256 and the short
-- check code printed on every page. Never changed or removed.
CREATE TABLE documents (
    id              INTEGER PRIMARY KEY,
    -- NULL for a journal printout
    case_id         INTEGER REFERENCES cases (id),
    kind            TEXT    NOT NULL,
    lang            TEXT    NOT NULL,
    -- SHA-256 (hex) of the whole file
    sha256          TEXT    NOT NULL,
    -- SHA-256 (hex) of the same document rendered without its stamp; its
    -- first 12 digits are printed in the QR code
    content_sha256  TEXT    NOT NULL,
    check_code      TEXT    NOT NULL UNIQUE,
    bytes           BLOB    NOT NULL,
    signed_by       TEXT,
    signer_role     TEXT,
    acting_for_head INTEGER NOT NULL DEFAULT 0,
    signed_at       TEXT,
    -- the history line of the signature (or of the act that froze the document)
    event_id        INTEGER REFERENCES case_events (id),
    outgoing_number TEXT,
    period_from     TEXT,
    period_to       TEXT,
    created_by      TEXT    NOT NULL,
    created_at      TEXT    NOT NULL
) STRICT;
CREATE UNIQUE INDEX documents_one_per_case_kind_lang
    ON documents (case_id, kind, lang) WHERE case_id IS NOT NULL;
CREATE INDEX documents_by_sha256 ON documents (sha256);

CREATE TRIGGER documents_append_only_update BEFORE UPDATE ON documents
BEGIN SELECT RAISE(ABORT, 'a stored document is never changed'); END;
CREATE TRIGGER documents_append_only_delete BEFORE DELETE ON documents
BEGIN SELECT RAISE(ABORT, 'a stored document is never removed'); END;

-- Every print of a stored document: copy 1 is the original, later ones copies.
CREATE TABLE document_prints (
    id          INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents (id),
    printed_by  TEXT    NOT NULL,
    printed_at  TEXT    NOT NULL,
    copy        INTEGER NOT NULL CHECK (copy >= 1),
    UNIQUE (document_id, copy)
) STRICT;

CREATE TRIGGER document_prints_append_only_update BEFORE UPDATE ON document_prints
BEGIN SELECT RAISE(ABORT, 'the print log is append-only'); END;
CREATE TRIGGER document_prints_append_only_delete BEFORE DELETE ON document_prints
BEGIN SELECT RAISE(ABORT, 'the print log is append-only'); END;
