-- The tamper-evident ledger: every write to a table that records what the
-- office did (history, cases, documents, users and PINs, settings, regulation
-- versions, calendar, counters) appends one chain line here, in the same
-- transaction, by trigger. A line carries the SHA-256 of the row's canonical
-- content (the `ledger_rows_<table>` view below) and of the previous line, so
-- `verify` can recompute the chain and compare it with the rows. `kense_sha256`
-- is registered by the store on every connection it opens; without it (plain
-- sqlite3) these tables cannot be written at all. A new column must be added
-- to its table's view to be covered.
CREATE TABLE ledger (
    seq          INTEGER PRIMARY KEY,
    tbl          TEXT    NOT NULL,
    row_key      TEXT    NOT NULL,
    op           TEXT    NOT NULL CHECK (op IN ('insert', 'update', 'delete', 'genesis')),
    case_id      INTEGER,
    label        TEXT,
    content_hash TEXT    NOT NULL,
    prev_hash    TEXT,
    line_hash    TEXT
) STRICT;
CREATE INDEX ledger_by_row ON ledger (tbl, row_key, seq);

-- Chaining: the line's hash covers its position, what it records and the previous line.
CREATE TRIGGER ledger_chain AFTER INSERT ON ledger
BEGIN
    UPDATE ledger SET
        prev_hash = COALESCE((SELECT l.line_hash FROM ledger l WHERE l.seq = new.seq - 1),
                             '0000000000000000000000000000000000000000000000000000000000000000')
    WHERE seq = new.seq;
    UPDATE ledger SET
        line_hash = kense_sha256(seq || '|' || tbl || '|' || row_key || '|' || op || '|'
            || COALESCE(case_id, '') || '|' || content_hash || '|' || prev_hash)
    WHERE seq = new.seq;
END;
CREATE TRIGGER ledger_append_only_update BEFORE UPDATE ON ledger WHEN old.line_hash IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'the ledger is append-only'); END;
CREATE TRIGGER ledger_append_only_delete BEFORE DELETE ON ledger
BEGIN SELECT RAISE(ABORT, 'the ledger is append-only'); END;


CREATE VIEW ledger_rows_cases AS
SELECT id AS k, CAST(id AS TEXT) AS row_key, id AS case_id, number AS label,
       kense_sha256(json_array(id, number, year, seq, registered_at, received_at, channel, external_number, service, service_version, procedure, language, applicant_kind, applicant_id_number, applicant_name, applicant_name_folded, applicant_phone, applicant_address, representative_json, documents_json, status, registered_by, current_step, current_role, executor, dept_head, step_started_at, due_at)) AS content_hash
FROM cases;
CREATE TRIGGER ledger_cases_insert AFTER INSERT ON cases
BEGIN
    INSERT INTO ledger (tbl, row_key, op, case_id, label, content_hash)
    SELECT 'cases', row_key, 'insert', case_id, label, content_hash FROM ledger_rows_cases WHERE k = new.id;
END;
CREATE TRIGGER ledger_cases_update AFTER UPDATE ON cases
BEGIN
    INSERT INTO ledger (tbl, row_key, op, case_id, label, content_hash)
    SELECT 'cases', row_key, 'update', case_id, label, content_hash FROM ledger_rows_cases WHERE k = new.id;
END;
CREATE TRIGGER ledger_cases_delete AFTER DELETE ON cases
BEGIN
    INSERT INTO ledger (tbl, row_key, op, case_id, label, content_hash)
    VALUES ('cases', CAST(old.id AS TEXT), 'delete', NULL, NULL, '');
END;

CREATE VIEW ledger_rows_case_events AS
SELECT id AS k, CAST(id AS TEXT) AS row_key, case_id AS case_id, (SELECT c.number FROM cases c WHERE c.id = case_events.case_id) AS label,
       kense_sha256(json_array(id, case_id, at, actor, role, acting_for_head, step, action, data_json, due_at)) AS content_hash
FROM case_events;
CREATE TRIGGER ledger_case_events_insert AFTER INSERT ON case_events
BEGIN
    INSERT INTO ledger (tbl, row_key, op, case_id, label, content_hash)
    SELECT 'case_events', row_key, 'insert', case_id, label, content_hash FROM ledger_rows_case_events WHERE k = new.id;
END;

