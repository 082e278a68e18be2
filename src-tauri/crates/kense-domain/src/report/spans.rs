//! A case's history cut into the steps it went through, each with its real
//! working time, its limit and whether it was late.

use chrono::{DateTime, FixedOffset};

use super::HistoryLine;
use crate::calendar::WorkingCalendar;
use crate::deadline::due;
use crate::regulation::{Procedure, StepKind};
use crate::types::{Channel, Role};
use crate::workflow::{ActionKind, Timer};

type Time = DateTime<FixedOffset>;

/// One visit of a case to one step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StepSpan {
    pub step: String,
    pub kind: Option<StepKind>,
    /// The role the regulation gives the step (the deputy's acts count for the head).
    pub role: Role,
    /// Who ended the step.
    pub person: String,
    pub started: Time,
    pub ended: Time,
    /// `None` when the step is no longer in the case's regulation version.
    pub due: Option<Time>,
    /// Office working minutes from start to end, less the pauses.
    pub worked_minutes: i64,
    /// Office working minutes the regulation's limit allows from this start.
    pub limit_minutes: Option<i64>,
    pub late: bool,
    /// The applicant withdrew: the step did not end by the office's act, and
    /// is neither on time nor late.
    pub withdrawn: bool,
}

/// The rule: a step is late when it ended after its due time.
pub fn was_late(ended: Time, due: Time) -> bool {
    ended > due
}

/// The acts that move a case off its step.
fn ends_step(kind: ActionKind) -> bool {
    matches!(
        kind,
        ActionKind::Resolve
            | ActionKind::AssignExecutor
            | ActionKind::Submit
            | ActionKind::DraftRefusal
            | ActionKind::Sign
            | ActionKind::Return
            | ActionKind::HandOver
            | ActionKind::Formalise
            | ActionKind::Withdraw
    )
}

/// Cuts a history (oldest first, the registration first) into the steps that
/// ended. A step starts when the act before it moved the case (the
/// registration for the first); its pauses are the pause…resume pairs inside
/// it; its due time is the one recorded with the act that ended it (the
/// engine's answer at that moment, pauses and the head's deadline included),
/// else the regulation's limit counted now on `cal`; a refusal drafted at a
/// step with its own refusal limit is due by the earlier of the two.
pub fn step_spans(
    procedure: Option<&Procedure>,
    channel: Channel,
    history: &[HistoryLine],
    cal: &WorkingCalendar,
) -> Vec<StepSpan> {
    let mut spans = Vec::new();
    let mut start: Option<Time> = None;
    let mut pauses: Vec<(Time, Time)> = Vec::new();
    let mut paused_since: Option<Time> = None;
    for line in history {
        match line.kind {
            ActionKind::Register => start = Some(line.at),
            ActionKind::Pause => paused_since = Some(line.at),
            ActionKind::Resume => {
                if let Some(from) = paused_since.take() {
                    pauses.push((from, line.at));
                }
            }
            kind if ends_step(kind) => {
                if let (Some(started), Some(step_id)) = (start, line.step.as_deref()) {
                    if let Some(open) = paused_since.take() {
                        pauses.push((open, line.at));
                    }
                    spans.push(span(
                        procedure, channel, step_id, line, started, &pauses, cal,
                    ));
                }
                start = Some(line.at);
                pauses.clear();
                paused_since = None;
            }
            _ => {}
        }
    }
    spans
}

fn span(
    procedure: Option<&Procedure>,
    channel: Channel,
    step_id: &str,
    line: &HistoryLine,
    started: Time,
    pauses: &[(Time, Time)],
    cal: &WorkingCalendar,
) -> StepSpan {
    let step = procedure.and_then(|p| p.step(step_id));
    let limit = step.map(|s| s.limit_for(channel));
    let held: i64 = pauses
        .iter()
        .map(|&(from, until)| cal.working_minutes_between(from.max(started), until.max(started)))
        .sum();
    let worked = (cal.working_minutes_between(started, line.at) - held).max(0);
    let regular = line
        .due
        .or_else(|| limit.map(|l| Timer::due(cal, started, l, pauses)));
    // A refusal drafted at a step with its own refusal limit is due by that limit.
    let refusal = (line.kind == ActionKind::DraftRefusal)
        .then(|| step.and_then(|s| s.refusal.as_ref()).and_then(|r| r.limit))
        .flatten()
        .map(|l| Timer::due(cal, started, l, pauses));
    let due_time = match (regular, refusal) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    };
    let withdrawn = line.kind == ActionKind::Withdraw;
    StepSpan {
        step: step_id.to_string(),
        kind: step.map(|s| s.kind),
        role: step.map(|s| s.role).unwrap_or(match line.role {
            Role::Deputy => Role::Head,
            other => other,
        }),
        person: line.actor.clone(),
        started,
        ended: line.at,
        due: due_time,
        worked_minutes: worked,
        limit_minutes: limit.map(|l| cal.working_minutes_between(started, due(started, l, cal))),
        late: !withdrawn && due_time.is_some_and(|d| was_late(line.at, d)),
        withdrawn,
    }
}
