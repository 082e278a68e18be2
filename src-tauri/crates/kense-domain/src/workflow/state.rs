//! Where a case stands on its route: a fold of its history over its procedure.

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{Action, Draft, RouteEvent};
use crate::case::CaseStatus;
use crate::regulation::{Check, Procedure, StepKind};

type Time = DateTime<FixedOffset>;

/// A check the executor recorded at the current step.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CheckRecord {
    pub check: Check,
    pub passed: bool,
    pub note: String,
    pub value: String,
}

/// An external body's conclusion.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Conclusion {
    pub body: String,
    pub positive: bool,
    pub text: String,
    pub date: String,
}

/// Why a stored history cannot be replayed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReplayError {
    Empty,
    /// The first line is not the registration.
    NotRegistration,
    /// Line `version` was made for step `found` while the case stood at `expected`.
    WrongStep {
        version: u32,
        expected: Option<String>,
        found: Option<String>,
    },
}

impl std::fmt::Display for ReplayError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReplayError::Empty => f.write_str("the case has no history"),
            ReplayError::NotRegistration => {
                f.write_str("the history does not start with the registration")
            }
            ReplayError::WrongStep {
                version,
                expected,
                found,
            } => write!(
                f,
                "history line {version} was made for step {} while the case stood at {}",
                found.as_deref().unwrap_or("(closed)"),
                expected.as_deref().unwrap_or("(closed)")
            ),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RouteState {
    pub status: CaseStatus,
    /// Index of the current step in the procedure; `None` once the route ended.
    pub step: Option<usize>,
    #[ts(type = "string")]
    pub step_started: Time,
    pub executor: Option<String>,
    pub dept_head: Option<String>,
    /// The head's own deadline for the executor's work.
    #[ts(type = "string | null")]
    pub head_deadline: Option<Time>,
    pub draft: Option<Draft>,
    /// The step the draft was made at: a return sends the case back there.
    pub draft_step: Option<usize>,
    /// Checks recorded at the current step.
    pub checks: Vec<CheckRecord>,
    pub external_bodies: Vec<String>,
    pub conclusions: Vec<Conclusion>,
    /// The clock of the current step is stopped since then.
    #[ts(type = "string | null")]
    pub paused_since: Option<Time>,
    /// Finished pauses of the current step.
    #[ts(type = "Array<[string, string]>")]
    pub pauses: Vec<(Time, Time)>,
    pub outgoing_number: Option<String>,
}

impl RouteState {
    /// The state right after registration at `at`: the register step is done
    /// by registering, so the case stands at the step after it.
    pub fn registered(procedure: &Procedure, at: Time) -> RouteState {
        let first = match procedure.steps.first() {
            Some(s) if s.kind == StepKind::Register => 1,
            _ => 0,
        };
        let mut state = RouteState {
            status: CaseStatus::Registered,
            step: None,
            step_started: at,
            executor: None,
            dept_head: None,
            head_deadline: None,
            draft: None,
            draft_step: None,
            checks: Vec::new(),
            external_bodies: Vec::new(),
            conclusions: Vec::new(),
            paused_since: None,
            pauses: Vec::new(),
            outgoing_number: None,
        };
        state.go_to(procedure, Some(first), at);
        state
    }

    /// Replays a case's history (its first event is the registration). Every
    /// later line must name the step the replay stands at when it is applied:
    /// a line made for another step is a corruption (a lost race, an edit),
    /// never silently applied. `None` for an empty history.
    pub fn fold(procedure: &Procedure, events: &[RouteEvent]) -> Option<RouteState> {
        RouteState::replay(procedure, events).ok()
    }

    /// Like `fold`, but says which line does not fit.
    pub fn replay(procedure: &Procedure, events: &[RouteEvent]) -> Result<RouteState, ReplayError> {
        let (first, rest) = events.split_first().ok_or(ReplayError::Empty)?;
        if !matches!(first.action, Action::Register {}) {
            return Err(ReplayError::NotRegistration);
        }
        let mut state = RouteState::registered(procedure, first.at);
        for (index, event) in rest.iter().enumerate() {
            let at = state.step.map(|i| procedure.steps[i].id.clone());
            if event.step != at {
                return Err(ReplayError::WrongStep {
                    version: index as u32 + 1,
                    expected: at,
                    found: event.step.clone(),
                });
            }
            state.record(procedure, event);
        }
        Ok(state)
    }

    pub fn is_open(&self) -> bool {
        self.step.is_some()
    }