CREATE VIEW ledger_rows_documents AS
SELECT id AS k, CAST(id AS TEXT) AS row_key, case_id AS case_id, COALESCE((SELECT c.number FROM cases c WHERE c.id = documents.case_id), kind) AS label,
       kense_sha256(json_array(id, case_id, kind, lang, sha256, content_sha256, check_code, kense_sha256(bytes), signed_by, signer_role, acting_for_head, signed_at, event_id, outgoing_number, period_from, period_to, created_by, created_at)) AS content_hash
FROM documents;
CREATE TRIGGER ledger_documents_insert AFTER INSERT ON documents
BEGIN
    INSERT INTO ledger (tbl, row_key, op, case_id, label, content_hash)
    SELECT 'documents', row_key, 'insert', case_id, label, content_hash FROM ledger_rows_documents WHERE k = new.id;
END;

CREATE VIEW ledger_rows_document_prints AS
SELECT id AS k, CAST(id AS TEXT) AS row_key, (SELECT d.case_id FROM documents d WHERE d.id = document_prints.document_id) AS case_id, (SELECT COALESCE(c.number, d.kind) FROM documents d LEFT JOIN cases c ON c.id = d.case_id WHERE d.id = document_prints.document_id) AS label,
       kense_sha256(json_array(id, document_id, printed_by, printed_at, copy)) AS content_hash
FROM document_prints;
CREATE TRIGGER ledger_document_prints_insert AFTER INSERT ON document_prints
BEGIN
    INSERT INTO ledger (tbl, row_key, op, case_id, label, content_hash)
    SELECT 'document_prints', row_key, 'insert', case_id, label, content_hash FROM ledger_rows_document_prints WHERE k = new.id;
END;

CREATE VIEW ledger_rows_users AS
SELECT id AS k, CAST(id AS TEXT) AS row_key, NULL AS case_id, login AS label,
       kense_sha256(json_array(id, login, name_kk, name_ru, position_kk, position_ru, phone, roles_json, pin_hash, active, created_at, created_by)) AS content_hash
FROM users;
CREATE TRIGGER ledger_users_insert AFTER INSERT ON users
BEGIN
    INSERT INTO ledger (tbl, row_key, op, case_id, label, content_hash)
    SELECT 'users', row_key, 'insert', case_id, label, content_hash FROM ledger_rows_users WHERE k = new.id;
END;
CREATE TRIGGER ledger_users_update AFTER UPDATE ON users
BEGIN
    INSERT INTO ledger (tbl, row_key, op, case_id, label, content_hash)
    SELECT 'users', row_key, 'update', case_id, label, content_hash FROM ledger_rows_users WHERE k = new.id;
END;
CREATE TRIGGER ledger_users_delete AFTER DELETE ON users
BEGIN
    INSERT INTO ledger (tbl, row_key, op, case_id, label, content_hash)
    VALUES ('users', CAST(old.id AS TEXT), 'delete', NULL, NULL, '');
END;

CREATE VIEW ledger_rows_head_absences AS
SELECT id AS k, CAST(id AS TEXT) AS row_key, NULL AS case_id, from_at AS label,
       kense_sha256(json_array(id, from_at, until_at, set_by, set_at)) AS content_hash
FROM head_absences;
CREATE TRIGGER ledger_head_absences_insert AFTER INSERT ON head_absences
BEGIN
    INSERT INTO ledger (tbl, row_key, op, case_id, label, content_hash)
    SELECT 'head_absences', row_key, 'insert', case_id, label, content_hash FROM ledger_rows_head_absences WHERE k = new.id;
END;
CREATE TRIGGER ledger_head_absences_update AFTER UPDATE ON head_absences
BEGIN
    INSERT INTO ledger (tbl, row_key, op, case_id, label, content_hash)
    SELECT 'head_absences', row_key, 'update', case_id, label, content_hash FROM ledger_rows_head_absences WHERE k = new.id;
END;
CREATE TRIGGER ledger_head_absences_delete AFTER DELETE ON head_absences
BEGIN
    INSERT INTO ledger (tbl, row_key, op, case_id, label, content_hash)
    VALUES ('head_absences', CAST(old.id AS TEXT), 'delete', NULL, NULL, '');
END;

CREATE VIEW ledger_rows_service_versions AS
SELECT id AS k, CAST(id AS TEXT) AS row_key, NULL AS case_id, service || ' v' || version AS label,
       kense_sha256(json_array(id, service, version, effective_from, toml, created_by, created_at)) AS content_hash
