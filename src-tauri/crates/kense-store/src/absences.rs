//! Queries on `head_absences`: periods when the deputy acts for the head.

use chrono::{DateTime, FixedOffset};
use rusqlite::{params, Connection};
use serde::Serialize;

use crate::cases::time_text;
use crate::StoreError;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Absence {
    pub from: String,
    pub until: String,
    pub set_by: String,
    pub set_at: String,
}

pub fn insert(
    tx: &Connection,
    from: DateTime<FixedOffset>,
    until: DateTime<FixedOffset>,
    set_by: &str,
    set_at: DateTime<FixedOffset>,
) -> Result<(), StoreError> {
    tx.execute(
        "INSERT INTO head_absences (from_at, until_at, set_by, set_at) VALUES (?1, ?2, ?3, ?4)",
        params![
            time_text(&from),
            time_text(&until),
            set_by,
            time_text(&set_at)
        ],
    )?;
    Ok(())
}

/// True while an absence period covers `now`. Times share the office offset, so text compares in order.
pub fn head_absent_at(conn: &Connection, now: DateTime<FixedOffset>) -> Result<bool, StoreError> {
    let now = time_text(&now);
    let n: i64 = conn.query_row(
        "SELECT COUNT(*) FROM head_absences WHERE from_at <= ?1 AND until_at > ?1",
        [now],
        |r| r.get(0),
    )?;
    Ok(n > 0)
}

pub fn list(conn: &Connection) -> Result<Vec<Absence>, StoreError> {
    let mut stmt = conn.prepare(
        "SELECT from_at, until_at, set_by, set_at FROM head_absences ORDER BY from_at DESC",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(Absence {
            from: r.get(0)?,
            until: r.get(1)?,
            set_by: r.get(2)?,
            set_at: r.get(3)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}
