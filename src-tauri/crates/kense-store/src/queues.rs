//! Read-only queries over open cases: work queues, the overdue list, journal search.

use chrono::{DateTime, FixedOffset};
use kense_domain::case::Case;
use kense_domain::journal::{JournalFilter, SearchText};
use kense_domain::types::Role;
use rusqlite::types::Value;
use rusqlite::Connection;

use crate::cases::{read_cases, time_text};
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
    match filter.text.as_deref().and_then(SearchText::parse) {
        Some(SearchText::IdNumber(id)) => add("applicant_id_number = ?", Value::Text(id)),
        // A prefix as a range, so the unique index on `number` answers it.
        Some(SearchText::Number(n)) => {
            add("number >= ?", Value::Text(n.clone()));
            add("number <= ?", Value::Text(format!("{n}\u{FFFF}")));
        }
        // Three letters or more: the trigram index finds the part of the name,
        // the newest matches first (ids grow with registration); a fragment common
        // to thousands of names answers with the newest of them.
        Some(SearchText::Name(name)) if name.chars().count() >= 3 => add(
            "id IN (SELECT rowid FROM cases_name_trigrams WHERE cases_name_trigrams MATCH ?
                    ORDER BY rowid DESC LIMIT 1000)",
            Value::Text(format!("\"{}\"", name.replace('"', "\"\""))),
        ),
        Some(SearchText::Name(name)) => add(
            "applicant_name_folded LIKE ? ESCAPE '\\'",
            Value::Text(format!("%{}%", escape_like(&name))),
        ),
        None => {}
    }
    let filter_sql = if conditions.is_empty() {
        String::new()
    } else {
        format!("WHERE {}", conditions.join(" AND "))
    };
    let sql = format!("{filter_sql} ORDER BY registered_at DESC, id DESC LIMIT {limit}");
    read_cases(conn, &sql, &args)
}

fn escape_like(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_")
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
