//! Who may do what at which step, and what makes an act acceptable.

use chrono::{DateTime, FixedOffset};

use super::{
    resolve_target, settle_completeness, Action, ActionKind, Actor, Directory, ResolveTarget,
    RouteEvent, RouteState, Timer,
};
use crate::error::{DomainError, ErrorCode};
use crate::regulation::{Check, Procedure, ServiceDefinition, Step, StepKind};
use crate::types::{Channel, Role};

type Time = DateTime<FixedOffset>;

const MAX_TEXT: usize = 4000;
const MAX_SHORT: usize = 300;
const MAX_FIELDS: usize = 50;

/// Everything the rules need besides the case's state and the actor.
pub struct RouteContext<'a> {
    pub service: &'a ServiceDefinition,
    pub procedure: &'a Procedure,
    pub channel: Channel,
    pub timer: &'a dyn Timer,
    pub directory: &'a dyn Directory,
}

impl RouteContext<'_> {
    pub fn current_step<'s>(&'s self, state: &RouteState) -> Option<&'s Step> {
        state.step.map(|i| &self.procedure.steps[i])
    }

    /// When the current step is due: the regulation's limit counted from the
    /// step's start without the pauses, or the head's own earlier deadline for
    /// the executor's work. `None` once closed or while the clock is stopped.
    pub fn due(&self, state: &RouteState) -> Option<Time> {
        let step = self.current_step(state)?;
        if state.paused_since.is_some() {
            return None;
        }
        let due = self.timer.due(
            state.step_started,
            step.limit_for(self.channel),
            &state.pauses,
        );
        match state.head_deadline {
            Some(own) if is_executor_work(step) => Some(due.min(own)),
            _ => Some(due),
        }
    }

    /// When a refusal at the current step is due, where the step has its own refusal limit.
    pub fn refusal_due(&self, state: &RouteState) -> Option<Time> {
        let step = self.current_step(state)?;
        let limit = step.refusal.as_ref()?.limit?;
        if state.paused_since.is_some() {
            return None;
        }
        Some(self.timer.due(state.step_started, limit, &state.pauses))
    }

    /// The latest lawful due time of step `target` if the case went on from the
    /// current step at `now`, each step taking its full limit.
    fn regulation_due_of(&self, state: &RouteState, target: usize, now: Time) -> Option<Time> {
        let from = state.step?;
        let mut start = now;
        for step in self.procedure.steps.get(from + 1..=target)? {
            start = self.timer.due(start, step.limit_for(self.channel), &[]);
        }
        Some(start)
    }
}

fn is_executor_work(step: &Step) -> bool {
    matches!(
        step.kind,
        StepKind::CompletenessCheck
            | StepKind::StudyAndDraft
            | StepKind::QualificationCheck
            | StepKind::FeeCheck
            | StepKind::SiteVisit
    )
}

fn denied(detail: impl Into<String>) -> DomainError {
    DomainError::new(ErrorCode::PermissionDenied, detail)
}

fn not_now(detail: impl Into<String>) -> DomainError {
    DomainError::new(ErrorCode::ActionNotAllowed, detail)
}

/// The role an act is done in, and whether the deputy acts for the head.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Authority {
    role: Role,
    acting_for_head: bool,
}

fn as_head(actor: &Actor) -> Result<Authority, DomainError> {
    match actor.as_head() {
        Some(false) => Ok(Authority {
            role: Role::Head,
            acting_for_head: false,
        }),
        Some(true) => Ok(Authority {
            role: Role::Deputy,
            acting_for_head: true,
        }),
        None => Err(denied(format!(
            "{} is not the head, nor a deputy while the head is absent",
            actor.login
        ))),
    }
}

fn as_case_executor(actor: &Actor, state: &RouteState) -> Result<Authority, DomainError> {
    let assigned = state.executor.as_deref();
    if actor.has(Role::Executor) && assigned.is_none_or(|login| login == actor.login) {
        Ok(Authority {
            role: Role::Executor,
            acting_for_head: false,
        })
    } else {
        Err(denied(format!(
            "{} is not this case's executor",
            actor.login
        )))
    }
}

