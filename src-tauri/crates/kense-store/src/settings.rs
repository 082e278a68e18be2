//! Queries on the `settings` table: office-wide key/value settings.

use rusqlite::{params, Connection, OptionalExtension};

use crate::StoreError;

pub const NUMBER_PATTERN: &str = "number_pattern";
/// `yes` on a journal made for tests or the demo.
pub const TEST_JOURNAL: &str = "test_journal";

pub fn get(conn: &Connection, key: &str) -> Result<Option<String>, StoreError> {
    Ok(conn
        .query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| {
            r.get(0)
        })
        .optional()?)
}

pub fn set(conn: &mut Connection, key: &str, value: &str) -> Result<(), StoreError> {
    let tx = conn.transaction()?;
    tx.execute(
        "INSERT INTO settings (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        params![key, value],
    )?;
    tx.commit()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Store;

    #[test]
    fn set_then_get_and_overwrite() {
        let mut store = Store::open_in_memory().unwrap();
        assert_eq!(get(store.conn(), "k").unwrap(), None);
        set(store.conn_mut(), "k", "1").unwrap();
        set(store.conn_mut(), "k", "2").unwrap();
        assert_eq!(get(store.conn(), "k").unwrap().as_deref(), Some("2"));
    }
}