    fn go_to(&mut self, procedure: &Procedure, step: Option<usize>, at: Time) {
        let step = step.filter(|i| *i < procedure.steps.len());
        self.step = step;
        self.step_started = at;
        self.checks.clear();
        self.pauses.clear();
        self.paused_since = None;
        self.status = match step.map(|i| procedure.steps[i].kind) {
            None => self.status,
            Some(StepKind::Resolution) if self.executor.is_none() => CaseStatus::Registered,
            Some(StepKind::Sign) => CaseStatus::AwaitingSignature,
            Some(_) => CaseStatus::InProgress,
        };
    }

    fn next_after(&self, procedure: &Procedure) -> Option<usize> {
        self.step
            .map(|i| i + 1)
            .filter(|i| *i < procedure.steps.len())
    }

    fn finish(&mut self, status: CaseStatus) {
        self.status = status;
        self.step = None;
        self.paused_since = None;
    }

    fn closing_status(&self) -> CaseStatus {
        match self.draft {
            Some(Draft::Refusal { .. }) => CaseStatus::Refused,
            _ => CaseStatus::Closed,
        }
    }

    /// Applies one recorded act. Acts were checked before they were recorded,
    /// so this only moves the case.
    pub fn record(&mut self, procedure: &Procedure, event: &RouteEvent) {
        let at = event.at;
        match &event.action {
            Action::Register {} => {}
            Action::Resolve {
                executor,
                dept_head,
                deadline,
                ..
            } => {
                self.executor = executor.clone();
                self.dept_head = dept_head.clone();
                self.head_deadline = deadline
                    .as_deref()
                    .and_then(|d| DateTime::parse_from_rfc3339(d).ok());
                let next = self.next_after(procedure);
                self.go_to(procedure, next, at);
            }
            Action::AssignExecutor { executor, .. } => {
                self.executor = Some(executor.clone());
                let next = self.next_after(procedure);
                self.go_to(procedure, next, at);
            }
            Action::RecordCheck {
                check,
                passed,
                note,
                value,
            } => {
                self.checks.retain(|c| c.check != *check);
                self.checks.push(CheckRecord {
                    check: *check,
                    // `apply` records every check with its verdict; a line
                    // without one (never written by Kense) counts as failed.
                    passed: passed.unwrap_or(false),
                    note: note.clone(),
                    value: value.clone(),
                });
            }
            Action::SendExternal { bodies, .. } => {
                self.external_bodies = bodies.clone();
                self.conclusions.clear();
            }
            Action::RecordConclusion {
                body,
                positive,
                text,
                date,
            } => {
                self.conclusions.retain(|c| c.body != *body);
                self.conclusions.push(Conclusion {
                    body: body.clone(),
                    positive: *positive,
                    text: text.clone(),
                    date: date.clone(),
                });
            }
            Action::Submit { fields, .. } => {
                let kind = self.step.map(|i| procedure.steps[i].kind);
                if kind == Some(StepKind::StudyAndDraft) || !fields.is_empty() {
                    self.draft = Some(Draft::Result {
                        fields: fields.clone(),
                    });
                    self.draft_step = self.step;
                } else if self.draft.is_none() {
                    self.draft_step = self.step;
                }
                let next = self.next_after(procedure);
                self.go_to(procedure, next, at);
            }
            Action::DraftRefusal {
                grounds,
                missing_documents,
                text,
            } => {
                self.draft = Some(Draft::Refusal {
                    grounds: grounds.clone(),
                    missing_documents: missing_documents.clone(),
                    text: text.clone(),
                });
                self.draft_step = self.step;
                let branch = self.step.and_then(|i| procedure.steps[i].refusal.as_ref());
                if branch.is_some_and(|b| b.closes_case) {
                    self.finish(CaseStatus::Refused);
                    return;
                }
                let target = branch
                    .and_then(|b| b.next.as_deref())
                    .and_then(|id| procedure.steps.iter().position(|s| s.id == id))
                    .or_else(|| self.next_after(procedure));
                self.go_to(procedure, target, at);
            }
            Action::Sign { .. } => {
                let next = self.next_after(procedure);
                match next {
                    Some(_) => self.go_to(procedure, next, at),
                    None => self.finish(self.closing_status()),
                }
            }
            Action::Return { .. } => {
                let back = self.draft_step;
                self.draft = None;
                self.go_to(procedure, back, at);
            }
            Action::HandOver {
                outgoing_number, ..
            }
            | Action::Formalise {
                outgoing_number, ..
            } => {
                self.outgoing_number = outgoing_number.clone();
                self.finish(self.closing_status());
            }
            Action::Reassign { executor, .. } => {
                self.executor = Some(executor.clone());
            }
            Action::Withdraw { .. } => self.finish(CaseStatus::Withdrawn),
            Action::Pause { .. } => self.paused_since = Some(at),
            Action::Resume {} => {
                if let Some(from) = self.paused_since.take() {
                    self.pauses.push((from, at));
                }
            }
        }
    }
}
