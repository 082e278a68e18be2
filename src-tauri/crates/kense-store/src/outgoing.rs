//! The yearly sequence of outgoing numbers (results and refusals leaving the office).

use kense_domain::{DomainError, ErrorCode};
use rusqlite::{params, Connection, OptionalExtension};

use crate::StoreError;

/// Takes the next outgoing number of `year`; call inside the transaction that uses it.
pub fn next(tx: &Connection, year: i32) -> Result<u32, StoreError> {
    Ok(tx.query_row(
        "INSERT INTO outgoing_sequence (year, last_seq) VALUES (?1, 1)
         ON CONFLICT (year) DO UPDATE SET last_seq = last_seq + 1
         RETURNING last_seq",
        [year],
        |r| r.get(0),
    )?)
}

/// The case an outgoing number was given to, if any.
pub fn owner(conn: &Connection, number: &str) -> Result<Option<i64>, StoreError> {
    Ok(conn
        .query_row(
            "SELECT case_id FROM outgoing_numbers WHERE number = ?1",
            [number],
            |r| r.get(0),
        )
        .optional()?)
}

/// Records that `number` belongs to `case_id` (for `kind`: a document kind or
/// `hand_over`). A number already given to another case is refused; the same
/// case claiming its own number again changes nothing.
pub fn claim(
    tx: &Connection,
    number: &str,
    case_id: i64,
    kind: &str,
    at: &str,
) -> Result<(), StoreError> {
    match owner(tx, number)? {
        Some(owner) if owner == case_id => Ok(()),
        Some(_) => Err(DomainError::at(
            ErrorCode::InvalidInput,
            "outgoing_number",
            format!("outgoing number {number} belongs to another case"),
        )
        .into()),
        None => {
            tx.execute(
                "INSERT INTO outgoing_numbers (number, case_id, kind, at) VALUES (?1, ?2, ?3, ?4)",
                params![number, case_id, kind, at],
            )?;
            Ok(())
        }
    }
}
