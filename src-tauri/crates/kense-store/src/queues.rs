//! Read-only queries over open cases: work queues, the overdue list, journal search.

use chrono::{DateTime, FixedOffset};
use kense_domain::case::Case;
use kense_domain::journal::JournalFilter;
use kense_domain::search::query_words;
use kense_domain::types::Role;
use rusqlite::types::Value;
use rusqlite::Connection;

use crate::cases::{read_cases, time_text};
use crate::search;
use crate::StoreError;

/// Whose open steps to list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Queue<'a> {
    /// Steps of a role anyone holding it may take (clerk, head).
    Role(Role),
    /// Department-head steps named to this person or to nobody yet.
    DeptHead(&'a str),
    /// Executor steps (and external approvals the executor follows) of this person or of nobody yet.
    Executor(&'a str),
}

/// Open steps of a queue, the soonest due first; stopped clocks last.
pub fn open_steps(
    conn: &Connection,
    queue: Queue<'_>,
    limit: u32,
) -> Result<Vec<Case>, StoreError> {
    let (condition, args): (&str, Vec<Value>) = match queue {
        Queue::Role(role) => ("current_role = ?1", vec![Value::Text(role.code().into())]),
        Queue::DeptHead(login) => (
            "current_role = 'dept_head' AND (dept_head = ?1 OR dept_head IS NULL)",
            vec![Value::Text(login.into())],
        ),
        Queue::Executor(login) => (
            "current_role IN ('executor', 'external') AND (executor = ?1 OR executor IS NULL)",
            vec![Value::Text(login.into())],
        ),
    };
    let sql = format!("WHERE {condition} ORDER BY due_at IS NULL, due_at, id LIMIT {limit}");
    read_cases(conn, &sql, &args)
}

/// Every open step of the office that is overdue at `now`.
pub fn overdue(conn: &Connection, now: DateTime<FixedOffset>) -> Result<Vec<Case>, StoreError> {
    read_cases(
        conn,
        "WHERE current_role IS NOT NULL AND due_at < ?1 ORDER BY due_at, id",
        &[Value::Text(time_text(&now))],
    )
}

/// The journal, newest first, narrowed by `filter`.
pub fn search(
    conn: &Connection,
    filter: &JournalFilter,
    now: DateTime<FixedOffset>,
    limit: u32,
) -> Result<Vec<Case>, StoreError> {
    let (sql, args) = search_clause(filter, now, limit);
    read_cases(conn, &sql, &args)
}

/// The `WHERE … ORDER BY … LIMIT` clause over `cases` of a journal search.
pub(crate) fn search_clause(
    filter: &JournalFilter,
    now: DateTime<FixedOffset>,
    limit: u32,
) -> (String, Vec<Value>) {
    let mut conditions: Vec<String> = Vec::new();
    let mut args: Vec<Value> = Vec::new();
    let mut add = |condition: &str, value: Value| {
        args.push(value);
        conditions.push(condition.replace('?', &format!("?{}", args.len())));
    };
    if let Some(status) = filter.status {
        add("status = ?", Value::Text(status.code().into()));
    }
    if let Some(service) = filter.service.as_deref().filter(|s| !s.is_empty()) {
        add("service = ?", Value::Text(service.into()));
    }
    if let Some(executor) = filter.executor.as_deref().filter(|s| !s.is_empty()) {
        add("executor = ?", Value::Text(executor.into()));
    }
    if let Some(from) = filter.from.as_deref().filter(|s| !s.is_empty()) {
        add("registered_at >= ?", Value::Text(from.into()));
    }
    if let Some(to) = filter.to.as_deref().filter(|s| !s.is_empty()) {
        // Dates compare as text prefixes: anything on that day sorts before "~".
        add("registered_at <= ?", Value::Text(format!("{to}~")));
    }
    if filter.overdue_only {
        add(
            "current_role IS NOT NULL AND due_at < ?",
            Value::Text(time_text(&now)),
        );
    }
    let words = filter.text.as_deref().map(query_words).unwrap_or_default();
    if let Some((condition, values)) = search::condition(&words, limit) {
        // Placeholders numbered after the filters' own.
        let mut numbered = String::new();
        for (i, piece) in condition.split('?').enumerate() {
            if i > 0 {
                args.push(values[i - 1].clone());
                numbered.push_str(&format!("?{}", args.len()));
            }
            numbered.push_str(piece);
        }
        conditions.push(numbered);
    }
    let filter_sql = if conditions.is_empty() {
        String::new()
    } else {
        format!("WHERE {}", conditions.join(" AND "))
    };
    let sql = format!("{filter_sql} ORDER BY registered_at DESC, id DESC LIMIT {limit}");
    (sql, args)
}

/// (key, count) pairs, the largest count first.
pub type Counts = Vec<(String, u64)>;

/// How many open steps are overdue, by step id and by executor.
pub fn overdue_counts(
    conn: &Connection,
    now: DateTime<FixedOffset>,
) -> Result<(Counts, Counts), StoreError> {
    let now = time_text(&now);
    let count = |sql: &str| -> Result<Counts, StoreError> {
        let mut stmt = conn.prepare_cached(sql)?;
        let rows = stmt.query_map([&now], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)? as u64))
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    };
    Ok((
        count(
            "SELECT current_step, COUNT(*) FROM cases WHERE current_role IS NOT NULL AND due_at < ?1
             GROUP BY current_step ORDER BY 2 DESC, 1",
        )?,
        count(
            "SELECT COALESCE(executor, ''), COUNT(*) FROM cases WHERE current_role IS NOT NULL AND due_at < ?1
             GROUP BY executor ORDER BY 2 DESC, 1",
        )?,
    ))
}