/// Who may act at `step` of this case.
fn step_authority(
    actor: &Actor,
    state: &RouteState,
    step: &Step,
) -> Result<Authority, DomainError> {
    match step.role {
        Role::Head | Role::Deputy => as_head(actor),
        Role::Clerk if actor.has(Role::Clerk) => Ok(Authority {
            role: Role::Clerk,
            acting_for_head: false,
        }),
        Role::DeptHead
            if actor.has(Role::DeptHead)
                && state.dept_head.as_deref().is_none_or(|l| l == actor.login) =>
        {
            Ok(Authority {
                role: Role::DeptHead,
                acting_for_head: false,
            })
        }
        // External bodies are not users: the case's executor records their answers.
        Role::Executor | Role::External => as_case_executor(actor, state),
        _ => Err(denied(format!(
            "step `{}` belongs to {}, not to {}",
            step.id,
            step.role.code(),
            actor.login
        ))),
    }
}

/// Whether `kind` fits the step the case stands at (ignoring who acts).
fn fits_step(kind: ActionKind, step: &Step, state: &RouteState) -> bool {
    let failed =
        state.checks.iter().any(|c| !c.passed) || state.conclusions.iter().any(|c| !c.positive);
    match kind {
        ActionKind::Resolve => step.kind == StepKind::Resolution,
        ActionKind::AssignExecutor => step.kind == StepKind::AssignExecutor,
        ActionKind::RecordCheck => is_executor_work(step) && !step.checks.is_empty(),
        ActionKind::SendExternal | ActionKind::RecordConclusion => {
            step.kind == StepKind::ExternalApproval
        }
        ActionKind::Submit => is_executor_work(step) || step.kind == StepKind::ExternalApproval,
        ActionKind::DraftRefusal => {
            (is_executor_work(step) || step.kind == StepKind::ExternalApproval)
                && (step.refusal.is_some() || failed)
        }
        ActionKind::Sign | ActionKind::Return => step.kind == StepKind::Sign,
        ActionKind::HandOver => step.kind == StepKind::HandOver,
        ActionKind::Formalise => step.kind == StepKind::Formalise,
        _ => false,
    }
}

/// Checks who acts and whether the act fits the case now; returns the authority.
fn authorise(
    ctx: &RouteContext,
    state: &RouteState,
    actor: &Actor,
    kind: ActionKind,
) -> Result<Authority, DomainError> {
    if kind == ActionKind::Register {
        return Err(not_now("registration is done by the journal"));
    }
    let Some(step) = ctx.current_step(state) else {
        return Err(not_now(format!("the case is {}", state.status.code())));
    };
    match kind {
        ActionKind::Withdraw => {
            if actor.has(Role::Clerk) {
                Ok(Authority {
                    role: Role::Clerk,
                    acting_for_head: false,
                })
            } else {
                Err(denied("only the chancellery records a withdrawal"))
            }
        }
        ActionKind::Reassign => {
            let authority = as_head(actor)?;
            if state.executor.is_none() {
                return Err(not_now("no executor has been named yet"));
            }
            Ok(authority)
        }
        ActionKind::Pause | ActionKind::Resume => {
            let authority = as_head(actor).or_else(|_| match state.executor.as_deref() {
                Some(login) if login == actor.login => Ok(Authority {
                    role: Role::Executor,
                    acting_for_head: false,
                }),
                _ => Err(denied(
                    "only the head or the case's executor stops its clock",
                )),
            })?;
            let executor_step = is_executor_work(step) || step.kind == StepKind::ExternalApproval;
            match (kind, state.paused_since.is_some()) {
                (ActionKind::Pause, false) if executor_step => Ok(authority),
                (ActionKind::Resume, true) => Ok(authority),
                _ => Err(not_now(
                    "the clock cannot be stopped or started at this point",
                )),
            }
        }
        _ => {
            let authority = step_authority(actor, state, step)?;
            if state.paused_since.is_some() {
                return Err(not_now("the case's clock is stopped: resume it first"));
            }
            if !fits_step(kind, step, state) {
                return Err(not_now(format!(
                    "`{}` is not possible at step `{}`",
                    kind.code(),
                    step.id
                )));
            }
            Ok(authority)
        }
    }
}

/// The acts `actor` may do on this case now.
pub fn available_actions(ctx: &RouteContext, state: &RouteState, actor: &Actor) -> Vec<ActionKind> {
    ActionKind::ALL
        .into_iter()
        .filter(|kind| authorise(ctx, state, actor, *kind).is_ok())
        .collect()
}

/// An act's printed text: no control characters or direction overrides
/// (line breaks are fine), and "empty" counts what is visible.
fn visible_chars(field: &str, value: &str) -> Result<usize, DomainError> {
    let clean = crate::text::clean(field, value, true)?;
    Ok(clean.trim().chars().count())
}

