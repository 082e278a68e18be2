//! Salvage: copies whatever SQLite can still read from a damaged journal into a
//! NEW journal, row by row (a damaged page loses only the rows on it), and
//! reports what was lost. The salvaged journal starts a new hash chain: the old
//! chain cannot vouch for a file that is damaged.

use std::collections::BTreeMap;
use std::path::Path;

use rusqlite::types::Value;
use rusqlite::{params_from_iter, Connection};
use serde::Serialize;

use crate::file_check::open_untouched;
use crate::ledger::CHAINED_TABLES;
use crate::{Store, StoreError};

/// Stop probing for more rows after this many unreadable or missing ids in a row.
const MISSES_BEFORE_GIVING_UP: i64 = 5_000;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct TableSalvage {
    pub table: String,
    pub recovered: u64,
    /// Rows seen (their ids were readable) but not copied: unreadable, or what they refer to was lost.
    pub lost: u64,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct SalvageReport {
    pub tables: Vec<TableSalvage>,
    /// Cases the numbering says existed (the counters, or the highest number seen).
    pub cases_expected: u64,
    pub cases_recovered: u64,
    /// Registration numbers that could not be recovered (first 1000).
    pub missing_numbers: Vec<String>,
}

/// Copies `source` into a new journal in `out_dir` (empty or missing).
pub fn salvage(source: &Path, out_dir: &Path) -> Result<SalvageReport, StoreError> {
    let src = open_untouched(source).map_err(|e| StoreError::JournalDamaged {
        path: source.display().to_string(),
        detail: e.to_string(),
    })?;
    let mut target = Store::create_new(out_dir)?;
    let mut report = SalvageReport::default();
    let tx = target.conn_mut().transaction()?;
    for table in CHAINED_TABLES {
        report.tables.push(copy_table(&src, &tx, table)?);
    }
    tx.commit()?;
    count_cases(&src, target.conn(), &mut report)?;
    Ok(report)
}

fn columns(conn: &Connection, table: &str) -> Result<Vec<String>, rusqlite::Error> {
    let mut stmt = conn.prepare(&format!("SELECT name FROM pragma_table_info('{table}')"))?;
    let names = stmt
        .query_map([], |r| r.get::<_, String>(0))?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(names)
}

/// Every rowid the table's b-tree still yields, then point probes past the
/// first unreadable page.
fn rowids(src: &Connection, table: &str) -> Vec<i64> {
    let mut ids = Vec::new();
    let scanned = (|| -> Result<(), rusqlite::Error> {
        let mut stmt = src.prepare(&format!("SELECT rowid FROM \"{table}\" ORDER BY rowid"))?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            ids.push(r.get(0)?);
        }
        Ok(())
    })();
    if scanned.is_ok() {
        return ids;
    }
    let max: Option<i64> = src
        .query_row(&format!("SELECT MAX(rowid) FROM \"{table}\""), [], |r| {
            r.get(0)
        })
        .ok()
        .flatten();
    let mut id = ids.last().copied().unwrap_or(0);
    let mut misses = 0;
    let mut probe = src
        .prepare(&format!("SELECT rowid FROM \"{table}\" WHERE rowid = ?1"))
        .ok();
    while let Some(stmt) = probe.as_mut() {
        id += 1;
        if max.is_some_and(|m| id > m) || (max.is_none() && misses > MISSES_BEFORE_GIVING_UP) {
            break;
        }
        match stmt.query_row([id], |r| r.get::<_, i64>(0)) {
            Ok(found) => {
                ids.push(found);
                misses = 0;
            }
            Err(_) => misses += 1,
        }
    }
    ids
}

fn copy_table(src: &Connection, dst: &Connection, table: &str) -> Result<TableSalvage, StoreError> {
    let mut result = TableSalvage {
        table: table.to_string(),
        ..Default::default()
    };
    let Ok(src_cols) = columns(src, table) else {
        return Ok(result);
    };
    let cols: Vec<String> = columns(dst, table)?
        .into_iter()
        .filter(|c| src_cols.contains(c))
        .collect();
    if cols.is_empty() {
        return Ok(result);
    }
    let list = cols
        .iter()
        .map(|c| format!("\"{c}\""))
        .collect::<Vec<_>>()
        .join(", ");
    let marks = (1..=cols.len())
        .map(|i| format!("?{i}"))
        .collect::<Vec<_>>()
        .join(", ");
    let mut read = src.prepare(&format!("SELECT {list} FROM \"{table}\" WHERE rowid = ?1"))?;
    // A key that already exists (a counter the new journal made) is replaced by the old value.
    let mut write = dst.prepare(&format!(
        "INSERT OR REPLACE INTO \"{table}\" ({list}) VALUES ({marks})"
    ))?;
    for id in rowids(src, table) {
        let row = read.query_row([id], |r| {
            (0..cols.len())
                .map(|i| r.get::<_, Value>(i))
                .collect::<Result<Vec<_>, _>>()
        });
        match row.map(|values| write.execute(params_from_iter(values))) {
            Ok(Ok(_)) => result.recovered += 1,
            _ => result.lost += 1,
        }
    }
    Ok(result)
}

fn count_cases(
    src: &Connection,
    dst: &Connection,
    report: &mut SalvageReport,
) -> Result<(), StoreError> {
    // What the numbering promised: the old counters where readable, else the highest number kept.
    let mut expected: BTreeMap<i64, i64> = BTreeMap::new();
    if let Ok(mut stmt) = src.prepare("SELECT year, last_seq FROM journal_sequence") {
        if let Ok(rows) = stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?))) {
            for (year, last) in rows.flatten() {
                expected.insert(year, last);
            }
        }
    }
    let mut have: BTreeMap<i64, Vec<i64>> = BTreeMap::new();
    let mut stmt = dst.prepare("SELECT year, seq FROM cases ORDER BY year, seq")?;
    for row in stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?)))? {
        let (year, seq) = row?;
        have.entry(year).or_default().push(seq);
    }
    for (year, seqs) in &have {
        let top = seqs.last().copied().unwrap_or(0);
        let e = expected.entry(*year).or_insert(0);
        *e = (*e).max(top);
    }
    for (year, last) in &expected {
        report.cases_expected += *last as u64;
        let seqs = have.get(year).cloned().unwrap_or_default();
        report.cases_recovered += seqs.len() as u64;
        for seq in 1..=*last {
            if seqs.binary_search(&seq).is_err() && report.missing_numbers.len() < 1000 {
                report.missing_numbers.push(format!("{year}-{seq:05}"));
            }
        }
        // The counter must not fall behind the numbers already given.
        dst.execute(
            "INSERT INTO journal_sequence (year, last_seq) VALUES (?1, ?2)
             ON CONFLICT (year) DO UPDATE SET last_seq = MAX(last_seq, excluded.last_seq)",
            [*year, *last],
        )?;
    }
    Ok(())
}
