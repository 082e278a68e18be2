//! Queries on `documents` (frozen printed documents) and `document_prints`
//! (the log of every print). Both are append-only.

use rusqlite::{params, Connection, OptionalExtension, Row};

use crate::StoreError;

/// A document as stored (without its bytes, which are read separately).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredDocument {
    pub id: i64,
    pub case_id: Option<i64>,
    pub kind: String,
    pub lang: String,
    pub sha256: String,
    pub content_sha256: String,
    pub check_code: String,
    pub signed_by: Option<String>,
    pub signer_role: Option<String>,
    pub acting_for_head: bool,
    pub signed_at: Option<String>,
    pub event_id: Option<i64>,
    pub outgoing_number: Option<String>,
    pub period_from: Option<String>,
    pub period_to: Option<String>,
    pub created_by: String,
    pub created_at: String,
}

/// A document to store; `bytes` is the exact file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewDocument<'a> {
    pub case_id: Option<i64>,
    pub kind: &'a str,
    pub lang: &'a str,
    pub sha256: &'a str,
    pub content_sha256: &'a str,
    pub check_code: &'a str,
    pub bytes: &'a [u8],
    pub signed_by: Option<&'a str>,
    pub signer_role: Option<&'a str>,
    pub acting_for_head: bool,
    pub signed_at: Option<&'a str>,
    pub event_id: Option<i64>,
    pub outgoing_number: Option<&'a str>,
    pub period_from: Option<&'a str>,
    pub period_to: Option<&'a str>,
    pub created_by: &'a str,
    pub created_at: &'a str,
}

const COLUMNS: &str = "id, case_id, kind, lang, sha256, content_sha256, check_code, signed_by, \
    signer_role, acting_for_head, signed_at, event_id, outgoing_number, period_from, period_to, \
    created_by, created_at";

fn from_row(r: &Row<'_>) -> rusqlite::Result<StoredDocument> {
    Ok(StoredDocument {
        id: r.get(0)?,
        case_id: r.get(1)?,
        kind: r.get(2)?,
        lang: r.get(3)?,
        sha256: r.get(4)?,
        content_sha256: r.get(5)?,
        check_code: r.get(6)?,
        signed_by: r.get(7)?,
        signer_role: r.get(8)?,
        acting_for_head: r.get(9)?,
        signed_at: r.get(10)?,
        event_id: r.get(11)?,
        outgoing_number: r.get(12)?,
        period_from: r.get(13)?,
        period_to: r.get(14)?,
        created_by: r.get(15)?,
        created_at: r.get(16)?,
    })
}

/// Stores a document; returns its id. A second document of the same case, kind
/// and language, or a check code in use, is refused by the schema.
pub fn insert(tx: &Connection, doc: &NewDocument<'_>) -> Result<i64, StoreError> {
    tx.execute(
        "INSERT INTO documents (case_id, kind, lang, sha256, content_sha256, check_code, bytes,
            signed_by, signer_role, acting_for_head, signed_at, event_id, outgoing_number,
            period_from, period_to, created_by, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
        params![
            doc.case_id,
            doc.kind,
            doc.lang,
            doc.sha256,
            doc.content_sha256,
            doc.check_code,
            doc.bytes,
            doc.signed_by,
            doc.signer_role,
            doc.acting_for_head,
            doc.signed_at,
            doc.event_id,
            doc.outgoing_number,
            doc.period_from,
            doc.period_to,
            doc.created_by,
            doc.created_at,
        ],
    )?;
    Ok(tx.last_insert_rowid())
}

fn one(
    conn: &Connection,
    filter: &str,
    args: impl rusqlite::Params,
) -> Result<Option<StoredDocument>, StoreError> {
    let sql = format!("SELECT {COLUMNS} FROM documents WHERE {filter} ORDER BY id LIMIT 1");
    Ok(conn.query_row(&sql, args, from_row).optional()?)
}

/// The case's document of `kind` in `lang`, if one was frozen.
pub fn find(
    conn: &Connection,
    case_id: i64,
    kind: &str,
    lang: &str,
) -> Result<Option<StoredDocument>, StoreError> {
    one(
        conn,
        "case_id = ?1 AND kind = ?2 AND lang = ?3",
        params![case_id, kind, lang],
    )
}

