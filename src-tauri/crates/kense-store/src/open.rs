use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, ErrorCode as SqliteCode, OpenFlags, Transaction, TransactionBehavior};

use crate::migrations;
use crate::StoreError;

/// The journal file's name inside the data folder.
pub const JOURNAL_FILE: &str = "journal.sqlite";

/// How long one statement waits for another process's write lock.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(10);
/// How many times a write waits the busy timeout before `journal_busy`.
const BUSY_ATTEMPTS: u32 = 3;

/// SQLite's "busy"/"locked": another connection holds the write lock.
pub fn is_busy(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(SqliteCode::DatabaseBusy | SqliteCode::DatabaseLocked)
    )
}

/// An open journal. One per process; SQLite's WAL lets the CLI read while the app writes.
pub struct Store {
    conn: Connection,
    path: Option<PathBuf>,
}

impl Store {
    /// Opens (creating if needed) the journal in `data_dir`.
    pub fn open_dir(data_dir: &Path) -> Result<Store, StoreError> {
        std::fs::create_dir_all(data_dir).map_err(|source| StoreError::DataDir {
            path: data_dir.display().to_string(),
            source,
        })?;
        Store::open_file(&data_dir.join(JOURNAL_FILE))
    }

    /// Opens a journal file. A file with a newer schema is refused before any write.
    pub fn open_file(path: &Path) -> Result<Store, StoreError> {
        if path.exists() {
            let probe = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
            migrations::check_not_newer(&probe)?;
        }
        let conn = Connection::open(path)?;
        Store::prepare(conn, Some(path.to_path_buf()))
    }

    /// A fresh journal in memory, for tests.
    pub fn open_in_memory() -> Result<Store, StoreError> {
        Store::prepare(Connection::open_in_memory()?, None)
    }

    fn prepare(mut conn: Connection, path: Option<PathBuf>) -> Result<Store, StoreError> {
        conn.busy_timeout(BUSY_TIMEOUT)?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        if path.is_some() {
            conn.pragma_update(None, "journal_mode", "WAL")?;
            // WAL with NORMAL is durable across application crashes, and fast.
            conn.pragma_update(None, "synchronous", "NORMAL")?;
        }
        migrations::migrate(&mut conn)?;
        Ok(Store { conn, path })
    }

    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    pub fn conn_mut(&mut self) -> &mut Connection {
        &mut self.conn
    }

    /// Runs `f` in one serialised write transaction: `BEGIN IMMEDIATE` takes
    /// the journal's write lock up front, so whatever `f` reads is what it
    /// decides on, and all of its writes land or none. A journal kept busy by
    /// another process past the busy timeout is retried a few times, then
    /// refused with `journal_busy` (nothing written).
    pub fn write<T>(
        &self,
        f: impl FnOnce(&Connection) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        self.transact(f)
    }

    /// `write` with the caller's own error type (an act refused by a rule
    /// inside the transaction rolls it back with that rule's error).
    pub fn transact<T, E>(&self, f: impl FnOnce(&Connection) -> Result<T, E>) -> Result<T, E>
    where
        E: From<StoreError>,
    {
        let mut attempt = 0;
        let tx = loop {
            attempt += 1;
            match Transaction::new_unchecked(&self.conn, TransactionBehavior::Immediate) {
                Ok(tx) => break tx,
                Err(e) if is_busy(&e) && attempt < BUSY_ATTEMPTS => continue,
                Err(e) => return Err(StoreError::from(e).into()),
            }
        };
        let value = f(&tx)?;
        tx.commit().map_err(StoreError::from)?;
        Ok(value)
    }

    /// Runs `f` on one consistent snapshot of the journal (a deferred read
    /// transaction): long reads see no half-written act and never block writers.
    pub fn read<T, E>(&self, f: impl FnOnce(&Connection) -> Result<T, E>) -> Result<T, E>
    where
        E: From<StoreError>,
    {
        if !self.conn.is_autocommit() {
            // Already inside a transaction (a write that reads): same snapshot.
            return f(&self.conn);
        }
        let tx = Transaction::new_unchecked(&self.conn, TransactionBehavior::Deferred)
            .map_err(StoreError::from)?;
        let value = f(&tx)?;
        tx.commit().map_err(StoreError::from)?;
        Ok(value)
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    pub fn schema_version(&self) -> Result<i64, StoreError> {
        migrations::schema_version(&self.conn)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn creates_and_reopens_a_file() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open_dir(dir.path()).unwrap();
        assert_eq!(store.schema_version().unwrap(), migrations::SCHEMA_VERSION);
        let mode: String = store
            .conn()
            .query_row("PRAGMA journal_mode", [], |r| r.get(0))
            .unwrap();
        assert_eq!(mode, "wal");
        drop(store);
        Store::open_dir(dir.path()).unwrap();
    }

    #[test]
    fn refuses_a_newer_schema_and_leaves_the_file_alone() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(JOURNAL_FILE);
        {
            let conn = Connection::open(&path).unwrap();
            conn.pragma_update(None, "user_version", 999).unwrap();
        }
        let before = std::fs::read(&path).unwrap();
        let err = Store::open_file(&path).err().expect("must refuse");
        assert!(matches!(err, StoreError::SchemaTooNew { found: 999, .. }));
        assert_eq!(std::fs::read(&path).unwrap(), before);
        assert!(!dir.path().join("journal.sqlite-wal").exists());
    }
}
