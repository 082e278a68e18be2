//! Queries on `desk_invitations` and `desks`: the LAN host's invitations and
//! paired desks. Only SHA-256 hashes of secrets and tokens are stored.

use rusqlite::{params, Connection, OptionalExtension, Row};

use crate::StoreError;

/// An invitation as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvitationRow {
    pub id: i64,
    pub name: String,
    pub created_at: String,
    pub created_by: String,
    pub expires_at: String,
    pub used_at: Option<String>,
}

/// A paired desk as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeskRow {
    pub id: i64,
    pub name: String,
    pub paired_at: String,
    pub paired_by: String,
    pub revoked_at: Option<String>,
    pub revoked_by: Option<String>,
}

const DESK_COLUMNS: &str = "id, name, paired_at, paired_by, revoked_at, revoked_by";

fn desk(r: &Row<'_>) -> rusqlite::Result<DeskRow> {
    Ok(DeskRow {
        id: r.get(0)?,
        name: r.get(1)?,
        paired_at: r.get(2)?,
        paired_by: r.get(3)?,
        revoked_at: r.get(4)?,
        revoked_by: r.get(5)?,
    })
}

pub fn insert_invitation(
    tx: &Connection,
    name: &str,
    secret_hash: &str,
    created_at: &str,
    created_by: &str,
    expires_at: &str,
) -> Result<i64, StoreError> {
    tx.execute(
        "INSERT INTO desk_invitations (name, secret_hash, created_at, created_by, expires_at)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![name, secret_hash, created_at, created_by, expires_at],
    )?;
    Ok(tx.last_insert_rowid())
}

pub fn invitation_by_hash(
    conn: &Connection,
    secret_hash: &str,
) -> Result<Option<InvitationRow>, StoreError> {
    Ok(conn
        .query_row(
            "SELECT id, name, created_at, created_by, expires_at, used_at
             FROM desk_invitations WHERE secret_hash = ?1",
            [secret_hash],
            |r| {
                Ok(InvitationRow {
                    id: r.get(0)?,
                    name: r.get(1)?,
                    created_at: r.get(2)?,
                    created_by: r.get(3)?,
                    expires_at: r.get(4)?,
                    used_at: r.get(5)?,
                })
            },
        )
        .optional()?)
}

/// Marks an invitation used; false if it was used already.
pub fn mark_used(tx: &Connection, id: i64, at: &str) -> Result<bool, StoreError> {
    let changed = tx.execute(
        "UPDATE desk_invitations SET used_at = ?2 WHERE id = ?1 AND used_at IS NULL",
        params![id, at],
    )?;
    Ok(changed == 1)
}

pub fn insert_desk(
    tx: &Connection,
    name: &str,
    token_hash: &str,
    paired_at: &str,
    paired_by: &str,
    invitation_id: i64,
) -> Result<i64, StoreError> {
    tx.execute(
        "INSERT INTO desks (name, token_hash, paired_at, paired_by, invitation_id)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![name, token_hash, paired_at, paired_by, invitation_id],
    )?;
    Ok(tx.last_insert_rowid())
}

/// Every desk ever paired, the newest first.
pub fn list(conn: &Connection) -> Result<Vec<DeskRow>, StoreError> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {DESK_COLUMNS} FROM desks ORDER BY id DESC"
    ))?;
    let rows = stmt.query_map([], desk)?.collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

/// The paired (not revoked) desk of that name.
pub fn active_by_name(conn: &Connection, name: &str) -> Result<Option<DeskRow>, StoreError> {
    Ok(conn
        .query_row(
            &format!("SELECT {DESK_COLUMNS} FROM desks WHERE name = ?1 AND revoked_at IS NULL"),
            [name],
            desk,
        )
        .optional()?)
}

/// The paired (not revoked) desk holding that token.
pub fn active_by_token(conn: &Connection, token_hash: &str) -> Result<Option<DeskRow>, StoreError> {
    Ok(conn
        .query_row(
            &format!(
                "SELECT {DESK_COLUMNS} FROM desks WHERE token_hash = ?1 AND revoked_at IS NULL"
            ),
            [token_hash],
            desk,
        )
        .optional()?)
}

pub fn revoke(tx: &Connection, id: i64, at: &str, by: &str) -> Result<(), StoreError> {
    tx.execute(
        "UPDATE desks SET revoked_at = ?2, revoked_by = ?3 WHERE id = ?1 AND revoked_at IS NULL",
        params![id, at, by],
    )?;
    Ok(())
}
