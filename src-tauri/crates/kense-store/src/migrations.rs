//! Ordered schema migrations, embedded in the binary. The schema version is
//! SQLite's `user_version`; migration N brings the file to version N.

use rusqlite::Connection;

use crate::StoreError;

const MIGRATIONS: &[&str] = &[
    include_str!("migrations/0001_journal.sql"),
    include_str!("migrations/0002_workflow.sql"),
    include_str!("migrations/0003_regulation_admin.sql"),
    include_str!("migrations/0004_documents.sql"),
    include_str!("migrations/0005_serialised_acts.sql"),
    include_str!("migrations/0006_ledger.sql"),
    include_str!("migrations/0007_reports.sql"),
    include_str!("migrations/0008_ledger_coverage.sql"),
    include_str!("migrations/0009_sign_in_log.sql"),
    include_str!("migrations/0010_search_folding.sql"),
    include_str!("migrations/0011_pin_resets.sql"),
    include_str!("migrations/0012_desks.sql"),
];

/// The newest schema this build knows.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

pub fn schema_version(conn: &Connection) -> Result<i64, StoreError> {
    Ok(conn.query_row("PRAGMA user_version", [], |r| r.get(0))?)
}

/// Refuses a file written by a newer Kense before anything touches it.
pub fn check_not_newer(conn: &Connection) -> Result<(), StoreError> {
    let found = schema_version(conn)?;
    if found > SCHEMA_VERSION {
        return Err(StoreError::SchemaTooNew {
            found,
            known: SCHEMA_VERSION,
        });
    }
    Ok(())
}

/// Applies every migration the file lacks, each in its own transaction.
pub fn migrate(conn: &mut Connection) -> Result<(), StoreError> {
    migrate_to(conn, SCHEMA_VERSION)
}

/// Applies the migrations up to `version` (tests build older journals with it).
pub(crate) fn migrate_to(conn: &mut Connection, version: i64) -> Result<(), StoreError> {
    check_not_newer(conn)?;
    let current = schema_version(conn)?;
    for (index, sql) in MIGRATIONS
        .iter()
        .enumerate()
        .take(version as usize)
        .skip(current as usize)
    {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", index as i64 + 1)?;
        tx.commit()?;
    }
    Ok(())
}
