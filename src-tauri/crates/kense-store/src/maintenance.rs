//! Operator tasks on the journal file: a checked backup, checking a file that is
//! offered for restore, and the integrity check with the hash chain.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use rusqlite::Connection;
use serde::Serialize;

use crate::file_check::{self, Inspection};
use crate::ledger::{self, ChainBreak, ChainHead};
use crate::StoreError;

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> StoreError + '_ {
    move |source| StoreError::Io {
        path: path.display().to_string(),
        source,
    }
}

/// The temporary name a backup is written under before it is checked.
pub fn partial_name(out: &Path) -> PathBuf {
    out.with_file_name(format!(
        ".{}.partial",
        out.file_name().unwrap_or_default().to_string_lossy()
    ))
}

/// Writes a consistent, compacted copy of the journal to `out` (which must not
/// exist), while the journal stays open for others: first under a temporary
/// name, then checked (SQLite's `integrity_check` and the hash chain), synced
/// and renamed. On any failure nothing is left under `out` or the temporary name.
pub fn backup_to(
    conn: &Connection,
    out: &Path,
    progress: Option<Progress>,
) -> Result<BackupCheck, StoreError> {
    if out.exists() {
        return Err(StoreError::Io {
            path: out.display().to_string(),
            source: std::io::Error::new(
                std::io::ErrorKind::AlreadyExists,
                "a backup never overwrites a file",
            ),
        });
    }
    let tmp = partial_name(out);
    let _ = std::fs::remove_file(&tmp);
    let result = write_checked(conn, &tmp, progress).and_then(|check| {
        std::fs::rename(&tmp, out).map_err(io(out))?;
        if let Some(dir) = out.parent().filter(|d| !d.as_os_str().is_empty()) {
            // Make the rename itself durable (not possible on every OS; best effort).
            if let Ok(d) = std::fs::File::open(dir) {
                let _ = d.sync_all();
            }
        }
        Ok(check)
    });
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// Called with (bytes written so far, expected total) while a backup is written.
pub type Progress = Arc<dyn Fn(u64, u64) + Send + Sync>;

fn write_checked(
    conn: &Connection,
    tmp: &Path,
    progress: Option<Progress>,
) -> Result<BackupCheck, StoreError> {
    let total: u64 = conn.query_row(
        "SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()",
        [],
        |r| r.get::<_, i64>(0),
    )? as u64;
    // VACUUM INTO reports nothing while it runs: a watcher reads the copy's size.
    let done = std::sync::atomic::AtomicBool::new(false);
    let vacuum = std::thread::scope(|scope| {
        if let Some(report) = progress.clone() {
            let done = &done;
            scope.spawn(move || {
                while !done.load(std::sync::atomic::Ordering::Relaxed) {
                    let written = std::fs::metadata(tmp).map(|m| m.len()).unwrap_or(0);
                    report(written.min(total), total);
                    std::thread::sleep(std::time::Duration::from_millis(150));
                }
            });
        }
        let result = conn.execute("VACUUM INTO ?1", [tmp.to_string_lossy()]);
        done.store(true, std::sync::atomic::Ordering::Relaxed);
        result
    });
    vacuum?;
    let check = check_file(tmp)?;
    std::fs::File::open(tmp)
        .and_then(|f| f.sync_all())
        .map_err(io(tmp))?;
    if let Some(report) = progress {
        report(total, total);
    }
    Ok(check)
}

/// What a checked journal copy holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BackupCheck {
    pub schema_version: i64,
    pub cases: i64,
    pub chain: Option<ChainHead>,
}

/// Checks a journal file offered as a backup or for restore, without changing it:
/// a Kense journal, whole (`integrity_check`), not newer, its hash chain unbroken.
pub fn check_file(path: &Path) -> Result<BackupCheck, StoreError> {
    let Inspection { schema_version, .. } = file_check::inspect(path, false)?;
    let conn = file_check::open_untouched(path)?;
    let cases: i64 = conn.query_row("SELECT COUNT(*) FROM cases", [], |r| r.get(0))?;
    let chain = if has_ledger(&conn)? {
        let report = ledger::verify_chain(&conn)?;
        if let Some(first) = report.breaks.first() {
            return Err(StoreError::ChainBroken(first.describe()));
        }
        Some(report.head)
    } else {
        None
    };
    Ok(BackupCheck {
        schema_version,
        cases,
        chain,
    })
}