fn required(field: &str, value: &str, max: usize) -> Result<(), DomainError> {
    let chars = visible_chars(field, value)?;
    if chars == 0 {
        return Err(DomainError::at(
            ErrorCode::Required,
            field,
            format!("{field} is empty"),
        ));
    }
    if chars > max {
        return Err(DomainError::at(
            ErrorCode::TooLong,
            field,
            format!("{field} is longer than {max}"),
        ));
    }
    Ok(())
}

fn not_too_long(field: &str, value: &str, max: usize) -> Result<(), DomainError> {
    visible_chars(field, value)?;
    if value.chars().count() > max {
        return Err(DomainError::at(
            ErrorCode::TooLong,
            field,
            format!("{field} is longer than {max}"),
        ));
    }
    Ok(())
}

fn user_with(ctx: &RouteContext, field: &str, login: &str, role: Role) -> Result<(), DomainError> {
    if ctx.directory.has_role(login, role) {
        Ok(())
    } else {
        Err(DomainError::at(
            ErrorCode::UnknownUser,
            field,
            format!("`{login}` is not an active {} of the office", role.code()),
        ))
    }
}

/// A date as people write it (`dd.mm.yyyy`) or scripts do (`yyyy-mm-dd`).
fn date(field: &str, value: &str) -> Result<(), DomainError> {
    crate::dates::date_field(field, value).map(|_| ())
}

/// Checks the act's own data against the case.
fn check_data(
    ctx: &RouteContext,
    state: &RouteState,
    step: &Step,
    action: &Action,
    now: Time,
) -> Result<(), DomainError> {
    match action {
        Action::Resolve {
            text,
            executor,
            dept_head,
            deadline,
        } => {
            required("text", text, MAX_TEXT)?;
            let step_index = state.step.unwrap_or(0);
            let target = resolve_target(ctx.procedure, step_index);
            let (login, role) = match target {
                ResolveTarget::DeptHead => (dept_head, Role::DeptHead),
                ResolveTarget::Executor => (executor, Role::Executor),
            };
            let login = login.as_deref().unwrap_or("");
            required(target.field(), login, MAX_SHORT)?;
            user_with(ctx, target.field(), login, role)?;
            if let Some(text) = deadline.as_deref().filter(|d| !d.trim().is_empty()) {
                let own = DateTime::parse_from_rfc3339(text.trim()).map_err(|_| {
                    DomainError::at(ErrorCode::DateInvalid, "deadline", "not an RFC 3339 time")
                })?;
                let work = ctx
                    .procedure
                    .steps
                    .iter()
                    .enumerate()
                    .skip(step_index + 1)
                    .find(|(_, s)| is_executor_work(s))
                    .map(|(i, _)| i);
                let latest = work.and_then(|i| ctx.regulation_due_of(state, i, now));
                if own <= now || latest.is_some_and(|latest| own > latest) {
                    return Err(DomainError::at(
                        ErrorCode::DeadlineTooLate,
                        "deadline",
                        format!("{own} must be after now and not later than {latest:?}"),
                    ));
                }
            }
            Ok(())
        }
        Action::AssignExecutor { executor, text } => {
            not_too_long("text", text, MAX_TEXT)?;
            user_with(ctx, "executor", executor, Role::Executor)
        }
        Action::RecordCheck {
            check,
            passed,
            note,
            value,
        } => {
            if !step.checks.contains(check) {
                return Err(DomainError::at(
                    ErrorCode::InvalidInput,
                    "check",
                    format!("step `{}` has no such check", step.id),
                ));
            }
            if *check == Check::Completeness {
                settle_completeness(&ctx.service.required_documents, value, *passed)?;
            } else if passed.is_none() {
                return Err(DomainError::at(
                    ErrorCode::Required,
                    "passed",
                    "a check other than completeness states whether it passed",
                ));
            }
            not_too_long("note", note, MAX_TEXT)?;
            not_too_long("value", value, MAX_TEXT)
        }
        Action::SendExternal { bodies, sent_on } => {
            if bodies.is_empty() {
                return Err(DomainError::at(
                    ErrorCode::Required,
                    "bodies",
                    "no body named",
                ));
            }
            for body in bodies {
                required("bodies", body, MAX_SHORT)?;
            }
            date("sent_on", sent_on)
        }
        Action::RecordConclusion {
            body,
            text,
            date: d,
            ..
        } => {
            if !state.external_bodies.iter().any(|b| b == body) {
                return Err(DomainError::at(
                    ErrorCode::InvalidInput,
                    "body",
                    format!("`{body}` was not asked"),
                ));
            }
            required("text", text, MAX_TEXT)?;
            date("date", d)
        }
        Action::Submit { fields, note } => {
            not_too_long("note", note, MAX_TEXT)?;
            if fields.len() > MAX_FIELDS {
                return Err(DomainError::at(
                    ErrorCode::TooMany,
                    "fields",
                    "too many fields",
                ));
            }
            for (key, value) in fields {
                not_too_long(&format!("fields.{key}"), value, MAX_SHORT)?;
            }
            let missing: Vec<_> = step
                .checks
                .iter()
                .filter(|c| !state.checks.iter().any(|r| r.check == **c && r.passed))
                .collect();
            let external_open = step.kind == StepKind::ExternalApproval
                && (state.external_bodies.is_empty()
                    || state.conclusions.len() < state.external_bodies.len()
                    || state.conclusions.iter().any(|c| !c.positive));
            if !missing.is_empty() || external_open {
                return Err(DomainError::at(
                    ErrorCode::ChecksIncomplete,
                    "checks",
                    format!(
                        "checks not passed: {missing:?}; external answers complete: {}",
                        !external_open
                    ),
                ));
            }
            Ok(())
        }
        Action::DraftRefusal {
            grounds,
            missing_documents,
            text,
        } => {
            if grounds.is_empty() {
                return Err(DomainError::at(
                    ErrorCode::Required,
                    "grounds",
                    "no ground chosen",
                ));
            }
            if let Some(unknown) = grounds
                .iter()
                .find(|g| ctx.service.refusal_ground(g).is_none())
            {
                return Err(DomainError::at(
                    ErrorCode::UnknownGround,
                    "grounds",
                    format!("`{unknown}` is not a refusal ground of this service"),
                ));
            }
            for doc in missing_documents {
                required("missing_documents", doc, MAX_SHORT)?;
            }
            not_too_long("text", text, MAX_TEXT)
        }
        Action::Sign { comment } => not_too_long("comment", comment, MAX_TEXT),
        Action::Return { comment } => required("comment", comment, MAX_TEXT),
        Action::HandOver {
            outgoing_number,
            comment,
            ..
        } => {
            not_too_long(
                "outgoing_number",
                outgoing_number.as_deref().unwrap_or(""),
                MAX_SHORT,
            )?;
            not_too_long("comment", comment, MAX_TEXT)
        }
        Action::Formalise {
            outgoing_number,
            note,
            ..
        } => {
            not_too_long(
                "outgoing_number",
                outgoing_number.as_deref().unwrap_or(""),
                MAX_SHORT,
            )?;
            not_too_long("note", note, MAX_TEXT)
        }
        Action::Reassign { executor, reason } => {
            required("reason", reason, MAX_TEXT)?;
            user_with(ctx, "executor", executor, Role::Executor)?;
            if state.executor.as_deref() == Some(executor.as_str()) {
                return Err(DomainError::at(
                    ErrorCode::InvalidInput,
                    "executor",
                    "the case is already with this executor",
                ));
            }
            Ok(())
        }
        Action::Withdraw { reason } | Action::Pause { reason } => {
            required("reason", reason, MAX_TEXT)
        }
        Action::Register {} | Action::Resume {} => Ok(()),
    }
}

