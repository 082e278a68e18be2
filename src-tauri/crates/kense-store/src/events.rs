//! Queries on `case_events`: each case's append-only history.

use chrono::DateTime;
use kense_domain::types::Role;
use kense_domain::workflow::{Action, RouteEvent};
use rusqlite::{params, Connection};

use crate::cases::time_text;
use crate::StoreError;

/// Appends a line at the case's next version (the number of lines before it);
/// the schema refuses a second line at the same version and any gap.
pub fn append(tx: &Connection, case_id: i64, event: &RouteEvent) -> Result<(), StoreError> {
    let data =
        serde_json::to_string(&event.action).map_err(|e| StoreError::Corrupt(e.to_string()))?;
    tx.execute(
        "INSERT INTO case_events (case_id, at, actor, role, acting_for_head, step, action, data_json, due_at, version)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9,
                 (SELECT COUNT(*) FROM case_events WHERE case_id = ?1))",
        params![
            case_id,
            time_text(&event.at),
            event.actor,
            event.role.code(),
            event.acting_for_head,
            event.step,
            event.action.kind().code(),
            data,
            event.due.as_ref().map(time_text),
        ],
    )?;
    Ok(())
}

/// A case's history, oldest first.
pub fn list(conn: &Connection, case_id: i64) -> Result<Vec<RouteEvent>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT at, actor, role, acting_for_head, step, data_json, due_at
         FROM case_events WHERE case_id = ?1 ORDER BY id",
    )?;
    let rows = stmt.query_map([case_id], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, bool>(3)?,
            r.get::<_, Option<String>>(4)?,
            r.get::<_, String>(5)?,
            r.get::<_, Option<String>>(6)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (at, actor, role, acting_for_head, step, data, due) = row?;
        let time = |t: &str| {
            DateTime::parse_from_rfc3339(t)
                .map_err(|_| StoreError::Corrupt(format!("time `{t}` in history")))
        };
        out.push(RouteEvent {
            at: time(&at)?,
            actor,
            role: Role::parse(&role)
                .ok_or_else(|| StoreError::Corrupt(format!("role `{role}` in history")))?,
            acting_for_head,
            step,
            action: serde_json::from_str::<Action>(&data)
                .map_err(|e| StoreError::Corrupt(format!("history entry: {e}")))?,
            due: due.as_deref().map(time).transpose()?,
        });
    }
    Ok(out)
}

/// The case's state version: how many history lines it has.
pub fn version(conn: &Connection, case_id: i64) -> Result<u32, StoreError> {
    Ok(conn.query_row(
        "SELECT COUNT(*) FROM case_events WHERE case_id = ?1",
        [case_id],
        |r| r.get(0),
    )?)
}
