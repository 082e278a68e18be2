//! The tamper-evident ledger (migration `0006_ledger.sql`): triggers append one
//! hash-chained line per write to the journal's tables; this module registers the
//! hash function they call, reads the chain's head and walks the chain to find
//! the first place where the file no longer matches what was written through Kense.

use std::collections::HashMap;

use rusqlite::functions::FunctionFlags;
use rusqlite::types::ValueRef;
use rusqlite::Connection;
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::StoreError;

/// The previous hash of the first line.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// Tables whose every row is covered by the chain (each has a `ledger_rows_<table>` view).
pub const CHAINED_TABLES: &[&str] = &[
    "cases",
    "case_events",
    "documents",
    "document_prints",
    "users",
    "head_absences",
    "service_versions",
    "calendar_files",
    "calendar_edits",
    "settings",
    "journal_sequence",
    "outgoing_sequence",
    "outgoing_numbers",
    "sign_in_log",
    "pin_resets",
    "desk_invitations",
    "desks",
];

pub fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut out = String::with_capacity(64);
    for b in digest {
        out.push_str(&format!("{b:02x}"));
    }
    out
}

/// Registers `kense_sha256(text or blob)` on a connection: the triggers and views
/// of the ledger call it, so every connection the store opens must have it.
/// The search triggers' `kense_fold` is registered here too.
pub fn register_functions(conn: &Connection) -> Result<(), StoreError> {
    conn.create_scalar_function(
        "kense_sha256",
        1,
        FunctionFlags::SQLITE_UTF8
            | FunctionFlags::SQLITE_DETERMINISTIC
            | FunctionFlags::SQLITE_INNOCUOUS,
        |ctx| {
            Ok(match ctx.get_raw(0) {
                ValueRef::Null => None,
                ValueRef::Text(t) | ValueRef::Blob(t) => Some(sha256_hex(t)),
                ValueRef::Integer(i) => Some(sha256_hex(i.to_string().as_bytes())),
                ValueRef::Real(f) => Some(sha256_hex(f.to_string().as_bytes())),
            })
        },
    )?;
    crate::search::register_functions(conn)?;
    Ok(())
}

/// The newest chain line: printed on the journal, shown to the administrator,
/// compared with backups. Whoever rewrites the whole chain is caught only by a
/// head kept elsewhere.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ChainHead {
    pub length: i64,
    pub hash: String,
}

pub fn head(conn: &Connection) -> Result<ChainHead, StoreError> {
    let row = conn.query_row(
        "SELECT seq, COALESCE(line_hash, '') FROM ledger ORDER BY seq DESC LIMIT 1",
        [],
        |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)),
    );
    match row {
        Ok((length, hash)) => Ok(ChainHead { length, hash }),
        Err(rusqlite::Error::QueryReturnedNoRows) => Ok(ChainHead {
            length: 0,
            hash: GENESIS.to_string(),
        }),
        Err(e) => Err(e.into()),
    }
}

/// Whether one row is as its last chain line recorded it (a quick check for one
/// document, without walking the whole chain).
pub fn row_matches(conn: &Connection, table: &str, row: &str) -> Result<bool, StoreError> {
    if !CHAINED_TABLES.contains(&table) {
        return Ok(false);
    }
    let recorded: Option<(String, String)> = match conn.query_row(
        "SELECT op, content_hash FROM ledger WHERE tbl = ?1 AND row_key = ?2
         ORDER BY seq DESC LIMIT 1",
        [table, row],
        |r| Ok((r.get(0)?, r.get(1)?)),
    ) {
        Ok(found) => Some(found),
        Err(rusqlite::Error::QueryReturnedNoRows) => None,
        Err(e) => return Err(e.into()),
    };
    let current: Option<String> = match conn.query_row(
        &format!("SELECT content_hash FROM ledger_rows_{table} WHERE row_key = ?1"),
        [row],
        |r| r.get(0),
    ) {
        Ok(h) => Some(h),
        Err(rusqlite::Error::QueryReturnedNoRows) => None,
        Err(e) => return Err(e.into()),
    };
    Ok(match (recorded, current) {
        (Some((op, recorded)), Some(current)) => op != "delete" && recorded == current,
        _ => false,
    })
}

/// What kind of change a broken link shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BreakKind {
    /// A row differs from what its last chain line recorded.
    RowEdited,
    /// A counter (yearly numbering) differs from its last chain line.
    CounterChanged,
    /// A row recorded by the chain is gone.
    RowDeleted,
    /// A row exists that no chain line records.
    RowOutsideChain,
    /// Chain lines are missing or out of order (position or previous hash).
    LineRemovedOrReordered,
    /// A chain line's own hash does not match its content.
    LineEdited,
}

impl BreakKind {
    pub fn describe(self) -> &'static str {
        match self {
            BreakKind::RowEdited => "row edited outside Kense",
            BreakKind::CounterChanged => "counter changed (rolled back?)",
            BreakKind::RowDeleted => "row deleted",
            BreakKind::RowOutsideChain => "row inserted outside the chain",
            BreakKind::LineRemovedOrReordered => "chain line removed or reordered",
            BreakKind::LineEdited => "chain line edited",
        }
    }
}

/// One broken link: where (chain position, table, row, case number) and what kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ChainBreak {
    /// The chain line where the break shows (for rows outside the chain: after the head).
    pub seq: i64,
    pub kind: BreakKind,
    pub table: String,
    pub row: String,
    /// The case's registration number, when the row belongs to a case.
    pub case_number: Option<String>,
    /// What else names the row: a login, a setting's key, a service version.
    pub label: Option<String>,
}

