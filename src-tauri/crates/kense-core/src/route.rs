//! Moving cases along their routes: acts, the actions open to a user, a case's
//! full view, work queues and the overdue dashboard.

use chrono::{DateTime, Datelike, FixedOffset};
use kense_domain::case::{Case, RoutePosition};
use kense_domain::numbering::format_number;
use kense_domain::regulation::{Procedure, ServiceDefinition};
use kense_domain::types::Role;
use kense_domain::workflow::{
    apply, available_actions, recorded_completeness, Action, ActionKind, Actor, Directory,
    RouteContext, RouteEvent, RouteState,
};
use kense_domain::{DomainError, ErrorCode};
use kense_store::{cases, events, outgoing, users, Connection};

use crate::authorize::{authorize, What};
use crate::requests::{self, ActOptions};
use crate::views::{CaseView, StepName, StepView};
use crate::{CoreError, Office, Session};

type Time = DateTime<FixedOffset>;

/// The users table, as the workflow checks names given in an act.
struct StoreDirectory<'a>(&'a Connection);

impl Directory for StoreDirectory<'_> {
    fn has_role(&self, login: &str, role: Role) -> bool {
        matches!(users::get(self.0, login), Ok(Some(u)) if u.active && u.has(role))
    }
}

fn not_found(what: &str) -> CoreError {
    DomainError::at(ErrorCode::NotFound, "case", format!("no case `{what}`")).into()
}

impl Office {
    /// A case by its id or its registration number.
    pub fn find_case(&self, session: &Session, reference: &str) -> Result<Case, CoreError> {
        authorize(session, What::ReadJournal)?;
        self.case_at(reference)
    }

    pub(crate) fn case_at(&self, reference: &str) -> Result<Case, CoreError> {
        let conn = self.store().conn();
        let reference = reference.trim();
        let by_number = cases::get_by_number(conn, reference)?;
        let found = match by_number {
            Some(case) => Some(case),
            None => match reference.parse::<i64>() {
                Ok(id) => cases::get(conn, id)?,
                Err(_) => None,
            },
        };
        found.ok_or_else(|| not_found(reference))
    }

    pub(crate) fn definition_of(
        &self,
        case: &Case,
    ) -> Result<(&ServiceDefinition, &Procedure), CoreError> {
        let missing = || {
            CoreError::from(DomainError::new(
                ErrorCode::RegulationInvalid,
                format!(
                    "regulation {} version {} (procedure {}) is not loaded",
                    case.service, case.service_version, case.procedure
                ),
            ))
        };
        let service = self
            .catalog()
            .version(&case.service, case.service_version)
            .ok_or_else(missing)?;
        let procedure = service.procedure(&case.procedure).ok_or_else(missing)?;
        Ok((service, procedure))
    }

    pub(crate) fn route_of(
        &self,
        case: &Case,
        procedure: &Procedure,
    ) -> Result<(Vec<RouteEvent>, RouteState), CoreError> {
        let history = events::list(self.store().conn(), case.id)?;
        let state = RouteState::replay(procedure, &history).map_err(|e| {
            CoreError::from(DomainError::new(
                ErrorCode::StorageFailed,
                format!("case {}: {e}", case.number),
            ))
        })?;
        Ok((history, state))
    }