/// Checks an act by `actor` at `now` and returns the history line it adds.
/// The case's new state is `state.record(procedure, &event)`.
pub fn apply(
    ctx: &RouteContext,
    state: &RouteState,
    actor: &Actor,
    action: &Action,
    now: Time,
) -> Result<RouteEvent, DomainError> {
    let authority = authorise(ctx, state, actor, action.kind())?;
    let step = ctx
        .current_step(state)
        .ok_or_else(|| not_now("the case is closed"))?;
    if now < state.step_started {
        return Err(DomainError::at(
            ErrorCode::DateInvalid,
            "now",
            "an act cannot be dated before the step started",
        ));
    }
    check_data(ctx, state, step, action, now)?;
    let mut action = action.clone().normalised();
    // The completeness verdict is the domain's: recorded as decided here,
    // with the received documents in the regulation's order.
    if let Action::RecordCheck {
        check: Check::Completeness,
        passed,
        value,
        ..
    } = &mut action
    {
        let verdict = settle_completeness(&ctx.service.required_documents, value, *passed)?;
        *passed = Some(verdict.passed);
        *value = verdict.value();
    }
    Ok(RouteEvent {
        at: now,
        actor: actor.login.clone(),
        role: authority.role,
        acting_for_head: authority.acting_for_head,
        step: Some(step.id.clone()),
        action,
        due: ctx.due(state),
    })
}