FROM service_versions;
CREATE TRIGGER ledger_service_versions_insert AFTER INSERT ON service_versions
BEGIN
    INSERT INTO ledger (tbl, row_key, op, case_id, label, content_hash)
    SELECT 'service_versions', row_key, 'insert', case_id, label, content_hash FROM ledger_rows_service_versions WHERE k = new.id;
END;

CREATE VIEW ledger_rows_calendar_files AS
SELECT name AS k, CAST(name AS TEXT) AS row_key, NULL AS case_id, name AS label,
       kense_sha256(json_array(name, text, updated_by, updated_at)) AS content_hash
FROM calendar_files;
CREATE TRIGGER ledger_calendar_files_insert AFTER INSERT ON calendar_files
BEGIN
    INSERT INTO ledger (tbl, row_key, op, case_id, label, content_hash)
    SELECT 'calendar_files', row_key, 'insert', case_id, label, content_hash FROM ledger_rows_calendar_files WHERE k = new.name;
END;
CREATE TRIGGER ledger_calendar_files_update AFTER UPDATE ON calendar_files
BEGIN
    INSERT INTO ledger (tbl, row_key, op, case_id, label, content_hash)
    SELECT 'calendar_files', row_key, 'update', case_id, label, content_hash FROM ledger_rows_calendar_files WHERE k = new.name;
END;
CREATE TRIGGER ledger_calendar_files_delete AFTER DELETE ON calendar_files
BEGIN
    INSERT INTO ledger (tbl, row_key, op, case_id, label, content_hash)
    VALUES ('calendar_files', CAST(old.name AS TEXT), 'delete', NULL, NULL, '');
END;

CREATE VIEW ledger_rows_calendar_edits AS
SELECT id AS k, CAST(id AS TEXT) AS row_key, NULL AS case_id, file AS label,
       kense_sha256(json_array(id, file, at, actor, change, before_text, after_text)) AS content_hash
FROM calendar_edits;
CREATE TRIGGER ledger_calendar_edits_insert AFTER INSERT ON calendar_edits
BEGIN
    INSERT INTO ledger (tbl, row_key, op, case_id, label, content_hash)
    SELECT 'calendar_edits', row_key, 'insert', case_id, label, content_hash FROM ledger_rows_calendar_edits WHERE k = new.id;
END;

CREATE VIEW ledger_rows_settings AS
SELECT key AS k, CAST(key AS TEXT) AS row_key, NULL AS case_id, key AS label,
       kense_sha256(json_array(key, value)) AS content_hash
FROM settings;
CREATE TRIGGER ledger_settings_insert AFTER INSERT ON settings
BEGIN
    INSERT INTO ledger (tbl, row_key, op, case_id, label, content_hash)
    SELECT 'settings', row_key, 'insert', case_id, label, content_hash FROM ledger_rows_settings WHERE k = new.key;
END;
CREATE TRIGGER ledger_settings_update AFTER UPDATE ON settings
BEGIN
    INSERT INTO ledger (tbl, row_key, op, case_id, label, content_hash)
    SELECT 'settings', row_key, 'update', case_id, label, content_hash FROM ledger_rows_settings WHERE k = new.key;
END;
CREATE TRIGGER ledger_settings_delete AFTER DELETE ON settings
BEGIN
    INSERT INTO ledger (tbl, row_key, op, case_id, label, content_hash)
    VALUES ('settings', CAST(old.key AS TEXT), 'delete', NULL, NULL, '');
END;

CREATE VIEW ledger_rows_journal_sequence AS
SELECT year AS k, CAST(year AS TEXT) AS row_key, NULL AS case_id, CAST(year AS TEXT) AS label,
       kense_sha256(json_array(year, last_seq)) AS content_hash
FROM journal_sequence;
CREATE TRIGGER ledger_journal_sequence_insert AFTER INSERT ON journal_sequence
BEGIN
    INSERT INTO ledger (tbl, row_key, op, case_id, label, content_hash)
    SELECT 'journal_sequence', row_key, 'insert', case_id, label, content_hash FROM ledger_rows_journal_sequence WHERE k = new.year;
END;
CREATE TRIGGER ledger_journal_sequence_update AFTER UPDATE ON journal_sequence
BEGIN
    INSERT INTO ledger (tbl, row_key, op, case_id, label, content_hash)
    SELECT 'journal_sequence', row_key, 'update', case_id, label, content_hash FROM ledger_rows_journal_sequence WHERE k = new.year;
