//! Queries on `calendar_files` (the current text of each edited calendar file)
//! and `calendar_edits` (the append-only record of every edit).

use chrono::{DateTime, FixedOffset, SecondsFormat};
use rusqlite::{params, Connection, OptionalExtension};

use crate::StoreError;

/// One recorded edit: who changed which file when, what, and the texts before and after.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalendarEdit {
    pub id: i64,
    pub file: String,
    pub at: DateTime<FixedOffset>,
    pub actor: String,
    /// What was done, as the caller describes it (JSON in practice).
    pub change: String,
    pub before: String,
    pub after: String,
}

/// The edited files' current texts as `(file name, text)`, by name.
pub fn current(conn: &Connection) -> Result<Vec<(String, String)>, StoreError> {
    let mut stmt = conn.prepare("SELECT name, text FROM calendar_files ORDER BY name")?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// The current text of one edited file, if it was ever edited.
pub fn text_of(conn: &Connection, file: &str) -> Result<Option<String>, StoreError> {
    Ok(conn
        .query_row(
            "SELECT text FROM calendar_files WHERE name = ?1",
            [file],
            |r| r.get(0),
        )
        .optional()?)
}

/// Replaces `file`'s text with `after` and records the edit, in one transaction.
/// `before` is the text the caller edited (the bundled one for a first edit).
/// Returns the edit's id.
#[allow(clippy::too_many_arguments)]
pub fn save(
    conn: &mut Connection,
    file: &str,
    before: &str,
    after: &str,
    change: &str,
    actor: &str,
    at: DateTime<FixedOffset>,
) -> Result<i64, StoreError> {
    let at = at.to_rfc3339_opts(SecondsFormat::Secs, false);
    let tx = conn.transaction()?;
    tx.execute(
        "INSERT INTO calendar_files (name, text, updated_by, updated_at)
         VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (name) DO UPDATE SET
            text = excluded.text, updated_by = excluded.updated_by, updated_at = excluded.updated_at",
        params![file, after, actor, at],
    )?;
    tx.execute(
        "INSERT INTO calendar_edits (file, at, actor, change, before_text, after_text)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![file, at, actor, change, before, after],
    )?;
    let id = tx.last_insert_rowid();
    tx.commit()?;
    Ok(id)
}

/// Every recorded edit, newest first.
pub fn edits(conn: &Connection) -> Result<Vec<CalendarEdit>, StoreError> {
    let mut stmt = conn.prepare(
        "SELECT id, file, at, actor, change, before_text, after_text
         FROM calendar_edits ORDER BY id DESC",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, String>(3)?,
            r.get::<_, String>(4)?,
            r.get::<_, String>(5)?,
            r.get::<_, String>(6)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (id, file, at, actor, change, before, after) = row?;
        let at = DateTime::parse_from_rfc3339(&at)
            .map_err(|_| StoreError::Corrupt(format!("bad time `{at}` in calendar_edits")))?;
        out.push(CalendarEdit {
            id,
            file,
            at,
            actor,
            change,
            before,
            after,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Store;

    fn at(text: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(text).unwrap()
    }

    #[test]
    fn saves_the_current_text_and_records_every_edit() {
        let mut store = Store::open_in_memory().unwrap();
        assert!(current(store.conn()).unwrap().is_empty());
        let t1 = at("2026-11-23T10:00:00+05:00");
        let t2 = at("2026-11-24T11:00:00+05:00");
        save(
            store.conn_mut(),
            "2026.toml",
            "a",
            "b",
            "{\"x\":1}",
            "admin1",
            t1,
        )
        .unwrap();
        let id = save(
            store.conn_mut(),
            "2026.toml",
            "b",
            "c",
            "{\"x\":2}",
            "admin2",
            t2,
        )
        .unwrap();
        save(
            store.conn_mut(),
            "office.toml",
            "o",
            "p",
            "{}",
            "admin1",
            t2,
        )
        .unwrap();
        assert_eq!(
            current(store.conn()).unwrap(),
            vec![
                ("2026.toml".into(), "c".into()),
                ("office.toml".into(), "p".into())
            ]
        );
        assert_eq!(
            text_of(store.conn(), "2026.toml").unwrap().as_deref(),
            Some("c")
        );
        assert_eq!(text_of(store.conn(), "2027.toml").unwrap(), None);
        let log = edits(store.conn()).unwrap();
        assert_eq!(log.len(), 3);
        assert_eq!(log[1].id, id);
        assert_eq!(
            (
                log[1].actor.as_str(),
                log[1].before.as_str(),
                log[1].after.as_str()
            ),
            ("admin2", "b", "c")
        );
        assert_eq!(log[1].at, t2);
        assert_eq!(log[2].change, "{\"x\":1}");
    }

    #[test]
    fn the_record_is_append_only() {
        let mut store = Store::open_in_memory().unwrap();
        let t = at("2026-11-23T10:00:00+05:00");
        save(store.conn_mut(), "2026.toml", "a", "b", "{}", "admin1", t).unwrap();
        let conn = store.conn();
        assert!(conn
            .execute("UPDATE calendar_edits SET actor = 'x'", [])
            .is_err());
        assert!(conn.execute("DELETE FROM calendar_edits", []).is_err());
        assert_eq!(edits(conn).unwrap()[0].actor, "admin1");
    }
}
