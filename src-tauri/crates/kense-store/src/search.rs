//! Journal search that forgives: the `case_search` FTS5 trigram table holds
//! one folded line per case (number, IIN/BIN, applicant's name; migration
//! 0010), kept by triggers that call `kense_fold`, the domain's one folding
//! rule. A query's words must each be found in that line, in any order.

use kense_domain::search::fold;
use rusqlite::functions::FunctionFlags;
use rusqlite::types::{Value, ValueRef};
use rusqlite::Connection;

use crate::StoreError;

/// A search for a page of rows matches at most this many cases (or the
/// page's size if larger, e.g. an export), the newest first, before the
/// journal's other filters and order apply: a fragment common to thousands of
/// cases answers with the newest of them (the search should then be narrower).
pub const MATCH_CAP: u32 = 1000;

/// Registers `kense_fold(text)` (NULL stays NULL): the search triggers call it.
pub fn register_functions(conn: &Connection) -> Result<(), StoreError> {
    conn.create_scalar_function(
        "kense_fold",
        1,
        FunctionFlags::SQLITE_UTF8
            | FunctionFlags::SQLITE_DETERMINISTIC
            | FunctionFlags::SQLITE_INNOCUOUS,
        |ctx| {
            Ok(match ctx.get_raw(0) {
                ValueRef::Null => None,
                ValueRef::Text(t) | ValueRef::Blob(t) => Some(fold(&String::from_utf8_lossy(t))),
                ValueRef::Integer(i) => Some(i.to_string()),
                ValueRef::Real(f) => Some(f.to_string()),
            })
        },
    )?;
    Ok(())
}

/// The condition on `cases.id` that every folded word of `words` matches:
/// words of three characters or more through the trigram index (one MATCH
/// with AND), shorter ones with LIKE on the same folded line. `None` when
/// there is nothing to match. `limit` is the rows wanted (see `MATCH_CAP`).
pub fn condition(words: &[String], limit: u32) -> Option<(String, Vec<Value>)> {
    if words.is_empty() {
        return None;
    }
    let (long, short): (Vec<&String>, Vec<&String>) =
        words.iter().partition(|w| w.chars().count() >= 3);
    let mut parts: Vec<&str> = Vec::new();
    let mut args: Vec<Value> = Vec::new();
    if !long.is_empty() {
        let phrases: Vec<String> = long
            .iter()
            .map(|w| format!("\"{}\"", w.replace('"', "\"\"")))
            .collect();
        parts.push("case_search MATCH ?");
        args.push(Value::Text(phrases.join(" AND ")));
    }
    for word in short {
        parts.push("haystack LIKE ? ESCAPE '\\'");
        args.push(Value::Text(format!("%{}%", escape_like(word))));
    }
    let cap = limit.max(MATCH_CAP);
    let sql = format!(
        "id IN (SELECT rowid FROM case_search WHERE {} ORDER BY rowid DESC LIMIT {cap})",
        parts.join(" AND ")
    );
    Some((sql, args))
}

pub(crate) fn escape_like(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_")
}

#[cfg(test)]
mod tests;
