use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, ErrorCode as SqliteCode, OpenFlags, Transaction, TransactionBehavior};

use crate::StoreError;
use crate::{file_check, ledger, migrations};

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
    read_only: bool,
}

impl Store {
    /// Opens the journal that exists in `data_dir`. A missing, zero-byte, foreign,
    /// damaged or newer file is refused and left as it is; nothing is created.
    /// `before_migration` runs (with the file still at its old schema) when the
    /// file needs migrating, e.g. to back it up first.
    pub fn open_existing(
        data_dir: &Path,
        before_migration: &mut dyn FnMut(&Connection) -> Result<(), StoreError>,
    ) -> Result<Store, StoreError> {
        let path = data_dir.join(JOURNAL_FILE);
        if !path.exists() {
            return Err(StoreError::JournalMissing {
                path: path.display().to_string(),
                detail: "no journal file".into(),
            });
        }
        Store::open_file_with(&path, before_migration)
    }

    /// Creates a new journal in `data_dir`, which must be empty (or missing);
    /// only a `logs` folder may already be there.
    pub fn create_new(data_dir: &Path) -> Result<Store, StoreError> {
        if let Ok(entries) = std::fs::read_dir(data_dir) {
            let found: Vec<String> = entries
                .filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|name| name != "logs")
                .collect();
            if !found.is_empty() {
                return Err(StoreError::FolderNotEmpty {
                    path: data_dir.display().to_string(),
                    found: found.join(", "),
                });
            }
        }
        std::fs::create_dir_all(data_dir).map_err(|source| StoreError::DataDir {
            path: data_dir.display().to_string(),
            source,
        })?;
        let path = data_dir.join(JOURNAL_FILE);
        let conn = Connection::open_with_flags(
            &path,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        Store::prepare(conn, Some(path), &mut |_| Ok(()))
    }

    /// Opens an existing journal file after checking it (see [`file_check::inspect`]).
    pub fn open_file(path: &Path) -> Result<Store, StoreError> {
        Store::open_file_with(path, &mut |_| Ok(()))
    }

    fn open_file_with(
        path: &Path,
        before_migration: &mut dyn FnMut(&Connection) -> Result<(), StoreError>,
    ) -> Result<Store, StoreError> {
        let inspection = file_check::inspect(path, true)?;
        if file_check::is_read_only(path) {
            if inspection.schema_version < migrations::SCHEMA_VERSION {
                return Err(StoreError::ReadOnly {
                    detail: format!(
                        "{} needs an upgrade to schema {} and cannot be written",
                        path.display(),
                        migrations::SCHEMA_VERSION
                    ),
                });
            }
            let conn = Connection::open_with_flags(
                file_check::file_uri(path, "mode=ro"),
                OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_URI,
            )
            .or_else(|_| file_check::open_untouched(path))?;
            ledger::register_functions(&conn)?;
            conn.busy_timeout(Duration::from_secs(5))?;
            return Ok(Store {
                conn,
                path: Some(path.to_path_buf()),
                read_only: true,
            });
        }
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        Store::prepare(conn, Some(path.to_path_buf()), before_migration)
    }

    /// A fresh journal in memory, for tests.
    pub fn open_in_memory() -> Result<Store, StoreError> {
        Store::prepare(Connection::open_in_memory()?, None, &mut |_| Ok(()))
    }

    fn prepare(
        mut conn: Connection,
        path: Option<PathBuf>,
        before_migration: &mut dyn FnMut(&Connection) -> Result<(), StoreError>,
    ) -> Result<Store, StoreError> {
        ledger::register_functions(&conn)?;
        conn.busy_timeout(BUSY_TIMEOUT)?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        if path.is_some() {
            conn.pragma_update(None, "journal_mode", "WAL")?;
            // WAL with NORMAL is durable across application crashes, and fast.
            conn.pragma_update(None, "synchronous", "NORMAL")?;
        }
        let current = migrations::schema_version(&conn)?;
        if current > 0 && current < migrations::SCHEMA_VERSION {
            before_migration(&conn)?;
        }
        migrations::migrate(&mut conn)?;
        let app_id: i64 = conn.query_row("PRAGMA application_id", [], |r| r.get(0))?;
        if app_id != file_check::APPLICATION_ID as i64 {
            conn.pragma_update(None, "application_id", file_check::APPLICATION_ID)?;
        }
        Ok(Store {
            conn,
            path,
            read_only: false,
        })
    }

    /// Whether this journal was opened for reading only (a read-only file or folder).
    pub fn is_read_only(&self) -> bool {
        self.read_only
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
        if self.read_only {
            return Err(self.read_only_error().into());
        }
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

    fn read_only_error(&self) -> StoreError {
        StoreError::ReadOnly {
            detail: format!(
                "{} is opened for reading only; nothing was saved",
                self.path
                    .as_deref()
                    .unwrap_or(Path::new(":memory:"))
                    .display()
            ),
        }
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    pub fn schema_version(&self) -> Result<i64, StoreError> {
        migrations::schema_version(&self.conn)
    }
}

#[cfg(test)]
mod tests;
