//! Queries on `sign_in_log`: every sign-in attempt (no PINs), append-only.

use rusqlite::{params, Connection};

use crate::StoreError;

/// Records one attempt: `outcome` is `ok`, `wrong` or `locked`.
pub fn insert(tx: &Connection, login: &str, at: &str, outcome: &str) -> Result<(), StoreError> {
    tx.execute(
        "INSERT INTO sign_in_log (at, login, outcome) VALUES (?1, ?2, ?3)",
        params![at, login, outcome],
    )?;
    Ok(())
}

/// The login's attempts since its last successful sign-in and its last PIN
/// reset (at most `limit`), newest first, as (time, outcome); attempts refused
/// by a lock are left out.
pub fn since_last_success(
    conn: &Connection,
    login: &str,
    limit: u32,
) -> Result<Vec<(String, String)>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT at, outcome FROM sign_in_log
         WHERE login = ?1 AND outcome <> 'locked'
           AND id > COALESCE((SELECT MAX(id) FROM sign_in_log
                              WHERE login = ?1 AND outcome = 'ok'), 0)
           AND id > COALESCE((SELECT MAX(after_attempt) FROM pin_resets
                              WHERE login = ?1), 0)
         ORDER BY id DESC LIMIT ?2",
    )?;
    let rows = stmt
        .query_map(params![login, limit], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

/// Records that an administrator (`by`) reset `login`'s PIN: the attempts
/// recorded so far no longer count towards a lock.
pub fn insert_pin_reset(
    tx: &Connection,
    login: &str,
    at: &str,
    by: &str,
) -> Result<(), StoreError> {
    tx.execute(
        "INSERT INTO pin_resets (at, login, by_login, after_attempt)
         VALUES (?1, ?2, ?3, (SELECT COALESCE(MAX(id), 0) FROM sign_in_log))",
        params![at, login, by],
    )?;
    Ok(())
}