    fn context<'a>(
        &'a self,
        service: &'a ServiceDefinition,
        procedure: &'a Procedure,
        case: &Case,
        directory: &'a StoreDirectory<'a>,
    ) -> RouteContext<'a> {
        RouteContext {
            service,
            procedure,
            channel: case.channel,
            timer: self.timer(),
            directory,
        }
    }

    /// Where a case stands after its history, for the journal's queue columns.
    pub(crate) fn position(ctx: &RouteContext, state: &RouteState) -> RoutePosition {
        let step = ctx.current_step(state);
        RoutePosition {
            step: step.map(|s| s.id.clone()),
            role: step.map(|s| s.role),
            executor: state.executor.clone(),
            dept_head: state.dept_head.clone(),
            due_at: ctx.due(state),
            started_at: state.step.map(|_| state.step_started),
        }
    }

    /// The acts the signed-in user may do on the case at `now`.
    pub fn actions(
        &self,
        session: &Session,
        reference: &str,
        now: Time,
    ) -> Result<Vec<ActionKind>, CoreError> {
        authorize(session, What::ReadJournal)?;
        let actor = self.actor(session, now)?;
        let case = self.case_at(reference)?;
        let (service, procedure) = self.definition_of(&case)?;
        let (_, state) = self.route_of(&case, procedure)?;
        let directory = StoreDirectory(self.store().conn());
        let ctx = self.context(service, procedure, &case, &directory);
        Ok(available_actions(&ctx, &state, &actor))
    }

    /// Does one act as `login` at `now`; nothing changes when it is refused.
    /// An act at the desk, where signing must go through `sign_with_pin`:
    /// the head's PIN confirms every signature given in the window.
    pub fn act_at_desk(
        &mut self,
        session: &Session,
        reference: &str,
        action: Action,
        now: Time,
    ) -> Result<CaseView, CoreError> {
        self.act_at_desk_with(session, reference, action, now, &ActOptions::default())
    }

    /// `act_at_desk` with the version the user saw and the form's request id.
    pub fn act_at_desk_with(
        &mut self,
        session: &Session,
        reference: &str,
        action: Action,
        now: Time,
        options: &ActOptions,
    ) -> Result<CaseView, CoreError> {
        if matches!(action, Action::Sign { .. }) {
            return Err(DomainError::at(
                ErrorCode::ActionNotAllowed,
                "pin",
                "a signature at the desk is confirmed with the PIN",
            )
            .into());
        }
        self.act_with(session, reference, action, now, options)
    }

    pub fn act(
        &mut self,
        session: &Session,
        reference: &str,
        action: Action,
        now: Time,
    ) -> Result<CaseView, CoreError> {
        self.act_with(session, reference, action, now, &ActOptions::default())
    }

    /// Does one act as one serialised transaction: the write lock is taken
    /// first, then the case, its history and the users are read, the act is
    /// checked against that state (and against the version the user saw, if
    /// given), and its line, its document and its outgoing number are written.
    /// A request id already carried out returns the case as it is now, with
    /// nothing done twice.
    pub fn act_with(
        &mut self,
        session: &Session,
        reference: &str,
        action: Action,
        now: Time,
        options: &ActOptions,
    ) -> Result<CaseView, CoreError> {
        authorize(session, What::ActOnCase)?;
        let login = session.login();
        let action_json = serde_json::to_string(&action).unwrap_or_default();
        let hash = requests::content_hash(&["act", reference.trim(), login, &action_json]);
        let number = self.store().transact(|tx| -> Result<String, CoreError> {
            if let Some(id) = &options.request_id {
                if let Some(done) = requests::earlier(tx, id, "act", &hash)? {
                    let case = done.case_id.map(|id| cases::get(tx, id)).transpose()?;
                    return Ok(case.flatten().map(|c| c.number).unwrap_or_default());
                }
            }
            let actor: Actor = self.actor(session, now)?;
            let case = self.case_at(reference)?;
            let (service, procedure) = self.definition_of(&case)?;
            let (history, mut state) = self.route_of(&case, procedure)?;
            requests::check_version(&history, options.expect_version)?;
            let directory = StoreDirectory(tx);
            let ctx = self.context(service, procedure, &case, &directory);
            let mut event = apply(&ctx, &state, &actor, &action, now)?;
            self.outgoing_for_hand_over(tx, &case, &mut event, now)?;
            state.record(procedure, &event);
            let position = Office::position(&ctx, &state);
            // The document a signature (or a route's end) issues, frozen with the act.
            let freeze = self.freeze_for(&case, service, procedure, &state, &event)?;
            let offset = self.calendar().hours.offset;
            events::append(tx, case.id, &event)?;
            if let Some(freeze) = freeze {
                let event_id = tx.last_insert_rowid();
                freeze.write(tx, event_id, offset)?;
            }
            cases::set_route(tx, case.id, state.status, &position)?;
            if let Some(id) = &options.request_id {
                let result = serde_json::json!({
                    "case": case.number,
                    "version": history.len() + 1,
                    "action": event.action.kind().code(),
                });
                kense_store::requests::record(
                    tx,
                    id,
                    "act",
                    &hash,
                    Some(case.id),
                    &result.to_string(),
                    login,
                    &now.to_rfc3339(),
                )?;
            }
            Ok(case.number)
        })?;
        self.view_case(&number, now)
    }

    /// The outgoing number of a hand-over (or a route's formal end): the
    /// signed document's number when there is one (a different number given
    /// is refused), else the number given, else the next of the year. The
    /// number is recorded as this case's; another case's number is refused.
    fn outgoing_for_hand_over(
        &self,
        tx: &Connection,
        case: &Case,
        event: &mut RouteEvent,
        now: Time,
    ) -> Result<(), CoreError> {
        let given = match &event.action {
            Action::HandOver {
                outgoing_number, ..
            }
            | Action::Formalise {
                outgoing_number, ..
            } => outgoing_number.clone(),
            _ => return Ok(()),
        };
        let given = given
            .map(|n| n.trim().to_string())
            .filter(|n| !n.is_empty());
        let signed = crate::documents::signed_outgoing_number(tx, case.id)?;
        let number = match (given, signed) {
            (Some(given), Some(signed)) if given != signed => {
                return Err(DomainError::at(
                    ErrorCode::InvalidInput,
                    "outgoing_number",
                    format!(
                        "the signed document carries the outgoing number {signed}, not {given}"
                    ),
                )
                .into())
            }
            (_, Some(signed)) => signed,
            (Some(given), None) => given,
            (None, None) => {
                let pattern = self.outgoing_pattern()?;
                let seq = outgoing::next(tx, now.year())?;
                format_number(&pattern, now.year(), seq)
            }
        };
        outgoing::claim(tx, &number, case.id, "hand_over", &now.to_rfc3339())?;
        match &mut event.action {
            Action::HandOver {
                outgoing_number, ..
            }
            | Action::Formalise {
                outgoing_number, ..
            } => *outgoing_number = Some(number),
            _ => {}
        }
        Ok(())
    }

    /// A case with its route, current step, due times and full history.
    pub fn case_view(
        &self,
        session: &Session,
        reference: &str,
        now: Time,
    ) -> Result<CaseView, CoreError> {
        authorize(session, What::ReadJournal)?;
        self.view_case(reference, now)
    }

    fn view_case(&self, reference: &str, now: Time) -> Result<CaseView, CoreError> {
        let case = self.case_at(reference)?;
        let (service, procedure) = self.definition_of(&case)?;
        let (history, state) = self.route_of(&case, procedure)?;
        let directory = StoreDirectory(self.store().conn());
        let ctx = self.context(service, procedure, &case, &directory);
        let step = state
            .step
            .map(|i| StepView::new(service, procedure, i, case.channel));
        let completeness = ctx
            .current_step(&state)
            .and_then(|s| recorded_completeness(service, s, &state));
        let due = ctx.due(&state);
        let step_state = due.map(|due| self.urgency(now, state.step_started, due));
        Ok(CaseView {
            service_name: service.name.clone(),
            procedure_name: procedure.name.clone(),
            steps: procedure
                .steps
                .iter()
                .map(|s| StepName {
                    id: s.id.clone(),
                    action: s.action.clone(),
                })
                .collect(),
            required_documents: service.required_documents.clone(),
            refusal_grounds: service.refusal_grounds.clone(),
            result_fields: service.result_fields.clone(),
            row: self.journal_row(&case, now),
            case,
            step,
            completeness,
            due: due.map(|d| d.to_rfc3339()),
            refusal_due: ctx.refusal_due(&state).map(|d| d.to_rfc3339()),
            state: step_state,
            route: state,
            version: history.len() as u32,
            history,
        })
    }
}

#[cfg(test)]
#[path = "route_tests.rs"]
mod tests;