fn has_ledger(conn: &Connection) -> Result<bool, StoreError> {
    Ok(conn.query_row(
        "SELECT COUNT(*) FROM sqlite_schema WHERE type = 'table' AND name = 'ledger'",
        [],
        |r| r.get::<_, i64>(0),
    )? == 1)
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct VerifyReport {
    pub cases: u64,
    /// Every problem, one line each in English (the first chain break first among chain lines).
    pub problems: Vec<String>,
    /// The chain's head: printed on the journal, compare it with a paper copy or a backup.
    pub chain: ChainHead,
    /// The first broken link of the hash chain, if any.
    pub first_break: Option<ChainBreak>,
}

/// SQLite's own integrity check, the journal's rule (each year's numbers are 1..n)
/// and the hash chain (every row as it was written through Kense).
pub fn verify(conn: &Connection) -> Result<VerifyReport, StoreError> {
    let mut problems = Vec::new();
    for line in file_check::integrity_problems(conn, "integrity_check")? {
        problems.push(format!("sqlite: {line}"));
    }
    let chain = ledger::verify_chain(conn)?;
    for b in &chain.breaks {
        problems.push(b.describe());
    }
    let mut stmt = conn.prepare(
        "SELECT c.year, COUNT(*), MIN(c.seq), MAX(c.seq), COALESCE(s.last_seq, 0)
         FROM cases c LEFT JOIN journal_sequence s ON s.year = c.year
         GROUP BY c.year ORDER BY c.year",
    )?;
    let mut cases = 0u64;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, i64>(1)?,
            r.get::<_, i64>(2)?,
            r.get::<_, i64>(3)?,
            r.get::<_, i64>(4)?,
        ))
    })?;
    for row in rows {
        let (year, count, min, max, last) = row?;
        cases += count as u64;
        if min != 1 || max != count {
            problems.push(format!(
                "{year}: {count} cases numbered {min}..{max}: the sequence has gaps"
            ));
        }
        if last != max {
            problems.push(format!(
                "{year}: the counter stands at {last} but the last case is {max}"
            ));
        }
    }
    Ok(VerifyReport {
        cases,
        problems,
        chain: chain.head,
        first_break: chain.breaks.into_iter().next(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Store;

    #[test]
    fn a_fresh_journal_verifies_and_backs_up() {
        let store = Store::open_in_memory().unwrap();
        let report = verify(store.conn()).unwrap();
        assert_eq!(report.cases, 0);
        assert!(report.problems.is_empty(), "{:?}", report.problems);
        assert_eq!(report.first_break, None);
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("copy.sqlite");
        backup_to(store.conn(), &out, None).unwrap();
        assert!(out.exists());
        assert!(
            backup_to(store.conn(), &out, None).is_err(),
            "must not overwrite"
        );
    }

    #[test]
    fn a_gap_is_reported_even_when_written_through_the_chain() {
        let store = Store::open_in_memory().unwrap();
        store
            .conn()
            .execute_batch(
                "INSERT INTO journal_sequence VALUES (2026, 3);
                 INSERT INTO cases (number, year, seq, registered_at, received_at, channel, service,
                   service_version, procedure, language, applicant_kind, applicant_id_number,
                   applicant_name, applicant_name_folded, applicant_phone, applicant_address,
                   documents_json, status, registered_by)
                 VALUES ('2026-00001', 2026, 1, 't', 't', 'post', 's', 1, 'p', 'kk', 'person', 'x',
                   'n', 'n', '', '', '[]', 'registered', 'u'),
                        ('2026-00003', 2026, 3, 't', 't', 'post', 's', 1, 'p', 'kk', 'person', 'x',
                   'n', 'n', '', '', '[]', 'registered', 'u');",
            )
            .unwrap();
        let report = verify(store.conn()).unwrap();
        assert_eq!(report.cases, 2);
        assert_eq!(report.problems.len(), 1, "{:?}", report.problems);
        assert!(report.problems[0].contains("gaps"));
        assert_eq!(
            report.first_break, None,
            "written through the store: chained"
        );
    }
}
