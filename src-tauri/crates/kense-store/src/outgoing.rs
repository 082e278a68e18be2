//! The yearly sequence of outgoing numbers (results and refusals leaving the office).

use rusqlite::Connection;

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
