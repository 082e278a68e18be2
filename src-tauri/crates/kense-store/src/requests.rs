//! Client requests and their results (`requests`): a registration or an act
//! sent with a request id is recorded with what it produced, in the same
//! transaction, so a retry after a crash or a lost answer returns the first
//! result instead of doing the work twice.

use rusqlite::{params, Connection, OptionalExtension};

use crate::StoreError;

/// A request already carried out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DoneRequest {
    pub kind: String,
    pub content_hash: String,
    pub case_id: Option<i64>,
    pub result_json: String,
}

pub fn get(conn: &Connection, request_id: &str) -> Result<Option<DoneRequest>, StoreError> {
    Ok(conn
        .query_row(
            "SELECT kind, content_hash, case_id, result_json FROM requests WHERE request_id = ?1",
            [request_id],
            |r| {
                Ok(DoneRequest {
                    kind: r.get(0)?,
                    content_hash: r.get(1)?,
                    case_id: r.get(2)?,
                    result_json: r.get(3)?,
                })
            },
        )
        .optional()?)
}

/// Records a request's result; call inside the transaction that did the work.
#[allow(clippy::too_many_arguments)]
pub fn record(
    tx: &Connection,
    request_id: &str,
    kind: &str,
    content_hash: &str,
    case_id: Option<i64>,
    result_json: &str,
    actor: &str,
    at: &str,
) -> Result<(), StoreError> {
    tx.execute(
        "INSERT INTO requests (request_id, kind, content_hash, case_id, result_json, actor, at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            request_id,
            kind,
            content_hash,
            case_id,
            result_json,
            actor,
            at
        ],
    )?;
    Ok(())
}
