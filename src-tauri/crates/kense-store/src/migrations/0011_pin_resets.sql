-- PIN resets by an administrator. A reset also lifts the login's sign-in lock:
-- the attempts recorded before it (up to `after_attempt`, the sign-in log's
-- last row at the reset) no longer count. Append-only and chained in the
-- ledger like the sign-in log it qualifies. No PIN is stored.
CREATE TABLE pin_resets (
    id            INTEGER PRIMARY KEY,
    at            TEXT    NOT NULL,
    login         TEXT    NOT NULL,
    by_login      TEXT    NOT NULL,
    after_attempt INTEGER NOT NULL
) STRICT;
CREATE INDEX pin_resets_login ON pin_resets (login, id);

CREATE TRIGGER pin_resets_no_update BEFORE UPDATE ON pin_resets
BEGIN SELECT RAISE(ABORT, 'the PIN reset record is append-only'); END;
CREATE TRIGGER pin_resets_no_delete BEFORE DELETE ON pin_resets
BEGIN SELECT RAISE(ABORT, 'the PIN reset record is append-only'); END;

CREATE VIEW ledger_rows_pin_resets AS
SELECT id AS k, CAST(id AS TEXT) AS row_key, NULL AS case_id, login AS label,
       kense_sha256(json_array(id, at, login, by_login, after_attempt)) AS content_hash
FROM pin_resets;
CREATE TRIGGER ledger_pin_resets_insert AFTER INSERT ON pin_resets
BEGIN
    INSERT INTO ledger (tbl, row_key, op, case_id, label, content_hash)
    SELECT 'pin_resets', row_key, 'insert', case_id, label, content_hash FROM ledger_rows_pin_resets WHERE k = new.id;
END;