END;
CREATE TRIGGER ledger_journal_sequence_delete AFTER DELETE ON journal_sequence
BEGIN
    INSERT INTO ledger (tbl, row_key, op, case_id, label, content_hash)
    VALUES ('journal_sequence', CAST(old.year AS TEXT), 'delete', NULL, NULL, '');
END;

CREATE VIEW ledger_rows_outgoing_sequence AS
SELECT year AS k, CAST(year AS TEXT) AS row_key, NULL AS case_id, CAST(year AS TEXT) AS label,
       kense_sha256(json_array(year, last_seq)) AS content_hash
FROM outgoing_sequence;
CREATE TRIGGER ledger_outgoing_sequence_insert AFTER INSERT ON outgoing_sequence
BEGIN
    INSERT INTO ledger (tbl, row_key, op, case_id, label, content_hash)
    SELECT 'outgoing_sequence', row_key, 'insert', case_id, label, content_hash FROM ledger_rows_outgoing_sequence WHERE k = new.year;
END;
CREATE TRIGGER ledger_outgoing_sequence_update AFTER UPDATE ON outgoing_sequence
BEGIN
    INSERT INTO ledger (tbl, row_key, op, case_id, label, content_hash)
    SELECT 'outgoing_sequence', row_key, 'update', case_id, label, content_hash FROM ledger_rows_outgoing_sequence WHERE k = new.year;
END;
CREATE TRIGGER ledger_outgoing_sequence_delete AFTER DELETE ON outgoing_sequence
BEGIN
    INSERT INTO ledger (tbl, row_key, op, case_id, label, content_hash)
    VALUES ('outgoing_sequence', CAST(old.year AS TEXT), 'delete', NULL, NULL, '');
END;

-- What the journal already held when the ledger began: one genesis line per row.
INSERT INTO ledger (tbl, row_key, op, case_id, label, content_hash)
    SELECT 'cases', row_key, 'genesis', case_id, label, content_hash FROM ledger_rows_cases ORDER BY k;
INSERT INTO ledger (tbl, row_key, op, case_id, label, content_hash)
    SELECT 'case_events', row_key, 'genesis', case_id, label, content_hash FROM ledger_rows_case_events ORDER BY k;
INSERT INTO ledger (tbl, row_key, op, case_id, label, content_hash)
    SELECT 'documents', row_key, 'genesis', case_id, label, content_hash FROM ledger_rows_documents ORDER BY k;
INSERT INTO ledger (tbl, row_key, op, case_id, label, content_hash)
    SELECT 'document_prints', row_key, 'genesis', case_id, label, content_hash FROM ledger_rows_document_prints ORDER BY k;
INSERT INTO ledger (tbl, row_key, op, case_id, label, content_hash)
    SELECT 'users', row_key, 'genesis', case_id, label, content_hash FROM ledger_rows_users ORDER BY k;
INSERT INTO ledger (tbl, row_key, op, case_id, label, content_hash)
    SELECT 'head_absences', row_key, 'genesis', case_id, label, content_hash FROM ledger_rows_head_absences ORDER BY k;
INSERT INTO ledger (tbl, row_key, op, case_id, label, content_hash)
    SELECT 'service_versions', row_key, 'genesis', case_id, label, content_hash FROM ledger_rows_service_versions ORDER BY k;
INSERT INTO ledger (tbl, row_key, op, case_id, label, content_hash)
    SELECT 'calendar_files', row_key, 'genesis', case_id, label, content_hash FROM ledger_rows_calendar_files ORDER BY k;
INSERT INTO ledger (tbl, row_key, op, case_id, label, content_hash)
    SELECT 'calendar_edits', row_key, 'genesis', case_id, label, content_hash FROM ledger_rows_calendar_edits ORDER BY k;
INSERT INTO ledger (tbl, row_key, op, case_id, label, content_hash)
    SELECT 'settings', row_key, 'genesis', case_id, label, content_hash FROM ledger_rows_settings ORDER BY k;
INSERT INTO ledger (tbl, row_key, op, case_id, label, content_hash)
    SELECT 'journal_sequence', row_key, 'genesis', case_id, label, content_hash FROM ledger_rows_journal_sequence ORDER BY k;
INSERT INTO ledger (tbl, row_key, op, case_id, label, content_hash)
    SELECT 'outgoing_sequence', row_key, 'genesis', case_id, label, content_hash FROM ledger_rows_outgoing_sequence ORDER BY k;
