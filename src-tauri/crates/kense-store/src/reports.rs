//! What reports read: the cases that touch a period, each with its history.

use std::collections::HashMap;

use chrono::{DateTime, FixedOffset};
use kense_domain::case::CaseStatus;
use kense_domain::report::{CaseFacts, HistoryLine};
use kense_domain::types::{Channel, Role};
use kense_domain::workflow::{Action, ActionKind};
use rusqlite::types::Value;
use rusqlite::Connection;

use crate::cases::time_text;
use crate::StoreError;

type Time = DateTime<FixedOffset>;

/// Narrows the cases read (the rest of a report's filters are rules).
#[derive(Debug, Clone, Default)]
pub struct Scope<'a> {
    pub service: Option<&'a str>,
    pub procedure: Option<&'a str>,
    pub channel: Option<Channel>,
    pub executor: Option<&'a str>,
}

fn time(t: &str) -> Result<Time, StoreError> {
    DateTime::parse_from_rfc3339(t).map_err(|_| StoreError::Corrupt(format!("time `{t}`")))
}

fn opt_time(t: Option<String>) -> Result<Option<Time>, StoreError> {
    t.as_deref().map(time).transpose()
}

/// Every case registered before `end` and not ended before `start`, with
/// its history, in the order of registration ids.
pub fn cases_touching(
    conn: &Connection,
    start: Time,
    end: Time,
    scope: &Scope<'_>,
) -> Result<Vec<CaseFacts>, StoreError> {
    let mut args: Vec<Value> = vec![Value::Text(time_text(&start)), Value::Text(time_text(&end))];
    let mut filter = String::new();
    let mut add = |column: &str, value: Option<String>| {
        if let Some(v) = value {
            args.push(Value::Text(v));
            filter.push_str(&format!(" AND c.{column} = ?{}", args.len()));
        }
    };
    add("service", scope.service.map(str::to_string));
    add("procedure", scope.procedure.map(str::to_string));
    add("channel", scope.channel.map(|c| c.code().to_string()));
    add("executor", scope.executor.map(str::to_string));
    let sql = format!(
        "WITH scope (id) AS (
             SELECT id FROM cases WHERE finished_at IS NOT NULL AND finished_at >= ?1 AND registered_at < ?2
             UNION ALL
             SELECT id FROM cases WHERE finished_at IS NULL AND registered_at < ?2)
         SELECT c.id, c.number, c.service, c.service_version, c.procedure, c.channel, c.status,
                c.registered_at, c.finished_at, c.executor, c.current_step, c.step_started_at, c.due_at,
                e.at, e.actor, e.role, e.step, e.action, e.due_at,
                CASE WHEN e.action = 'draft_refusal' THEN e.data_json END
         FROM scope s JOIN cases c ON c.id = s.id JOIN case_events e ON e.case_id = c.id
         WHERE 1 = 1{filter}
         ORDER BY c.id, e.id"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let mut rows = stmt.query(rusqlite::params_from_iter(args.iter()))?;
    let mut out: Vec<CaseFacts> = Vec::new();
    let mut roles: HashMap<String, Role> = HashMap::new();
    while let Some(r) = rows.next()? {
        let id: i64 = r.get(0)?;
        if out.last().is_none_or(|c| c.id != id) {
            let channel: String = r.get(5)?;
            let status: String = r.get(6)?;
            out.push(CaseFacts {
                id,
                number: r.get(1)?,
                service: r.get(2)?,
                service_version: r.get(3)?,
                procedure: r.get(4)?,
                channel: Channel::parse(&channel)
                    .ok_or_else(|| StoreError::Corrupt(format!("channel `{channel}`")))?,
                status: CaseStatus::parse(&status)
                    .ok_or_else(|| StoreError::Corrupt(format!("status `{status}`")))?,
                registered_at: time(&r.get::<_, String>(7)?)?,
                finished_at: opt_time(r.get(8)?)?,
                executor: r.get(9)?,
                current_step: r.get(10)?,
                step_started_at: opt_time(r.get(11)?)?,
                due_at: opt_time(r.get(12)?)?,
                history: Vec::new(),
            });
        }
        let role_code: String = r.get(15)?;
        let role = match roles.get(&role_code) {
            Some(role) => *role,
            None => {
                let role = Role::parse(&role_code)
                    .ok_or_else(|| StoreError::Corrupt(format!("role `{role_code}`")))?;
                roles.insert(role_code, role);
                role
            }
        };
        let kind_code: String = r.get(17)?;
        let kind = ActionKind::parse(&kind_code)
            .ok_or_else(|| StoreError::Corrupt(format!("action `{kind_code}`")))?;
        let grounds = match r.get::<_, Option<String>>(19)? {
            Some(data) => match serde_json::from_str::<Action>(&data) {
                Ok(Action::DraftRefusal { grounds, .. }) => grounds,
                _ => return Err(StoreError::Corrupt(format!("refusal of case {id}"))),
            },
            None => Vec::new(),
        };
        let line = HistoryLine {
            at: time(&r.get::<_, String>(13)?)?,
            actor: r.get(14)?,
            role,
            step: r.get(16)?,
            kind,
            due: opt_time(r.get(18)?)?,
            grounds,
        };
        out.last_mut().expect("pushed above").history.push(line);
    }
    Ok(out)
}
