//! Queries on `users`: the office's people, their roles and PIN hashes.

use kense_domain::types::Text;
use kense_domain::user::{RoleGrant, User};
use rusqlite::{params, Connection, OptionalExtension, Row};

use crate::StoreError;

const COLUMNS: &str =
    "login, name_kk, name_ru, position_kk, position_ru, phone, roles_json, active";

pub fn insert(
    tx: &Connection,
    user: &User,
    pin_hash: &str,
    created_at: &str,
    created_by: &str,
) -> Result<(), StoreError> {
    let roles =
        serde_json::to_string(&user.roles).map_err(|e| StoreError::Corrupt(e.to_string()))?;
    tx.execute(
        "INSERT INTO users (login, name_kk, name_ru, position_kk, position_ru, phone, roles_json,
             pin_hash, active, created_at, created_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        params![
            user.login,
            user.name.kk,
            user.name.ru,
            user.position.kk,
            user.position.ru,
            user.phone,
            roles,
            pin_hash,
            user.active,
            created_at,
            created_by
        ],
    )?;
    Ok(())
}

fn read(r: &Row<'_>) -> rusqlite::Result<(User, String)> {
    let roles: String = r.get(6)?;
    Ok((
        User {
            login: r.get(0)?,
            name: Text {
                kk: r.get(1)?,
                ru: r.get(2)?,
            },
            position: Text {
                kk: r.get(3)?,
                ru: r.get(4)?,
            },
            phone: r.get(5)?,
            roles: Vec::new(),
            active: r.get(7)?,
        },
        roles,
    ))
}

fn with_roles((mut user, roles): (User, String)) -> Result<User, StoreError> {
    user.roles = serde_json::from_str::<Vec<RoleGrant>>(&roles)
        .map_err(|e| StoreError::Corrupt(format!("roles of {}: {e}", user.login)))?;
    Ok(user)
}

pub fn get(conn: &Connection, login: &str) -> Result<Option<User>, StoreError> {
    let sql = format!("SELECT {COLUMNS} FROM users WHERE login = ?1");
    conn.query_row(&sql, [login], read)
        .optional()?
        .map(with_roles)
        .transpose()
}

/// A user's PIN hash, active or not (sign-in tells a disabled user apart only
/// after a right PIN).
pub fn pin_hash(conn: &Connection, login: &str) -> Result<Option<String>, StoreError> {
    Ok(conn
        .query_row(
            "SELECT pin_hash FROM users WHERE login = ?1",
            [login],
            |r| r.get(0),
        )
        .optional()?)
}

pub fn list(conn: &Connection) -> Result<Vec<User>, StoreError> {
    let sql = format!("SELECT {COLUMNS} FROM users ORDER BY login");
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map([], read)?;
    rows.map(|r| with_roles(r?)).collect()
}

pub fn count(conn: &Connection) -> Result<u64, StoreError> {
    let n: i64 = conn.query_row("SELECT COUNT(*) FROM users", [], |r| r.get(0))?;
    Ok(n as u64)
}

pub fn set_active(tx: &Connection, login: &str, active: bool) -> Result<bool, StoreError> {
    Ok(tx.execute(
        "UPDATE users SET active = ?2 WHERE login = ?1",
        params![login, active],
    )? == 1)
}

pub fn set_pin_hash(tx: &Connection, login: &str, hash: &str) -> Result<bool, StoreError> {
    Ok(tx.execute(
        "UPDATE users SET pin_hash = ?2 WHERE login = ?1",
        params![login, hash],
    )? == 1)
}

/// Stores a user's changed details (never the login, the PIN or the active flag).
pub fn update_details(tx: &Connection, user: &User) -> Result<bool, StoreError> {
    let roles =
        serde_json::to_string(&user.roles).map_err(|e| StoreError::Corrupt(e.to_string()))?;
    Ok(tx.execute(
        "UPDATE users SET name_kk = ?2, name_ru = ?3, position_kk = ?4, position_ru = ?5,
             phone = ?6, roles_json = ?7
         WHERE login = ?1",
        params![
            user.login,
            user.name.kk,
            user.name.ru,
            user.position.kk,
            user.position.ru,
            user.phone,
            roles
        ],
    )? == 1)
}
