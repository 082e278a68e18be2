-- The ledger's views come to cover the columns and tables added beside it:
-- the state version of each history line (serialised acts), when a case's
-- route ended (reports), and every outgoing number given. Recreating a view
-- changes the content hash of rows already written, so each row of the
-- changed tables gets a fresh genesis line; the store verifies the chain
-- before any migration runs, so these lines anchor rows that were intact.

DROP VIEW ledger_rows_cases;
CREATE VIEW ledger_rows_cases AS
SELECT id AS k, CAST(id AS TEXT) AS row_key, id AS case_id, number AS label,
       kense_sha256(json_array(id, number, year, seq, registered_at, received_at, channel, external_number, service, service_version, procedure, language, applicant_kind, applicant_id_number, applicant_name, applicant_name_folded, applicant_phone, applicant_address, representative_json, documents_json, status, registered_by, current_step, current_role, executor, dept_head, step_started_at, due_at, finished_at)) AS content_hash
FROM cases;

DROP VIEW ledger_rows_case_events;
CREATE VIEW ledger_rows_case_events AS
SELECT id AS k, CAST(id AS TEXT) AS row_key, case_id AS case_id, (SELECT c.number FROM cases c WHERE c.id = case_events.case_id) AS label,
       kense_sha256(json_array(id, case_id, at, actor, role, acting_for_head, step, action, data_json, due_at, version)) AS content_hash
FROM case_events;

CREATE VIEW ledger_rows_outgoing_numbers AS
SELECT rowid AS k, number AS row_key, case_id AS case_id, number AS label,
       kense_sha256(json_array(number, case_id, kind, at)) AS content_hash
FROM outgoing_numbers;
CREATE TRIGGER ledger_outgoing_numbers_insert AFTER INSERT ON outgoing_numbers
BEGIN
    INSERT INTO ledger (tbl, row_key, op, case_id, label, content_hash)
    SELECT 'outgoing_numbers', row_key, 'insert', case_id, label, content_hash FROM ledger_rows_outgoing_numbers WHERE row_key = new.number;
END;

INSERT INTO ledger (tbl, row_key, op, case_id, label, content_hash)
    SELECT 'cases', row_key, 'genesis', case_id, label, content_hash FROM ledger_rows_cases ORDER BY k;
INSERT INTO ledger (tbl, row_key, op, case_id, label, content_hash)
    SELECT 'case_events', row_key, 'genesis', case_id, label, content_hash FROM ledger_rows_case_events ORDER BY k;
INSERT INTO ledger (tbl, row_key, op, case_id, label, content_hash)
    SELECT 'outgoing_numbers', row_key, 'genesis', case_id, label, content_hash FROM ledger_rows_outgoing_numbers ORDER BY k;
