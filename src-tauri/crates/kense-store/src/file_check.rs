//! Looking at a journal file before trusting it: is it a Kense journal at all,
//! is it whole, is it from a newer Kense? Nothing here writes to the file or
//! creates `-wal`/`-shm` beside it (SQLite's `immutable` mode, unless the file
//! already has a write-ahead log that holds part of it).

use std::io::Read;
use std::path::Path;

use rusqlite::{Connection, OpenFlags};

use crate::migrations::SCHEMA_VERSION;
use crate::StoreError;

/// `PRAGMA application_id` of a Kense journal: "KNSE".
pub const APPLICATION_ID: i32 = 0x4B4E_5345;

const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";

/// What a sound journal file told us.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Inspection {
    pub schema_version: i64,
    /// The file carries Kense's application id (older journals have 0 and are recognised by their tables).
    pub marked: bool,
}

/// A `file:` URI for SQLite (percent-encodes what a URI would misread).
pub(crate) fn file_uri(path: &Path, query: &str) -> String {
    let mut out = String::from("file:");
    for b in path.to_string_lossy().bytes() {
        match b {
            b'%' | b'?' | b'#' | b' ' => out.push_str(&format!("%{b:02X}")),
            _ => out.push(b as char),
        }
    }
    format!("{out}?{query}")
}

pub(crate) fn has_live_wal(path: &Path) -> bool {
    let wal = path.with_file_name(format!(
        "{}-wal",
        path.file_name().unwrap_or_default().to_string_lossy()
    ));
    std::fs::metadata(wal).map(|m| m.len() > 0).unwrap_or(false)
}

/// Opens `path` for reading without changing anything on disk.
pub(crate) fn open_untouched(path: &Path) -> Result<Connection, rusqlite::Error> {
    let query = if has_live_wal(path) {
        "mode=ro"
    } else {
        "immutable=1"
    };
    let conn = Connection::open_with_flags(
        file_uri(path, query),
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_URI,
    )?;
    crate::ledger::register_functions(&conn).map_err(|e| match e {
        StoreError::Sqlite(e) => e,
        other => rusqlite::Error::UserFunctionError(other.to_string().into()),
    })?;
    Ok(conn)
}

/// Checks a journal file; refuses (with its own error) a zero-byte, foreign,
/// damaged or newer file. `quick` uses SQLite's `quick_check`, else `integrity_check`.
pub fn inspect(path: &Path, quick: bool) -> Result<Inspection, StoreError> {
    let shown = path.display().to_string();
    let meta = std::fs::metadata(path).map_err(|e| StoreError::JournalMissing {
        path: shown.clone(),
        detail: e.to_string(),
    })?;
    if meta.len() == 0 {
        return Err(StoreError::JournalEmpty { path: shown });
    }
    let mut header = [0u8; 100];
    let read = std::fs::File::open(path)
        .and_then(|mut f| f.read(&mut header))
        .map_err(|e| StoreError::JournalDamaged {
            path: shown.clone(),
            detail: format!("cannot read: {e}"),
        })?;
    if read < 100 || &header[..16] != SQLITE_MAGIC {
        return Err(StoreError::JournalForeign {
            path: shown,
            detail: "not an SQLite database".into(),
        });
    }
    let damaged = |detail: String| StoreError::JournalDamaged {
        path: shown.clone(),
        detail,
    };
    let conn = open_untouched(path).map_err(|e| damaged(e.to_string()))?;
    let read_pragma = |name: &str| -> Result<i64, StoreError> {
        conn.query_row(&format!("PRAGMA {name}"), [], |r| r.get(0))
            .map_err(|e| damaged(e.to_string()))
    };
    let app_id = read_pragma("application_id")?;
    let schema_version = read_pragma("user_version")?;
    if app_id != 0 && app_id != APPLICATION_ID as i64 {
        return Err(StoreError::JournalForeign {
            path: shown.clone(),
            detail: format!("another program's file (application id {app_id:#x})"),
        });
    }
    if app_id == 0 {
        let ours: i64 = conn
            .query_row(
                "SELECT COUNT(*) FROM sqlite_schema WHERE type = 'table'
                 AND name IN ('cases', 'journal_sequence', 'settings')",
                [],
                |r| r.get(0),
            )
            .map_err(|e| damaged(e.to_string()))?;
        if ours != 3 || schema_version < 1 {
            return Err(StoreError::JournalForeign {
                path: shown.clone(),
                detail: "an SQLite file without the journal's tables".into(),
            });
        }
    }
    if schema_version > SCHEMA_VERSION {
        return Err(StoreError::SchemaTooNew {
            found: schema_version,
            known: SCHEMA_VERSION,
        });
    }
    let check = if quick {
        "quick_check"
    } else {
        "integrity_check"
    };
    let problems = integrity_problems(&conn, check).map_err(|e| damaged(e.to_string()))?;
    if let Some(first) = problems.first() {
        return Err(damaged(format!("{check}: {first}")));
    }
    Ok(Inspection {
        schema_version,
        marked: app_id != 0,
    })
}

/// SQLite's `integrity_check` (or `quick_check`) lines other than "ok".
pub fn integrity_problems(conn: &Connection, pragma: &str) -> Result<Vec<String>, rusqlite::Error> {
    let mut stmt = conn.prepare(&format!("PRAGMA {pragma}"))?;
    let lines = stmt
        .query_map([], |r| r.get::<_, String>(0))?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(lines.into_iter().filter(|l| l != "ok").collect())
}

/// Whether the file (or its folder) cannot be written by this process.
pub fn is_read_only(path: &Path) -> bool {
    let file_ro = std::fs::metadata(path)
        .map(|m| m.permissions().readonly())
        .unwrap_or(false);
    let dir_ro = path
        .parent()
        .and_then(|d| std::fs::metadata(d).ok())
        .map(|m| m.permissions().readonly())
        .unwrap_or(false);
    file_ro || dir_ro
}
