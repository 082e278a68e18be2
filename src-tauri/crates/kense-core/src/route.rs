//! Moving cases along their routes: acts, the actions open to a user, a case's
//! full view, work queues and the overdue dashboard.

use chrono::{DateTime, Datelike, FixedOffset};
use kense_domain::case::{Case, RoutePosition};
use kense_domain::numbering::format_number;
use kense_domain::regulation::{Procedure, ServiceDefinition};
use kense_domain::types::Role;
use kense_domain::workflow::{
    apply, available_actions, Action, ActionKind, Actor, Directory, RouteContext, RouteEvent,
    RouteState,
};
use kense_domain::{DomainError, ErrorCode};
use kense_store::{cases, events, outgoing, users, Connection};

use crate::views::{CaseView, StepView};
use crate::{CoreError, Office};

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
    pub fn find_case(&self, reference: &str) -> Result<Case, CoreError> {
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
        let state = RouteState::fold(procedure, &history).ok_or_else(|| {
            CoreError::from(DomainError::new(
                ErrorCode::StorageFailed,
                format!("case {} has no history", case.number),
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

    /// The acts `login` may do on the case at `now`.
    pub fn actions(
        &self,
        reference: &str,
        login: &str,
        now: Time,
    ) -> Result<Vec<ActionKind>, CoreError> {
        let actor = self.actor(login, now)?;
        let case = self.find_case(reference)?;
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
        reference: &str,
        login: &str,
        action: Action,
        now: Time,
    ) -> Result<CaseView, CoreError> {
        if matches!(action, Action::Sign { .. }) {
            return Err(DomainError::at(
                ErrorCode::ActionNotAllowed,
                "pin",
                "a signature at the desk is confirmed with the PIN",
            )
            .into());
        }
        self.act(reference, login, action, now)
    }

    pub fn act(
        &mut self,
        reference: &str,
        login: &str,
        action: Action,
        now: Time,
    ) -> Result<CaseView, CoreError> {
        let actor: Actor = self.actor(login, now)?;
        let case = self.find_case(reference)?;
        let (service, procedure) = self.definition_of(&case)?;
        let (_, mut state) = self.route_of(&case, procedure)?;
        let directory = StoreDirectory(self.store().conn());
        let ctx = self.context(service, procedure, &case, &directory);
        let mut event = apply(&ctx, &state, &actor, &action, now)?;
        let needs_number = matches!(
            &event.action,
            Action::HandOver {
                outgoing_number: None,
                ..
            } | Action::Formalise {
                outgoing_number: None,
                ..
            }
        );
        state.record(procedure, &event);
        let position = Office::position(&ctx, &state);
        let status = state.status;
        let pattern = self.outgoing_pattern()?;
        // The document a signature (or a route's end) issues, frozen with the act.
        let freeze = self.freeze_for(&case, service, procedure, &state, &event)?;
        let offset = self.calendar().hours.offset;
        self.store_mut().write(|tx| {
            if needs_number {
                // A signed document already carries its outgoing number.
                let number = match crate::documents::signed_outgoing_number(tx, case.id)? {
                    Some(number) => number,
                    None => {
                        let seq = outgoing::next(tx, now.year())?;
                        format_number(&pattern, now.year(), seq)
                    }
                };
                match &mut event.action {
                    Action::HandOver {
                        outgoing_number, ..
                    }
                    | Action::Formalise {
                        outgoing_number, ..
                    } => *outgoing_number = Some(number),
                    _ => {}
                }
            }
            events::append(tx, case.id, &event)?;
            if let Some(freeze) = freeze {
                let event_id = tx.last_insert_rowid();
                freeze.write(tx, event_id, offset)?;
            }
            cases::set_route(tx, case.id, status, &position)
        })?;
        self.case_view(&case.number, now)
    }

    /// A case with its route, current step, due times and full history.
    pub fn case_view(&self, reference: &str, now: Time) -> Result<CaseView, CoreError> {
        let case = self.find_case(reference)?;
        let (service, procedure) = self.definition_of(&case)?;
        let (history, state) = self.route_of(&case, procedure)?;
        let directory = StoreDirectory(self.store().conn());
        let ctx = self.context(service, procedure, &case, &directory);
        let step = ctx
            .current_step(&state)
            .map(|s| StepView::new(s, case.channel));
        let due = ctx.due(&state);
        let step_state = due.map(|due| self.urgency(now, state.step_started, due));
        Ok(CaseView {
            service: service.clone(),
            row: self.journal_row(&case, now),
            case,
            step,
            due: due.map(|d| d.to_rfc3339()),
            refusal_due: ctx.refusal_due(&state).map(|d| d.to_rfc3339()),
            state: step_state,
            route: state,
            history,
        })
    }
}
