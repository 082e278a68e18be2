//! Operator tasks on the journal file: a consistent backup and an integrity check.

use std::path::Path;

use rusqlite::Connection;
use serde::Serialize;

use crate::StoreError;

/// Writes a consistent, compacted copy of the journal to `out` (which must not exist),
/// while the journal stays open for others.
pub fn backup_to(conn: &Connection, out: &Path) -> Result<(), StoreError> {
    if out.exists() {
        return Err(StoreError::Corrupt(format!(
            "{} already exists; a backup never overwrites a file",
            out.display()
        )));
    }
    conn.execute("VACUUM INTO ?1", [out.to_string_lossy()])?;
    Ok(())
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct VerifyReport {
    pub cases: u64,
    pub problems: Vec<String>,
}

/// SQLite's own integrity check plus the journal's rule: each year's numbers are 1..n.
pub fn verify(conn: &Connection) -> Result<VerifyReport, StoreError> {
    let mut problems = Vec::new();
    let mut stmt = conn.prepare("PRAGMA integrity_check")?;
    for row in stmt.query_map([], |r| r.get::<_, String>(0))? {
        let line = row?;
        if line != "ok" {
            problems.push(format!("sqlite: {line}"));
        }
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
    Ok(VerifyReport { cases, problems })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Store;

    #[test]
    fn a_fresh_journal_verifies_and_backs_up() {
        let store = Store::open_in_memory().unwrap();
        let report = verify(store.conn()).unwrap();
        assert_eq!(
            report,
            VerifyReport {
                cases: 0,
                problems: vec![]
            }
        );
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("copy.sqlite");
        backup_to(store.conn(), &out).unwrap();
        assert!(out.exists());
        assert!(backup_to(store.conn(), &out).is_err(), "must not overwrite");
    }

    #[test]
    fn a_gap_is_reported() {
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
    }
}
