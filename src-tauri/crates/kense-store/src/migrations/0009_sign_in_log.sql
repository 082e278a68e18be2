-- Every sign-in attempt, kept for the lockout rule (5 wrong in a row lock a
-- login for 15 minutes) and for the administrator. Append-only and chained in
-- the ledger like the users it guards: a wiped record of wrong attempts (to
-- lift a lock) breaks the chain. No PIN, not even a wrong one, is stored.
CREATE TABLE sign_in_log (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    login TEXT NOT NULL,
    outcome TEXT NOT NULL CHECK (outcome IN ('ok', 'wrong', 'locked'))
);
CREATE INDEX sign_in_log_login ON sign_in_log (login, id);

CREATE TRIGGER sign_in_log_no_update BEFORE UPDATE ON sign_in_log
BEGIN SELECT RAISE(ABORT, 'the sign-in log is append-only'); END;
CREATE TRIGGER sign_in_log_no_delete BEFORE DELETE ON sign_in_log
BEGIN SELECT RAISE(ABORT, 'the sign-in log is append-only'); END;

CREATE VIEW ledger_rows_sign_in_log AS
SELECT id AS k, CAST(id AS TEXT) AS row_key, NULL AS case_id, login AS label,
       kense_sha256(json_array(id, at, login, outcome)) AS content_hash
FROM sign_in_log;
CREATE TRIGGER ledger_sign_in_log_insert AFTER INSERT ON sign_in_log
BEGIN
    INSERT INTO ledger (tbl, row_key, op, case_id, label, content_hash)
    SELECT 'sign_in_log', row_key, 'insert', case_id, label, content_hash FROM ledger_rows_sign_in_log WHERE k = new.id;
END;