impl ChainBreak {
    /// One line in English for operators and logs (names no applicant).
    pub fn describe(&self) -> String {
        let case = self
            .case_number
            .as_deref()
            .map(|n| format!(", case {n}"))
            .unwrap_or_default();
        let label = match (&self.case_number, &self.label) {
            (None, Some(l)) => format!(" ({l})"),
            _ => String::new(),
        };
        format!(
            "chain line {}: {} — {} row {}{label}{case}",
            self.seq,
            self.kind.describe(),
            self.table,
            self.row
        )
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ChainReport {
    pub head: ChainHead,
    /// Every break found, the first (lowest chain position) first.
    pub breaks: Vec<ChainBreak>,
}

struct Line {
    seq: i64,
    table: String,
    row: String,
    op: String,
    case_id: Option<i64>,
    label: Option<String>,
    content: String,
}

/// Walks the whole chain and compares it with the rows it covers.
pub fn verify_chain(conn: &Connection) -> Result<ChainReport, StoreError> {
    let mut breaks = Vec::new();
    let mut last_by_row: HashMap<(String, String), Line> = HashMap::new();
    let mut stmt = conn.prepare(
        "SELECT seq, tbl, row_key, op, case_id, label, content_hash,
                COALESCE(prev_hash, ''), COALESCE(line_hash, '')
         FROM ledger ORDER BY seq",
    )?;
    let mut rows = stmt.query([])?;
    let mut expected_seq = 1i64;
    let mut prev = GENESIS.to_string();
    let mut length = 0;
    while let Some(r) = rows.next()? {
        let line = Line {
            seq: r.get(0)?,
            table: r.get(1)?,
            row: r.get(2)?,
            op: r.get(3)?,
            case_id: r.get(4)?,
            label: r.get(5)?,
            content: r.get(6)?,
        };
        let prev_hash: String = r.get(7)?;
        let line_hash: String = r.get(8)?;
        let recomputed = sha256_hex(
            format!(
                "{}|{}|{}|{}|{}|{}|{}",
                line.seq,
                line.table,
                line.row,
                line.op,
                line.case_id.map(|c| c.to_string()).unwrap_or_default(),
                line.content,
                prev_hash
            )
            .as_bytes(),
        );
        let at = |kind| ChainBreak {
            seq: line.seq,
            kind,
            table: line.table.clone(),
            row: line.row.clone(),
            case_number: None,
            label: line.label.clone(),
        };
        if line.seq != expected_seq || prev_hash != prev {
            breaks.push(at(BreakKind::LineRemovedOrReordered));
        } else if recomputed != line_hash {
            breaks.push(at(BreakKind::LineEdited));
        }
        expected_seq = line.seq + 1;
        prev = line_hash.clone();
        length = line.seq;
        last_by_row.insert((line.table.clone(), line.row.clone()), line);
    }
    drop(rows);
    drop(stmt);

    let head_seq = length;
    for table in CHAINED_TABLES {
        // An older journal (checked before its migration) lacks the newest views.
        let view = format!("ledger_rows_{table}");
        let present: bool = conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'view' AND name = ?1)",
            [&view],
            |r| r.get(0),
        )?;
        if !present {
            continue;
        }
        let mut stmt = conn.prepare(&format!(
            "SELECT row_key, case_id, label, content_hash FROM ledger_rows_{table}"
        ))?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let row: String = r.get(0)?;
            let case_id: Option<i64> = r.get(1)?;
            let label: Option<String> = r.get(2)?;
            let content: String = r.get(3)?;
            match last_by_row.remove(&(table.to_string(), row.clone())) {
                Some(line) if line.op != "delete" => {
                    if line.content != content {
                        let kind = if table.ends_with("_sequence") {
                            BreakKind::CounterChanged
                        } else {
                            BreakKind::RowEdited
                        };
                        breaks.push(ChainBreak {
                            seq: line.seq,
                            kind,
                            table: table.to_string(),
                            row,
                            case_number: number_of(conn, case_id.or(line.case_id))?,
                            label: label.or(line.label),
                        });
                    }
                }
                _ => breaks.push(ChainBreak {
                    seq: head_seq + 1,
                    kind: BreakKind::RowOutsideChain,
                    table: table.to_string(),
                    row,
                    case_number: number_of(conn, case_id)?,
                    label,
                }),
            }
        }
    }
    // Lines whose row is gone (and whose last line is not a recorded deletion).
    for line in last_by_row.into_values() {
        if line.op == "delete" || !CHAINED_TABLES.contains(&line.table.as_str()) {
            continue;
        }
        // The case row may be gone too: the line's label then names it.
        let case_number =
            number_of(conn, line.case_id)?.or_else(|| line.case_id.and(line.label.clone()));
        breaks.push(ChainBreak {
            seq: line.seq,
            kind: BreakKind::RowDeleted,
            table: line.table,
            row: line.row,
            case_number,
            label: line.label,
        });
    }
    breaks.sort_by(|a, b| a.seq.cmp(&b.seq).then(a.table.cmp(&b.table)));
    // The case number of a line whose case row still exists.
    for b in &mut breaks {
        if b.case_number.is_none() && b.table == "cases" {
            b.case_number = b.label.clone();
        }
    }
    Ok(ChainReport {
        head: head(conn)?,
        breaks,
    })
}

fn number_of(conn: &Connection, case_id: Option<i64>) -> Result<Option<String>, StoreError> {
    let Some(id) = case_id else { return Ok(None) };
    match conn.query_row("SELECT number FROM cases WHERE id = ?1", [id], |r| r.get(0)) {
        Ok(n) => Ok(Some(n)),
        Err(rusqlite::Error::QueryReturnedNoRows) => Ok(None),
        Err(e) => Err(e.into()),
    }
}

#[cfg(test)]
mod tests;
