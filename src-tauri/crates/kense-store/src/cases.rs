//! Queries on the `cases` table (and its yearly sequence).

use chrono::{DateTime, Datelike, FixedOffset, SecondsFormat};
use kense_domain::case::{
    fold_for_search, Applicant, Case, CaseStatus, RoutePosition, ValidApplication,
};
use kense_domain::numbering::format_number;
use kense_domain::types::{ApplicantKind, Channel, Language, Role};
use rusqlite::{params, Connection, OptionalExtension, Row};

use crate::StoreError;

const COLUMNS: &str =
    "id, number, year, seq, registered_at, received_at, channel, external_number, \
    service, service_version, procedure, language, applicant_kind, applicant_id_number, \
    applicant_name, applicant_phone, applicant_address, representative_json, documents_json, \
    status, registered_by, current_step, current_role, executor, dept_head, due_at, step_started_at";

pub(crate) fn time_text(t: &DateTime<FixedOffset>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, false)
}

/// Registers an application: takes the next number of the registration year and
/// stores the case. Call inside `Store::write`, so that a failure anywhere in the
/// registration rolls the number back and numbers stay gap-free.
pub fn register(
    tx: &Connection,
    app: &ValidApplication,
    registered_at: DateTime<FixedOffset>,
    registered_by: &str,
    number_pattern: &str,
) -> Result<Case, StoreError> {
    let year = registered_at.year();
    let seq: u32 = tx.query_row(
        "INSERT INTO journal_sequence (year, last_seq) VALUES (?1, 1)
         ON CONFLICT (year) DO UPDATE SET last_seq = last_seq + 1
         RETURNING last_seq",
        [year],
        |r| r.get(0),
    )?;
    let number = format_number(number_pattern, year, seq);
    let representative = app
        .representative
        .as_ref()
        .map(serde_json::to_string)
        .transpose()
        .map_err(|e| StoreError::Corrupt(e.to_string()))?;
    let documents =
        serde_json::to_string(&app.documents).map_err(|e| StoreError::Corrupt(e.to_string()))?;
    let status = CaseStatus::Registered;
    tx.execute(
        "INSERT INTO cases (number, year, seq, registered_at, received_at, channel, external_number,
            service, service_version, procedure, language, applicant_kind, applicant_id_number,
            applicant_name, applicant_name_folded, applicant_phone, applicant_address,
            representative_json, documents_json, status, registered_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21)",
        params![
            number,
            year,
            seq,
            time_text(&registered_at),
            time_text(&app.received_at),
            app.channel.code(),
            app.external_number,
            app.service,
            app.service_version,
            app.procedure,
            app.language.code(),
            app.applicant.kind.code(),
            app.applicant.id_number,
            app.applicant.name,
            fold_for_search(&app.applicant.name),
            app.applicant.phone,
            app.applicant.address,
            representative,
            documents,
            status.code(),
            registered_by,
        ],
    )?;
    let id = tx.last_insert_rowid();
    get(tx, id)?.ok_or_else(|| StoreError::Corrupt(format!("case {id} vanished after insert")))
}

/// Records where the case now stands (status and current step), after an act.
pub fn set_route(
    tx: &Connection,
    id: i64,
    status: CaseStatus,
    route: &RoutePosition,
) -> Result<(), StoreError> {
    let changed = tx.execute(
        "UPDATE cases SET status = ?2, current_step = ?3, current_role = ?4, executor = ?5,
             dept_head = ?6, due_at = ?7, step_started_at = ?8
         WHERE id = ?1",
        params![
            id,
            status.code(),
            route.step,
            route.role.map(Role::code),
            route.executor,
            route.dept_head,
            route.due_at.as_ref().map(time_text),
            route.started_at.as_ref().map(time_text),
        ],
    )?;
    if changed != 1 {
        return Err(StoreError::Corrupt(format!("case {id} not found")));
    }
    Ok(())
}

pub fn get(conn: &Connection, id: i64) -> Result<Option<Case>, StoreError> {
    let sql = format!("SELECT {COLUMNS} FROM cases WHERE id = ?1");
    let row = conn.query_row(&sql, [id], read_row).optional()?;
    row.transpose()
}

pub fn get_by_number(conn: &Connection, number: &str) -> Result<Option<Case>, StoreError> {
    let sql = format!("SELECT {COLUMNS} FROM cases WHERE number = ?1");
    let row = conn.query_row(&sql, [number], read_row).optional()?;
    row.transpose()
}