/// Every document of a case, oldest first.
pub fn list_for_case(conn: &Connection, case_id: i64) -> Result<Vec<StoredDocument>, StoreError> {
    let sql = format!("SELECT {COLUMNS} FROM documents WHERE case_id = ?1 ORDER BY id");
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map([case_id], from_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub fn by_check_code(conn: &Connection, code: &str) -> Result<Option<StoredDocument>, StoreError> {
    one(conn, "check_code = ?1", [code])
}

pub fn by_sha256(conn: &Connection, sha256: &str) -> Result<Option<StoredDocument>, StoreError> {
    one(conn, "sha256 = ?1", [sha256])
}

pub fn check_code_taken(conn: &Connection, code: &str) -> Result<bool, StoreError> {
    Ok(by_check_code(conn, code)?.is_some())
}

/// The exact bytes of a stored document.
pub fn bytes(conn: &Connection, id: i64) -> Result<Vec<u8>, StoreError> {
    Ok(
        conn.query_row("SELECT bytes FROM documents WHERE id = ?1", [id], |r| {
            r.get(0)
        })?,
    )
}

/// Logs one print of a document; returns its copy number (1 for the first print).
pub fn log_print(
    tx: &Connection,
    document_id: i64,
    printed_by: &str,
    printed_at: &str,
) -> Result<u32, StoreError> {
    let copy: u32 = tx.query_row(
        "SELECT COALESCE(MAX(copy), 0) + 1 FROM document_prints WHERE document_id = ?1",
        [document_id],
        |r| r.get(0),
    )?;
    tx.execute(
        "INSERT INTO document_prints (document_id, printed_by, printed_at, copy)
         VALUES (?1, ?2, ?3, ?4)",
        params![document_id, printed_by, printed_at, copy],
    )?;
    Ok(copy)
}

/// One line of the print log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrintRecord {
    pub printed_by: String,
    pub printed_at: String,
    pub copy: u32,
}

pub fn prints(conn: &Connection, document_id: i64) -> Result<Vec<PrintRecord>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT printed_by, printed_at, copy FROM document_prints
         WHERE document_id = ?1 ORDER BY copy",
    )?;
    let rows = stmt.query_map([document_id], |r| {
        Ok(PrintRecord {
            printed_by: r.get(0)?,
            printed_at: r.get(1)?,
            copy: r.get(2)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// The newest document of `kind` in `lang` frozen for exactly this period
/// (journal printouts, quarterly reports).
pub fn find_for_period(
    conn: &Connection,
    kind: &str,
    lang: &str,
    from: &str,
    to: &str,
) -> Result<Option<StoredDocument>, StoreError> {
    let sql = format!(
        "SELECT {COLUMNS} FROM documents
         WHERE case_id IS NULL AND kind = ?1 AND lang = ?2 AND period_from = ?3 AND period_to = ?4
         ORDER BY id DESC LIMIT 1"
    );
    Ok(conn
        .query_row(&sql, params![kind, lang, from, to], from_row)
        .optional()?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Store;

    fn doc<'a>(code: &'a str, bytes: &'a [u8]) -> NewDocument<'a> {
        NewDocument {
            case_id: None,
            kind: "journal",
            lang: "kk",
            sha256: "ab",
            content_sha256: "cd",
            check_code: code,
            bytes,
            signed_by: None,
            signer_role: None,
            acting_for_head: false,
            signed_at: None,
            event_id: None,
            outgoing_number: None,
            period_from: Some("2026-11-01"),
            period_to: Some("2026-11-30"),
            created_by: "clerk",
            created_at: "2026-11-23T10:00:00+05:00",
        }
    }

    #[test]
    fn stores_finds_and_never_changes_a_document() {
        let store = Store::open_in_memory().unwrap();
        let id = store
            .write(|tx| insert(tx, &doc("ABCD2345", b"%PDF")))
            .unwrap();
        let found = by_check_code(store.conn(), "ABCD2345").unwrap().unwrap();
        assert_eq!(found.id, id);
        assert_eq!(bytes(store.conn(), id).unwrap(), b"%PDF");
        assert!(store
            .write(|tx| insert(tx, &doc("ABCD2345", b"x")))
            .is_err());
        assert!(store
            .write(|tx| {
                tx.execute("UPDATE documents SET bytes = x'00'", [])?;
                Ok(())
            })
            .is_err());
        assert!(store
            .write(|tx| {
                tx.execute("DELETE FROM documents", [])?;
                Ok(())
            })
            .is_err());
    }

    #[test]
    fn prints_are_numbered_copies() {
        let store = Store::open_in_memory().unwrap();
        let id = store
            .write(|tx| insert(tx, &doc("ABCD2345", b"%PDF")))
            .unwrap();
        let first = store.write(|tx| log_print(tx, id, "clerk", "t1")).unwrap();
        let second = store.write(|tx| log_print(tx, id, "head", "t2")).unwrap();
        assert_eq!((first, second), (1, 2));
        let log = prints(store.conn(), id).unwrap();
        assert_eq!(log.len(), 2);
        assert_eq!(log[1].printed_by, "head");
    }
}
