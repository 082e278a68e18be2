-- The LAN office (issue 8): the host's invitations to new desks and the desks
-- paired with it. Secrets and tokens are kept only as SHA-256 (hex); an
-- invitation is used once and expires 24 h after it is made; a revoked desk
-- keeps its row (who paired it, who revoked it, when). Both tables are chained
-- in the ledger: a desk slipped in by hand breaks the chain.
-- (Numbered 0012: 0011 is another branch's; the list in migrations.rs keeps
-- the files in their number order.)
CREATE TABLE desk_invitations (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    secret_hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    used_at TEXT
);

CREATE TABLE desks (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    paired_at TEXT NOT NULL,
    paired_by TEXT NOT NULL,
    invitation_id INTEGER NOT NULL REFERENCES desk_invitations (id),
    revoked_at TEXT,
    revoked_by TEXT
);
-- One paired desk per name; a revoked desk's name may be given again.
CREATE UNIQUE INDEX desks_active_name ON desks (name) WHERE revoked_at IS NULL;

CREATE TRIGGER desk_invitations_no_delete BEFORE DELETE ON desk_invitations
BEGIN SELECT RAISE(ABORT, 'invitations are kept'); END;
CREATE TRIGGER desks_no_delete BEFORE DELETE ON desks
BEGIN SELECT RAISE(ABORT, 'desks are kept (revoked, not deleted)'); END;

CREATE VIEW ledger_rows_desk_invitations AS
SELECT id AS k, CAST(id AS TEXT) AS row_key, NULL AS case_id, name AS label,
       kense_sha256(json_array(id, name, secret_hash, created_at, created_by, expires_at, used_at)) AS content_hash
FROM desk_invitations;
CREATE TRIGGER ledger_desk_invitations_insert AFTER INSERT ON desk_invitations
BEGIN
    INSERT INTO ledger (tbl, row_key, op, case_id, label, content_hash)
    SELECT 'desk_invitations', row_key, 'insert', case_id, label, content_hash FROM ledger_rows_desk_invitations WHERE k = new.id;
END;
CREATE TRIGGER ledger_desk_invitations_update AFTER UPDATE ON desk_invitations
BEGIN
    INSERT INTO ledger (tbl, row_key, op, case_id, label, content_hash)
    SELECT 'desk_invitations', row_key, 'update', case_id, label, content_hash FROM ledger_rows_desk_invitations WHERE k = new.id;
END;

CREATE VIEW ledger_rows_desks AS
SELECT id AS k, CAST(id AS TEXT) AS row_key, NULL AS case_id, name AS label,
       kense_sha256(json_array(id, name, token_hash, paired_at, paired_by, invitation_id, revoked_at, revoked_by)) AS content_hash
FROM desks;
CREATE TRIGGER ledger_desks_insert AFTER INSERT ON desks
BEGIN
    INSERT INTO ledger (tbl, row_key, op, case_id, label, content_hash)
    SELECT 'desks', row_key, 'insert', case_id, label, content_hash FROM ledger_rows_desks WHERE k = new.id;
END;
CREATE TRIGGER ledger_desks_update AFTER UPDATE ON desks
BEGIN
    INSERT INTO ledger (tbl, row_key, op, case_id, label, content_hash)
    SELECT 'desks', row_key, 'update', case_id, label, content_hash FROM ledger_rows_desks WHERE k = new.id;
END;