/// Cases selected by an SQL tail (`WHERE ... ORDER BY ... LIMIT ...`) and its arguments.
pub(crate) fn read_cases(
    conn: &Connection,
    tail: &str,
    args: &[rusqlite::types::Value],
) -> Result<Vec<Case>, StoreError> {
    let sql = format!("SELECT {COLUMNS} FROM cases {tail}");
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(rusqlite::params_from_iter(args.iter()), read_row)?;
    let mut out = Vec::new();
    for row in rows {
        out.push(row??);
    }
    Ok(out)
}

/// The journal, newest registration first.
pub fn list_newest_first(
    conn: &Connection,
    limit: u32,
    offset: u32,
) -> Result<Vec<Case>, StoreError> {
    let sql = format!(
        "SELECT {COLUMNS} FROM cases ORDER BY registered_at DESC, id DESC LIMIT ?1 OFFSET ?2"
    );
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map([limit, offset], read_row)?;
    let mut out = Vec::new();
    for row in rows {
        out.push(row??);
    }
    Ok(out)
}

pub fn count(conn: &Connection) -> Result<u64, StoreError> {
    let n: i64 = conn.query_row("SELECT COUNT(*) FROM cases", [], |r| r.get(0))?;
    Ok(n as u64)
}

/// Whether the journal holds no case at all (an empty result then means an
/// empty journal, not a search that found nothing).
pub fn is_empty(conn: &Connection) -> Result<bool, StoreError> {
    let any: bool = conn.query_row("SELECT EXISTS (SELECT 1 FROM cases)", [], |r| r.get(0))?;
    Ok(!any)
}

fn corrupt(what: &str, value: &str) -> StoreError {
    StoreError::Corrupt(format!("unknown {what} `{value}` in the journal"))
}

/// Maps a row; the outer error is SQLite's, the inner one a damaged value.
fn read_row(r: &Row<'_>) -> rusqlite::Result<Result<Case, StoreError>> {
    let parse_time =
        |text: String| DateTime::parse_from_rfc3339(&text).map_err(|_| corrupt("time", &text));
    let channel: String = r.get(6)?;
    let language: String = r.get(11)?;
    let kind: String = r.get(12)?;
    let status: String = r.get(19)?;
    let representative: Option<String> = r.get(17)?;
    let documents: String = r.get(18)?;
    let registered_at: String = r.get(4)?;
    let received_at: String = r.get(5)?;
    let (id, number, year, seq) = (r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?);
    let (external_number, service, service_version, procedure) =
        (r.get(7)?, r.get(8)?, r.get(9)?, r.get(10)?);
    let (id_number, name, phone, address, registered_by) =
        (r.get(13)?, r.get(14)?, r.get(15)?, r.get(16)?, r.get(20)?);
    let role: Option<String> = r.get(22)?;
    let due_at: Option<String> = r.get(25)?;
    let started_at: Option<String> = r.get(26)?;
    let (step, executor, dept_head) = (r.get(21)?, r.get(23)?, r.get(24)?);
    Ok((|| {
        Ok(Case {
            id,
            number,
            year,
            seq,
            registered_at: parse_time(registered_at)?,
            received_at: parse_time(received_at)?,
            channel: Channel::parse(&channel).ok_or_else(|| corrupt("channel", &channel))?,
            external_number,
            service,
            service_version,
            procedure,
            language: Language::parse(&language).ok_or_else(|| corrupt("language", &language))?,
            applicant: Applicant {
                kind: ApplicantKind::parse(&kind)
                    .ok_or_else(|| corrupt("applicant kind", &kind))?,
                id_number,
                name,
                phone,
                address,
            },
            representative: representative
                .map(|json| serde_json::from_str(&json))
                .transpose()
                .map_err(|e| StoreError::Corrupt(format!("representative: {e}")))?,
            documents: serde_json::from_str(&documents)
                .map_err(|e| StoreError::Corrupt(format!("documents: {e}")))?,
            status: CaseStatus::parse(&status).ok_or_else(|| corrupt("status", &status))?,
            registered_by,
            route: RoutePosition {
                step,
                role: match role {
                    Some(code) => Some(Role::parse(&code).ok_or_else(|| corrupt("role", &code))?),
                    None => None,
                },
                executor,
                dept_head,
                due_at: due_at.map(parse_time).transpose()?,
                started_at: started_at.map(parse_time).transpose()?,
            },
        })
    })())
}

#[cfg(test)]
mod tests;
