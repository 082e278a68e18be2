//! `verify`'s route consistency checks: every case's history is contiguous
//! (versions 0, 1, 2, ...), each line was made for the step the replay stood
//! at, a case is handed over at most once, every signature was given by a
//! holder of the sign step's role (the deputy only while the head was absent),
//! and outgoing numbers are unique and equal to the frozen document's.
//! Kept apart from the other checks of `verify` (the hash chain is another's).

use std::collections::HashMap;

use kense_domain::types::Role;
use kense_domain::workflow::{Action, RouteState};
use kense_store::{absences, cases, documents as store_docs, events, users, Connection};

use crate::{CoreError, Office};

impl Office {
    /// Problems with the cases' routes, one line each; empty when all is sound.
    pub(crate) fn route_problems(&self) -> Result<Vec<String>, CoreError> {
        self.store().read(|conn| -> Result<_, CoreError> {
            let mut problems = version_gaps(conn)?;
            let mut numbers: HashMap<String, String> = HashMap::new();
            for case in cases::list_newest_first(conn, u32::MAX, 0)?.into_iter().rev() {
                let mut say = |what: String| problems.push(format!("{}: {what}", case.number));
                let history = match events::list(conn, case.id) {
                    Ok(history) => history,
                    Err(e) => {
                        say(format!("history unreadable: {e}"));
                        continue;
                    }
                };
                let procedure = match self.definition_of(&case) {
                    Ok((_, procedure)) => procedure,
                    Err(e) => {
                        say(format!("regulation not loaded: {e}"));
                        continue;
                    }
                };
                if let Err(e) = RouteState::replay(procedure, &history) {
                    say(e.to_string());
                }
                let hand_overs: Vec<_> = history
                    .iter()
                    .filter(|e| matches!(e.action, Action::HandOver { .. } | Action::Formalise { .. }))
                    .collect();
                if hand_overs.len() > 1 {
                    say(format!("handed over {} times", hand_overs.len()));
                }
                for (version, event) in history.iter().enumerate() {
                    if !matches!(event.action, Action::Sign { .. }) {
                        continue;
                    }
                    let step = procedure
                        .steps
                        .iter()
                        .find(|s| Some(&s.id) == event.step.as_ref());
                    let user = users::get(conn, &event.actor)?;
                    let holds = |role: Role| user.as_ref().is_some_and(|u| u.has(role));
                    let fits = match step.map(|s| s.role) {
                        Some(Role::Head) if event.role == Role::Deputy => {
                            event.acting_for_head
                                && holds(Role::Deputy)
                                && absences::head_absent_at(conn, event.at)?
                        }
                        Some(role) => event.role == role && holds(role),
                        None => false,
                    };
                    if !fits {
                        say(format!(
                            "line {version}: signed by {} as {}, who may not sign at step {}",
                            event.actor,
                            event.role.code(),
                            event.step.as_deref().unwrap_or("(none)")
                        ));
                    }
                }
                let docs = store_docs::list_for_case(conn, case.id)?;
                let mut doc_numbers: Vec<&str> = docs
                    .iter()
                    .filter_map(|d| d.outgoing_number.as_deref())
                    .collect();
                doc_numbers.sort();
                doc_numbers.dedup();
                if doc_numbers.len() > 1 {
                    say(format!("documents carry several outgoing numbers: {doc_numbers:?}"));
                }
                for doc in docs.iter().filter(|d| d.signed_by.is_some()) {
                    let line = match doc.event_id {
                        Some(id) => event_actor(conn, id)?,
                        None => None,
                    };
                    if line.as_deref() != doc.signed_by.as_deref() {
                        say(format!(
                            "the {} document names {} as signer, but its history line was made by {}",
                            doc.kind,
                            doc.signed_by.as_deref().unwrap_or(""),
                            line.as_deref().unwrap_or("nobody")
                        ));
                    }
                }
                let mut case_numbers: Vec<String> =
                    doc_numbers.iter().map(|n| n.to_string()).collect();
                for event in &hand_overs {
                    if let Action::HandOver {
                        outgoing_number: Some(n),
                        ..
                    }
                    | Action::Formalise {
                        outgoing_number: Some(n),
                        ..
                    } = &event.action
                    {
                        if !doc_numbers.is_empty() && !doc_numbers.contains(&n.as_str()) {
                            say(format!(
                                "handed over under {n}, but its document carries {}",
                                doc_numbers.join(", ")
                            ));
                        }
                        case_numbers.push(n.clone());
                    }
                }
                case_numbers.sort();
                case_numbers.dedup();
                for n in case_numbers {
                    if let Some(other) = numbers.insert(n.clone(), case.number.clone()) {
                        say(format!("outgoing number {n} is also case {other}'s"));
                    }
                }
            }
            Ok(problems)
        })
    }
}

/// Cases whose history versions are not exactly 0..n-1.
fn version_gaps(conn: &Connection) -> Result<Vec<String>, CoreError> {
    let mut stmt = conn
        .prepare(
            "SELECT c.number, COUNT(e.id), COUNT(DISTINCT e.version), MIN(e.version), MAX(e.version),
                    SUM(e.version IS NULL)
             FROM case_events e JOIN cases c ON c.id = e.case_id
             GROUP BY e.case_id ORDER BY e.case_id",
        )
        .map_err(kense_store::StoreError::from)?;
    let rows = stmt
        .query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, i64>(2)?,
                r.get::<_, Option<i64>>(3)?,
                r.get::<_, Option<i64>>(4)?,
                r.get::<_, i64>(5)?,
            ))
        })
        .map_err(kense_store::StoreError::from)?;
    let mut problems = Vec::new();
    for row in rows {
        let (number, count, distinct, min, max, missing) =
            row.map_err(kense_store::StoreError::from)?;
        if missing > 0 || distinct != count || min != Some(0) || max != Some(count - 1) {
            problems.push(format!(
                "{number}: history versions are not contiguous ({count} lines, versions {}..{}, {missing} without a version)",
                min.unwrap_or(-1),
                max.unwrap_or(-1)
            ));
        }
    }
    Ok(problems)
}

/// Who made history line `id`.
fn event_actor(conn: &Connection, id: i64) -> Result<Option<String>, CoreError> {
    use kense_store::StoreError;
    let mut stmt = conn
        .prepare_cached("SELECT actor FROM case_events WHERE id = ?1")
        .map_err(StoreError::from)?;
    let mut rows = stmt.query([id]).map_err(StoreError::from)?;
    Ok(match rows.next().map_err(StoreError::from)? {
        Some(row) => Some(row.get(0).map_err(StoreError::from)?),
        None => None,
    })
}
